/**
 * Word-level changes between two texts, with jsdiff's `diffWords` over Dutch word segments from
 * `Intl.Segmenter('nl')`: without a segmenter jsdiff splits a word at a combining accent (a
 * decomposed "coördinatie" becomes "coö" + "rdinatie"). Whitespace-only differences (re-wrapping)
 * are no change.
 */
import { diffWords } from 'diff';
import type { WordChange } from './result.js';

const segmenter = new Intl.Segmenter('nl', { granularity: 'word' });
const WORD = /[\p{L}\p{N}]/u;

export function wordChanges(a: string, b: string): WordChange[] {
  return diffWords(a, b, { intlSegmenter: segmenter }).map((c) => ({ op: c.added ? 'insert' : c.removed ? 'delete' : 'equal', text: c.value }));
}

/** The words (no punctuation) of the runs with this operation. */
export function wordsOf(changes: readonly WordChange[], op: WordChange['op']): string[] {
  return changes
    .filter((c) => c.op === op)
    .flatMap((c) => [...segmenter.segment(c.text)].filter((s) => s.isWordLike || WORD.test(s.segment)).map((s) => s.segment));
}
