/**
 * The layout stage: normalised text to layers of blocks (content, notes, boxes, captions,
 * furniture), with page breaks found and interrupted text rejoined.
 */
import type { SourceText } from '../read/source.js';
import { assignLayers, type Layers } from './layers.js';
import type { LayoutLexicon } from './lexicon.js';
import { splitLines, type Line } from './lines.js';
import type { Join } from './mapped-text.js';
import { resolveNoteLines, type NoteLines } from './note-lines.js';
import { buildUnits, type Unit } from './units.js';
import { detectWrapping, type Wrapping } from './wrapping.js';
import { endsTerminal } from './text-shape.js';

export interface LayoutResult extends Layers {
  lines: Line[];
  wrapping: Wrapping;
  noteLines: NoteLines;
}

export function layout(source: SourceText, lexicon: LayoutLexicon): LayoutResult {
  const lines = splitLines(source.text, lexicon);
  const noteLines = resolveNoteLines(lines);
  const wrapping = detectWrapping(lines);
  markRunningHeaders(lines, wrapping);
  const joiner = dehyphenator(source.text);
  const units = buildUnits(lines, wrapping, noteLines, joiner);
  markLinkLists(units, lexicon);
  if (wrapping.wrapped) markLetterhead(units, lexicon);
  const layers = assignLayers(units, wrapping.wrapped, lexicon, joiner);
  return { ...layers, lines, wrapping, noteLines };
}

/**
 * Running headers and footers of a PDF conversion: a lone language code ("NL"), or, in a
 * hard-wrapped text, a short line repeated on many pages.
 */
function markRunningHeaders(lines: Line[], wrapping: Wrapping): void {
  const counts = new Map<string, number>();
  for (const l of lines) if (l.look.kind === 'text' && l.content.length <= 60) counts.set(l.content, (counts.get(l.content) ?? 0) + 1);
  for (const l of lines) {
    if (l.look.kind !== 'text') continue;
    const languageCode = /^[A-Z]{2}$/.test(l.content);
    const repeated = wrapping.wrapped && (counts.get(l.content) ?? 0) >= 3 && !l.content.endsWith(':');
    if (languageCode || repeated) l.look = { kind: 'furniture', furniture: 'running-header' };
  }
}

/** "Meer informatie" and the link titles under it, to the end of the page: web chrome. */
function markLinkLists(units: Unit[], lexicon: LayoutLexicon): void {
  for (let i = 0; i < units.length; i++) {
    const heading = units[i]!;
    if (heading.kind !== 'text' || !lexicon.linkListHeadings.has(heading.text.toLowerCase().replace(/:$/, ''))) continue;
    let j = i + 1;
    while (j < units.length && isLinkLine(units[j]!)) j++;
    if (j === i + 1 || units.slice(j).some((u) => u.kind !== 'furniture')) continue;
    for (let k = i; k < j; k++) {
      if (units[k]!.kind === 'furniture') continue;
      units[k]!.kind = 'furniture';
      units[k]!.furniture = 'link-list';
    }
  }
}

function isLinkLine(u: Unit): boolean {
  if (u.kind === 'furniture') return true;
  return (u.kind === 'text' || u.kind === 'bullet') && u.text.length <= 250 && !/[.;]$/.test(u.text);
}

/** The letterhead of a letter converted from PDF: cue lines before the first paragraph. */
function markLetterhead(units: Unit[], lexicon: LayoutLexicon): void {
  for (const u of units.slice(0, 25)) {
    if (u.kind === 'text' && endsTerminal(u.text) && u.text.length > 120) return;
    if (u.kind === 'text' && lexicon.letterheadCue.test(u.text.replace(/^>\s*/, ''))) {
      u.kind = 'furniture';
      u.furniture = 'letterhead';
    }
  }
}

/**
 * A word hyphenated at a line end: keep the hyphen where Dutch writes one (a capital or digit on
 * either side, a vowel clash, "rechtshandhavings- en ..."), drop it where the joined word occurs
 * elsewhere in the document, keep it when in doubt (nothing is lost).
 */
function dehyphenator(text: string): (before: string, after: string) => Join {
  let vocabulary: Set<string> | null = null;
  const words = () => (vocabulary ??= new Set(text.toLowerCase().match(/[\p{L}-]+/gu) ?? []));
  return (before, after) => {
    const head = /([\p{L}]+)-$/u.exec(before)?.[1] ?? '';
    const tail = /^[\p{L}]+/u.exec(after)?.[0] ?? '';
    if (/^(en|of|tot|dan)\b/u.test(after)) return 'space';
    if (!head || !tail) return 'none';
    if (/\p{Lu}$/u.test(head) || /^\p{Lu}/u.test(tail) || /^\d/u.test(after)) return 'none';
    if (/[aeiouy]$/iu.test(head) && /^[aeiouy]/iu.test(tail)) return 'none';
    const lowerHead = head.toLowerCase();
    const lowerTail = tail.toLowerCase();
    if (words().has(`${lowerHead}-${lowerTail}`)) return 'none';
    if (words().has(`${lowerHead}${lowerTail}`)) return 'drop-hyphen';
    return 'none';
  };
}
