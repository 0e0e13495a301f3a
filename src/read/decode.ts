/**
 * Bytes to text: encoding detection and the refusal of input that is not a text document.
 *
 * UTF-8 (with or without BOM) is read as is; UTF-16 with a BOM is decoded; input that is not
 * valid UTF-8 but reads as Windows-1252 Latin text is decoded as Windows-1252 with a warning.
 * Empty files, binary files (NUL bytes, PDF), files over the size limit and bytes that are
 * neither are refused with an {@link InputError}: a one-line message naming the file.
 */
import iconv from 'iconv-lite';
import { InputError } from '../util/errors.js';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface Decoded {
  /** The decoded text, BOM included as U+FEFF when there was one. */
  text: string;
  encoding: Encoding;
  bom: boolean;
  warnings: string[];
}

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export interface DecodeOptions {
  maxBytes?: number;
}

const MiB = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

export function decodeBytes(bytes: Uint8Array, name: string, options: DecodeOptions = {}): Decoded {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length === 0) throw new InputError(`${name}: the file is empty`);
  if (bytes.length > maxBytes) {
    throw new InputError(
      `${name}: the file is ${MiB(bytes.length)}, over the ${MiB(maxBytes)} limit for one document (raise it with --max-bytes)`,
    );
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) {
    throw new InputError(`${name}: this is a PDF file, not text; convert it first (for example: pdftotext -layout file.pdf file.txt)`);
  }
  const utf16 = utf16Bom(bytes);
  if (utf16) {
    const text = new TextDecoder(utf16, { fatal: false }).decode(bytes);
    return checkText({ text, encoding: utf16, bom: true, warnings: [`decoded as ${utf16.toUpperCase()} (byte order mark)`] }, name);
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw new InputError(`${name}: this looks like a binary file (a NUL byte at offset ${nul}), not a text document`);
  }
  const bom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  try {
    // ignoreBOM keeps U+FEFF in the text, so offsets count every character of the file.
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return checkText({ text, encoding: 'utf-8', bom, warnings: [] }, name);
  } catch (error) {
    if (error instanceof InputError) throw error;
  }
  const invalidAt = firstInvalidUtf8(bytes);
  if (looksLikeWindows1252(bytes)) {
    // Node's TextDecoder reads "windows-1252" as Latin-1 (0x80 is not €): iconv-lite has the code page.
    const text = iconv.decode(Buffer.from(bytes), 'win1252');
    const where = positionOf(bytes, invalidAt);
    return checkText(
      {
        text,
        encoding: 'windows-1252',
        bom: false,
        warnings: [`not valid UTF-8 (line ${where.line}, column ${where.column}); decoded as Windows-1252`],
      },
      name,
    );
  }
  const where = positionOf(bytes, invalidAt);
  throw new InputError(
    `${name}:${where.line}:${where.column}: not valid UTF-8 and not Windows-1252 text; save the file as UTF-8`,
  );
}

/** A policy text has paragraphs of some thousands of characters; a line this long is not one. */
export const MAX_LINE_CHARACTERS = 1_000_000;

function checkText(decoded: Decoded, name: string): Decoded {
  if (!/[^\s\uFEFF]/u.test(decoded.text)) throw new InputError(`${name}: the file contains only white space`);
  let lineStart = 0;
  let line = 1;
  for (let i = decoded.text.indexOf('\n'); ; i = decoded.text.indexOf('\n', i + 1)) {
    const end = i < 0 ? decoded.text.length : i;
    if (end - lineStart > MAX_LINE_CHARACTERS) {
      throw new InputError(
        `${name}:${line}: a single line of ${MiB(end - lineStart)} is not a document of this kind (one paragraph per line, or hard-wrapped text); split it into paragraphs`,
      );
    }
    if (i < 0) break;
    lineStart = i + 1;
    line++;
  }
  const controls = decoded.text.match(/[\u0000-\u0008\u000E-\u001F\u007F]/g)?.length ?? 0;
  if (controls > Math.max(16, decoded.text.length / 100)) {
    throw new InputError(`${name}: this looks like a binary file (${controls} control characters), not a text document`);
  }
  return decoded;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function utf16Bom(bytes: Uint8Array): Encoding | null {
  if (startsWith(bytes, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(bytes, [0xfe, 0xff])) return 'utf-16be';
  return null;
}

/** Offset of the first byte that breaks UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xf0 && b <= 0xf4 ? 3 : b >= 0xe0 ? 2 : b >= 0xc2 && b <= 0xdf ? 1 : -1;
    if (need < 0 || b > 0xf4) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return -1;
}

/**
 * Windows-1252 Latin text: high bytes are letters and punctuation of that code page, mostly
 * standing next to ASCII letters, and the bytes the code page leaves undefined do not occur.
 */
function looksLikeWindows1252(bytes: Uint8Array): boolean {
  const undefinedBytes = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
  let high = 0;
  let besideLetter = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) continue;
    if (undefinedBytes.has(b)) return false;
    high++;
    const prev = bytes[i - 1] ?? 0x20;
    const next = bytes[i + 1] ?? 0x20;
    if (isAsciiLetter(prev) || isAsciiLetter(next) || prev === 0x20 || next === 0x20) besideLetter++;
  }
  return high > 0 && besideLetter / high > 0.8;
}

function isAsciiLetter(b: number): boolean {
  return (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);
}

function positionOf(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = offset < 0 ? 0 : offset;
  for (let i = 0; i < end; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}
