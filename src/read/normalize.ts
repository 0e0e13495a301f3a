/**
 * Normalisation of decoded text, with a map back to the raw text.
 *
 * The layout and structure stages work on normalised text: no BOM, LF line ends, odd spaces
 * (NBSP, thin spaces, tabs) as plain spaces, invisible characters (zero-width spaces, soft
 * hyphens) removed, Unicode NFC. Every normalised position maps back to a code point offset in
 * the raw decoded text, so each element can cite the file exactly.
 */
import { lastAtOrBefore } from '../util/search.js';

export interface Normalized {
  text: string;
  map: OffsetMap;
  /** How many characters of each kind were changed, for diagnostics. */
  changes: Record<string, number>;
}

/**
 * Piecewise-linear map from normalised UTF-16 positions to raw code point offsets:
 * for `n` in `[norm[k], norm[k+1])`, `raw(n) = raw[k] + (n - norm[k])`.
 */
export class OffsetMap {
  constructor(
    private readonly norm: number[],
    private readonly rawAt: number[],
    /** Length of the raw text in code points. */
    readonly rawLength: number,
    /** Length of the normalised text in UTF-16 units. */
    readonly normLength: number,
    /** Normalised characters composed from several raw ones ("e" + U+0301): raw end of each. */
    private readonly clusterEnd: ReadonlyMap<number, number> = new Map(),
  ) {}

  static identity(length: number, rawCodePoints: number): OffsetMap {
    return new OffsetMap([0], [0], rawCodePoints, length);
  }

  /** Raw code point offset of the character at normalised position `n`. */
  toRaw(n: number): number {
    if (n >= this.normLength) return this.rawLength;
    const k = Math.max(0, lastAtOrBefore(this.norm, n));
    return this.rawAt[k]! + (n - this.norm[k]!);
  }

  /** Raw offset just after the character at normalised position `n - 1` (an exclusive end). */
  toRawEnd(n: number): number {
    if (n <= 0) return 0;
    return this.clusterEnd.get(n - 1) ?? this.toRaw(n - 1) + 1;
  }
}

