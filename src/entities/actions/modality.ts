/** Modality: how binding a key action is. Pure: the lexicon is an argument. */
import type { Modality } from '../../document/model.js';
import type { KeyActionLexicon } from './lexicon-schema.js';
import { FLAGS, gappedPhraseSource, memoizePerLexicon } from './patterns.js';
import type { DirectiveModality } from './types.js';

const compileModalCues = memoizePerLexicon(({ modalVerbs, directives }: KeyActionLexicon) => {
  const cues = (modality: Modality, phrases: readonly string[]) =>
    phrases.map((phrase) => ({ modality, pattern: new RegExp(gappedPhraseSource(phrase), FLAGS) }));
  return [
    ...cues('commitment', modalVerbs.commitment),
    ...cues('recommendation', modalVerbs.recommendation),
    ...cues('call', directives.call),
    ...cues('request', directives.request),
    ...cues('invitation', directives.invitation),
  ];
});

/** The modality of the cue that starts first: in a Dutch main clause the finite verb comes early. */
function firstModalCue(sentence: string, lexicon: KeyActionLexicon): Modality | null {
  let first: { modality: Modality; at: number } | null = null;
  for (const { modality, pattern } of compileModalCues(lexicon)) {
    const at = sentence.search(pattern);
    if (at >= 0 && (first === null || at < first.at)) first = { modality, at };
  }
  return first?.modality ?? null;
}

/**
 * The modality of a key action read as one sentence (lead-in without its colon, then the item).
 * The first modal cue decides, except that a commitment to address an actor ("De Commissie zal de
 * lidstaten aansporen") is that directive; no cue at all is a statement.
 */
export function detectModality(
  sentence: string,
  lexicon: KeyActionLexicon,
  addressedDirective: DirectiveModality | null,
): Modality {
  const first = firstModalCue(sentence, lexicon);
  if (addressedDirective !== null && (first === null || first === 'commitment')) return addressedDirective;
  return first ?? 'statement';
}
