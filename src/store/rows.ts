/**
 * The searchable rows of a document: one per key action, paragraph, footnote, heading, list item,
 * lead-in, box and caption, with what a query filters on and shows (section, line, actors with
 * roles, instruments, modality, deadline). A query derives them from the stored document for the
 * hits it shows; the ingest turns them into the document's postings (the entities and word stems
 * of each row, and its attributes), which the index segments are built from.
 */
import type { Document, Modality } from '../document/model.js';
import { walkTextNodes, type TextElement } from '../document/walk.js';
import { stemSet } from '../util/dutch-words.js';

export const ROW_TYPES = ['action', 'paragraph', 'footnote', 'heading', 'list-item', 'lead-in', 'box', 'caption'] as const;
export type RowType = (typeof ROW_TYPES)[number];
export const MODALITIES: readonly Modality[] = ['commitment', 'recommendation', 'call', 'request', 'invitation', 'statement'];

export interface Row {
  id: string;
  type: RowType;
  section: { id: string | null; number: string | null; title: string | null };
  line: number;
  endLine: number;
  text: string;
  /** Distinct actor ids: mentioned in the text or, for a key action, named in its lead-in. */
  actors: string[];
  /** For key actions: [actor, role]. */
  roles: [string, string][];
  instruments: string[];
  modality: Modality | null;
  deadline: { text: string; start: string; end: string } | null;
  /** For key actions: the lead-in of their group. */
  leadIn: string | null;
  /** Mention ranges in `text`, for highlighting: [start, end, entity]. */
  mentions: [number, number, string][];
}

/** A row as the index sees it: attributes, section, entity keys, word stems. */
export interface RowPostings {
  /** type | modality << 8 (modality 0 = none, else its index in MODALITIES + 1) */
  kind: number;
  /** Deadline period as yyyymmdd numbers, 0 without a deadline. */
  dueStart: number;
  dueEnd: number;
  line: number;
  section: [string | null, string | null, string | null];
  /** Actor ids, "actor@role" for key-action roles, instrument ids. */
  keys: string[];
  terms: string[];
}

export interface DocumentPostings {
  doc: string;
  kind: string;
  rows: RowPostings[];
}

/** An ISO date (or its prefix) as a comparable yyyymmdd number. */
export function dayNumber(iso: string): number {
  const [y, m = '01', d = '01'] = iso.split('-');
  return Number(y) * 10000 + Number(m) * 100 + Number(d);
}

export function documentPostings(doc: Document, rows: readonly Row[], stopWords: ReadonlySet<string>): DocumentPostings {
  return {
    doc: doc.id,
    kind: doc.metadata.kind,
    rows: rows.map((r) => ({
      kind: ROW_TYPES.indexOf(r.type) | ((r.modality ? MODALITIES.indexOf(r.modality) + 1 : 0) << 8),
      dueStart: r.deadline ? dayNumber(r.deadline.start) : 0,
      dueEnd: r.deadline ? dayNumber(r.deadline.end) : 0,
      line: r.line,
      section: [r.section.id, r.section.number, r.section.title],
      keys: [...r.actors, ...r.roles.map(([a, role]) => `${a}@${role}`), ...r.instruments],
      terms: [...stemSet(r.text, stopWords)],
    })),
  };
}

const TYPE_OF: Record<TextElement['type'], RowType> = {
  'key-action': 'action',
  paragraph: 'paragraph',
  footnote: 'footnote',
  heading: 'heading',
  'list-item': 'list-item',
  'lead-in': 'lead-in',
  box: 'box',
  caption: 'caption',
};

export function documentRows(doc: Document): Row[] {
  const rows: Row[] = [];
  const leadInOf = new Map<string, string>();
  // The number of a section is its own or that of its nearest numbered ancestor, so that
  // --section 3.1 finds the unnumbered subsections of 3.1; key actions inherit their lead-in.
  const numberOf = new Map<string, string | null>();
  const visit = (blocks: Document['body'], inherited: string | null) => {
    for (const b of blocks) {
      if (b.type === 'section') {
        const number = b.heading.kind === 'numbered' ? b.heading.number : inherited;
        numberOf.set(b.id, number);
        visit(b.children, number);
      } else if (b.type === 'key-action-list') {
        for (const t of b.topics) for (const g of t.groups) if (g.leadIn) for (const a of g.actions) leadInOf.set(a.id, g.leadIn.text);
      }
    }
  };
  visit(doc.body, null);

  walkTextNodes(doc, (node, section) => {
    const type = TYPE_OF[node.type];
    const actors = new Set(node.mentions.filter((m) => m.kind === 'actor').map((m) => m.entity));
    const roles: [string, string][] = [];
    let modality: Modality | null = null;
    let deadline: Row['deadline'] = null;
    if (node.type === 'key-action') {
      for (const a of node.actors) {
        actors.add(a.entity);
        roles.push([a.entity, a.role]);
      }
      modality = node.modality;
      if (node.deadline) deadline = { text: node.deadline.text, start: node.deadline.periodStart, end: node.deadline.periodEnd };
    }
    rows.push({
      id: node.id,
      type,
      section: { id: section?.id ?? null, number: section ? (numberOf.get(section.id) ?? null) : null, title: section?.heading.title ?? null },
      line: node.span.startLine,
      endLine: node.span.endLine,
      text: node.text,
      actors: [...actors].sort(),
      roles,
      instruments: [...new Set(node.mentions.filter((m) => m.kind === 'instrument').map((m) => m.entity))].sort(),
      modality,
      deadline,
      leadIn: leadInOf.get(node.id) ?? null,
      mentions: node.mentions.map((m) => [m.start, m.end, m.entity]),
    });
  });
  return rows;
}

/** The numbered section a row belongs to, for --section: "3.2" matches 3.2, 3.2.1, ... */
export function sectionMatches(number: string | null, wanted: string): boolean {
  if (!number) return false;
  const w = wanted.replace(/\.$/, '');
  return number === w || number.startsWith(`${w}.`);
}
