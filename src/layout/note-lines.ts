/**
 * Which lines start a footnote text?
 *
 * A line starting with superscript digits (`¹ Zie artikel ...`) always does. A line starting with
 * plain digits (`1 Het hulpverleningspakket ...`, as in pdftotext output of Dutch government
 * documents) does only when the numbers run in sequence and a reference glued to a word or to
 * punctuation earlier in the text (`hulpverleningspakket1`, `fenomenen.2`, `juni 20218`) points
 * at it; otherwise it is body text ("29 september 2021") or a heading ("1 Inleiding").
 */
import type { Line } from './lines.js';

export type NoteStyle = 'superscript' | 'plain-digit';

export interface GluedRef {
  line: number;
  /** Offset of the digits in the normalised text. */
  start: number;
  end: number;
  number: number;
  /** The digits follow a four-digit year ("20218" = 2021 + note 8): accepted only in sequence. */
  afterYear: boolean;
}

const LETTER_DIGITS = /\p{Ll}{2,}(\d{1,3})(?=[\s.,;:!?)”"’'»]|$)/gu;
const PUNCT_DIGITS = /\p{Ll}[.,;:!?)”"’'»](\d{1,3})(?=[\s”"’'»]|$)/gu;
const YEAR_DIGITS = /(?<![\d/.-])(?:19|20)\d{2}(\d{1,2})(?=[.,;:)]?(?:\s|$))/gu;

/** Candidate plain-digit references in a line of body text. */
export function gluedRefsIn(line: Line): GluedRef[] {
  const refs: GluedRef[] = [];
  const text = line.content;
  const base = line.contentStart;
  for (const [re, afterYear] of [
    [LETTER_DIGITS, false],
    [PUNCT_DIGITS, false],
    [YEAR_DIGITS, true],
  ] as const) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const digits = m[1]!;
      const start = m.index + m[0].length - digits.length;
      if (/https?:|www\.|\/\S*$/u.test(text.slice(Math.max(0, start - 60), start).split(/\s/).pop() ?? '')) continue;
      refs.push({ line: line.no, start: base + start, end: base + start + digits.length, number: Number(digits), afterYear });
    }
  }
  return refs.sort((a, b) => a.start - b.start);
}

export interface NoteLines {
  style: NoteStyle | null;
  /** Line numbers that start a footnote text. */
  starts: Set<number>;
  /** Plain-digit references that matched an accepted note, by note number. */
  gluedRefs: GluedRef[];
}

export function resolveNoteLines(lines: Line[]): NoteLines {
  const superscript = lines.filter((l) => l.look.kind === 'note' && l.look.style === 'superscript');
  if (superscript.length > 0) {
    demotePlainNotes(lines, new Set());
    return { style: 'superscript', starts: new Set(superscript.map((l) => l.no)), gluedRefs: [] };
  }
  return resolvePlainDigitNotes(lines);
}

function plainCandidate(line: Line): number | null {
  if (line.look.kind === 'note' && line.look.style === 'plain-digit') return line.look.number;
  if (line.look.kind === 'numbered' && line.look.depth === 1 && !line.look.dotted) return Number(line.look.number);
  return null;
}

function resolvePlainDigitNotes(lines: Line[]): NoteLines {
  const starts = new Set<number>();
  const accepted: GluedRef[] = [];
  const consumed = new Set<GluedRef>();
  const refsByLine = new Map<number, GluedRef[]>();
  let expected = 1;

  const findRef = (n: number, before: number, allowYear: boolean): GluedRef | undefined => {
    for (let no = 1; no < before; no++) {
      if (starts.has(no)) continue;
      for (const ref of refsByLine.get(no) ?? []) {
        if (ref.number === n && !consumed.has(ref) && (allowYear || !ref.afterYear)) return ref;
      }
    }
    return undefined;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.blank) continue;
    const n = plainCandidate(line);
    if (n !== null && n >= expected && n <= expected + 2) {
      const ref = findRef(n, line.no, n === expected);
      const besideNote = previousNonBlank(lines, i)?.no !== undefined && starts.has(previousNonBlank(lines, i)!.no);
      if (ref || (n === expected && besideNote)) {
        starts.add(line.no);
        if (ref) {
          consumed.add(ref);
          accepted.push(ref);
        }
        expected = n + 1;
        line.look = { kind: 'note', number: n, marker: String(n), style: 'plain-digit', bodyStart: String(n).length + 1 };
        continue;
      }
    }
    if (!starts.has(line.no)) refsByLine.set(line.no, gluedRefsIn(line));
  }
  demotePlainNotes(lines, starts);
  return { style: starts.size > 0 ? 'plain-digit' : null, starts, gluedRefs: accepted };
}

/** Plain-digit look-alikes that are not notes are body text. */
function demotePlainNotes(lines: Line[], keep: Set<number>): void {
  for (const line of lines) {
    if (line.look.kind === 'note' && line.look.style === 'plain-digit' && !keep.has(line.no)) line.look = { kind: 'text' };
  }
}

function previousNonBlank(lines: readonly Line[], i: number): Line | undefined {
  for (let j = i - 1; j >= 0; j--) if (!lines[j]!.blank) return lines[j];
  return undefined;
}
