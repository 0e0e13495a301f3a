/**
 * The two kinds of work an ingest does: parse one document into its stored document and its
 * postings (in a parse worker or the main thread), and build one index segment from the
 * postings lines of its documents (in the segment thread, while the parse workers go on).
 */
import { existsSync, rmSync } from 'node:fs';
import { parseDocument } from '../document/build.js';
import type { LoadedContext } from '../document/context.js';
import type { ManifestEntry } from '../document/manifest.js';
import { readBytes } from '../document/corpus.js';
import { isReportable } from '../util/errors.js';
import { AtomicFile, DamagedStoreError, forEachLine, writeFileAtomic, writeJsonAtomic } from './files.js';
import { paths, type DocEntry, type SegmentEntry } from './layout.js';
import { documentPostings, documentRows } from './rows.js';
import { parsePostingsLine, postingsLine, postingsLineId, SegmentBuilder, segmentFiles } from './segments.js';
import type { SpoolWriter } from './spool.js';
import { join } from 'node:path';

/** Files derived from the corpus are not flushed one by one (see files.ts). */
const DERIVED = { durable: false };

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
  /** The folder of the spool the document's postings line is appended to (see spool.ts). */
  spoolDir: string;
}

/** A parsed document's entry (its postings went to the spool), or why it was refused. */
export type ParseOutcome = { ok: true; entry: DocEntry } | { ok: false; id: string; message: string };

/** A manifest change (title, kind ...) re-parses the document even when its text did not change. */
export function manifestKey(entry: ManifestEntry | undefined): string {
  return entry ? JSON.stringify(entry) : '';
}

export function contentKey(sha256: string, parserVersion: string, dataHash: string): string {
  return `${sha256.slice(0, 12)}${dataHash.slice(0, 4)}${parserVersion.replace(/\D/g, '')}`;
}

export function runParseJob(job: ParseJob, ctx: LoadedContext, storeDir: string, parserVersion: string, spool: SpoolWriter): ParseOutcome {
  try {
    const bytes = readBytes(job.source, job.maxBytes);
    const doc = parseDocument({ bytes, path: job.recorded, id: job.id, ...(job.entry ? { manifest: job.entry } : {}) }, ctx);
    const key = contentKey(doc.source.sha256, parserVersion, ctx.dataHash);
    const docFile = `docs/${job.id}.${key}.json`;
    writeJsonAtomic(paths(storeDir).file(docFile), doc, DERIVED);
    spool.append(job.spoolDir, job.bucket, postingsLine(documentPostings(doc, documentRows(doc), ctx.lexicon.functionWords)));
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
  /** The segment's documents and their stored files. */
  docs: { id: string; docFile: string }[];
  /**
   * Files with postings lines (absolute paths), read in turn: the previous input of the segment
   * (without the documents parsed again) and the spool of this ingest.
   */
  sources: { path: string; except?: string[] }[];
  /** Sources to remove once the segment is written (the spool of this ingest). */
  consumed: string[];
}

/**
 * Builds a segment streaming its postings lines: one document's postings in memory at a time,
 * written on to the segment's new input as they are added. `between` runs after each megabyte
 * of input read.
 */
export async function runSegmentJob(job: SegmentJob, storeDir: string, between?: () => Promise<void>): Promise<SegmentEntry> {
  const p = paths(storeDir);
  const docFiles = new Map(job.docs.map((d) => [d.id, d.docFile]));
  const added = new Set<string>();
  const builder = new SegmentBuilder();
  const files = segmentFiles(job.bucket);
  const dir = p.generationDir(job.generation);
  const input = new AtomicFile(join(dir, files.input));
  try {
    for (const source of job.sources) {
      if (!existsSync(source.path)) continue;
      const except = new Set(source.except);
      await forEachLine(
        source.path,
        (line) => {
          let id: string;
          try {
            id = postingsLineId(line);
            const docFile = docFiles.get(id);
            if (docFile === undefined || except.has(id) || added.has(id)) return;
            builder.addDocument(parsePostingsLine(line), docFile);
          } catch {
            throw new DamagedStoreError(`${source.path} has a line that is not postings`);
          }
          input.write(`${line}\n`);
          added.add(id);
        },
        between,
      );
    }
    const missing = job.docs.find((d) => !added.has(d.id));
    if (missing) throw new DamagedStoreError(`the postings of ${missing.id} are missing from index segment ${job.bucket}`);
    input.commit(DERIVED);
  } catch (error) {
    input.abandon();
    throw error;
  }
  const built = builder.finish();
  writeFileAtomic(join(dir, files.bin), built.bin, DERIVED);
  writeJsonAtomic(join(dir, files.meta), built.meta, DERIVED);
  writeJsonAtomic(join(dir, files.docs), built.docs, DERIVED);
  writeJsonAtomic(join(dir, files.terms), built.terms, DERIVED);
  writeJsonAtomic(join(dir, files.sections), built.sections, DERIVED);
  for (const f of job.consumed) rmSync(f, { force: true });
  return { bucket: job.bucket, generation: job.generation, files, docs: job.docs.length, rows: built.meta.rows, binBytes: built.bin.byteLength };
}
