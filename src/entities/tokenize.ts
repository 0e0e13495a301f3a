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

export interface Tokens {
  count: number;
  start: number[];
  end: number[];
  flags: number[];
  /** normalised key of each token */
  key: string[];
}

// Character classes, computed once per UTF-16 code unit and cached: the scanner below is a
// hand-written loop because a capturing regex per token was the bottleneck of matching.
const LETTER = 1;
const UPPER = 2;
const LOWER = 4;
const MARK = 8;
const DIGIT = 16;
const SPACE = 32;
const NEWLINE = 64;
const DASH = 128;
const TRANSPARENT = 256;
const APOSTROPHE = 512;
const BEYOND_ASCII = 1024;
const CLASSIFIED = 0x8000;
const classCache = new Uint16Array(0x10000);

function classifyCodePoint(codePoint: number): number {
  return classifyCharacter(String.fromCodePoint(codePoint)) | (codePoint > 0x7f ? BEYOND_ASCII : 0);
}

function classifyCharacter(ch: string): number {
  if (/\p{L}/u.test(ch)) return LETTER | (/\p{Lu}/u.test(ch) ? UPPER : 0) | (/\p{Ll}/u.test(ch) ? LOWER : 0);
  if (/\p{M}/u.test(ch)) return MARK;
  if (/\p{Nd}/u.test(ch)) return DIGIT;
  if (/[\n\r\u2028\u2029]/.test(ch)) return SPACE | NEWLINE;
  if (/\s/u.test(ch)) return SPACE;
  if (/[-\u2010-\u2015\u2212]/.test(ch)) return DASH;
  if (/[*_\p{No}]/u.test(ch)) return TRANSPARENT; // markdown emphasis, superscript note markers
  if (ch === "'" || ch === '’') return APOSTROPHE;
  return 0;
}

function classOf(code: number): number {
  let cls = classCache[code]!;
  if (cls === 0) {
    cls = classifyCodePoint(code) | CLASSIFIED;
    classCache[code] = cls;
  }
  return cls;
}

for (let code = 0; code < 0x80; code++) classOf(code);

const NON_ASCII = /[^\x00-\x7f]/;
const MARKS = /\p{M}/gu;

/** Lower case, no diacritics, typographic apostrophe as `'`. */
export function normalizeKey(text: string): string {
  const lower = text.toLowerCase();
  if (!NON_ASCII.test(lower)) return lower;
  return lower.normalize('NFD').replace(MARKS, '').replace(/’/g, "'");
}

class TokenBuffer implements Tokens {
  count = 0;
  start: number[] = [];
  end: number[] = [];
  flags: number[] = [];
  key: string[] = [];

  push(start: number, end: number, flags: number, key: string): void {
    this.start.push(start);
    this.end.push(end);
    this.flags.push(flags);
    this.key.push(key);
    this.count++;
  }
}

/**
 * Tokenises `text`. `blocked` holds sorted, non-overlapping `[start, end)` ranges whose
 * characters become one BLOCKED token each, so no name can match in or across them.
 */
export function tokenize(text: string, blocked: ReadonlyArray<readonly [number, number]> = []): Tokens {
  const tokens = new TokenBuffer();
  const length = text.length;
  let newline = true;
  /** end of the last word, while only transparent characters followed it */
  let lastWordEnd = -1;
  /** the word a dash directly follows, and the position right after that dash */
  let dashedWord = -1;
  let afterDash = -1;
  let blockIndex = 0;

  const isPairAt = (position: number): boolean => {
    const code = text.charCodeAt(position);
    if (code < 0xd800 || code > 0xdbff) return false;
    const low = text.charCodeAt(position + 1);
    return low >= 0xdc00 && low <= 0xdfff;
  };
  const classAt = (position: number): number => {
    const cached = classCache[text.charCodeAt(position)]!;
    if (cached !== 0) return cached;
    return isPairAt(position) ? classifyCodePoint(text.codePointAt(position)!) : classOf(text.charCodeAt(position));
  };
  const widthAt = (position: number): number => (isPairAt(position) ? 2 : 1);

  let p = 0;
  while (p < length) {
    const range = blocked[blockIndex];
    if (range && p >= range[0]) {
      tokens.push(range[0], range[1], BLOCKED | (newline ? NEWLINE_BEFORE : 0), '\u0000');
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
      let count = 1;
      while (q < limit) {
        const next = classAt(q);
        if (letters ? next & (LETTER | MARK) : next & DIGIT) {
          lower ||= (next & LOWER) !== 0;
          upper ||= (next & UPPER) !== 0;
          beyondAscii ||= (next & BEYOND_ASCII) !== 0;
          count++;
          q += widthAt(q);
        } else if (letters && next & APOSTROPHE && q + 1 < limit && classAt(q + 1) & LETTER) {
          beyondAscii ||= (next & BEYOND_ASCII) !== 0;
          q++;
        } else {
          break;
        }
      }
      let flags = WORD | (newline ? NEWLINE_BEFORE : 0);
      if (cls & UPPER) flags |= UPPER_INITIAL | (count >= 2 && !lower ? ALL_CAPS : 0);
      if (afterDash === p) {
        flags |= HYPHEN_BEFORE;
        if (dashedWord >= 0) tokens.flags[dashedWord] = (tokens.flags[dashedWord]! & ~DANGLING) | JOINED_NEXT;
      }
      const raw = text.slice(p, q);
      const key = !letters ? raw : beyondAscii ? normalizeKey(raw) : upper ? raw.toLowerCase() : raw;
      tokens.push(p, q, flags, key);
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
      for (let space = cls; p < limit && space & SPACE; space = classAt(p)) {
        if (space & NEWLINE) newline = true;
        p++;
      }
      lastWordEnd = dashedWord = afterDash = -1;
    } else {
      const width = widthAt(p);
      const raw = text.slice(p, p + width);
      tokens.push(p, p + width, newline ? NEWLINE_BEFORE : 0, raw === '&' ? 'en' : raw === '’' ? "'" : raw);
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
  return tokens.key.slice(0, tokens.count);
}

/** The raw text of each token of a phrase (for exact-case comparison). */
export function phraseRaw(phrase: string): string[] {
  const tokens = tokenize(phrase);
  const raw: string[] = [];
  for (let i = 0; i < tokens.count; i++) raw.push(phrase.slice(tokens.start[i], tokens.end[i]));
  return raw;
}