const SPACES = /[\t\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/;
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/;
const NEEDS_WORK = /[\r\t\u00A0\u00AD\u1680\u2000-\u200D\u2028\u2029\u202F\u205F\u2060\u3000\uFEFF\uD800-\uDFFF]/;
const COMBINING = /\p{M}/u;

export function normalizeText(raw: string): Normalized {
  const needsNfc = COMBINING.test(raw);
  if (!NEEDS_WORK.test(raw) && !needsNfc) {
    return { text: raw, map: OffsetMap.identity(raw.length, raw.length), changes: {} };
  }
  return needsNfc ? nfcNormalize(raw) : bulkNormalize(raw);
}

/** Characters normalisation changes (text without combining marks): copied around in bulk. */
const SPECIAL = /[\r\t\u00A0\u00AD\u1680\u2000-\u200D\u2028\u2029\u202F\u205F\u2060\u3000\uFEFF\u{10000}-\u{10FFFF}]/gu;

/** Normalisation without NFC work: runs of ordinary characters are copied in one piece. */
function bulkNormalize(raw: string): Normalized {
  const out: string[] = [];
  const norm: number[] = [0];
  const rawAt: number[] = [0];
  const changes: Record<string, number> = {};
  const count = (kind: string) => (changes[kind] = (changes[kind] ?? 0) + 1);
  let outLength = 0;
  let rawCp = 0; // code points of raw consumed
  let at = 0; // UTF-16 index in raw
  const segment = () => {
    if (norm[norm.length - 1] === outLength) rawAt[rawAt.length - 1] = rawCp;
    else {
      norm.push(outLength);
      rawAt.push(rawCp);
    }
  };
  SPECIAL.lastIndex = 0;
  for (let m = SPECIAL.exec(raw); m; m = SPECIAL.exec(raw)) {
    const run = raw.slice(at, m.index);
    out.push(run);
    outLength += run.length;
    rawCp += run.length;
    const ch = m[0];
    at = m.index + ch.length;
    if (ch === '\r') {
      if (raw[at] === '\n') count('crlf');
      else {
        count('cr');
        out.push('\n');
        outLength++;
      }
      rawCp++;
      segment();
    } else if (INVISIBLE.test(ch)) {
      count(rawCp === 0 && ch === '\uFEFF' ? 'bom' : 'invisible');
      rawCp++;
      segment();
    } else if (SPACES.test(ch)) {
      count(ch === '\t' ? 'tab' : 'space');
      out.push(' ');
      outLength++;
      rawCp++;
    } else {
      // An astral character: two UTF-16 units, one code point; both units map to it.
      out.push(ch);
      norm.push(outLength + 1);
      rawAt.push(rawCp);
      outLength += 2;
      rawCp++;
      segment();
    }
  }
  const tail = raw.slice(at);
  out.push(tail);
  outLength += tail.length;
  rawCp += tail.length;
  const text = out.join('');
  return { text, map: new OffsetMap(norm, rawAt, rawCp, text.length), changes };
}

/** Text with combining marks: character by character, composing each cluster (NFC). */
function nfcNormalize(raw: string): Normalized {
  const out: string[] = [];
  const norm: number[] = [];
  const rawAt: number[] = [];
  const clusterEnd = new Map<number, number>();
  const changes: Record<string, number> = {};
  const count = (kind: string) => (changes[kind] = (changes[kind] ?? 0) + 1);
  let outLength = 0;
  let rawIndex = 0; // code point index of the current raw character
  // The raw offset the current linear segment gives the next output unit.
  let expected = -1;

  // Every UTF-16 unit of one emitted string maps to the same raw code point, so the second
  // unit of an astral character (or of an NFC cluster) starts a segment of its own.
  const emit = (s: string, rawCp: number) => {
    for (let k = 0; k < s.length; k++) {
      if (rawCp !== expected) {
        norm.push(outLength);
        rawAt.push(rawCp);
      }
      outLength++;
      expected = rawCp + 1;
    }
    out.push(s);
  };

  const chars = Array.from(raw);
  for (let i = 0; i < chars.length; i++, rawIndex++) {
    const ch = chars[i]!;
    if (ch === '\r') {
      if (chars[i + 1] === '\n') {
        count('crlf');
        continue; // the LF that follows is emitted in its own right
      }
      count('cr');
      emit('\n', rawIndex);
      continue;
    }
    if (INVISIBLE.test(ch)) {
      count(ch === '\uFEFF' && rawIndex === 0 ? 'bom' : 'invisible');
      continue;
    }
    if (SPACES.test(ch)) {
      count(ch === '\t' ? 'tab' : 'space');
      emit(' ', rawIndex);
      continue;
    }
    if (!/[\s\p{Cc}]/u.test(ch)) {
      // A base character with the combining marks after it (invisible characters between them
      // removed) is composed as one cluster; a mark after a line break or control stands alone.
      let cluster = ch;
      let j = i + 1;
      for (;;) {
        let k = j;
        while (k < chars.length && INVISIBLE.test(chars[k]!)) k++;
        if (k >= chars.length || !COMBINING.test(chars[k]!)) break;
        cluster += chars[k]!;
        j = k + 1;
      }
      if (j > i + 1) {
        const composed = cluster.normalize('NFC');
        if (composed !== cluster) count('nfc');
        emit(composed, rawIndex);
        clusterEnd.set(outLength - 1, rawIndex + (j - i));
        rawIndex += j - i - 1;
        i = j - 1;
        continue;
      }
    }
    emit(ch.normalize('NFC'), rawIndex);
  }
  if (norm.length === 0) {
    norm.push(0);
    rawAt.push(0);
  }
  const text = out.join('');
  return { text, map: new OffsetMap(norm, rawAt, chars.length, text.length, clusterEnd), changes };
}
