/**
 * Dutch words for search and alignment: Unicode-aware tokens (natural's Dutch tokenizer splits
 * "financiële" at the accent), folded case and diacritics, and stems from natural's Dutch Porter
 * stemmer, imported as a submodule (the package index loads storage modules that print to stdout).
 *
 * The stemmer keeps state between calls (`suffixeRemoved` is never reset), so the state is reset
 * before every call; stems are cached. Doubled vowels are undoubled after stemming so that
 * "financieel" and "financiële", "lidstaat" and "lidstaten" share a stem.
 */
import { createRequire } from 'node:module';

interface StatefulStemmer {
  stem(word: string): string;
  suffixeRemoved?: boolean;
}

let stemmer: StatefulStemmer | null = null;
const cache = new Map<string, string>();

function porter(): StatefulStemmer {
  stemmer ??= createRequire(import.meta.url)('natural/lib/natural/stemmers/porter_stemmer_nl.js') as StatefulStemmer;
  return stemmer;
}

export interface Token {
  word: string;
  start: number;
  end: number;
}

/** A word is a maximal run of letters and numbers (`/[\p{L}\p{N}]+/u`), found by a scan over
 * cached character classes: a regex match object per word was most of the cost of indexing. */
const WORD_CHARACTER = /^[\p{L}\p{N}]$/u;
/** Per UTF-16 unit outside surrogates: 0 not classified yet, 1 word character, 2 other. */
const unitClass = new Uint8Array(0x10000);

function isWordAt(text: string, i: number, code: number): number {
  if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
    const next = text.charCodeAt(i + 1);
    if (next >= 0xdc00 && next <= 0xdfff) return WORD_CHARACTER.test(text.slice(i, i + 2)) ? 2 : 0;
  }
  if (code >= 0xd800 && code <= 0xdfff) return 0;
  let cls = unitClass[code]!;
  if (cls === 0) unitClass[code] = cls = WORD_CHARACTER.test(String.fromCharCode(code)) ? 1 : 2;
  return cls === 1 ? 1 : 0;
}

/** Calls `visit(start, end)` for each word of `text`. */
function scanWords(text: string, visit: (start: number, end: number) => void): void {
  let start = -1;
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    const width = code < 0x80 ? ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) ? 1 : 0) : isWordAt(text, i, code);
    if (width > 0) {
      if (start < 0) start = i;
      i += width;
    } else {
      if (start >= 0) visit(start, i);
      start = -1;
      i += code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    }
  }
  if (start >= 0) visit(start, text.length);
}

export function tokens(text: string): Token[] {
  const out: Token[] = [];
  scanWords(text, (start, end) => out.push({ word: text.slice(start, end), start, end }));
  return out;
}

const NON_ASCII = /[^\x00-\x7f]/;

/** Lower case without diacritics ("Financiële" → "financiele"). */
export function fold(word: string): string {
  const lower = word.toLowerCase();
  return NON_ASCII.test(lower) ? lower.normalize('NFD').replace(/\p{M}+/gu, '') : lower;
}

/** The search key of a word: folded, stemmed, vowels undoubled. Cached by the word as written. */
export function stemOf(word: string): string {
  const known = cache.get(word);
  if (known !== undefined) return known;
  const folded = fold(word);
  let stem = cache.get(folded);
  if (stem === undefined) {
    if (/^\p{N}+$/u.test(folded) || folded.length <= 2) stem = folded;
    else {
      const s = porter();
      s.suffixeRemoved = false;
      stem = s.stem(folded).replace(/([aeou])\1/g, '$1');
    }
    if (cache.size > 100_000) cache.clear();
    cache.set(folded, stem);
  }
  cache.set(word, stem);
  return stem;
}

/** Per stop-word list: word as written -> its stem, or null for a stop word. */
const termCaches = new WeakMap<ReadonlySet<string>, Map<string, string | null>>();

/** The distinct stems of a text, leaving out the given stop words (in any case). */
export function stemSet(text: string, stopWords: ReadonlySet<string>): Set<string> {
  let terms = termCaches.get(stopWords);
  if (!terms) termCaches.set(stopWords, (terms = new Map()));
  const known = terms;
  const out = new Set<string>();
  scanWords(text, (start, end) => {
    const word = text.slice(start, end);
    let term = known.get(word);
    if (term === undefined) {
      term = stopWords.has(word) || stopWords.has(word.toLowerCase()) ? null : stemOf(word);
      if (known.size > 100_000) known.clear();
      known.set(word, term);
    }
    if (term !== null) out.add(term);
  });
  return out;
}
