/**
 * The flat tables of an exported dataset, one zod schema per table (their JSON Schema files are
 * generated into schemas/ and copied into every dataset), and the functions that turn parsed
 * documents into rows. Rows are plain values (strings, numbers, booleans, null, lists of
 * strings) so that they load into pandas, R, DuckDB or a spreadsheet as they are.
 */
import * as z from 'zod';
import type { CompiledRegistry } from '../entities/compiled.js';
import type { Block, Document, Heading, KeyAction, Section } from '../document/model.js';
import { walkTextNodes, type TextElement } from '../document/walk.js';

const int = () => z.int().min(0);
const position = {
  startLine: z.int().min(1),
  endLine: z.int().min(1),
  start: int().describe('code point offset into the raw source'),
  end: int(),
};
const ids = z.array(z.string());

export const DocumentRow = z.strictObject({
  id: z.string(),
  title: z.string().nullable(),
  kind: z.string(),
  date: z.string().nullable(),
  reference: z.string().nullable(),
  subject: z.string().nullable(),
  language: z.string(),
  source: z.string().nullable(),
  file: z.string(),
  sha256: z.string(),
  bytes: int(),
  lines: int(),
  sections: int(),
  paragraphs: int(),
  footnotes: int(),
  keyActions: int(),
  mentions: int(),
  errors: int(),
  warnings: int(),
});

export const SectionRow = z.strictObject({
  doc: z.string(),
  id: z.string(),
  parent: z.string().nullable(),
  order: int(),
  number: z.string().nullable(),
  title: z.string(),
  level: z.int().min(1),
  kind: z.string(),
  ...position,
});

export const ParagraphRow = z.strictObject({
  doc: z.string(),
  id: z.string(),
  section: z.string().nullable(),
  kind: z.enum(['paragraph', 'list-item', 'lead-in', 'heading', 'box', 'caption']),
  role: z.string().nullable(),
  text: z.string(),
  hash: z.string(),
  noteRefs: ids,
  ...position,
});

export const FootnoteRow = z.strictObject({
  doc: z.string(),
  id: z.string(),
  number: int(),
  marker: z.string(),
  text: z.string(),
  referencedBy: ids,
  ...position,
});

export const NoteReferenceRow = z.strictObject({
  doc: z.string(),
  element: z.string(),
  number: int(),
  marker: z.string(),
  style: z.string(),
  note: z.string().nullable(),
  ...position,
});

export const KeyActionRow = z.strictObject({
  doc: z.string(),
  id: z.string(),
  list: z.string(),
  section: z.string().nullable(),
  topic: z.string().nullable(),
  leadIn: z.string().nullable(),
  text: z.string(),
  modality: z.string(),
  deadline: z.string().nullable(),
  deadlineStart: z.string().nullable(),
  deadlineEnd: z.string().nullable(),
  lead: ids,
  addressee: ids,
  support: ids,
  partner: ids,
  mentioned: ids,
  ...position,
});

export const MentionRow = z.strictObject({
  doc: z.string(),
  element: z.string(),
  elementType: z.string(),
  entity: z.string(),
  kind: z.enum(['actor', 'instrument']),
  surface: z.string(),
  match: z.string(),
  normalized: z.string().nullable(),
  document: z.string().nullable(),
  ...position,
});

export const ActorRow = z.strictObject({
  id: z.string(),
  labelNl: z.string(),
  labelEn: z.string(),
  type: z.string(),
  parent: z.string().nullable(),
  names: ids,
  mentions: int(),
  documents: int(),
});

export const InstrumentRow = z.strictObject({
  id: z.string(),
  labelNl: z.string(),
  labelEn: z.string(),
  type: z.string(),
  identifiers: ids,
  corpusDocument: z.string().nullable(),
  mentions: int(),
  documents: int(),
});

export const CitationRow = z.strictObject({
  doc: z.string(),
  element: z.string(),
  instrument: z.string(),
  cites: z.string(),
  surface: z.string(),
});

/** Table name -> row schema. The order is the order of the files in a dataset. */
export const TABLES = {
  documents: DocumentRow,
  sections: SectionRow,
  paragraphs: ParagraphRow,
  footnotes: FootnoteRow,
  note_references: NoteReferenceRow,
  key_actions: KeyActionRow,
  mentions: MentionRow,
  actors: ActorRow,
  instruments: InstrumentRow,
  citations: CitationRow,
} as const;
export type TableName = keyof typeof TABLES;
export type TableRows = { [K in TableName]: z.infer<(typeof TABLES)[K]>[] };

/** The JSON Schema file names of the tables, for schemas/ and the datasets. */
export const TABLE_SCHEMAS: Record<string, z.ZodType> = Object.fromEntries(
  Object.entries(TABLES).map(([name, schema]) => [`table-${name}.schema.json`, schema]),
);

const pos = (s: { startLine: number; endLine: number; start: number; end: number }) => ({ startLine: s.startLine, endLine: s.endLine, start: s.start, end: s.end });

