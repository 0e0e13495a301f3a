/**
 * The document model: the single source of truth for what a parsed policy text is.
 *
 * TypeScript types are inferred from these zod schemas and the committed JSON Schema files in
 * `schemas/` are generated from them (`npm run schemas`); a test fails when the two drift.
 *
 * Conventions
 * - Every object is closed (`z.strictObject`): unknown fields are schema violations.
 * - Every element carries a stable `id` (a path such as `com-2021-591/s3.1.2/p4`, numbered within
 *   its parent), a content `hash` and its provenance `span`.
 * - Offsets in a {@link Span} are Unicode code point offsets into the *raw decoded* source text
 *   (the file as read, BOM and CR characters included, before any normalisation); lines are
 *   1-based, so `sed -n 'START,ENDp' file` shows the element.
 * - Offsets inside an element (`start`/`end` of marks, mentions, note references) are UTF-16
 *   offsets into that element's `text`, so `text.slice(start, end)` gives the surface form in
 *   JavaScript; `span` gives the same place in the source file.
 */
import * as z from 'zod';

export const SCHEMA_VERSION = '1.0.0';

const int = () => z.int().min(0);

export const Span = z
  .strictObject({
    startLine: z.int().min(1).describe('first source line (1-based)'),
    endLine: z.int().min(1).describe('last source line (1-based, inclusive)'),
    start: int().describe('start offset: code points into the raw decoded source'),
    end: int().describe('end offset (exclusive): code points into the raw decoded source'),
  })
  .meta({ id: 'Span', description: 'A contiguous range of the source file.' });
export type Span = z.infer<typeof Span>;

/** Fields shared by every element that owns source text. */
const provenance = {
  id: z.string().min(1).describe('stable id: a path numbered within the parent'),
  hash: z.string().regex(/^[0-9a-f]{16}$/).describe('first 16 hex digits of the sha256 of the text'),
  span: Span.describe('from the first to the last source character of the element'),
  segments: z
    .array(Span)
    .min(2)
    .optional()
    .describe('the contiguous source pieces, when an interruption (page break, notes, box) split the element'),
};

export const Mark = z
  .strictObject({
    type: z.enum(['strong', 'emphasis', 'link', 'code']),
    start: int(),
    end: int(),
    url: z.string().optional(),
  })
  .meta({ id: 'Mark', description: 'Inline markup (bold, italics, links) as a range of the element text.' });
export type Mark = z.infer<typeof Mark>;

export const NoteRef = z
  .strictObject({
    number: z.int().min(0).describe('the note number as printed'),
    marker: z.string().describe('the marker as printed, e.g. "¹" or "1"'),
    style: z.enum(['superscript', 'plain-digit']),
    note: z.string().nullable().describe('id of the footnote it resolves to, null when unresolved'),
    at: int().describe('offset in the element text where the marker stood (the marker is not in the text)'),
    span: Span,
  })
  .meta({ id: 'NoteRef', description: 'An in-text footnote reference.' });
export type NoteRef = z.infer<typeof NoteRef>;

export const MatchKind = z.enum([
  'name', // the canonical label or an alias, as written
  'acronym', // an acronym, with case and context checks
  'inflection', // a plural/singular or possessive form of a name
  'compound', // the name as the first part of a hyphenated compound (Frontex-statusovereenkomsten)
  'suspended', // a suspended compound: "rechtshandhavings- en justitiële autoriteiten"
  'misspelling', // a known misspelling listed in the registry
  'fuzzy', // a guarded fuzzy match (edit distance 1)
  'pattern', // a numbered instrument recognised by pattern (Richtlijn 2011/36/EU)
]);
export type MatchKind = z.infer<typeof MatchKind>;

export const Mention = z
  .strictObject({
    entity: z.string().describe('canonical registry id'),
    kind: z.enum(['actor', 'instrument']),
    surface: z.string().describe('the text as written'),
    start: int(),
    end: int(),
    span: Span,
    match: MatchKind,
    normalized: z.string().optional().describe('normalised identifier (CELEX, kst-...) for instruments'),
    document: z.string().optional().describe('corpus document id when the instrument is itself a corpus document'),
  })
  .meta({ id: 'Mention', description: 'A mention of a registry entity in an element text.' });
