/**
 * Physical lines of a normalised source, and what each line looks like on its own.
 *
 * Classification here is local (one line at a time); whether a look-alike is really a footnote,
 * a heading or a continuation is decided by the passes that see the neighbours.
 */
import type { FurnitureKind } from '../document/model.js';
import type { LayoutLexicon } from './lexicon.js';

export interface Line {
  /** 1-based line number. */
  no: number;
  /** Normalised offsets of the line, without its line feed. */
  start: number;
  end: number;
  /** Offsets of the first and after the last non-space character (start === end when blank). */
  contentStart: number;
  contentEnd: number;
  /** The content: the line without surrounding white space. */
  content: string;
  indent: number;
  blank: boolean;
  formFeed: boolean;
  look: LineLook;
}

export type LineLook =
  | { kind: 'blank' }
  | { kind: 'text' }
  | { kind: 'note'; number: number; marker: string; style: 'superscript' | 'plain-digit'; bodyStart: number }
  | { kind: 'bullet'; marker: string; bodyStart: number }
  | { kind: 'caption'; label: string }
  | { kind: 'furniture'; furniture: FurnitureKind }
  | { kind: 'numbered'; number: string; depth: number; dotted: boolean; title: string }
  | { kind: 'lettered'; letter: string; title: string };

export const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const SUPERSCRIPT_RUN = /^[⁰¹²³⁴⁵⁶⁷⁸⁹]+/;

export function superscriptValue(s: string): number {
  let n = 0;
  for (const ch of s) n = n * 10 + SUPERSCRIPT_DIGITS.indexOf(ch);
  return n;
}

const BULLET = /^([-–—•▪●◦·∙*‣⁃○■□➢►✓]|o(?=\s))\s+(?=\S)/u;
const NUMBERED = /^(\d{1,2}(?:\.\d{1,2}){0,5})(\.?)\s+(\S.*)$/u;
const LETTERED = /^\(?([a-z])\)\s+(\S.*)$/u;
const PLAIN_NOTE = /^(\d{1,3})\s+(?=\S)/u;
const PAGE_NUMBER = /^(?:\d{1,4}|\(\d{1,4}\)|[-–]\s*\d{1,4}\s*[-–])$/u;
const URL_ONLY = /^<?(?:https?:\/\/|www\.)\S+>?[.;,]?$/iu;

export function splitLines(text: string, lexicon: LayoutLexicon): Line[] {
  const lines: Line[] = [];
  let start = 0;
  let no = 1;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const content = raw.trim();
    const contentStart = start + lead;
    const line: Line = {
      no,
      start,
      end,
      contentStart,
      contentEnd: contentStart + content.length,
      content,
      indent: raw.slice(0, lead).replace(/\f/g, '').length,
      blank: content.length === 0,
      formFeed: raw.includes('\f'),
      look: { kind: 'blank' },
    };
    line.look = classify(line, lexicon);
    lines.push(line);
    if (end === text.length) break;
    start = end + 1;
    no++;
  }
  return lines;
}

function classify(line: Line, lexicon: LayoutLexicon): LineLook {
  const c = line.content;
  if (line.blank) return { kind: 'blank' };

  const sup = SUPERSCRIPT_RUN.exec(c);
  if (sup) {
    return { kind: 'note', number: superscriptValue(sup[0]), marker: sup[0], style: 'superscript', bodyStart: sup[0].length };
  }

  const furniture = furnitureLook(c, lexicon);
  if (furniture) return { kind: 'furniture', furniture };

  if (lexicon.captionLabel.test(c)) return { kind: 'caption', label: /^\S+\s*\d+[a-z]?/u.exec(c)![0] };

  const bullet = BULLET.exec(c);
  if (bullet) return { kind: 'bullet', marker: bullet[1]!, bodyStart: bullet[0].length };

  // "1. Inleiding", "3.1.2 Titel", "3.3. Titel"; an undotted "2 Mensensmokkel ..." may be a
  // plain-digit footnote instead: the notes pass sees the neighbours and decides.
  const numbered = NUMBERED.exec(c);
  if (numbered && /^\p{Lu}/u.test(numbered[3]!)) {
    const number = numbered[1]!;
    return { kind: 'numbered', number, depth: number.split('.').length, dotted: numbered[2] === '.', title: numbered[3]! };
  }

  const lettered = LETTERED.exec(c);
  if (lettered && /^\p{Lu}/u.test(lettered[2]!)) return { kind: 'lettered', letter: lettered[1]!, title: lettered[2]! };

  const plain = PLAIN_NOTE.exec(c);
  if (plain) {
    return { kind: 'note', number: Number(plain[1]), marker: plain[1]!, style: 'plain-digit', bodyStart: plain[0].length };
  }
  return { kind: 'text' };
}

function furnitureLook(c: string, lexicon: LayoutLexicon): FurnitureKind | null {
  const lower = c.toLowerCase();
  if (PAGE_NUMBER.test(c)) return 'page-number';
  if (lexicon.pageMarker.test(lower)) return 'page-marker';
  if (lexicon.backToTop.has(lower.replace(/[\s↑^⇧]+$/u, '').replace(/^[\s↑^⇧]+/u, ''))) return 'back-to-top';
  if (lexicon.republishNotice.test(lower)) return 'republish-notice';
  const words = lower.split(/\s+/);
  const social = words.filter((w) => lexicon.socialTokens.has(w)).length;
  if (social >= 3 && social / words.length >= 0.5) return 'social-links';
  return null;
}

export function isUrlOnly(content: string): boolean {
  return URL_ONLY.test(content);
}