export function tableRows(docs: readonly Document[], registry: CompiledRegistry): TableRows {
  const t: TableRows = {
    documents: [],
    sections: [],
    paragraphs: [],
    footnotes: [],
    note_references: [],
    key_actions: [],
    mentions: [],
    actors: [],
    instruments: [],
    citations: [],
  };
  const mentionCount = new Map<string, number>();
  const mentionDocs = new Map<string, Set<string>>();
  const instrumentIds = new Set<string>();
  for (const doc of docs) {
    const m = doc.metadata;
    t.documents.push({
      id: doc.id,
      title: m.title,
      kind: m.kind,
      date: m.date,
      reference: m.reference,
      subject: m.subject,
      language: m.language,
      source: m.source,
      file: doc.source.path,
      sha256: doc.source.sha256,
      bytes: doc.source.bytes,
      lines: doc.source.lines,
      sections: doc.stats.sections,
      paragraphs: doc.stats.paragraphs,
      footnotes: doc.stats.footnotes,
      keyActions: doc.stats.keyActions,
      mentions: doc.stats.mentions,
      errors: doc.diagnostics.filter((d) => d.severity === 'error').length,
      warnings: doc.diagnostics.filter((d) => d.severity === 'warning').length,
    });
    sectionRows(doc, doc.body, null, t, { next: 0 });
    keyActionRows(doc, doc.body, null, t);
    walkTextNodes(doc, (node, section) => {
      elementRows(doc, node, section, t);
      for (const mention of node.mentions) {
        mentionCount.set(mention.entity, (mentionCount.get(mention.entity) ?? 0) + 1);
        if (!mentionDocs.has(mention.entity)) mentionDocs.set(mention.entity, new Set());
        mentionDocs.get(mention.entity)!.add(doc.id);
        if (mention.kind === 'instrument') instrumentIds.add(mention.entity);
      }
    });
    for (const c of doc.citations) t.citations.push({ doc: doc.id, element: c.from, instrument: c.instrument, cites: c.document, surface: c.surface });
  }
  const documentOfInstrument = new Map<string, string>();
  for (const doc of docs) for (const c of doc.citations) documentOfInstrument.set(c.instrument, c.document);
  for (const e of registry.entities) {
    const base = { id: e.id, labelNl: e.label.nl, labelEn: e.label.en, type: e.type, mentions: mentionCount.get(e.id) ?? 0, documents: mentionDocs.get(e.id)?.size ?? 0 };
    if (e.kind === 'actor') t.actors.push({ ...base, parent: e.parent, names: e.forms.map((f) => f.text) });
    else t.instruments.push({ ...base, identifiers: e.identifiers, corpusDocument: documentOfInstrument.get(e.id) ?? null });
  }
  // Numbered instruments the registry does not list still appear in the instruments table.
  const listed = new Set(registry.entities.map((e) => e.id));
  for (const [id, count] of [...mentionCount].sort()) {
    if (listed.has(id) || !instrumentIds.has(id)) continue;
    t.instruments.push({ id, labelNl: id, labelEn: id, type: 'unlisted', identifiers: [id.replace(/^celex:/, '')], corpusDocument: documentOfInstrument.get(id) ?? null, mentions: count, documents: mentionDocs.get(id)?.size ?? 0 });
  }
  return t;
}

function sectionRows(doc: Document, blocks: readonly Block[], parent: Section | null, t: TableRows, counter: { next: number }): void {
  for (const b of blocks) {
    if (b.type !== 'section') continue;
    const h: Heading = b.heading;
    t.sections.push({ doc: doc.id, id: b.id, parent: parent?.id ?? null, order: counter.next++, number: h.number, title: h.title, level: h.level, kind: h.kind, ...pos(b.span) });
    sectionRows(doc, b.children, b, t, counter);
  }
}

function keyActionRows(doc: Document, blocks: readonly Block[], section: Section | null, t: TableRows): void {
  for (const b of blocks) {
    if (b.type === 'section') keyActionRows(doc, b.children, b, t);
    if (b.type !== 'key-action-list') continue;
    for (const topic of b.topics) {
      for (const group of topic.groups) {
        for (const a of group.actions) t.key_actions.push(keyActionRow(doc, a, b.id, section, topic.heading?.text ?? null, group.leadIn?.text ?? null));
      }
    }
  }
}

function keyActionRow(doc: Document, a: KeyAction, list: string, section: Section | null, topic: string | null, leadIn: string | null) {
  const role = (r: string) => a.actors.filter((x) => x.role === r).map((x) => x.entity);
  return {
    doc: doc.id,
    id: a.id,
    list,
    section: section?.id ?? null,
    topic,
    leadIn,
    text: a.text,
    modality: a.modality,
    deadline: a.deadline?.text ?? null,
    deadlineStart: a.deadline?.periodStart ?? null,
    deadlineEnd: a.deadline?.periodEnd ?? null,
    lead: role('lead'),
    addressee: role('addressee'),
    support: role('support'),
    partner: role('partner'),
    mentioned: role('mentioned'),
    ...pos(a.span),
  };
}

function elementRows(doc: Document, node: TextElement, section: Section | null, t: TableRows): void {
  for (const r of node.noteRefs) t.note_references.push({ doc: doc.id, element: node.id, number: r.number, marker: r.marker, style: r.style, note: r.note, ...pos(r.span) });
  for (const m of node.mentions) {
    t.mentions.push({ doc: doc.id, element: node.id, elementType: node.type, entity: m.entity, kind: m.kind, surface: m.surface, match: m.match, normalized: m.normalized ?? null, document: m.document ?? null, ...pos(m.span) });
  }
  if (node.type === 'footnote') {
    t.footnotes.push({ doc: doc.id, id: node.id, number: node.number, marker: node.marker, text: node.text, referencedBy: node.referencedBy, ...pos(node.span) });
    return;
  }
  if (node.type === 'key-action') return;
  t.paragraphs.push({
    doc: doc.id,
    id: node.id,
    section: section?.id ?? null,
    kind: node.type,
    role: node.type === 'paragraph' ? node.role : null,
    text: node.text,
    hash: node.hash,
    noteRefs: node.noteRefs.map((r) => r.note ?? `unresolved:${r.number}`),
    ...pos(node.span),
  });
}
