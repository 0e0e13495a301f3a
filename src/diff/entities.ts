/** The actors and instruments each document names that the other does not, with mention counts. */
import type { Document, Mention } from '../document/model.js';
import { walkMentions } from '../document/walk.js';
import type { EntityDifference } from './result.js';

function mentionCounts(doc: Document, kind: Mention['kind']): Map<string, number> {
  const counts = new Map<string, number>();
  walkMentions(doc, kind, (m) => counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1));
  return counts;
}

export function entityDifference(a: Document, b: Document, kind: Mention['kind']): EntityDifference {
  const [inA, inB] = [mentionCounts(a, kind), mentionCounts(b, kind)];
  const only = (from: Map<string, number>, other: Map<string, number>) =>
    [...from]
      .filter(([entity]) => !other.has(entity))
      .map(([entity, mentions]) => ({ entity, mentions }))
      .sort((x, y) => y.mentions - x.mentions || x.entity.localeCompare(y.entity));
  return {
    onlyA: only(inA, inB),
    onlyB: only(inB, inA),
    both: [...inA.keys()].filter((e) => inB.has(e)).sort(),
  };
}
