/**
 * Uptake of A's key actions in B's passages.
 *
 * B's passages are its body paragraphs, list items, key actions and boxes: each sentence, and
 * each window of two consecutive sentences. An action's score in a passage is the share of the
 * action's IDF-weighted terms the passage contains (stems and named entities); the best passage
 * is the one with the highest score, the shortest on a tie. The action is taken up at
 * `takenUp` or more, partly at `threshold` or more, and absent below.
 */
import type { Document } from '../document/model.js';
import type { CoverageRow, Passage, Uptake } from './result.js';
import { round } from './rows.js';
import { containment, type TermBag, type TermSpace, termBag } from './terms.js';
import { bodyUnits, keyActionUnits, type Unit } from './units.js';
import { stemOf, tokens } from '../util/dutch-words.js';

/** The lowest coverage score classified as taken up (unless --threshold is higher). */
export const TAKEN_UP = 0.6;

/** Running text: not front matter, signatures or form fields. */
const isPassage = (u: Unit) => (u.node.type === 'paragraph' ? u.node.role === 'body' : ['list-item', 'key-action', 'box'].includes(u.node.type));
const sentences = new Intl.Segmenter('nl', { granularity: 'sentence' });

interface Candidate {
  passage: Passage;
  terms: TermBag;
}

export interface CoverageThresholds {
  partly: number;
  takenUp: number;
}

export function coverageThresholds(threshold: number): CoverageThresholds {
  return { partly: threshold, takenUp: Math.max(TAKEN_UP, threshold) };
}

export function coverage(a: Document, b: Document, space: TermSpace, thresholds: CoverageThresholds): CoverageRow[] {
  const candidates = bodyUnits(b).filter(isPassage).flatMap(passages);
  return keyActionUnits(a).map((action) => {
    let best: { candidate: Candidate; score: number } | null = null;
    for (const candidate of candidates) {
      const score = containment(action.terms, candidate.terms, space);
      const shorter = best && candidate.passage.text.length < best.candidate.passage.text.length;
      if (score > 0 && (!best || score > best.score || (score === best.score && shorter))) best = { candidate, score };
    }
    const score = best?.score ?? 0;
    return {
      action: action.ref,
      status: uptake(score, thresholds),
      score: round(score),
      passage: best?.candidate.passage ?? null,
      shared: best ? sharedWords(action.ref.text, best.candidate.terms) : [],
    };
  });
}

function uptake(score: number, thresholds: CoverageThresholds): Uptake {
  return score >= thresholds.takenUp ? 'taken-up' : score >= thresholds.partly ? 'partly' : 'absent';
}

/** The sentences of an element and its windows of two consecutive sentences. */
function passages(unit: Unit): Candidate[] {
  const text = unit.ref.text;
  const bounds = [...sentences.segment(text)].map((s) => ({ start: s.index, end: s.index + s.segment.trimEnd().length }));
  const windows = bounds.length <= 1 ? [{ start: 0, end: text.length }] : [...bounds, ...bounds.slice(1).map((s, k) => ({ start: bounds[k]!.start, end: s.end }))];
  return windows.map(({ start, end }) => ({
    passage: { element: unit.ref, start, end, text: text.slice(start, end) },
    terms: termBag(text, unit.node.mentions, start, end),
  }));
}

/** The words of the action, in order and once each, whose stems occur in the passage. */
function sharedWords(text: string, passage: TermBag): string[] {
  const out = new Set<string>();
  for (const t of tokens(text)) if (passage.has(stemOf(t.word))) out.add(t.word);
  return [...out];
}
