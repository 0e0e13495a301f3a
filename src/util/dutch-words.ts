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

const WORD = /[\p{L}\p{N}]+/gu;

export interface Token {
  word: string;
  start: number;
  end: number;
}

export function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) out.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

export function fold(word: string): string {
  return word.toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '');
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
    if (cache.size > 200_000) cache.clear();
    cache.set(folded, stem);
  }
  cache.set(word, stem);
  return stem;
}

/** The distinct stems of a text, leaving out the given stop words. */
export function stemSet(text: string, stopWords: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(WORD)) {
    const word = m[0];
    if (stopWords.has(word) || stopWords.has(word.toLowerCase())) continue;
    out.add(stemOf(word));
  }
  return out;
}
