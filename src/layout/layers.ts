/**
 * Units to layers: which units are content, footnote texts, boxes, captions or furniture, and
 * which units continue a sentence that a page break interrupted.
 *
 * Page breaks were flattened into the text, so the footnotes of a page, a figure caption or a
 * boxed case study can sit in the middle of a sentence, which continues after them. The rules:
 *
 * 1. Footnote runs. A run is a sequence of footnote texts. Inside a run, a line sandwiched between
 *    two notes or a bare URL continues the note before it. A note whose text is unfinished
 *    ("... zodat zij") overflowed onto the next page: its rest stands right before the first note
 *    of a later run, where it is taken when it cannot be the body's own continuation.
 * 2. Continuations. An unfinished content unit is continued by the next content unit that starts
 *    like the rest of a sentence (lower case, a comma, a bracket); after page evidence (notes, a
 *    caption, page furniture) also by one that starts with a capital when the unit clearly stops
 *    mid-phrase ("... samenwerking met").
 * 3. Boxes. When an unfinished unit is followed by complete paragraphs and then by its
 *    continuation, the paragraphs in between are a box that interrupted it.
 */
import type { FurnitureKind } from '../document/model.js';
import type { LayoutLexicon } from './lexicon.js';
import { isUrlOnly } from './lines.js';
import type { Join, Piece } from './mapped-text.js';
import {
  endsStronglyOpen,
  endsTerminal,
  startsDigit,
  startsLikeContinuation,
  startsWithSentenceOpener,
} from './text-shape.js';
import { cutNumberRange, firstLine, joinAtHyphen, lastLine, type Unit } from './units.js';

export type Layer = 'content' | 'note' | 'box' | 'caption' | 'furniture';
export type BreakEvidence = 'notes' | 'caption' | 'box' | 'furniture' | 'form-feed' | 'indent' | 'split-sentence';

export interface LayoutBlock {
  layer: Layer;
  kind: Unit['kind'] | 'box';
  units: Unit[];
  /** Rejoined interruptions: before piece `piece` of the block, page break `pageBreak`. */
  breaks: { piece: number; pageBreak: PageBreakDraft }[];
  note?: Unit['note'];
  bullet?: Unit['bullet'];
  furniture?: FurnitureKind;
  /** For boxes: the content block the box interrupted. */
  interrupts?: LayoutBlock;
}

export interface PageBreakDraft {
  /** Normalised offset where the text resumes. */
  offset: number;
  line: number;
  evidence: BreakEvidence[];
  interrupted: LayoutBlock | null;
}

export interface Layers {
  content: LayoutBlock[];
  notes: LayoutBlock[];
  boxes: LayoutBlock[];
  captions: LayoutBlock[];
  furniture: LayoutBlock[];
  pageBreaks: PageBreakDraft[];
}

export function blockPieces(block: LayoutBlock): Piece[] {
  return block.units.flatMap((u, k) => u.pieces.map((p, i) => (i === 0 ? { ...p, join: k === 0 ? 'space' : (u.joinBefore ?? 'space') } : p)));
}

const newBlock = (layer: Layer, unit: Unit): LayoutBlock => ({
  layer,
  kind: unit.kind,
  units: [unit],
  breaks: [],
  ...(unit.note ? { note: unit.note } : {}),
  ...(unit.bullet ? { bullet: unit.bullet } : {}),
  ...(unit.furniture ? { furniture: unit.furniture } : {}),
});

const blockText = (b: LayoutBlock) => b.units.map((u) => u.text).join(' ');
const PAGE_FURNITURE: ReadonlySet<FurnitureKind> = new Set(['page-number', 'page-marker', 'running-header']);

/** How a continuation joins the text it continues: "EU-" + "actieplan" keeps the hyphen, no space. */
export type Joiner = (before: string, after: string) => Join;

export function assignLayers(units: Unit[], wrapped: boolean, lexicon: LayoutLexicon, joiner: Joiner): Layers {
  const layers: Layers = { content: [], notes: [], boxes: [], captions: [], furniture: [], pageBreaks: [] };
  /** Per unit: null = content, or the block of another layer it went to. */
  const claimed: (LayoutBlock | null)[] = units.map(() => null);

  assignNotes(units, claimed, layers, wrapped);
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    if (claimed[i]) continue;
    if (u.kind === 'furniture') claimed[i] = push(layers.furniture, newBlock('furniture', u));
    else if (u.kind === 'caption') claimed[i] = push(layers.captions, newBlock('caption', u));
  }
  assignContent(units, claimed, layers, wrapped, lexicon, joiner);
  return layers;
}

