/**
 * One-to-one alignment of two sequences of items.
 *
 * 1. Anchors: items whose keys (normalised texts) are identical are paired first, the k-th
 *    occurrence of a key in A with its k-th occurrence in B.
 * 2. Similarity: among the rest, every pair scoring at least the threshold is a candidate; the
 *    candidates are taken best first (ties: the pair nearer in relative position, then the
 *    earlier), skipping items already paired. Greedy best-first is easy to explain: an item is
 *    paired with another only when no better pair claims either of them.
 * 3. Order: pairs out of the longest run of pairs in the same order on both sides are "moved".
 */
import { cosine, type TermVector } from './terms.js';

export interface Alignable {
  key: string;
  vector: TermVector;
}

export interface Pair {
  a: number;
  b: number;
  score: number;
  anchor: boolean;
  moved: boolean;
}

export interface Unpaired {
  index: number;
  /** The most similar item on the other side, paired or not; null when none shares a term. */
  nearest: { index: number; score: number } | null;
}

export interface Alignment {
  pairs: Pair[];
  onlyA: Unpaired[];
  onlyB: Unpaired[];
}

export function alignOneToOne(a: readonly Alignable[], b: readonly Alignable[], threshold: number): Alignment {
  const partnerOfA = new Array<number>(a.length).fill(-1);
  const partnerOfB = new Array<number>(b.length).fill(-1);
  const pairs: Omit<Pair, 'moved'>[] = [];
  const link = (i: number, j: number, score: number, anchor: boolean) => {
    partnerOfA[i] = j;
    partnerOfB[j] = i;
    pairs.push({ a: i, b: j, score, anchor });
  };

  const byKey = new Map<string, number[]>();
  b.forEach((item, j) => byKey.set(item.key, [...(byKey.get(item.key) ?? []), j]));
  a.forEach((item, i) => {
    const j = byKey.get(item.key)?.shift();
    if (j !== undefined) link(i, j, 1, true);
  });

  const scores = a.map((x) => b.map((y) => cosine(x.vector, y.vector)));
  const distance = (i: number, j: number) => Math.abs(i / Math.max(1, a.length) - j / Math.max(1, b.length));
  const candidates: { i: number; j: number; score: number }[] = [];
  a.forEach((_, i) => {
    if (partnerOfA[i] !== -1) return;
    b.forEach((_, j) => {
      const score = scores[i]![j]!;
      if (partnerOfB[j] === -1 && score >= threshold) candidates.push({ i, j, score });
    });
  });
  candidates.sort((x, y) => y.score - x.score || distance(x.i, x.j) - distance(y.i, y.j) || x.i - y.i || x.j - y.j);
  for (const c of candidates) if (partnerOfA[c.i] === -1 && partnerOfB[c.j] === -1) link(c.i, c.j, c.score, false);

  const nearest = (row: number[]): Unpaired['nearest'] => {
    let best: Unpaired['nearest'] = null;
    row.forEach((score, index) => {
      if (score > 0 && (!best || score > best.score)) best = { index, score };
    });
    return best;
  };
  pairs.sort((x, y) => x.a - y.a);
  const inOrder = longestIncreasingRun(pairs.map((p) => p.b));
  return {
    pairs: pairs.map((p, k) => ({ ...p, moved: !inOrder.has(k) })),
    onlyA: a.flatMap((_, i) => (partnerOfA[i] === -1 ? [{ index: i, nearest: nearest(scores[i]!) }] : [])),
    onlyB: b.flatMap((_, j) => (partnerOfB[j] === -1 ? [{ index: j, nearest: nearest(scores.map((row) => row[j]!)) }] : [])),
  };
}

/** Positions of a longest strictly increasing subsequence (patience sorting). */
export function longestIncreasingRun(values: readonly number[]): Set<number> {
  const tails: number[] = [];
  const previous = new Array<number>(values.length).fill(-1);
  values.forEach((v, k) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[k] = tails[lo - 1]!;
    tails[lo] = k;
  });
  const run = new Set<number>();
  for (let k = tails[tails.length - 1] ?? -1; k !== -1; k = previous[k]!) run.add(k);
  return run;
}

/**
 * The pairs and unpaired items in one reading order: B's order, with each item only in A placed
 * after the pair that precedes it in A.
 */
export function readingOrder(alignment: Alignment, sizeA: number): ({ pair: Pair } | { onlyA: Unpaired } | { onlyB: Unpaired })[] {
  const pairOfA = new Map(alignment.pairs.map((p) => [p.a, p]));
  const onlyA = new Map(alignment.onlyA.map((u) => [u.index, u]));
  const onlyB = new Map(alignment.onlyB.map((u) => [u.index, u]));
  const afterB = new Map<number, Unpaired[]>();
  const leading: Unpaired[] = [];
  let anchor = -1;
  for (let i = 0; i < sizeA; i++) {
    const pair = pairOfA.get(i);
    if (pair && !pair.moved) anchor = pair.b;
    const unpaired = onlyA.get(i);
    if (!unpaired) continue;
    if (anchor === -1) leading.push(unpaired);
    else afterB.set(anchor, [...(afterB.get(anchor) ?? []), unpaired]);
  }
  const pairOfB = new Map(alignment.pairs.map((p) => [p.b, p]));
  const sizeB = alignment.pairs.length + alignment.onlyB.length;
  const out: ({ pair: Pair } | { onlyA: Unpaired } | { onlyB: Unpaired })[] = leading.map((u) => ({ onlyA: u }));
  for (let j = 0; j < sizeB; j++) {
    const pair = pairOfB.get(j);
    if (pair) out.push({ pair });
    else out.push({ onlyB: onlyB.get(j)! });
    for (const u of afterB.get(j) ?? []) out.push({ onlyA: u });
  }
  return out;
}
