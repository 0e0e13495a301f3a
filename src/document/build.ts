/**
 * The document stage: source bytes through read, layout, structure and entities to a typed
 * {@link Document}, with metadata merged from the manifest and every problem a diagnostic.
 */
import type { KeyActionInput, KeyActionSemantics } from '../entities/actions/types.js';
import type { TextMention } from '../entities/scan.js';
import { layout } from '../layout/index.js';
import type { LayoutLexicon } from '../layout/lexicon.js';
import type { MappedText } from '../layout/mapped-text.js';
import { sourceFromBytes, type SourceText } from '../read/source.js';
import type { DecodeOptions } from '../read/decode.js';
import { structure, type StructureResult } from '../structure/index.js';
import { detectMetadata, referenceKey, type DetectedMetadata } from '../structure/metadata.js';
import { checkConservation } from './conservation.js';
import type { ManifestEntry } from './manifest.js';
import {
  SCHEMA_VERSION,
  type Citation,
  type Diagnostic,
  type Document,
  type Mention,
  type Metadata,
  type Span,
  type Stats,
} from './model.js';
import { PARSER_VERSION } from './version.js';
import { walkSections, walkTextNodes } from './walk.js';

/** What the entity stage offers the document stage (see src/entities). */
export interface EntityStage {
  match(text: string): TextMention[];
  analyse(input: KeyActionInput): KeyActionSemantics;
  /** Organisation-like names the registry does not know, for validate's suggestions. */
  unknownOrganisations?(text: string, mentions: readonly TextMention[]): { start: number; end: number }[];
}

export interface ParseContext {
  lexicon: LayoutLexicon;
  entities?: EntityStage;
  decode?: DecodeOptions;
}

export interface ParseInput {
  bytes: Uint8Array;
  /** The path shown in messages and recorded in the document. */
  path: string;
  id: string;
  manifest?: ManifestEntry;
}

export function parseDocument(input: ParseInput, ctx: ParseContext): Document {
  const source = sourceFromBytes(input.bytes, input.path, ctx.decode);
  const laid = layout(source, ctx.lexicon);
  const s = structure(input.id, source, laid, ctx.lexicon);
  const diagnostics: Diagnostic[] = [...s.diagnostics];
  for (const w of source.info.warnings) diagnostics.push({ severity: 'warning', rule: 'read/encoding', message: w, line: 1, column: 1 });

  const citations = ctx.entities ? annotate(s, source, ctx.entities, input.id, diagnostics) : [];
  const detected = detectMetadata(s, ctx.lexicon);
  const metadata = mergeMetadata(detected, input.manifest, diagnostics, source);

  const doc: Document = {
    schemaVersion: SCHEMA_VERSION,
    parserVersion: PARSER_VERSION,
    id: input.id,
    source: {
      path: input.path,
      sha256: source.info.sha256,
      bytes: source.info.bytes,
      encoding: source.info.encoding,
      bom: source.info.bom,
      lineEnding: source.info.lineEnding,
      lines: source.lineCount,
      wrapped: laid.wrapping.wrapped,
    },
    metadata,
    body: s.body,
    notes: s.notes,
    boxes: s.boxes,
    captions: s.captions,
    furniture: s.furniture,
    pageBreaks: s.pageBreaks,
    citations,
    diagnostics,
    stats: emptyStats(),
  };
  const conservation = checkConservation(doc, source.raw);
  if (conservation.gone > 0) {
    const at = source.positionOfRaw(conservation.goneAt[0]!);
    diagnostics.push({ severity: 'error', rule: 'conservation/gone', message: `${conservation.gone} source characters belong to no element`, ...at });
  }
  if (conservation.phantom > 0) {
    const first = conservation.phantomAt[0]!;
    const at = source.positionOfRaw(first.offset);
    diagnostics.push({
      severity: 'error',
      rule: 'conservation/phantom',
      message: `${conservation.phantom} characters are owned twice or not found in the source (first: ${first.element})`,
      ...at,
    });
  }
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
  doc.stats = statsOf(doc);
  return doc;
}

// ------------------------------------------------------------------ entities

function annotate(s: StructureResult, source: SourceText, entities: EntityStage, docId: string, diagnostics: Diagnostic[]): Citation[] {
  const mentionsOf = new Map<object, Mention[]>();
  const citations: Citation[] = [];
  for (const { node, mapped } of s.texts) {
    const found = entities.match(node.text);
    const mentions = found.map((m) => toMention(m, mapped, source));
    node.mentions = mentions;
    mentionsOf.set(node, mentions);
    for (const m of mentions) {
      if (m.document && m.document !== docId) citations.push({ from: node.id, instrument: m.entity, document: m.document, surface: m.surface });
    }
    if (entities.unknownOrganisations && node.type !== 'footnote') {
      for (const u of entities.unknownOrganisations(node.text, found)) {
        const range = mapped.normRange(u.start, u.end);
        const at = source.position(range.start);
        const surface = node.text.slice(u.start, u.end);
        diagnostics.push({ severity: 'info', rule: 'registry/unknown-organisation', message: `"${surface}" looks like an organisation the registry does not know`, ...at, element: node.id });
      }
    }
  }
  for (const { action, leadIn } of s.keyActions) {
    const semantics = entities.analyse({
      leadIn: leadIn ? { text: leadIn.text, mentions: leadIn.mentions } : null,
      item: { text: action.text, mentions: action.mentions },
    });
    action.actors = semantics.actors;
    action.modality = semantics.modality;
    action.deadlines = semantics.deadlines;
    action.deadline = semantics.deadline;
  }
  return citations;
}

