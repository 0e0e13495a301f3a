/**
 * Lines to units: a unit is one logical line of the document (a paragraph, a bullet, a footnote
 * text, a heading candidate ...), built from one or more physical lines.
 *
 * In a one-paragraph-per-line text each line is a unit, but for a heading or emphasis that runs
 * over the next line. In a hard-wrapped text (pdftotext) lines are re-flowed into paragraphs:
 * a line break is kept where the next word would have fitted on the line or the next line
 * starts something new, and a word hyphenated at the line end is rejoined.
 *
 * Where another layer may claim a line (a new page after a footnote block, the overflow of a
 * footnote that started on the previous page) the unit is cut tentatively; the layer pass
 * decides and rejoins.
 */
import type { FurnitureKind } from '../document/model.js';
import { isUrlOnly, type Line } from './lines.js';
import type { Join, Piece } from './mapped-text.js';
import { gluedRefsIn, type NoteLines } from './note-lines.js';
import { endsTerminal, firstWordLength, startsLikeContinuation, stripTrailing } from './text-shape.js';
import type { Wrapping } from './wrapping.js';

export type UnitKind = 'text' | 'bullet' | 'note' | 'caption' | 'furniture' | 'numbered' | 'lettered';

export interface Unit {
  kind: UnitKind;
  lines: Line[];
  pieces: Piece[];
  /** Something on this line says a new page began here (an indent, a form feed). */
  pageStart: boolean;
  note?: { number: number; marker: string; style: 'superscript' | 'plain-digit' };
  bullet?: { marker: string };
  furniture?: FurnitureKind;
  /** The unit text with lines joined by single spaces, for shape tests. */
  text: string;
  /** How the unit joins the unit it continues, when the layer pass rejoins them. */
  joinBefore?: Join;
}

export const firstLine = (u: Unit) => u.lines[0]!;
export const lastLine = (u: Unit) => u.lines[u.lines.length - 1]!;

function unitOf(line: Line, pageStart: boolean): Unit {
  const look = line.look;
  const unit: Unit = {
    kind: 'text',
    lines: [line],
    pieces: [{ start: line.contentStart, end: line.contentEnd, join: 'space' }],
    pageStart,
    text: line.content,
  };
  switch (look.kind) {
    case 'note':
      unit.kind = 'note';
      unit.note = { number: look.number, marker: look.marker, style: look.style };
      break;
    case 'bullet':
      unit.kind = 'bullet';
      unit.bullet = { marker: look.marker };
      break;
    case 'caption':
    case 'numbered':
    case 'lettered':
      unit.kind = look.kind;
      break;
    case 'furniture':
      unit.kind = 'furniture';
      unit.furniture = look.furniture;
      break;
    default:
      break;
  }
  return unit;
}

/**
 * How a text that ends in a hyphen joins what continues it on the next line or after a page
 * break: a word hyphenated at the line end as `hyphenated` decides ("Arbeids-" + "inspectie",
 * "EU-" + "actieplan"), a number range without a space ("2021-" + "2025"); undefined when the
 * text does not end so.
 */
export function joinAtHyphen(before: string, after: string, hyphenated: (a: string, b: string) => Join): Join | undefined {
  if (/\p{L}-$/u.test(before)) return hyphenated(before, after);
  if (cutNumberRange(before, after)) return 'none';
  return undefined;
}

/** A number range cut after its hyphen ("2021-" | "2025"): the text goes on. */
export function cutNumberRange(before: string, after: string): boolean {
  return /\d-$/u.test(before) && /^\d/u.test(after);
}

function extend(unit: Unit, line: Line, join: Join): void {
  unit.lines.push(line);
  unit.pieces.push({ start: line.contentStart, end: line.contentEnd, join });
  unit.text = join === 'space' ? `${unit.text} ${line.content}` : `${unit.text.replace(/-$/u, join === 'drop-hyphen' ? '' : '-')}${line.content}`;
}

/** Starts something new whatever the previous line says. */
function structural(line: Line): boolean {
  return line.look.kind !== 'text';
}

export function buildUnits(lines: Line[], wrapping: Wrapping, notes: NoteLines, hyphenated: (a: string, b: string) => Join): Unit[] {
  const units: Unit[] = [];
  const noteNumbers = new Set<number>();
  for (const l of lines) if (l.look.kind === 'note') noteNumbers.add(l.look.number);
  let current: Unit | null = null;
  let blankSince = false;
  let openNote = false;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.blank) {
      blankSince = true;
      continue;
    }
    const pageStart = line.formFeed || (wrapping.wrapped && wrapping.flushLeft && line.indent > 0 && line.indent < 8);
    const join = current ? joinDecision(current, line, lines, i) : null;
    if (current && join) {
      extend(current, line, join);
    } else {
      if (current?.kind === 'note') openNote = !endsTerminal(current.text);
      current = unitOf(line, pageStart);
      units.push(current);
    }
    blankSince = false;
  }
  return units;

  function joinDecision(unit: Unit, line: Line, all: Line[], i: number): Join | null {
    if (structural(line) || line.formFeed) return null;
    if (unit.kind === 'furniture' || unit.kind === 'caption') return null;
    const prev = lastLine(unit);
    const prevText = prev.content;
    if (!wrapping.wrapped) {
      // One paragraph per line: only a line break inside emphasis or a broken-off title joins.
      if (blankSince) return null;
      if (unclosedEmphasis(unit.text)) return 'space';
      if (!endsTerminal(prevText) && startsLikeContinuation(line.content)) return 'space';
      return null;
    }
    if (blankSince && !wrapping.doubleSpaced) return null;
    if (wrapping.flushLeft && line.indent > 0 && line.indent < 8) return null; // a new page starts here
    if (unit.kind === 'note' && gluedRefsIn(line).some((r) => !r.afterYear && noteNumbers.has(r.number) && r.number > unit.note!.number)) {
      return null; // body text with references: the page's body resumes
    }
    if (openNote && unit.kind !== 'note' && nextIsNoteStart(all, i)) return null; // maybe a note's overflow
    const room = wrapping.width - prevText.length - 1 - firstWordLength(line.content);
    // A heading runs on when its next line continues it or its line is full; its value
    // ("d) EUR-Lex" + URL) stays apart.
    if (unit.kind === 'numbered' || unit.kind === 'lettered') {
      if (isUrlOnly(line.content)) return null;
      if (!endsTerminal(prevText) && startsLikeContinuation(line.content)) return 'space';
      if (prevText.length < 0.85 * wrapping.width) return null;
    }
    const across = joinAtHyphen(prevText, line.content, hyphenated);
    if (across) return across;
    if (!endsTerminal(prevText) && startsLikeContinuation(line.content)) return 'space';
    if (endsTerminal(prevText)) return room >= 0 ? null : 'space';
    if (room >= 0.15 * wrapping.width) return null;
    return 'space';
  }
}

function nextIsNoteStart(lines: Line[], i: number): boolean {
  for (let j = i + 1; j < lines.length; j++) {
    if (lines[j]!.blank) continue;
    return lines[j]!.look.kind === 'note';
  }
  return false;
}

function unclosedEmphasis(text: string): boolean {
  return ((text.match(/\*\*/g)?.length ?? 0) % 2) === 1;
}

/** The unit's text ends a sentence (ignoring trailing markup). */
export function unitTerminal(unit: Unit): boolean {
  return endsTerminal(unit.text);
}

export function unitTail(unit: Unit): string {
  return stripTrailing(unit.text);
}
