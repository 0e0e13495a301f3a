/**
 * Character classes for the tokeniser, computed once per UTF-16 code unit and cached, and fast
 * access to the code units of a string. The tokeniser is a hand-written loop over these
 * because a capturing regex per token was the bottleneck of matching.
 */

export const LETTER = 1;
export const UPPER = 2;
export const LOWER = 4;
export const MARK = 8;
export const DIGIT = 16;
export const SPACE = 32;
export const NEWLINE = 64;
export const DASH = 128;
/** markdown emphasis and superscript note markers: invisible to matching */
export const TRANSPARENT = 256;
export const APOSTROPHE = 512;
export const BEYOND_ASCII = 1024;
/** set on every cached entry, so 0 means "not classified yet" */
const CLASSIFIED = 0x8000;
const classCache = new Uint16Array(0x10000);

function classifyCharacter(ch: string): number {
  if (/\p{L}/u.test(ch)) return LETTER | (/\p{Lu}/u.test(ch) ? UPPER : 0) | (/\p{Ll}/u.test(ch) ? LOWER : 0);
  if (/\p{M}/u.test(ch)) return MARK;
  if (/\p{Nd}/u.test(ch)) return DIGIT;
  if (/[\n\r\u2028\u2029]/.test(ch)) return SPACE | NEWLINE;
  if (/\s/u.test(ch)) return SPACE;
  if (/[-\u2010-\u2015\u2212]/.test(ch)) return DASH;
  if (/[*_\p{No}]/u.test(ch)) return TRANSPARENT;
  if (ch === "'" || ch === '’') return APOSTROPHE;
  return 0;
}

export function classifyCodePoint(codePoint: number): number {
  return classifyCharacter(String.fromCodePoint(codePoint)) | (codePoint > 0x7f ? BEYOND_ASCII : 0);
}

/** The cached class of a code unit, or 0 when it is not classified yet (surrogates never are). */
export function cachedClass(code: number): number {
  return classCache[code]!;
}

/** The class of a code unit that is not part of a surrogate pair. */
export function classOf(code: number): number {
  let cls = classCache[code]!;
  if (cls === 0) {
    cls = classifyCodePoint(code) | CLASSIFIED;
    // a surrogate's class depends on its neighbour, so it is not cached
    if (code < 0xd800 || code > 0xdfff) classCache[code] = cls;
  }
  return cls;
}

for (let code = 0; code < 0x80; code++) classOf(code);

const LITTLE_ENDIAN = new Uint16Array(new Uint8Array([1, 0]).buffer)[0] === 1;
let scratch = Buffer.allocUnsafeSlow(1 << 16);
let scratchUnits = new Uint16Array(scratch.buffer, scratch.byteOffset, scratch.length >> 1);

/**
 * The UTF-16 code units of `text` in a reused typed array (valid until the next call). Reading
 * them is much faster than `charCodeAt`, which V8 slows down once a function has seen strings
 * of both internal encodings (one-byte and two-byte), as any real corpus makes it see.
 */
export function codeUnits(text: string): Uint16Array {
  if (text.length > scratchUnits.length) {
    scratch = Buffer.allocUnsafeSlow(2 ** Math.ceil(Math.log2(text.length * 2)));
    scratchUnits = new Uint16Array(scratch.buffer, scratch.byteOffset, scratch.length >> 1);
  }
  if (LITTLE_ENDIAN) scratch.write(text, 0, 'utf16le');
  else for (let i = 0; i < text.length; i++) scratchUnits[i] = text.charCodeAt(i);
  return scratchUnits;
}
