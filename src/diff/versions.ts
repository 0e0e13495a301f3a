/**
 * Sections of two versions (or two documents) aligned: titles anchor (numbers are ignored, so
 * renumbering is no change), title and own text decide among the rest, at a similarity of at
 * least SECTION_THRESHOLD (or the threshold given, when higher): a section pairs with one titled
 * differently only when their contents are largely the same. A pair is changed when
 * its title or the wording of its own elements changed, or elements were added or removed in it;
 * moved when it left the order of the other pairs or its parent section changed.
 */
import type { Document } from '../document/model.js';
import { alignOneToOne, readingOrder } from './align.js';
import type { AlignmentRow, SectionRow } from './result.js';
import { isDifference, round } from './rows.js';
import type { TermSpace } from './terms.js';
import { sectionUnits } from './units.js';
import { wordChanges } from './words.js';

export const SECTION_THRESHOLD = 0.6;

export function alignSections(a: Document, b: Document, elements: readonly AlignmentRow[], space: TermSpace, threshold: number): SectionRow[] {
  const [sa, sb] = [sectionUnits(a), sectionUnits(b)];
  const alignment = alignOneToOne(
    sa.map((s) => ({ key: s.key, vector: space.vector(s.terms) })),
    sb.map((s) => ({ key: s.key, vector: space.vector(s.terms) })),
    Math.max(SECTION_THRESHOLD, threshold),
  );
  const partnerInB = new Map(alignment.pairs.map((p) => [sa[p.a]!.info.id, sb[p.b]!.info.id]));
  const touched = new Set(elements.filter(isDifference).flatMap((r) => [r.a?.section?.id, r.b?.section?.id]));
  return readingOrder(alignment, sa.length).map((item): SectionRow => {
    if ('pair' in item) {
      const [x, y] = [sa[item.pair.a]!, sb[item.pair.b]!];
      const retitled = x.key !== y.key;
      const parentMoved = (x.parent === null ? null : (partnerInB.get(x.parent) ?? '')) !== y.parent;
      return {
        status: retitled || touched.has(x.info.id) || touched.has(y.info.id) ? 'changed' : 'same',
        moved: item.pair.moved || parentMoved,
        score: round(item.pair.score),
        a: x.info,
        b: y.info,
        titleWords: retitled ? wordChanges(x.info.title, y.info.title) : null,
      };
    }
    const onlyA = 'onlyA' in item;
    const info = onlyA ? sa[item.onlyA.index]!.info : sb[item.onlyB.index]!.info;
    return { status: onlyA ? 'only-a' : 'only-b', moved: false, score: null, a: onlyA ? info : null, b: onlyA ? null : info, titleWords: null };
  });
}
