/**
 * Unicode-aware tokeniser shared by the registry compiler and the matcher (no zod, no yaml).
 *
 * - A word is a run of letters (with combining marks and inner apostrophes: "Regio's",
 *   "Europol's") or a run of decimal digits; letters and digits are split ("pakket1" is
 *   "pakket" + "1"), so plain-digit note markers glued to words do not hide the word.
 * - Hyphens and dashes are not tokens: they set flags on the neighbouring words, so
 *   "EU-lidstaten", "EU lidstaten" and "Grens- en" / "Grens en" have the same keys while the
 *   matcher can still tell a hyphenated compound ("Frontex-statusovereenkomsten") and a
 *   suspended compound ("rechtshandhavings- en ...") apart.
 * - Markdown emphasis (`*`, `_`) and superscript note markers (`¹²`) are transparent.
 * - Every other character is a one-character punctuation token (`&` has the key "en").
 * - Keys are lower-case without diacritics, so `financiële` = `financiele`.
 */
import { fold } from '../util/dutch-words.js';
import { fnv1a, FNV_OFFSET, FNV_PRIME } from '../util/hash.js';
import {
  APOSTROPHE,
  BEYOND_ASCII,
  cachedClass,
  classifyCodePoint,
  classOf,
  codeUnits,
  DASH,
  DIGIT,
  LETTER,
  LOWER,
  MARK,
  NEWLINE,
  SPACE,
  TRANSPARENT,
  UPPER,
} from './characters.js';

export const WORD = 1;
/** First character is an upper-case letter. */
export const UPPER_INITIAL = 2;
/** At least two letters, all upper-case. */
export const ALL_CAPS = 4;
/** A hyphen joins this word to the next word without spaces ("Frontex-status"). */
export const JOINED_NEXT = 8;
/** A hyphen follows this word and then a space or punctuation ("Grens- en"). */
export const DANGLING = 16;
/** A hyphen stands directly before this word ("-regio's", the tail of "EU-niveau"). */
export const HYPHEN_BEFORE = 32;
/** A line break (or the text start) lies between the previous token and this one. */
export const NEWLINE_BEFORE = 64;
/** The token stands in a region that must not be matched (URL, e-mail address). */
export const BLOCKED = 128;
/** The word ends in an apostrophe and "s" ("Europol's"). */
export const POSSESSIVE = 256;

export interface Tokens {
  count: number;
  start: number[];
  end: number[];
  flags: number[];
  /** {@link hashKey} of each token's key, computed while scanning */
  hash: number[];
  /** the normalised key of token `i`, made on first use (most words never need theirs) */
  keyAt(i: number): string;
}

/** Keeps hashes small integers (V8 stores them unboxed). */
const HASH_MASK = 0x3fffffff;

/** FNV-1a over the UTF-16 units of a key: the scanner computes the same value on the fly. */
export function hashKey(key: string): number {
  return fnv1a(key) & HASH_MASK;
}

/** The key character of an ASCII code: A-Z lower-cased (others are rehashed from the key). */
function asciiLower(code: number): number {
  return code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
}

/** Lower case, no diacritics, typographic apostrophe as `'`. */
function normalizeKey(text: string): string {
  const folded = fold(text);
  return folded.includes('’') ? folded.replace(/’/g, "'") : folded;
}

class TokenBuffer implements Tokens {
  count = 0;
  start: number[] = [];
  end: number[] = [];
  flags: number[] = [];
  hash: number[] = [];
  /** keys made so far; undefined for a plain ASCII word whose key was not needed yet */
  private readonly keys: Array<string | undefined> = [];

  constructor(private readonly text: string) {}

  push(start: number, end: number, flags: number, hash: number, key: string | undefined): void {
    this.start.push(start);
    this.end.push(end);
    this.flags.push(flags);
    this.hash.push(hash);
    this.keys.push(key);
    this.count++;
  }

  keyAt(i: number): string {
    let key = this.keys[i];
    if (key === undefined) {
      key = this.text.slice(this.start[i], this.end[i]).toLowerCase();
      this.keys[i] = key;
    }
    return key;
  }
}

function pushKnownKey(tokens: TokenBuffer, start: number, end: number, flags: number, key: string): void {
  tokens.push(start, end, flags, hashKey(key), key);
}

/**
 * Tokenises `text`. `blocked` holds sorted, non-overlapping `[start, end)` ranges whose
 * characters become one BLOCKED token each, so no name can match in or across them.
 */
