/**
 * In-text footnote references: Unicode superscripts (`pact¹.`, `⁴⁵`) and, in texts whose notes
 * are numbered with plain digits, digits glued to a word or punctuation (`hulpverleningspakket1`,
 * `ontwikkeld.1`, `juni 20218`). A number is taken for a reference only when a note with that
 * number exists, except a digit glued after a full stop and followed by a new sentence, which is
 * kept (unresolved) even when the document has no notes at all.
 */
import { SUPERSCRIPT_DIGITS, superscriptValue } from '../layout/lines.js';
import type { NoteStyle } from '../layout/note-lines.js';
import type { RefCandidate } from './text.js';

const SUPERSCRIPT_RUN = new RegExp(`[${SUPERSCRIPT_DIGITS}]+`, 'gu');
const LETTER_DIGITS = /\p{Ll}{2,}(\d{1,3})(?=[\s.,;:!?)”"’'»]|$)/gu;
const PUNCT_DIGITS = /\p{Ll}[.,;:!?)”"’'»](\d{1,3})(?=[\s”"’'»]|$)/gu;
const SENTENCE_DIGITS = /\p{Ll}[.!?](\d{1,3})(?=\s+\p{Lu})/gu;
const YEAR_DIGITS = /(?<![\d/.-])(?:19|20)\d{2}(\d{1,2})(?=[.,;:)]?(?:\s|$))/gu;

export interface RefContext {
  style: NoteStyle | null;
  notes: ReadonlySet<number>;
  /** Numbers that some non-year reference already points at (a year-glued digit is then a year). */
  referenced: ReadonlySet<number>;
}

export function findRefs(text: string, ctx: RefContext): RefCandidate[] {
  const refs: RefCandidate[] = [];
  if (ctx.style === 'superscript' || ctx.style === null) {
    for (const m of text.matchAll(SUPERSCRIPT_RUN)) refs.push(...superscriptRefs(m[0], m.index, ctx.notes));
  }
  if (ctx.style === 'plain-digit') {
    for (const re of [LETTER_DIGITS, PUNCT_DIGITS]) {
      for (const m of text.matchAll(re)) {
        const ref = glued(m, 'plain-digit');
        if (ctx.notes.has(ref.number) && !inUrl(text, ref.start)) refs.push(ref);
      }
    }
    for (const m of text.matchAll(YEAR_DIGITS)) {
      const ref = glued(m, 'plain-digit');
      if (ctx.notes.has(ref.number) && !ctx.referenced.has(ref.number)) refs.push(ref);
    }
  }
  if (ctx.style === null) {
    for (const m of text.matchAll(SENTENCE_DIGITS)) refs.push(glued(m, 'plain-digit'));
  }
  return dedupe(refs);
}

function glued(m: RegExpMatchArray, style: RefCandidate['style']): RefCandidate {
  const digits = m[1]!;
  const start = m.index! + m[0].length - digits.length;
  return { start, end: start + digits.length, number: Number(digits), marker: digits, style };
}

/** "⁴⁵" is note 45; "²³" is notes 2 and 3 when there is no note 23 but both of those. */
function superscriptRefs(run: string, index: number, notes: ReadonlySet<number>): RefCandidate[] {
  const whole = superscriptValue(run);
  const one = (s: string, at: number): RefCandidate => ({
    start: at,
    end: at + s.length,
    number: superscriptValue(s),
    marker: s,
    style: 'superscript',
  });
  if (run.length > 1 && !notes.has(whole)) {
    for (let cut = 1; cut < run.length; cut++) {
      const a = run.slice(0, cut);
      const b = run.slice(cut);
      if (notes.has(superscriptValue(a)) && notes.has(superscriptValue(b))) return [one(a, index), one(b, index + cut)];
    }
  }
  return [one(run, index)];
}

function inUrl(text: string, at: number): boolean {
  const word = text.slice(0, at).split(/\s/).pop() ?? '';
  return /https?:|www\.|\//u.test(word);
}

function dedupe(refs: RefCandidate[]): RefCandidate[] {
  refs.sort((a, b) => a.start - b.start);
  return refs.filter((r, i) => i === 0 || r.start >= refs[i - 1]!.end);
}
