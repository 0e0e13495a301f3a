/**
 * The structure stage: layout layers to the typed content tree (sections, paragraphs, lists,
 * key-action lists), the notes table with every in-text reference linked to its note, boxes,
 * captions, furniture and page breaks, each with a stable id and its provenance.
 */
import type {
  Block,
  Box,
  Caption,
  Diagnostic,
  Footnote,
  Furniture,
  Heading,
  KeyAction,
  KeyActionGroup,
  KeyActionList,
  KeyActionTopic,
  LeadIn,
  List,
  ListItem,
  NoteRef,
  PageBreak,
  Paragraph,
  Section,
  Span,
} from '../document/model.js';
import type { LayoutResult } from '../layout/index.js';
import type { LayoutBlock } from '../layout/layers.js';
import type { LayoutLexicon } from '../layout/lexicon.js';
import type { MappedText } from '../layout/mapped-text.js';
import type { SourceText } from '../read/source.js';
import { classify, type HeadingItem, type Item, type Problem } from './classify.js';
import { findRefs, type RefContext } from './footnotes.js';
import type { Inline } from './inline.js';
import { draftOf, finishText, markupOf, prepare, provenanceOf, type Draft, type FinishedText, type Prepared, type RefCandidate } from './text.js';

export type TextNode = Heading | Paragraph | ListItem | LeadIn | KeyAction | Footnote | Box | Caption;

export interface StructureResult {
  body: Block[];
  notes: Footnote[];
  boxes: Box[];
  captions: Caption[];
  furniture: Furniture[];
  pageBreaks: PageBreak[];
  diagnostics: Diagnostic[];
  /** Every text-bearing node with its text map, for the entity stage. */
  texts: { node: TextNode; mapped: MappedText }[];
  keyActions: { action: KeyAction; leadIn: LeadIn | null }[];
  frontMatter: Paragraph[];
  fields: { label: Heading; value: Paragraph }[];
}

export function structure(docId: string, source: SourceText, layout: LayoutResult, lexicon: LayoutLexicon): StructureResult {
  return new Builder(docId, source, layout, lexicon).build();
}

class Builder {
  private readonly result: StructureResult = {
    body: [],
    notes: [],
    boxes: [],
    captions: [],
    furniture: [],
    pageBreaks: [],
    diagnostics: [],
    texts: [],
    keyActions: [],
    frontMatter: [],
    fields: [],
  };
  private readonly ids = new Set<string>();
  private readonly counters = new Map<string, number>();
  private readonly blockIds = new Map<LayoutBlock, string>();
  private readonly refsOf = new Map<Draft, RefCandidate[]>();
  private readonly prepared = new Map<Draft, Prepared>();
  private markup = new Map<Prepared, Inline>();
  private readonly noteByNumber = new Map<number, Footnote>();
  private readonly refNodes: { ref: NoteRef; owner: string }[] = [];

  constructor(
    private readonly docId: string,
    private readonly source: SourceText,
    private readonly layout: LayoutResult,
    private readonly lexicon: LayoutLexicon,
  ) {}

  build(): StructureResult {
    // Page break ids follow document order.
    [...this.layout.pageBreaks].sort((a, b) => a.offset - b.offset).forEach((pb) => this.pageBreakId(pb));
    const noteDrafts = this.layout.notes.map((block) => draftOf(block, this.source, block.note!.marker.length));
    const contentDrafts = this.layout.content.map((block) => ({
      draft: draftOf(block, this.source, block.bullet ? block.bullet.marker.length : 0),
      ...(block.bullet ? { marker: block.bullet.marker } : {}),
    }));
    const boxDrafts = this.layout.boxes.map((b) => draftOf(b, this.source));
    const captionDrafts = this.layout.captions.map((b) => draftOf(b, this.source));
    const notes = new Set(this.layout.notes.map((b) => b.note!.number));
    const refDrafts = [...contentDrafts.map((d) => d.draft), ...boxDrafts, ...captionDrafts];
    this.findAllRefs(refDrafts, notes);
    // Every text, references removed, then the inline markup of all of them in one parse.
    for (const draft of [...noteDrafts, ...refDrafts]) this.prepared.set(draft, prepare(draft, this.refsOf.get(draft) ?? []));
    this.markup = markupOf([...this.prepared.values()]);
    this.buildNotes(noteDrafts);

    const { items, problems } = classify(contentDrafts, this.lexicon);
    this.buildTree(items);
    for (const p of problems) this.problem(p);
    this.buildBoxes(boxDrafts);
    captionDrafts.forEach((d, i) => this.buildCaption(d, i + 1));
    this.layout.furniture.forEach((b, i) => this.buildFurniture(b, i + 1));
    this.linkRefs();
    this.buildPageBreaks();
    return this.result;
  }