export type Mention = z.infer<typeof Mention>;

export const PageBreakRef = z
  .strictObject({
    at: int().describe('offset in the element text where the interruption was rejoined'),
    pageBreak: z.string().describe('id of the page break'),
  })
  .meta({ id: 'PageBreakRef' });

/** Text-bearing element fields. */
const textual = {
  text: z.string().describe('the text, re-flowed, markup and note markers removed, whitespace collapsed'),
  marks: z.array(Mark),
  noteRefs: z.array(NoteRef),
  mentions: z.array(Mention),
  breaks: z.array(PageBreakRef).describe('interruptions rejoined inside this element'),
};

export const HeadingKind = z.enum([
  'numbered', // 1. / 3.1 / 3.1.2 / 3.3.
  'lettered', // a) Titel voorstel
  'unnumbered', // a subheading without a number
  'question', // a question heading of a Q&A page
  'key-actions', // the title of a key-action list (Kernacties, Belangrijkste acties ...)
  'topic', // a sub-heading inside a key-action list
]);
export type HeadingKind = z.infer<typeof HeadingKind>;

export const Heading = z
  .strictObject({
    type: z.literal('heading'),
    ...provenance,
    ...textual,
    kind: HeadingKind,
    number: z.string().nullable().describe('the number or letter as printed, normalised without trailing dot'),
    title: z.string(),
    level: z.int().min(1),
    evidence: z.array(z.string()).describe('why this level: numbering depth, position, typography'),
  })
  .meta({ id: 'Heading' });
export type Heading = z.infer<typeof Heading>;

export const Paragraph = z
  .strictObject({
    type: z.literal('paragraph'),
    ...provenance,
    ...textual,
    role: z.enum(['body', 'front-matter', 'signature', 'field-value']),
  })
  .meta({ id: 'Paragraph' });
export type Paragraph = z.infer<typeof Paragraph>;

export const ListItem = z
  .strictObject({
    type: z.literal('list-item'),
    ...provenance,
    ...textual,
    marker: z.string(),
  })
  .meta({ id: 'ListItem' });
export type ListItem = z.infer<typeof ListItem>;

export const List = z
  .strictObject({
    type: z.literal('list'),
    id: z.string(),
    span: Span,
    items: z.array(ListItem),
  })
  .meta({ id: 'List' });
export type List = z.infer<typeof List>;

export const ActorRole = z
  .strictObject({
    entity: z.string(),
    role: z.enum(['lead', 'addressee', 'support', 'partner', 'mentioned']),
    source: z.enum(['lead-in', 'item']).describe('where the actor was named'),
    surface: z.string(),
  })
  .meta({ id: 'ActorRole', description: 'An actor of a key action with its role.' });
export type ActorRole = z.infer<typeof ActorRole>;

export const Modality = z.enum(['commitment', 'recommendation', 'call', 'request', 'invitation', 'statement']);
export type Modality = z.infer<typeof Modality>;

export const Deadline = z
  .strictObject({
    text: z.string().describe('the deadline as written'),
    precision: z.enum(['year', 'half', 'quarter', 'month', 'day']),
    year: z.int(),
    half: z.int().min(1).max(2).optional(),
    quarter: z.int().min(1).max(4).optional(),
    month: z.int().min(1).max(12).optional(),
    day: z.int().min(1).max(31).optional(),
    periodStart: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('first day of the period'),
    periodEnd: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('last day of the period'),
    qualifier: z.enum(['in', 'by']).describe('"in 2023" or "uiterlijk/tegen ..."'),
    source: z.enum(['lead-in', 'item']).describe('the text the offsets refer to: the group\'s lead-in or the key action itself'),
    start: int().describe('offset in the source text'),
    end: int(),
  })
  .meta({ id: 'Deadline', description: 'A printed deadline, normalised to a period.' });
export type Deadline = z.infer<typeof Deadline>;

export const LeadIn = z
  .strictObject({
    type: z.literal('lead-in'),
    ...provenance,
    ...textual,
  })
  .meta({ id: 'LeadIn', description: 'The actor lead-in of a key-action group, verbatim ("De Commissie zal:").' });
