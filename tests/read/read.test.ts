import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeBytes, firstInvalidUtf8 } from '../../src/read/decode.js';
import { normalizeText } from '../../src/read/normalize.js';
import { sourceFromBytes } from '../../src/read/source.js';
import { InputError } from '../../src/util/errors.js';
import { parseText, spanText, textNodes } from '../helpers.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decoding', () => {
  it('reads UTF-8 and keeps a BOM as a character, so offsets count every character of the file', () => {
    const d = decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Één')]), 'a.txt');
    expect(d).toMatchObject({ encoding: 'utf-8', bom: true, warnings: [] });
    expect(d.text).toBe('\uFEFFÉén');
  });

  it('decodes Windows-1252 with a warning that says where UTF-8 failed', () => {
    // "Financiële middelen €" in Windows-1252: ë = 0xEB, € = 0x80
    const bytes = new Uint8Array([...utf8('Regel een\nFinanci'), 0xeb, ...utf8('le middelen '), 0x80]);
    const d = decodeBytes(bytes, 'oud.txt');
    expect(d.encoding).toBe('windows-1252');
    expect(d.text).toBe('Regel een\nFinanciële middelen €');
    expect(d.warnings[0]).toMatch(/not valid UTF-8 \(line 2, column 8\); decoded as Windows-1252/);
  });

  it('decodes UTF-16 with a byte order mark', () => {
    const text = 'De Commissie zal:';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) bytes[2 + 2 * i] = text.charCodeAt(i);
    const d = decodeBytes(bytes, 'u16.txt');
    expect(d.encoding).toBe('utf-16le');
    expect(d.text.replace('\uFEFF', '')).toBe(text);
  });

  it.each([
    ['an empty file', new Uint8Array(), /^leeg\.txt: the file is empty$/],
    ['a file of white space', utf8(' \n\t\n'), /^leeg\.txt: the file contains only white space$/],
    ['a binary file', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01]), /^leeg\.txt: this looks like a binary file \(a NUL byte at offset 4\)/],
    ['a PDF renamed to .txt', utf8('%PDF-1.7\n%âãÏÓ'), /^leeg\.txt: this is a PDF file, not text; convert it first/],
    ['bytes that are neither UTF-8 nor Windows-1252', new Uint8Array([0x41, 0x0a, 0x42, 0x81, 0x8d, 0x90]), /^leeg\.txt:2:2: not valid UTF-8 and not Windows-1252 text/],
  ])('refuses %s with a one-line message naming the file', (_what, bytes, message) => {
    let error: unknown;
    try {
      decodeBytes(bytes, 'leeg.txt');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).exitCode).toBe(2);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });

  it('refuses a file over the size limit before decoding it', () => {
    expect(() => decodeBytes(new Uint8Array(2048).fill(0x61), 'groot.txt', { maxBytes: 1024 })).toThrow(
      /^groot\.txt: the file is 0\.0 MB, over the 0\.0 MB limit for one document \(raise it with --max-bytes\)$/,
    );
  });

  it('finds the first invalid UTF-8 byte', () => {
    expect(firstInvalidUtf8(utf8('abc'))).toBe(-1);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xc3]))).toBe(1);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xc3, 0xab, 0xff]))).toBe(3);
  });
});

describe('normalisation with an offset map', () => {
  it('maps normalised positions back to raw code points through BOM, CRLF, NBSP, zero-width and NFD', () => {
    const raw = '\uFEFFa\r\nb\u00A0c\u200Bd e\u0301f\r\n\u{1D54F}g';
    const n = normalizeText(raw);
    expect(n.text).toBe('a\nb cd éf\n\u{1D54F}g');
    const rawChars = Array.from(raw);
    const at = (needle: string) => rawChars[n.map.toRaw(n.text.indexOf(needle))];
    expect(at('a')).toBe('a');
    expect(at('b')).toBe('b');
    expect(at('d')).toBe('d');
    expect(at('é')).toBe('e'); // the composed é maps to the base letter of "e + combining acute"
    expect(at('f')).toBe('f');
    expect(at('g')).toBe('g');
    expect(n.changes).toMatchObject({ bom: 1, crlf: 2, space: 1, invisible: 1, nfc: 1 });
  });

  it('leaves clean text as it is, with an identity map', () => {
    const n = normalizeText('Kernacties\n- De Commissie zal');
    expect(n.text).toBe('Kernacties\n- De Commissie zal');
    expect(n.map.toRaw(12)).toBe(12);
  });

  it('gives element spans that show the element in the raw file, whatever its encoding details', () => {
    const raw = '\uFEFF1. Inleiding\r\n\r\nDe Commissie\u00A0zal de richtlijn evalueren\u00B9.\r\n\r\n\u00B9 Zie COM(2021) 171 final.\r\n';
    const doc = parseText(raw);
    const paragraph = textNodes(doc).find((n) => n.type === 'paragraph')!;
    expect(paragraph.text).toBe('De Commissie zal de richtlijn evalueren.');
    expect(spanText(raw, paragraph.span)).toBe('De Commissie\u00A0zal de richtlijn evalueren\u00B9.');
    expect(paragraph.span.startLine).toBe(3);
    const note = doc.notes[0]!;
    expect(spanText(raw, note.span)).toBe('\u00B9 Zie COM(2021) 171 final.');
    expect(doc.source).toMatchObject({ encoding: 'utf-8', bom: true, lineEnding: 'crlf' });
  });
});

describe('the source text', () => {
  it('records the sha256 of the bytes and counts lines as sed does', () => {
    const src = sourceFromBytes(utf8('a\nb\nc\n'), 'x.txt');
    expect(src.info.sha256).toBe(createHash('sha256').update('a\nb\nc\n').digest('hex'));
    expect(src.lineCount).toBe(3);
    expect(src.position(src.text.indexOf('c'))).toEqual({ line: 3, column: 1 });
  });
});

describe('decomposed text (found by the fuzz tests)', () => {
  it('an element ending in a letter composed from base and accent cites both raw characters', () => {
    const raw = '1. Itali\u0065\u0308\n\nTekst over Itali\u0065\u0308.\n';
    const doc = parseText(raw);
    const heading = textNodes(doc).find((n) => n.type === 'heading')!;
    expect(heading.text).toBe('1. Italië');
    expect(spanText(raw, heading.span)).toBe('1. Itali\u0065\u0308');
  });

  it('an invisible character between a letter and its accent does not stop composition', () => {
    expect(normalizeText('o\u200B\u0301 en e\u00AD\u0308').text).toBe('ó en ë');
  });

  it('an accent after a line break stays on its own line', () => {
    const doc = parseText('\n\u0301e\u0301');
    const p = textNodes(doc)[0]!;
    expect(p.span).toMatchObject({ startLine: 2, endLine: 2 });
  });

  it('counts the lines of the raw file, a last line of invisible characters included', () => {
    expect(parseText('Eerste regel.\n\u200B').source.lines).toBe(2);
    expect(parseText('Eerste regel.\r\nTweede regel.\r\n').source.lines).toBe(2);
  });
});
