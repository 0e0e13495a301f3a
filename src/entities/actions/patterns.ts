/** Turning lexicon phrases into regular expressions (case-insensitive, whole words). */
import { ACTOR_SLOT, CLAUSE_GAP, type KeyActionLexicon } from './lexicon-schema.js';

const WORD_CHAR = '[\\p{L}\\p{N}]';
/** Regex source: no letter or digit right before. */
export const WORD_START = `(?<!${WORD_CHAR})`;
/** Regex source: no letter or digit right after. */
export const WORD_END = `(?!${WORD_CHAR})`;
/** Regex source: any words within one clause. */
const CLAUSE_GAP_SOURCE = '[^.;:!?]*?';
const NEVER = '(?!)';

export const FLAGS = 'iu';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Regex source of one phrase: its words in order, any whitespace between them. */
export function wordsSource(phrase: string): string {
  return phrase.trim().split(/\s+/).map(escapeRegExp).join('\\s+');
}

/** Regex source matching any of the phrases as whole words, longest first. */
export function anyPhraseSource(phrases: readonly string[]): string {
  if (phrases.length === 0) return NEVER;
  const longestFirst = [...phrases].sort((a, b) => b.length - a.length);
  return `${WORD_START}(?:${longestFirst.map(wordsSource).join('|')})${WORD_END}`;
}

/** Regex source of a phrase whose `...` (or actor slot) is a gap of words within the clause. */
export function gappedPhraseSource(phrase: string): string {
  const parts = phrase
    .split(ACTOR_SLOT)
    .flatMap((part) => part.split(CLAUSE_GAP))
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  return parts.map((part) => `${WORD_START}${wordsSource(part)}${WORD_END}`).join(CLAUSE_GAP_SOURCE);
}

/** The words of a template before and after its actor slot ('' when the slot is at that end). */
export function splitTemplate(template: string): { before: string; after: string } {
  const [before = '', after = ''] = template.split(ACTOR_SLOT);
  return { before: before.trim(), after: after.trim() };
}

/** Memoises a compilation step per lexicon object, so pure functions can take the lexicon. */
export function memoizePerLexicon<T>(compile: (lexicon: KeyActionLexicon) => T): (lexicon: KeyActionLexicon) => T {
  const compiled = new WeakMap<KeyActionLexicon, T>();
  return (lexicon) => {
    let result = compiled.get(lexicon);
    if (result === undefined) {
      result = compile(lexicon);
      compiled.set(lexicon, result);
    }
    return result;
  };
}