export type LeadIn = z.infer<typeof LeadIn>;

export const KeyAction = z
  .strictObject({
    type: z.literal('key-action'),
    ...provenance,
    ...textual,
    marker: z.string().describe('the bullet as printed'),
    actors: z.array(ActorRole),
    modality: Modality,
    deadlines: z.array(Deadline),
    deadline: Deadline.nullable().describe('the earliest printed deadline'),
  })
  .meta({ id: 'KeyAction' });
export type KeyAction = z.infer<typeof KeyAction>;

export const KeyActionGroup = z
  .strictObject({
    id: z.string(),
    leadIn: LeadIn.nullable(),
    actions: z.array(KeyAction),
  })
  .meta({ id: 'KeyActionGroup' });
export type KeyActionGroup = z.infer<typeof KeyActionGroup>;

export const KeyActionTopic = z
  .strictObject({
    id: z.string(),
    heading: Heading.nullable().describe('a sub-heading inside the list (Q&A pages), or null'),
    groups: z.array(KeyActionGroup),
  })
  .meta({ id: 'KeyActionTopic' });
export type KeyActionTopic = z.infer<typeof KeyActionTopic>;

export const KeyActionList = z
  .strictObject({
    type: z.literal('key-action-list'),
    id: z.string(),
    span: Span,
    heading: Heading,
    topics: z.array(KeyActionTopic),
  })
  .meta({ id: 'KeyActionList' });
export type KeyActionList = z.infer<typeof KeyActionList>;

export interface Section {
  type: 'section';
  id: string;
  span: Span;
  heading: Heading;
  children: Block[];
}
export type Block = Section | Paragraph | List | KeyActionList;

export const Section: z.ZodType<Section> = z
  .strictObject({
    type: z.literal('section'),
    id: z.string(),
    span: Span,
    heading: Heading,
    get children() {
      return z.array(Block);
    },
  })
  .meta({ id: 'Section' });

export const Block: z.ZodType<Block> = z
  .union([Section, Paragraph, List, KeyActionList])
  .meta({ id: 'Block' });

export const Footnote = z
  .strictObject({
    type: z.literal('footnote'),
    ...provenance,
    ...textual,
    number: z.int().min(0),
    marker: z.string(),
    referencedBy: z.array(z.string()).describe('ids of the elements whose note references resolve here'),
  })
  .meta({ id: 'Footnote' });
export type Footnote = z.infer<typeof Footnote>;

export const Box = z
  .strictObject({
    type: z.literal('box'),
    ...provenance,
    ...textual,
    paragraphs: z.array(z.string()).describe('the paragraphs of the box, in order'),
    interrupts: z.string().nullable().describe('id of the element the box interrupted'),
  })
  .meta({ id: 'Box', description: 'A boxed text (case study) lifted out of the running text.' });
export type Box = z.infer<typeof Box>;

export const Caption = z
  .strictObject({
    type: z.literal('caption'),
    ...provenance,
    ...textual,
    label: z.string().describe('"Figuur 1"'),
  })
  .meta({ id: 'Caption' });
export type Caption = z.infer<typeof Caption>;

export const FurnitureKind = z.enum([
  'page-number',
  'page-marker',
  'running-header',
  'letterhead',
  'social-links',
  'back-to-top',
  'republish-notice',
  'link-list',
  'web-chrome',
]);
export type FurnitureKind = z.infer<typeof FurnitureKind>;

export const Furniture = z
  .strictObject({
    type: z.literal('furniture'),
    ...provenance,
    kind: FurnitureKind,
    text: z.string(),
  })
  .meta({ id: 'Furniture', description: 'Text that is not content: page furniture and web chrome.' });
export type Furniture = z.infer<typeof Furniture>;

export const PageBreak = z
  .strictObject({
    id: z.string(),
    line: z.int().min(1).describe('the source line where the interrupted text resumes'),
    offset: int().describe('raw offset where the interrupted text resumes'),
    evidence: z.array(
      z.enum(['notes', 'caption', 'box', 'furniture', 'form-feed', 'indent', 'split-sentence']),
    ),
    interrupted: z.string().nullable().describe('id of the element that was split and rejoined'),
  })
  .meta({ id: 'PageBreak', description: 'Where a flattened page break was found.' });
