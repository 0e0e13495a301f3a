/** The store's file primitives: JSON written in pieces, files read a line at a time. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { AtomicFile, forEachLine, writeJsonAtomic, writeJsonPieces } from '../../src/store/files.js';
import { corpusDoc, IDS } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'smuggle-corpus-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function piecesOf(value: unknown): string {
  const path = join(dir, 'pieces.json');
  const file = new AtomicFile(path);
  writeJsonPieces(file, value);
  file.commit({ durable: false });
  return readFileSync(path, 'utf8');
}

describe('writeJsonPieces', () => {
  it('writes the text JSON.stringify would, for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.dictionary(fc.string(), fc.oneof(fc.jsonValue(), fc.array(fc.jsonValue()), fc.constant(undefined))), (value, object) => {
        expect(piecesOf(value)).toBe(JSON.stringify(value));
        expect(piecesOf(object)).toBe(JSON.stringify(object));
      }),
      { numRuns: 300, seed: 5 },
    );
  });

  it('writes a large array (a documents.json) element by element, the same text', () => {
    const entries = Array.from({ length: 20_000 }, (_, i) => ({ id: `doc-${i}`, title: i % 3 ? `Titel ${i}` : `Financiële stromen ${i} – “€”`, size: i * 31 }));
    expect(piecesOf(entries)).toBe(JSON.stringify(entries));
    expect(piecesOf({ documents: entries, empty: [] })).toBe(JSON.stringify({ documents: entries, empty: [] }));
  });

  it('writes a parsed document byte for byte as JSON.stringify, non-Latin-1 text included', () => {
    const doc = corpusDoc(IDS.plan);
    writeJsonAtomic(join(dir, 'doc.json'), doc, { durable: false });
    expect(readFileSync(join(dir, 'doc.json'), 'utf8')).toBe(JSON.stringify(doc));
  });
});

describe('forEachLine', () => {
  async function lines(content: string | Buffer): Promise<string[]> {
    const path = join(dir, 'lines.txt');
    writeFileSync(path, content);
    const out: string[] = [];
    await forEachLine(path, (line) => out.push(line));
    return out;
  }

  it('gives every non-empty line, with or without a final newline', async () => {
    expect(await lines('a\nb\n\nc')).toEqual(['a', 'b', 'c']);
    expect(await lines('a\nb\n')).toEqual(['a', 'b']);
    expect(await lines('')).toEqual([]);
  });

  it('keeps lines longer than a read and multi-byte characters across read boundaries whole', async () => {
    const long = 'é’'.repeat(700_000); // 3.5 MB of two- and three-byte characters
    const content = `x\n${long}\n${'ë'.repeat(524_287)}a\ny`;
    expect(await lines(content)).toEqual(['x', long, `${'ë'.repeat(524_287)}a`, 'y']);
  });

  it('calls `between` after each megabyte read', async () => {
    const path = join(dir, 'mb.txt');
    writeFileSync(path, `${'a'.repeat(1 << 20)}\n${'b'.repeat(1 << 20)}\n`);
    let pauses = 0;
    let seen = 0;
    await forEachLine(path, () => seen++, async () => void pauses++);
    expect(seen).toBe(2);
    expect(pauses).toBeGreaterThanOrEqual(2);
  });
});
