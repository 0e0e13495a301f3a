/**
 * Small judgements about the shape of a piece of text: does it end a sentence, does it start
 * like a continuation, is it a fragment. Shared by the layout passes.
 */
import type { LayoutLexicon } from './lexicon.js';
import { SUPERSCRIPT_DIGITS } from './lines.js';

const TRAILING_MARKS = new Set([...` \t\n\f*_${SUPERSCRIPT_DIGITS}”"’'»)]`]);

/** The text with trailing markup, quotes, brackets and superscript note markers removed. */
export function stripTrailing(text: string): string {
  // A backwards scan: a $-anchored regex would retry at every matching character of a long text.
  let end = text.length;
  while (end > 0 && TRAILING_MARKS.has(text[end - 1]!)) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** Ends a sentence or announces what follows: . ! ? : ; (also before quotes, brackets, note markers). */
export function endsTerminal(text: string): boolean {
  const t = text.trimEnd();
  if (/[.!?:;]$/u.test(stripTrailing(t))) return true;
  // "ontwikkeld.1" or "strategie5." : a plain-digit note marker after or before the full stop.
  if (/[.!?:;]\d{1,3}$/u.test(t)) return true;
  return /[.!?:;][”"’'»)\]]*$/u.test(t);
}

/** Starts like the rest of a sentence: a lower-case letter or continuing punctuation. */
export function startsLikeContinuation(text: string): boolean {
  return /^[*_]*[\p{Ll},;)\]]/u.test(text) || /^[*_]*\(\p{Ll}/u.test(text) || /^[*_]*\((?:bijv|bv|zie|o\.a|d\.w\.z)\b/iu.test(text);
}

export function startsUpper(text: string): boolean {
  return /^[*_"“‘'(]*\p{Lu}/u.test(text);
}

export function startsDigit(text: string): boolean {
  return /^[*_]*\d/u.test(text);
}

export function lastWord(text: string): string {
  const m = /([\p{L}\p{N}'’-]+)\P{L}*$/u.exec(stripTrailing(text));
  return m ? m[1]!.toLowerCase() : '';
}

/**
 * Clearly unfinished: ends in a function word ("van", "de", "en"), a hyphen ("EU-"), a comma or an
 * opening bracket. A line ending in a content word may be a heading; this one cannot.
 */
export function endsStronglyOpen(text: string, lexicon: LayoutLexicon): boolean {
  const t = stripTrailing(text.trimEnd());
  if (/[,(\-–]$/u.test(t)) return true;
  return lexicon.functionWords.has(lastWord(t));
}

export function startsWithSentenceOpener(text: string, lexicon: LayoutLexicon): boolean {
  return lexicon.sentenceOpener.test(text.replace(/^[*_]+/u, ''));
}

/** The first word of a text (for the "would the next word have fitted" test). */
export function firstWordLength(text: string): number {
  const m = /^\S+/u.exec(text);
  return m ? m[0].length : 0;
}