function toMention(m: TextMention, mapped: MappedText, source: SourceText): Mention {
  const range = mapped.normRange(m.start, m.end);
  const mention: Mention = { entity: m.entity, kind: m.kind, surface: m.surface, start: m.start, end: m.end, span: source.span(range.start, range.end), match: m.match };
  if (m.normalized) mention.normalized = m.normalized;
  if (m.document) mention.document = m.document;
  return mention;
}

// ------------------------------------------------------------------ metadata

function mergeMetadata(found: DetectedMetadata, manifest: ManifestEntry | undefined, diagnostics: Diagnostic[], source: SourceText): Metadata {
  const evidence: Metadata['evidence'] = [];
  const detected = (field: Metadata['evidence'][number]['field'], f: { value: string; span: Span } | undefined) => {
    if (f) evidence.push({ field, value: f.value, origin: 'detected', span: f.span });
  };
  detected('title', found.title);
  detected('kind', found.kind);
  detected('date', found.date);
  detected('reference', found.reference);
  detected('subject', found.subject);
  if (manifest) {
    for (const field of ['title', 'kind', 'date', 'reference', 'subject', 'language', 'source'] as const) {
      const value = manifest[field];
      if (typeof value === 'string') evidence.push({ field, value, origin: 'manifest' });
    }
  }

  const warn = (span: Span, message: string) => {
    const at = source.positionOfRaw(span.start);
    diagnostics.push({ severity: 'warning', rule: 'metadata/conflict', message, ...at });
  };
  if (manifest) {
    if (found.title && similarity(found.title.value, manifest.title) < 0.5) {
      warn(found.title.span, `title "${found.title.value}" differs from the manifest's "${manifest.title}"`);
    }
    if (found.kind && found.kind.value !== manifest.kind) warn(found.kind.span, `the text reads as a ${found.kind.value}, the manifest says ${manifest.kind}`);
    if (found.date && manifest.date && !found.date.value.startsWith(manifest.date) && !manifest.date.startsWith(found.date.value)) {
      warn(found.date.span, `date ${found.date.value} differs from the manifest's ${manifest.date}`);
    }
    if (found.reference && manifest.reference && referenceKey(found.reference.value) !== referenceKey(manifest.reference)) {
      warn(found.reference.span, `reference "${found.reference.value}" differs from the manifest's "${manifest.reference}"`);
    }
    if (found.subject && manifest.subject && referenceKey(found.subject.value) !== referenceKey(manifest.subject)) {
      warn(found.subject.span, `document number "${found.subject.value}" differs from the manifest's "${manifest.subject}"`);
    }
  }
  // Inside the document: a printed number that disagrees with the document's own EUR-Lex link.
  const printed = found.subject ?? found.reference;
  const printedKey = referenceKey(printed?.value);
  for (const link of found.celexLinks) {
    if (printed && printedKey && /^\d{5}[A-Z]{2}\d{4}$/.test(printedKey) && printedKey !== link.value) {
      warn(printed.span, `document number "${printed.value}" disagrees with the EUR-Lex link in the document (CELEX ${link.value})`);
    }
  }

  return {
    title: manifest?.title ?? found.title?.value ?? null,
    kind: manifest?.kind ?? found.kind?.value ?? 'other',
    date: manifest?.date ?? found.date?.value ?? null,
    reference: manifest ? manifest.reference : (found.reference?.value ?? null),
    subject: manifest?.subject ?? found.subject?.value ?? null,
    language: manifest?.language ?? 'nl',
    source: manifest?.source ?? null,
    evidence,
  };
}

/** Word-set overlap (Jaccard) of two titles, case-insensitive. */
function similarity(a: string, b: string): number {
  const words = (s: string) => new Set(s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  const x = words(a);
  const y = words(b);
  const shared = [...x].filter((w) => y.has(w)).length;
  return shared / Math.max(1, x.size + y.size - shared);
}

// ------------------------------------------------------------------ stats

function emptyStats(): Stats {
  return {
    sections: 0,
    headings: 0,
    paragraphs: 0,
    lists: 0,
    listItems: 0,
    footnotes: 0,
    noteRefs: 0,
    keyActionLists: 0,
    keyActions: 0,
    boxes: 0,
    captions: 0,
    furniture: 0,
    pageBreaks: 0,
    mentions: 0,
  };
}

function statsOf(doc: Document): Stats {
  const stats = emptyStats();
  walkSections(doc.body, () => stats.sections++);
  const countLists = (blocks: Document['body']) => {
    for (const b of blocks) {
      if (b.type === 'section') countLists(b.children);
      else if (b.type === 'list') stats.lists++;
      else if (b.type === 'key-action-list') stats.keyActionLists++;
    }
  };
  countLists(doc.body);
  walkTextNodes(doc, (node) => {
    stats.noteRefs += node.noteRefs.length;
    stats.mentions += node.mentions.length;
    if (node.type === 'heading') stats.headings++;
    else if (node.type === 'paragraph') stats.paragraphs++;
    else if (node.type === 'list-item') stats.listItems++;
    else if (node.type === 'key-action') stats.keyActions++;
  });
  stats.footnotes = doc.notes.length;
  stats.boxes = doc.boxes.length;
  stats.captions = doc.captions.length;
  stats.furniture = doc.furniture.length;
  stats.pageBreaks = doc.pageBreaks.length;
  return stats;
}
