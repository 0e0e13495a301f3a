/**
 * From a layout block to the text of an element: markers stripped, footnote references and
 * inline markup lifted out into their own lists, provenance (span, segments, page breaks) kept.
 */
import type { Mark, NoteRef, Span } from '../document/model.js';
import type { LayoutBlock, PageBreakDraft } from '../layout/layers.js';
import { blockPieces } from '../layout/layers.js';
import { MappedText, type Range } from '../layout/mapped-text.js';
import type { SourceText } from '../read/source.js';
import { parseInlineBatch, type Inline } from './inline.js';
import { sha256Hex } from '../util/hash.js';

export interface Draft {
  block: LayoutBlock;
  /** The block text with its leading marker (bullet, note number) removed. */
  text: MappedText;
  /** Normalised source ranges the element owns, merged across white space. */
  segments: Range[];
}

export function draftOf(block: LayoutBlock, source: SourceText, markerLength = 0): Draft {
  const pieces = blockPieces(block);
  let text = MappedText.fromPieces(source.text, pieces);
  if (markerLength > 0) text = text.remove([{ start: 0, end: markerLength }]);
  return { block, text, segments: mergeSegments(pieces, source.text) };
}

/** Pieces whose gaps are only white space form one segment. */
export function mergeSegments(pieces: readonly Range[], text: string): Range[] {
  const sorted = [...pieces].sort((a, b) => a.start - b.start);
  const out: Range[] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (last && text.slice(last.end, p.start).trim() === '') last.end = Math.max(last.end, p.end);
    else out.push({ start: p.start, end: p.end });
  }
  return out;
}

export function hashText(text: string): string {
  return sha256Hex(text).slice(0, 16);
}

export interface Provenance {
  hash: string;
  span: Span;
  segments?: Span[];
}

export function provenanceOf(segments: readonly Range[], source: SourceText, text: string): Provenance {
  const spans = segments.map((s) => source.span(s.start, s.end));
  const first = spans[0]!;
  const last = spans[spans.length - 1]!;
  const span: Span = { startLine: first.startLine, endLine: last.endLine, start: first.start, end: last.end };
  return spans.length > 1 ? { hash: hashText(text), span, segments: spans } : { hash: hashText(text), span };
}

/** A reference found in a draft text, before it is resolved to a note. */
export interface RefCandidate {
  start: number;
  end: number;
  number: number;
  marker: string;
  style: NoteRef['style'];
}

export interface FinishedText {
  text: string;
  marks: Mark[];
  refs: (RefCandidate & { at: number; span: Span })[];
  breaks: { at: number; pageBreak: PageBreakDraft }[];
  /** The final text with its map to the source, for mentions found later. */
  mapped: MappedText;
}

/** A draft text with its references removed, ready for markup parsing. */
export interface Prepared {
  draft: Draft;
  refs: RefCandidate[];
  afterRefs: MappedText;
}

export function prepare(draft: Draft, refs: RefCandidate[]): Prepared {
  return { draft, refs, afterRefs: draft.text.remove(refs) };
}

/** The inline markup of many prepared texts, parsed together (see parseInlineBatch). */
export function markupOf(prepared: readonly Prepared[]): Map<Prepared, Inline> {
  const parsed = parseInlineBatch(prepared.map((p) => p.afterRefs.text));
  return new Map(prepared.map((p, i) => [p, parsed[i]!]));
}

const NO_MARKUP: Inline = { remove: [], marks: [] };

/**
 * Remove reference markers and markup delimiters from a draft text; positions of references,
 * marks and page breaks are carried over to the final text.
 */
export function finishText({ draft, refs, afterRefs }: Prepared, source: SourceText, inline: Inline = NO_MARKUP): FinishedText {
  const final = afterRefs.remove(inline.remove);
  const shiftRefs = (p: number) => shift(shift(p, refs), inline.remove);
  const marks = inline.marks.map((m) => ({
    ...m,
    start: clamp(shift(m.start, inline.remove), final.length),
    end: clamp(shift(m.end, inline.remove), final.length),
  }));
  const pieces = blockPieces(draft.block);
  const breaks = draft.block.breaks.map((b) => ({
    at: final.fromNorm(pieces[b.piece]?.start ?? Number.MAX_SAFE_INTEGER),
    pageBreak: b.pageBreak,
  }));
  return {
    text: final.text,
    marks,
    refs: refs.map((r) => {
      const n = draft.text.normRange(r.start, r.end);
      return { ...r, at: clamp(shiftRefs(r.start), final.length), span: source.span(n.start, n.end) };
    }),
    breaks,
    mapped: final,
  };
}

/** Position `p` after the (sorted, non-overlapping) ranges before it are removed. */
function shift(p: number, removed: readonly Range[]): number {
  let d = 0;
  for (const r of removed) {
    if (r.end <= p) d += r.end - r.start;
    else if (r.start < p) d += p - r.start;
  }
  return p - d;
}

const clamp = (p: number, max: number) => Math.max(0, Math.min(p, max));
