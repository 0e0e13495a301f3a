/**
 * The terms texts are compared on: Dutch stems of the content words (function words left out,
 * case and diacritics folded) and `@entity` for every registry entity the text names, so that
 * "KMar" and "Koninklijke Marechaussee" meet. Terms are weighted by TF-IDF over the elements of
 * the two documents being compared.
 */
import { loadLayoutLexicon } from '../layout/lexicon.js';
import { fold, stemOf, tokens } from '../util/dutch-words.js';

/** Term counts of one text. */
export type TermBag = ReadonlyMap<string, number>;

/** A TF-IDF weighted term vector with its Euclidean norm. */
export interface TermVector {
  weights: ReadonlyMap<string, number>;
  norm: number;
}

export interface EntitySpan {
  entity: string;
  start: number;
}

/** The terms of `text[start, end)`: stems of its content words and the entities named inside it. */
export function termBag(text: string, mentions: readonly EntitySpan[], start = 0, end = text.length): Map<string, number> {
  const stopWords = loadLayoutLexicon().functionWords;
  const bag = new Map<string, number>();
  const add = (term: string) => bag.set(term, (bag.get(term) ?? 0) + 1);
  for (const t of tokens(text.slice(start, end))) {
    const folded = fold(t.word);
    if (folded.length < 2 || stopWords.has(folded)) continue;
    add(stemOf(folded));
  }
  for (const m of mentions) if (m.start >= start && m.start < end) add(`@${m.entity}`);
  return bag;
}

/** Document frequencies over a set of texts, giving smoothed IDF weights. */
export class TermSpace {
  private readonly df = new Map<string, number>();
  private readonly size: number;

  constructor(bags: Iterable<TermBag>) {
    let n = 0;
    for (const bag of bags) {
      n++;
      for (const term of bag.keys()) this.df.set(term, (this.df.get(term) ?? 0) + 1);
    }
    this.size = n;
  }

  idf(term: string): number {
    return Math.log((this.size + 1) / ((this.df.get(term) ?? 0) + 1)) + 1;
  }

  vector(bag: TermBag): TermVector {
    const weights = new Map<string, number>();
    let sum = 0;
    for (const [term, count] of bag) {
      const w = (1 + Math.log(count)) * this.idf(term);
      weights.set(term, w);
      sum += w * w;
    }
    return { weights, norm: Math.sqrt(sum) };
  }
}

export function cosine(a: TermVector, b: TermVector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, w] of small.weights) dot += w * (large.weights.get(term) ?? 0);
  return Math.min(1, dot / (a.norm * b.norm));
}

/** The share of `of`'s IDF weight whose terms occur in `bag`: how much of a text another one contains. */
export function containment(of: TermBag, bag: TermBag, space: TermSpace): number {
  let total = 0;
  let found = 0;
  for (const term of of.keys()) {
    const w = space.idf(term);
    total += w;
    if (bag.has(term)) found += w;
  }
  return total === 0 ? 0 : found / total;
}