function push(list: LayoutBlock[], block: LayoutBlock): LayoutBlock {
  list.push(block);
  return block;
}

function assignNotes(units: Unit[], claimed: (LayoutBlock | null)[], layers: Layers, wrapped: boolean): void {
  let pending: { block: LayoutBlock; runEnd: number } | null = null;
  for (let i = 0; i < units.length; i++) {
    if (units[i]!.kind !== 'note') continue;
    // A run begins at i: first the overflow of an unfinished note from an earlier page.
    if (pending) {
      const u = i - 1;
      if (u > pending.runEnd && units[u]!.kind === 'text' && !claimed[u] && overflowOfNote(units, claimed, u, i, pending.runEnd)) {
        pending.block.units.push(units[u]!);
        claimed[u] = pending.block;
      }
      pending = null;
    }
    let current: LayoutBlock | null = null;
    let j = i;
    for (; j < units.length; j++) {
      const u = units[j]!;
      if (u.kind === 'note') {
        current = push(layers.notes, newBlock('note', u));
        claimed[j] = current;
      } else if (u.kind === 'furniture') {
        continue;
      } else if (current && u.kind === 'text' && (isUrlOnly(u.text) || (!wrapped && units[j + 1]?.kind === 'note'))) {
        current.units.push(u);
        claimed[j] = current;
      } else break;
    }
    const last = current!;
    if (!endsTerminal(blockText(last))) pending = { block: last, runEnd: j - 1 };
    i = j - 1;
  }
}

/**
 * Unit `u` stands right before a footnote run starting at `runStart`, and an unfinished note from
 * an earlier run is waiting for its overflow. `u` is that overflow when it starts like a
 * continuation and cannot be the body's own: the body before it is finished, or `u` finishes a
 * sentence while the text after the run still continues one (which would then be left orphaned).
 */
function overflowOfNote(units: Unit[], claimed: (LayoutBlock | null)[], u: number, runStart: number, pendingRunEnd: number): boolean {
  const unit = units[u]!;
  if (!startsLikeContinuation(unit.text)) return false;
  let b = u - 1;
  while (b > pendingRunEnd && (claimed[b] || units[b]!.kind === 'furniture' || units[b]!.kind === 'caption')) b--;
  if (b <= pendingRunEnd) return false;
  const before = units[b]!;
  const beforeOpen = !endsTerminal(before.text);
  if (!beforeOpen) return true;
  if (!endsTerminal(unit.text)) return false;
  let v = runStart;
  while (v < units.length && (units[v]!.kind === 'note' || units[v]!.kind === 'furniture' || isUrlOnly(units[v]!.text))) v++;
  const after = units[v];
  return after !== undefined && after.kind === 'text' && startsLikeContinuation(after.text);
}

interface Gap {
  evidence: Set<BreakEvidence>;
}

