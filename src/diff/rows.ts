/** Aligning two lists of elements into output rows, with word-level changes for changed pairs. */
import { alignOneToOne, readingOrder } from './align.js';
import type { AlignmentRow, Counts } from './result.js';
import type { TermSpace } from './terms.js';
import type { Unit } from './units.js';
import { wordChanges } from './words.js';

export function alignUnits(a: readonly Unit[], b: readonly Unit[], space: TermSpace, threshold: number): AlignmentRow[] {
  const vectors = (units: readonly Unit[]) => units.map((u) => ({ key: u.key, vector: space.vector(u.terms) }));
  const alignment = alignOneToOne(vectors(a), vectors(b), threshold);
  return readingOrder(alignment, a.length).map((item): AlignmentRow => {
    if ('pair' in item) {
      const { pair } = item;
      const [x, y] = [a[pair.a]!, b[pair.b]!];
      const same = x.key === y.key;
      return {
        status: same ? 'same' : 'changed',
        anchor: pair.anchor,
        moved: pair.moved,
        score: round(pair.score),
        a: x.ref,
        b: y.ref,
        words: same ? null : wordChanges(x.ref.text, y.ref.text),
        nearest: null,
      };
    }
    const [side, unpaired, units, other] = 'onlyA' in item ? (['only-a', item.onlyA, a, b] as const) : (['only-b', item.onlyB, b, a] as const);
    const ref = units[unpaired.index]!.ref;
    return {
      status: side,
      anchor: false,
      moved: false,
      score: null,
      a: side === 'only-a' ? ref : null,
      b: side === 'only-b' ? ref : null,
      words: null,
      nearest: unpaired.nearest ? { id: other[unpaired.nearest.index]!.ref.id, score: round(unpaired.nearest.score) } : null,
    };
  });
}

/** A row that counts as a difference: anything but the same wording in the same order. */
export const isDifference = (row: { status: string; moved: boolean }) => row.status !== 'same' || row.moved;

export function countRows(rows: readonly { status: AlignmentRow['status']; moved: boolean }[]): Counts {
  const counts: Counts = { same: 0, changed: 0, onlyA: 0, onlyB: 0, moved: 0 };
  for (const r of rows) {
    if (r.status === 'same') counts.same++;
    else if (r.status === 'changed') counts.changed++;
    else if (r.status === 'only-a') counts.onlyA++;
    else counts.onlyB++;
    if (r.moved) counts.moved++;
  }
  return counts;
}

export const round = (score: number) => Math.round(score * 1000) / 1000;