  // ---------------------------------------------------------------- ids

  private unique(id: string): string {
    let candidate = id;
    for (let n = 2; this.ids.has(candidate); n++) candidate = `${id}~${n}`;
    this.ids.add(candidate);
    return candidate;
  }

  private next(parent: string, prefix: string): string {
    const key = `${parent}\u0000${prefix}`;
    const n = (this.counters.get(key) ?? 0) + 1;
    this.counters.set(key, n);
    return this.unique(`${parent}/${prefix}${n}`);
  }

  // ---------------------------------------------------------------- texts

  private finish(draft: Draft, id: string): FinishedText & { prov: ReturnType<typeof provenanceOf> } {
    // Every draft is prepared (its note references found) before any is finished.
    const prepared = this.prepared.get(draft);
    if (!prepared) throw new Error(`internal error: the text of ${id} was not prepared`);
    const finished = finishText(prepared, this.source, this.markup.get(prepared));
    this.blockIds.set(draft.block, id);
    return { ...finished, prov: provenanceOf(draft.segments, this.source, finished.text) };
  }

  /** Text fields shared by every text-bearing node; references are resolved in linkRefs. */
  private textFields(id: string, f: FinishedText & { prov: ReturnType<typeof provenanceOf> }) {
    const noteRefs: NoteRef[] = f.refs.map((r) => ({ number: r.number, marker: r.marker, style: r.style, note: null, at: r.at, span: r.span }));
    for (const ref of noteRefs) this.refNodes.push({ ref, owner: id });
    return {
      id,
      ...f.prov,
      text: f.text,
      marks: f.marks,
      noteRefs,
      mentions: [],
      breaks: f.breaks.map((b) => ({ at: b.at, pageBreak: this.pageBreakId(b.pageBreak) })),
    };
  }

  private register<T extends TextNode>(node: T, f: FinishedText): T {
    this.result.texts.push({ node, mapped: f.mapped });
    return node;
  }

  private readonly breakIds = new Map<object, string>();
  private pageBreakId(pb: object): string {
    let id = this.breakIds.get(pb);
    if (!id) {
      id = `${this.docId}/pb${this.breakIds.size + 1}`;
      this.breakIds.set(pb, id);
    }
    return id;
  }

  // ---------------------------------------------------------------- notes and references

  private buildNotes(drafts: Draft[]): void {
    const seen: number[] = [];
    for (const draft of drafts) {
      const note = draft.block.note!;
      const id = this.unique(`${this.docId}/fn${note.number}`);
      const f = this.finish(draft, id);
      const node: Footnote = { type: 'footnote', ...this.textFields(id, f), number: note.number, marker: note.marker, referencedBy: [] };
      this.result.notes.push(this.register(node, f));
      if (this.noteByNumber.has(note.number)) {
        this.diagnostic('warning', 'footnote/duplicate-number', `footnote ${note.number} is numbered twice`, node.span, id);
      } else this.noteByNumber.set(note.number, node);
      const previous = seen[seen.length - 1];
      if (previous !== undefined && note.number !== previous + 1 && note.number > previous) {
        this.diagnostic('warning', 'footnote/out-of-order', `footnote ${note.number} follows footnote ${previous}: numbering skips`, node.span, id);
      } else if (previous !== undefined && note.number <= previous) {
        this.diagnostic('warning', 'footnote/out-of-order', `footnote ${note.number} comes after footnote ${previous}`, node.span, id);
      }
      seen.push(note.number);
    }
  }

  private findAllRefs(drafts: Draft[], notes: ReadonlySet<number>): void {
    const style = this.layout.noteLines.style;
    const firstPass: RefContext = { style, notes, referenced: notes };
    const referenced = new Set<number>();
    for (const d of drafts) for (const r of findRefs(d.text.text, firstPass)) referenced.add(r.number);
    const ctx: RefContext = { style, notes, referenced };
    for (const d of drafts) this.refsOf.set(d, findRefs(d.text.text, ctx));
  }