function assignContent(
  units: Unit[],
  claimed: (LayoutBlock | null)[],
  layers: Layers,
  wrapped: boolean,
  lexicon: LayoutLexicon,
  joiner: Joiner,
): void {
  const body: number[] = [];
  for (let i = 0; i < units.length; i++) if (!claimed[i]) body.push(i);

  const gapBefore = (k: number): Gap => {
    const evidence = new Set<BreakEvidence>();
    const i = body[k]!;
    const from = k > 0 ? body[k - 1]! + 1 : 0;
    for (let j = from; j < i; j++) {
      const c = claimed[j];
      if (!c) continue;
      if (c.layer === 'note') evidence.add('notes');
      else if (c.layer === 'caption') evidence.add('caption');
      else if (c.layer === 'box') evidence.add('box');
      else if (c.layer === 'furniture' && c.furniture && PAGE_FURNITURE.has(c.furniture)) evidence.add('furniture');
    }
    const u = units[i]!;
    if (firstLine(u).formFeed) evidence.add('form-feed');
    else if (u.pageStart) evidence.add('indent');
    return { evidence };
  };

  let open: LayoutBlock | null = null;
  for (let k = 0; k < body.length; k++) {
    const i = body[k]!;
    const u = units[i]!;
    if (claimed[i]) continue; // taken as a box paragraph
    const gap = gapBefore(k);
    const previous: LayoutBlock | null = open;
    if (previous && continues(previous, u, gap)) {
      const evidence = [...gap.evidence];
      // One paragraph per line: a long line that stops mid-sentence was cut by a page end.
      if (evidence.length === 0 && !wrapped && lastLine(previous.units.at(-1)!).content.length >= 120) {
        evidence.push('split-sentence');
      }
      attach(previous, u, evidence, layers, joiner);
      claimed[i] = previous;
      continue;
    }
    if (previous && u.kind === 'text' && !endsTerminal(blockText(previous)) && !isHeadingKind(previous)) {
      const box = findBox(previous, k);
      if (box) {
        const boxBlock: LayoutBlock = { layer: 'box', kind: 'box', units: [], breaks: [], interrupts: previous };
        for (const b of box.paragraphs) {
          boxBlock.units.push(units[body[b]!]!);
          claimed[body[b]!] = boxBlock;
        }
        layers.boxes.push(boxBlock);
        const c = body[box.continuation]!;
        attach(previous, units[c]!, ['box', ...gapBefore(box.continuation).evidence], layers, joiner);
        claimed[c] = previous;
        continue;
      }
    }
    const block = push(layers.content, newBlock('content', u));
    claimed[i] = block;
    if (gap.evidence.size > 0) {
      layers.pageBreaks.push({ offset: firstLine(u).contentStart, line: firstLine(u).no, evidence: [...gap.evidence], interrupted: null });
    }
    open = block;
  }

  function isHeadingKind(block: LayoutBlock): boolean {
    return block.kind === 'numbered' || block.kind === 'lettered';
  }

  function continues(block: LayoutBlock, u: Unit, gap: Gap): boolean {
    if (u.kind !== 'text') return false;
    const text = blockText(block);
    if (endsTerminal(text)) return false;
    const pageEvidence = gap.evidence.size > 0;
    // A numbered or lettered heading is followed by its value, not continued, unless a page broke it.
    if (isHeadingKind(block) && !pageEvidence) return false;
    if (startsLikeContinuation(u.text)) return true;
    if (pageEvidence && cutNumberRange(text, u.text)) return true;
    return pageEvidence && endsStronglyOpen(text, lexicon) && !startsDigit(u.text);
  }

  /** Complete paragraphs between an unfinished unit and its continuation: a box. */
  function findBox(previous: LayoutBlock, k: number): { paragraphs: number[]; continuation: number } | null {
    const text = blockText(previous);
    const paragraphs: number[] = [];
    for (let m = k; m < body.length && paragraphs.length <= 5; m++) {
      const u = units[body[m]!]!;
      if (claimed[body[m]!]) return null;
      if (u.kind !== 'text') return null;
      if (paragraphs.length > 0 && startsLikeContinuation(u.text)) return { paragraphs, continuation: m };
      if (
        paragraphs.length > 0 &&
        startsDigit(u.text) &&
        (endsStronglyOpen(text, lexicon) || startsWithSentenceOpener(text, lexicon))
      ) {
        return { paragraphs, continuation: m };
      }
      if (!endsTerminal(u.text)) return null; // an unfinished paragraph claims what follows itself
      paragraphs.push(m);
    }
    return null;
  }
}

function attach(block: LayoutBlock, u: Unit, evidence: BreakEvidence[], layers: Layers, joiner: Joiner): void {
  const piece = block.units.reduce((n, x) => n + x.pieces.length, 0);
  const before = block.units[block.units.length - 1]!.text;
  u.joinBefore = joinAtHyphen(before, u.text, joiner) ?? 'space';
  if (evidence.length > 0) {
    const pageBreak: PageBreakDraft = {
      offset: firstLine(u).contentStart,
      line: firstLine(u).no,
      evidence,
      interrupted: block,
    };
    layers.pageBreaks.push(pageBreak);
    block.breaks.push({ piece, pageBreak });
  }
  block.units.push(u);
}

export { lastLine };