export function tokenize(text: string, blocked: ReadonlyArray<readonly [number, number]> = []): Tokens {
  const tokens = new TokenBuffer(text);
  const length = text.length;
  const units = codeUnits(text);
  let newline = true;
  /** end of the last word, while only transparent characters followed it */
  let lastWordEnd = -1;
  /** the word a dash directly follows, and the position right after that dash */
  let dashedWord = -1;
  let afterDash = -1;
  let blockIndex = 0;

  const isPairAt = (position: number): boolean => {
    const code = units[position]!;
    if (code < 0xd800 || code > 0xdbff || position + 1 >= length) return false;
    const low = units[position + 1]!;
    return low >= 0xdc00 && low <= 0xdfff;
  };
  const classAt = (position: number): number => {
    const cached = cachedClass(units[position]!);
    if (cached !== 0) return cached;
    return isPairAt(position) ? classifyCodePoint(text.codePointAt(position)!) : classOf(units[position]!);
  };
  const widthAt = (position: number): number => (isPairAt(position) ? 2 : 1);

  let p = 0;
  while (p < length) {
    const range = blocked[blockIndex];
    if (range && p >= range[0]) {
      pushKnownKey(tokens, range[0], range[1], BLOCKED | (newline ? NEWLINE_BEFORE : 0), '\u0000');
      newline = false;
      p = Math.max(p, range[1]);
      blockIndex++;
      lastWordEnd = dashedWord = afterDash = -1;
      continue;
    }
    const limit = range ? Math.min(length, range[0]) : length;
    const cls = classAt(p);
    if (cls & (LETTER | DIGIT)) {
      // a word: letters (marks, inner apostrophes) or digits
      const letters = (cls & LETTER) !== 0;
      let q = p + widthAt(p);
      let lower = (cls & LOWER) !== 0;
      let upper = (cls & UPPER) !== 0;
      let beyondAscii = (cls & BEYOND_ASCII) !== 0;
      let apostrophe = false;
      let count = 1;
      let hash = Math.imul(FNV_OFFSET ^ asciiLower(units[p]!), FNV_PRIME);
      while (q < limit) {
        const code = units[q]!;
        if (letters && code >= 0x61 && code <= 0x7a) {
          // fast path for the most frequent case: a lower-case ASCII letter
          hash = Math.imul(hash ^ code, FNV_PRIME);
          lower = true;
          count++;
          q++;
          continue;
        }
        const next = classAt(q);
        if (letters ? next & (LETTER | MARK) : next & DIGIT) {
          hash = Math.imul(hash ^ asciiLower(code), FNV_PRIME);
          lower ||= (next & LOWER) !== 0;
          upper ||= (next & UPPER) !== 0;
          beyondAscii ||= (next & BEYOND_ASCII) !== 0;
          count++;
          q += widthAt(q);
        } else if (letters && next & APOSTROPHE && q + 1 < limit && classAt(q + 1) & LETTER) {
          hash = Math.imul(hash ^ code, FNV_PRIME);
          beyondAscii ||= (next & BEYOND_ASCII) !== 0;
          apostrophe = true;
          q++;
        } else {
          break;
        }
      }
      let flags = WORD | (newline ? NEWLINE_BEFORE : 0);
      if (apostrophe && q - p > 2 && classAt(q - 2) & APOSTROPHE && (units[q - 1]! | 0x20) === 0x73) flags |= POSSESSIVE;
      if (cls & UPPER) flags |= UPPER_INITIAL | (count >= 2 && !lower ? ALL_CAPS : 0);
      if (afterDash === p) {
        flags |= HYPHEN_BEFORE;
        if (dashedWord >= 0) tokens.flags[dashedWord] = (tokens.flags[dashedWord]! & ~DANGLING) | JOINED_NEXT;
      }
      if (beyondAscii) {
        pushKnownKey(tokens, p, q, flags, normalizeKey(text.slice(p, q)));
      } else {
        tokens.push(p, q, flags, hash & HASH_MASK, undefined);
      }
      newline = false;
      dashedWord = afterDash = -1;
      lastWordEnd = q;
      p = q;
    } else if (cls & DASH) {
      // a dash right after a word dangles until a word follows it directly
      dashedWord = lastWordEnd === p && tokens.count > 0 ? tokens.count - 1 : -1;
      if (dashedWord >= 0) tokens.flags[dashedWord] = tokens.flags[dashedWord]! | DANGLING;
      afterDash = p + 1;
      lastWordEnd = -1;
      p++;
    } else if (cls & TRANSPARENT) {
      const width = widthAt(p);
      if (lastWordEnd === p) lastWordEnd = p + width;
      p += width;
    } else if (cls & SPACE) {
      for (let space = cls; space & SPACE; space = p < limit ? classAt(p) : 0) {
        if (space & NEWLINE) newline = true;
        p++;
      }
      lastWordEnd = dashedWord = afterDash = -1;
    } else {
      const width = widthAt(p);
      const raw = text.slice(p, p + width);
      pushKnownKey(tokens, p, p + width, newline ? NEWLINE_BEFORE : 0, raw === '&' ? 'en' : raw === '’' ? "'" : raw);
      newline = false;
      lastWordEnd = dashedWord = afterDash = -1;
      p += width;
    }
  }
  return tokens;
}

/** The keys of a registry phrase, as the matcher will see them in a text. */
export function phraseKeys(phrase: string): string[] {
  const tokens = tokenize(phrase);
  return Array.from({ length: tokens.count }, (_, i) => tokens.keyAt(i));
}

/** The raw text of each token of a phrase (for exact-case comparison). */
export function phraseRaw(phrase: string): string[] {
  const tokens = tokenize(phrase);
  const raw: string[] = [];
  for (let i = 0; i < tokens.count; i++) raw.push(phrase.slice(tokens.start[i], tokens.end[i]));
  return raw;
}
