/**
 * The published shape of `smuggle-corpus diff --json`: the full alignment of two documents, with
 * ids, spans (and so source lines) on both sides, scores and classifications. The TypeScript
 * types of src/diff are inferred from these schemas.
 */
import * as z from 'zod';
import { Span } from '../document/model.js';

const score = () => z.number().min(0).max(1);

export const DocumentRef = z
  .strictObject({
    id: z.string(),
    title: z.string().nullable(),
    path: z.string().describe('the source file as given'),
  })
  .meta({ id: 'DiffDocumentRef', description: 'One of the two compared documents.' });
export type DocumentRef = z.infer<typeof DocumentRef>;

export const SectionRef = z
  .strictObject({
    id: z.string(),
    number: z.string().nullable(),
    title: z.string(),
  })
  .meta({ id: 'DiffSectionRef', description: 'The section an element sits in.' });
export type SectionRef = z.infer<typeof SectionRef>;

export const ElementType = z.enum(['heading', 'paragraph', 'list-item', 'lead-in', 'key-action', 'footnote', 'box', 'caption']);
export type ElementType = z.infer<typeof ElementType>;

export const ElementRef = z
  .strictObject({
    id: z.string().describe('element id'),
    type: ElementType,
    span: Span.describe('where the element is in its source file (startLine/endLine are the lines)'),
    section: SectionRef.nullable().describe('the enclosing section, null before the first heading and in other layers'),
    text: z.string(),
  })
  .meta({ id: 'DiffElementRef', description: 'An element on one side of a comparison.' });
export type ElementRef = z.infer<typeof ElementRef>;

export const WordChange = z
  .strictObject({
    op: z.enum(['equal', 'insert', 'delete']).describe('insert: only in B; delete: only in A'),
    text: z.string(),
  })
  .meta({ id: 'DiffWordChange', description: 'A run of words, in reading order, of a word-level comparison of A and B.' });
export type WordChange = z.infer<typeof WordChange>;

export const Nearest = z
  .strictObject({
    id: z.string().describe('the most similar element on the other side (it may be aligned with another element)'),
    score: score(),
  })
  .meta({ id: 'DiffNearest' });
export type Nearest = z.infer<typeof Nearest>;

export const AlignmentStatus = z.enum(['same', 'changed', 'only-a', 'only-b']);
export type AlignmentStatus = z.infer<typeof AlignmentStatus>;

export const AlignmentRow = z
  .strictObject({
    status: AlignmentStatus.describe('same: aligned, same wording; changed: aligned, reworded; only-a / only-b: no counterpart'),
    anchor: z.boolean().describe('aligned because the normalised texts are identical'),
    moved: z.boolean().describe('aligned, but out of order relative to the other aligned pairs'),
    score: score().nullable().describe('similarity of the aligned pair (TF-IDF cosine over Dutch stems and named entities)'),
    a: ElementRef.nullable(),
    b: ElementRef.nullable(),
    words: z.array(WordChange).nullable().describe('word-level changes from A to B, for changed pairs'),
    nearest: Nearest.nullable().describe('for only-a / only-b: the closest element on the other side, if any shares a term'),
  })
  .meta({ id: 'DiffAlignmentRow', description: 'One row of a one-to-one alignment.' });
export type AlignmentRow = z.infer<typeof AlignmentRow>;

export const SectionInfo = z
  .strictObject({
    id: z.string(),
    number: z.string().nullable(),
    title: z.string(),
    level: z.int().min(1),
    span: Span,
  })
  .meta({ id: 'DiffSectionInfo' });
export type SectionInfo = z.infer<typeof SectionInfo>;

export const SectionRow = z
  .strictObject({
    status: AlignmentStatus.describe('changed: the title or the wording of its own elements changed, or elements were added or removed'),
    moved: z.boolean(),
    score: score().nullable(),
    a: SectionInfo.nullable(),
    b: SectionInfo.nullable(),
    titleWords: z.array(WordChange).nullable().describe('word-level changes of a changed title'),
  })
  .meta({ id: 'DiffSectionRow', description: 'A section of A aligned with one of B (numbers are ignored: titles and contents decide).' });
export type SectionRow = z.infer<typeof SectionRow>;

export const EntityCount = z.strictObject({ entity: z.string(), mentions: z.int().min(1) }).meta({ id: 'DiffEntityCount' });
export type EntityCount = z.infer<typeof EntityCount>;

export const EntityDifference = z
  .strictObject({
    onlyA: z.array(EntityCount).describe('named in A, not in B'),
    onlyB: z.array(EntityCount).describe('named in B, not in A'),
    both: z.array(z.string()),
  })
  .meta({ id: 'DiffEntityDifference' });
export type EntityDifference = z.infer<typeof EntityDifference>;

export const Uptake = z.enum(['taken-up', 'partly', 'absent']);
export type Uptake = z.infer<typeof Uptake>;

export const Passage = z
  .strictObject({
    element: ElementRef,
    start: z.int().min(0).describe('UTF-16 offset of the passage in the element text'),
    end: z.int().min(0),
    text: z.string().describe('the passage: the element, or a window of one or two of its sentences'),
  })
  .meta({ id: 'DiffPassage' });
export type Passage = z.infer<typeof Passage>;

export const CoverageRow = z
  .strictObject({
    action: ElementRef.describe('a key action of A'),
    status: Uptake,
    score: score().describe('share of the action\'s IDF-weighted terms found in the passage'),
    passage: Passage.nullable().describe('the best passage of B, null when no passage shares a term'),
    shared: z.array(z.string()).describe('the words of the action found in the passage'),
  })
  .meta({ id: 'DiffCoverageRow', description: 'How B takes up one key action of A.' });
export type CoverageRow = z.infer<typeof CoverageRow>;

export const Counts = z
  .strictObject({ same: z.int().min(0), changed: z.int().min(0), onlyA: z.int().min(0), onlyB: z.int().min(0), moved: z.int().min(0) })
  .meta({ id: 'DiffCounts' });
export type Counts = z.infer<typeof Counts>;

export const DiffResult = z
  .strictObject({
    a: DocumentRef,
    b: DocumentRef,
    mode: z.enum(['overview', 'actions', 'coverage']),
    thresholds: z.strictObject({
      align: score().describe('the lowest similarity that aligns two elements (--threshold)'),
      takenUp: score().describe('coverage: the lowest score classified as taken up'),
    }),
    differences: z.boolean().describe('whether the documents differ in what was compared (exit code 1)'),
    actors: EntityDifference,
    instruments: EntityDifference,
    actions: z.strictObject({ counts: Counts, rows: z.array(AlignmentRow) }).nullable().describe('overview and actions: the key actions of A and B aligned'),
    sections: z.array(SectionRow).nullable().describe('overview: the sections of A and B aligned'),
    elements: z.array(AlignmentRow).nullable().describe('overview: every text element of the body aligned'),
    notes: z.array(AlignmentRow).nullable().describe('overview: the footnotes aligned by their text, not their numbers'),
    coverage: z.array(CoverageRow).nullable().describe('coverage: each key action of A in B'),
  })
  .meta({ id: 'DiffResult', title: 'smuggle-corpus diff --json output' });
export type DiffResult = z.infer<typeof DiffResult>;
