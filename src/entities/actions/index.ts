/** Key-action semantics: actor roles, modality and deadlines of the bullets of key-action lists. */
export { analyseKeyAction } from './analyse.js';
export { findDeadlines, earliestDeadline } from './deadlines.js';
export { KeyActionLexicon } from './lexicon-schema.js';
export { loadKeyActionLexicon, DEFAULT_KEY_ACTION_LEXICON_PATH } from './lexicon-loader.js';
export type { KeyActionInput, KeyActionSemantics, MentionedText, TextMention } from './types.js';