  private linkRefs(): void {
    for (const { ref, owner } of this.refNodes) {
      const note = this.noteByNumber.get(ref.number);
      if (note) {
        ref.note = note.id;
        if (!note.referencedBy.includes(owner)) note.referencedBy.push(owner);
      } else {
        this.diagnostic('warning', 'footnote/unresolved-reference', `footnote reference ${ref.marker} has no note text`, ref.span, owner);
      }
    }
    for (const note of this.result.notes) {
      if (note.referencedBy.length === 0) {
        this.diagnostic('warning', 'footnote/unreferenced-note', `footnote ${note.number} is not referenced in the text`, note.span, note.id);
      }
    }
  }

  // ---------------------------------------------------------------- content tree

  private buildTree(items: Item[]): void {
    type Open = { section: Section; level: number };
    const stack: Open[] = [];
    const container = (): { id: string; children: Block[] } =>
      stack.length ? { id: stack[stack.length - 1]!.section.id, children: stack[stack.length - 1]!.section.children } : { id: this.docId, children: this.result.body };
    const closeTo = (level: number) => {
      while (stack.length && stack[stack.length - 1]!.level >= level) stack.pop();
    };

    for (const item of items) {
      if (item.t === 'heading') {
        closeTo(item.level);
        const parent = container();
        const id = this.sectionId(item, parent.id);
        const heading = this.heading(item, `${id}/title`);
        const section: Section = { type: 'section', id, span: { ...heading.span }, heading, children: [] };
        parent.children.push(section);
        stack.push({ section, level: item.level });
      } else if (item.t === 'key-actions') {
        closeTo(item.heading.level);
        const parent = container();
        parent.children.push(this.keyActionList(item, this.next(parent.id, 'ka')));
      } else if (item.t === 'list') {
        const parent = container();
        const id = this.next(parent.id, 'l');
        const items: ListItem[] = item.items.map((b) => {
          const itemId = this.next(id, 'i');
          const f = this.finish(b.draft, itemId);
          return this.register<ListItem>({ type: 'list-item', ...this.textFields(itemId, f), marker: b.marker }, f);
        });
        const list: List = { type: 'list', id, span: cover(items.map((x) => x.span)), items };
        parent.children.push(list);
      } else {
        const parent = container();
        const id = this.next(parent.id, 'p');
        const f = this.finish(item.draft, id);
        const paragraph = this.register<Paragraph>({ type: 'paragraph', ...this.textFields(id, f), role: item.role }, f);
        parent.children.push(paragraph);
        if (item.role === 'front-matter') this.result.frontMatter.push(paragraph);
        if (item.role === 'field-value' && stack.length) this.result.fields.push({ label: stack[stack.length - 1]!.section.heading, value: paragraph });
      }
    }
    for (const block of this.result.body) extendSpans(block);
  }

  private sectionId(item: HeadingItem, parent: string): string {
    switch (item.kind) {
      case 'numbered':
        return this.unique(`${this.docId}/s${item.number}`);
      case 'lettered':
        return this.unique(`${parent}/s${item.number}`);
      case 'question':
        return this.next(parent, 'q');
      default:
        return this.next(parent, 'h');
    }
  }

  private heading(item: HeadingItem, id: string): Heading {
    const f = this.finish(item.draft, id);
    const title =
      item.kind === 'numbered'
        ? f.text.replace(/^\d{1,2}(?:\.\d{1,2})*\.?\s+/u, '')
        : item.kind === 'lettered'
          ? f.text.replace(/^\(?[a-z]\)\s+/u, '')
          : f.text.replace(/:\s*$/u, '');
    return this.register<Heading>(
      { type: 'heading', ...this.textFields(id, f), kind: item.kind, number: item.number, title, level: item.level, evidence: item.evidence },
      f,
    );
  }