export type PageBreak = z.infer<typeof PageBreak>;

export const Severity = z.enum(['error', 'warning', 'info']);
export const Diagnostic = z
  .strictObject({
    severity: Severity,
    rule: z.string().describe('a stable rule id, e.g. footnote/unresolved-reference'),
    message: z.string(),
    line: z.int().min(1),
    column: z.int().min(1),
    element: z.string().optional(),
  })
  .meta({ id: 'Diagnostic', description: 'A positioned problem found while reading a document.' });
export type Diagnostic = z.infer<typeof Diagnostic>;

export const DocumentKind = z.enum(['communication', 'fiche', 'kamerbrief', 'qa-page', 'other']);
export type DocumentKind = z.infer<typeof DocumentKind>;

export const MetadataField = z
  .strictObject({
    field: z.enum(['title', 'kind', 'date', 'reference', 'subject', 'language', 'source']),
    value: z.string(),
    origin: z.enum(['manifest', 'detected']),
    span: Span.optional(),
  })
  .meta({ id: 'MetadataField', description: 'One piece of metadata evidence.' });

export const Metadata = z
  .strictObject({
    title: z.string().nullable(),
    kind: DocumentKind,
    date: z
      .string()
      .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
      .nullable()
      .describe('ISO date, as precise as known'),
    reference: z.string().nullable().describe('official reference: COM(2021) 591 final, Kamerstuk 28 638, nr. 235'),
    subject: z.string().nullable().describe('the reference of the document this one is about (fiches)'),
    language: z.string(),
    source: z.string().nullable(),
    evidence: z.array(MetadataField).describe('what was detected and what the manifest said'),
  })
  .meta({ id: 'Metadata' });
export type Metadata = z.infer<typeof Metadata>;

export const Citation = z
  .strictObject({
    from: z.string().describe('id of the citing element'),
    instrument: z.string().describe('registry id of the cited instrument'),
    document: z.string().describe('the cited corpus document'),
    surface: z.string(),
  })
  .meta({ id: 'Citation', description: 'A reference from this document to another corpus document.' });
export type Citation = z.infer<typeof Citation>;

export const SourceInfo = z
  .strictObject({
    path: z.string(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    bytes: int(),
    encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252']),
    bom: z.boolean(),
    lineEnding: z.enum(['lf', 'crlf', 'cr', 'mixed', 'none']),
    lines: int(),
    wrapped: z.boolean().describe('hard-wrapped lines (PDF conversion) were re-flowed'),
  })
  .meta({ id: 'SourceInfo' });
export type SourceInfo = z.infer<typeof SourceInfo>;

export const Stats = z
  .strictObject({
    sections: int(),
    headings: int(),
    paragraphs: int(),
    lists: int(),
    listItems: int(),
    footnotes: int(),
    noteRefs: int(),
    keyActionLists: int(),
    keyActions: int(),
    boxes: int(),
    captions: int(),
    furniture: int(),
    pageBreaks: int(),
    mentions: int(),
  })
  .meta({ id: 'Stats' });
export type Stats = z.infer<typeof Stats>;

export const Document = z
  .strictObject({
    schemaVersion: z.literal(SCHEMA_VERSION),
    parserVersion: z.string(),
    id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/),
    source: SourceInfo,
    metadata: Metadata,
    body: z.array(Block).describe('the content layer: blocks before the first heading, then sections'),
    notes: z.array(Footnote).describe('the notes layer'),
    boxes: z.array(Box).describe('the boxes layer'),
    captions: z.array(Caption).describe('the captions layer'),
    furniture: z.array(Furniture).describe('the furniture layer: page furniture and web chrome'),
    pageBreaks: z.array(PageBreak),
    citations: z.array(Citation),
    diagnostics: z.array(Diagnostic),
    stats: Stats,
  })
  .meta({ id: 'Document', title: 'smuggle-corpus document' });
export type Document = z.infer<typeof Document>;
