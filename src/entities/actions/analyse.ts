/** The semantics of one key action: actor roles, modality and deadlines. */
import type { KeyActionLexicon } from './lexicon-schema.js';
import { loadKeyActionLexicon } from './lexicon-loader.js';
import { detectModality } from './modality.js';
import { earliestDeadline, findDeadlines } from './deadlines.js';
import { assignRoles, mergeActorRoles } from './roles.js';
import type { KeyActionInput, KeyActionSemantics } from './types.js';

/** The lead-in and the item read as one sentence: "De Commissie: zal ..." -> "De Commissie zal ...". */
function asOneSentence({ leadIn, item }: KeyActionInput): string {
  return leadIn ? `${leadIn.text.replace(/:\s*$/, '')} ${item.text}` : item.text;
}

/**
 * Analyses a key action. Deterministic for a given lexicon; the default is the Dutch lexicon in
 * `data/lexicon/key-actions.nl.yaml`, loaded once.
 */
export function analyseKeyAction(
  input: KeyActionInput,
  lexicon: KeyActionLexicon = loadKeyActionLexicon(),
): KeyActionSemantics {
  const leadInRoles = input.leadIn ? assignRoles(input.leadIn, lexicon, true) : null;
  const itemRoles = assignRoles(input.item, lexicon, !leadInRoles?.hasSubject);
  const found = [
    ...(leadInRoles?.assignments ?? []).map((assignment) => ({ source: 'lead-in' as const, assignment })),
    ...itemRoles.assignments.map((assignment) => ({ source: 'item' as const, assignment })),
  ];
  const addressedDirective = found.find(({ assignment }) => assignment.directive !== null)?.assignment.directive ?? null;
  const deadlines = [
    ...(input.leadIn ? findDeadlines(input.leadIn.text, lexicon, 'lead-in') : []),
    ...findDeadlines(input.item.text, lexicon, 'item'),
  ];
  return {
    actors: mergeActorRoles(found),
    modality: detectModality(asOneSentence(input), lexicon, addressedDirective),
    deadlines,
    deadline: earliestDeadline(deadlines),
  };
}
