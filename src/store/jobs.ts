/**
 * The two kinds of work an ingest does, usable in the main thread or in a worker thread:
 * parse one document into its document and row files, and build one index segment.
 */
import { readFileSync } from 'node:fs';
import { parseDocument } from '../document/build.js';
import type { LoadedContext } from '../document/context.js';
import type { ManifestEntry } from '../document/manifest.js';
import { readBytes } from '../document/corpus.js';
import { isReportable } from '../util/errors.js';
import { writeFileAtomic, writeJsonAtomic } from './files.js';
import { paths, type DocEntry, type SegmentEntry } from './layout.js';
import { documentRows, type RowsFile } from './rows.js';
import { buildSegment, segmentFiles } from './segments.js';
import { join } from 'node:path';

export interface ParseJob {
  id: string;
  source: string;
  display: string;
  /** The path recorded in the document (see CorpusDocument.recorded). */
  recorded: string;
  entry?: ManifestEntry;
  size: number;
  mtimeMs: number;
  bucket: number;
  maxBytes: number;
}

export type ParseOutcome = { ok: true; entry: DocEntry } | { ok: false; id: string; message: string };

/** A manifest change (title, kind ...) re-parses the document even when its text did not change. */
export function manifestKey(entry: ManifestEntry | undefined): string {
  return entry ? JSON.stringify(entry) : '';
}

export function contentKey(sha256: string, parserVersion: string, dataHash: string): string {
  return `${sha256.slice(0, 12)}${dataHash.slice(0, 4)}${parserVersion.replace(/\D/g, '')}`;
}

export function runParseJob(job: ParseJob, ctx: LoadedContext, storeDir: string, parserVersion: string): ParseOutcome {
  try {
    const bytes = readBytes(job.source, job.maxBytes);
    const doc = parseDocument({ bytes, path: job.recorded, id: job.id, ...(job.entry ? { manifest: job.entry } : {}) }, ctx);
    const key = contentKey(doc.source.sha256, parserVersion, ctx.dataHash);
    const docFile = `docs/${job.id}.${key}.json`;
    const rowsFile = `rows/${job.id}.${key}.json`;
    const p = paths(storeDir);
    writeFileAtomic(p.file(docFile), JSON.stringify(doc));
    writeJsonAtomic(p.file(rowsFile), documentRows(doc, ctx.lexicon.functionWords));
    const m = doc.metadata;
    return {
      ok: true,
      entry: {
        id: job.id,
        source: job.source,
        display: job.display,
        size: job.size,
        mtimeMs: job.mtimeMs,
        manifestKey: manifestKey(job.entry),
        sha256: doc.source.sha256,
        key,
        docFile,
        rowsFile,
        bucket: job.bucket,
        kind: m.kind,
        title: m.title,
        date: m.date,
        reference: m.reference,
        stats: doc.stats,
        errors: doc.diagnostics.filter((d) => d.severity === 'error').length,
        warnings: doc.diagnostics.filter((d) => d.severity === 'warning').length,
      },
    };
  } catch (error) {
    if (!isReportable(error)) throw error;
    return { ok: false, id: job.id, message: error.message };
  }
}

export interface SegmentJob {
  bucket: number;
  generation: number;
  docs: { kind: string; rowsFile: string }[];
}

export function runSegmentJob(job: SegmentJob, storeDir: string): SegmentEntry {
  const p = paths(storeDir);
  const built = buildSegment(
    job.docs.map((d) => ({ ...d, rows: JSON.parse(readFileSync(p.file(d.rowsFile), 'utf8')) as RowsFile })),
  );
  const files = segmentFiles(job.bucket);
  const dir = p.generationDir(job.generation);
  writeFileAtomic(join(dir, files.bin), built.bin);
  writeJsonAtomic(join(dir, files.meta), built.meta);
  writeJsonAtomic(join(dir, files.terms), built.terms);
  writeJsonAtomic(join(dir, files.sections), built.sections);
  return { bucket: job.bucket, generation: job.generation, files, docs: job.docs.length, rows: built.meta.rows, binBytes: built.bin.byteLength };
}