  private keyActionList(item: Extract<Item, { t: 'key-actions' }>, id: string): KeyActionList {
    const heading = this.heading(item.heading, `${id}/title`);
    const single = item.topics.length === 1 && item.topics[0]!.heading === null;
    const topics: KeyActionTopic[] = item.topics.map((topic) => {
      const topicId = single ? `${id}/t1` : this.next(id, 't');
      const groupParent = single ? id : topicId;
      const groups: KeyActionGroup[] = topic.groups.map((g) => {
        const groupId = this.next(groupParent, 'g');
        let leadIn: LeadIn | null = null;
        if (g.leadIn) {
          const leadId = this.unique(`${groupId}/lead-in`);
          const f = this.finish(g.leadIn, leadId);
          leadIn = this.register<LeadIn>({ type: 'lead-in', ...this.textFields(leadId, f) }, f);
        }
        const actions = g.actions.map((b) => {
          const actionId = this.next(groupId, 'a');
          const f = this.finish(b.draft, actionId);
          const action = this.register<KeyAction>(
            { type: 'key-action', ...this.textFields(actionId, f), marker: b.marker, actors: [], modality: 'statement', deadlines: [], deadline: null },
            f,
          );
          this.result.keyActions.push({ action, leadIn });
          return action;
        });
        return { id: groupId, leadIn, actions };
      });
      return { id: topicId, heading: topic.heading ? this.heading(topic.heading, `${topicId}/title`) : null, groups };
    });
    const spans = [heading.span];
    for (const t of topics) {
      if (t.heading) spans.push(t.heading.span);
      for (const g of t.groups) {
        if (g.leadIn) spans.push(g.leadIn.span);
        for (const a of g.actions) spans.push(a.span);
      }
    }
    return { type: 'key-action-list', id, span: cover(spans), heading, topics };
  }

  // ---------------------------------------------------------------- other layers

  private buildBoxes(drafts: Draft[]): void {
    drafts.forEach((draft, i) => {
      const id = this.unique(`${this.docId}/box${i + 1}`);
      const f = this.finish(draft, id);
      const block = draft.block;
      const paragraphs = block.units.map((u) => u.text);
      const interrupts = block.interrupts ? (this.blockIds.get(block.interrupts) ?? null) : null;
      this.result.boxes.push(this.register<Box>({ type: 'box', ...this.textFields(id, f), paragraphs, interrupts }, f));
    });
  }

  private buildCaption(draft: Draft, n: number): void {
    const id = this.unique(`${this.docId}/cap${n}`);
    const f = this.finish(draft, id);
    const label = /^\S+\s*\d+[a-z]?/u.exec(f.text)?.[0] ?? f.text;
    this.result.captions.push(this.register<Caption>({ type: 'caption', ...this.textFields(id, f), label }, f));
  }

  private buildFurniture(block: LayoutBlock, n: number): void {
    const id = this.unique(`${this.docId}/furn${n}`);
    const draft = draftOf(block, this.source);
    const prov = provenanceOf(draft.segments, this.source, draft.text.text);
    this.blockIds.set(block, id);
    this.result.furniture.push({ type: 'furniture', id, ...prov, kind: block.furniture ?? 'web-chrome', text: draft.text.text });
  }

  private buildPageBreaks(): void {
    const drafts = [...this.layout.pageBreaks].sort((a, b) => a.offset - b.offset);
    for (const pb of drafts) {
      this.result.pageBreaks.push({
        id: this.pageBreakId(pb),
        line: pb.line,
        offset: this.source.map.toRaw(pb.offset),
        evidence: pb.evidence,
        interrupted: pb.interrupted ? (this.blockIds.get(pb.interrupted) ?? null) : null,
      });
    }
  }

  // ---------------------------------------------------------------- diagnostics

  private problem(p: Problem): void {
    const id = this.blockIds.get(p.draft.block);
    const span = this.source.span(p.draft.segments[0]!.start, p.draft.segments[0]!.end);
    this.diagnostic(p.severity, p.rule, p.message, span, id);
  }

  private diagnostic(severity: Diagnostic['severity'], rule: string, message: string, span: Span, element?: string): void {
    const line = span.startLine;
    const lineStart = this.source.map.toRaw(this.source.lineStarts[line - 1] ?? 0);
    const d: Diagnostic = { severity, rule, message, line, column: Math.max(1, span.start - lineStart + 1) };
    if (element) d.element = element;
    this.result.diagnostics.push(d);
  }
}

function cover(spans: readonly Span[]): Span {
  const first = spans.reduce((a, b) => (b.start < a.start ? b : a));
  const last = spans.reduce((a, b) => (b.end > a.end ? b : a));
  return { startLine: first.startLine, start: first.start, endLine: last.endLine, end: last.end };
}

/** A section's span runs from its heading to the end of its last descendant. */
function extendSpans(block: Block): Span {
  if (block.type !== 'section') return block.span;
  for (const child of block.children) {
    const s = extendSpans(child);
    if (s.end > block.span.end) {
      block.span.end = s.end;
      block.span.endLine = s.endLine;
    }
  }
  return block.span;
}
