/**
 * `ingest`: parse the corpus into the store, skipping documents whose source, parser version and
 * data files have not changed, then rebuild the index segments that changed and commit the new
 * generation atomically. One ingest at a time holds the lock; a killed run leaves the previous
 * store intact, and a damaged store is rebuilt rather than trusted.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { corpusContextOptions, createParseContext, loadRegistryOrThrow, type LoadedContext } from '../document/context.js';
import { currentDataHash, dataFiles } from '../document/data-hash.js';
import { LAYOUT_LEXICON_PATH } from '../util/paths.js';
import type { Corpus } from '../document/corpus.js';
import { MANIFEST_FILE } from '../document/manifest.js';
import { PARSER_VERSION } from '../document/version.js';
import { buildNameIndex, storedNameIndex } from '../entities/entity-index.js';
import { loadLayoutLexicon } from '../layout/lexicon.js';
import { UsageError } from '../util/errors.js';
import { acquireLock, DamagedStoreError, readJson, writeJsonAtomic } from './files.js';
import { manifestKey, type ParseJob, type SegmentJob } from './jobs.js';
import { ParsePool } from './parse-pool.js';
import { SegmentThread } from './segment-thread.js';
import { SpoolWriter, spoolFiles } from './spool.js';
import { OTHER_VERSION, readRoot, segmentIntact } from './reader.js';
import {
  bucketCount,
  bucketOf,
  paths,
  STORE_FORMAT,
  type DocEntry,
  type Freshness,
  type GenerationIndex,
  type SegmentEntry,
  type StoreRoot,
} from './layout.js';
import { sha256Hex } from '../util/hash.js';

export interface IngestOptions {
  storeDir: string;
  corpus: Corpus;
  registryPaths: string[];
  maxBytes: number;
  tool: string;
  force?: boolean;
  jobs?: number;
  /** Source text per index segment (tests use small segments to get several). */
  segmentBytes?: number;
  /** Less text than this is parsed in the main thread (tests use 0 to get worker threads). */
  workerThresholdBytes?: number;
  progress?: (phase: string, done: number, total: number) => void;
  /** Messages for the user (stderr). */
  warn?: (message: string) => void;
}

export interface IngestSummary {
  upToDate: boolean;
  parsed: number;
  unchanged: number;
  removed: number;
  failed: { id: string; message: string }[];
  generation: number;
  documents: number;
  segmentsBuilt: number;
  rebuiltDamaged: boolean;
}

export interface CurrentStore {
  root: StoreRoot;
  index: GenerationIndex;
  documents: DocEntry[];
}

/** The committed store, or why there is none usable. */
export function readCurrentStore(storeDir: string): { store: CurrentStore | null; reason: string } {
  const p = paths(storeDir);
  const { root, reason } = readRoot(storeDir);
  if (!root) return { store: null, reason };
  const g = root.generation;
  const index = readJson<GenerationIndex>(p.index(g));
  const documents = readJson<DocEntry[]>(p.documents(g));
  if (!index.ok) return { store: null, reason: `index.json of generation ${g} ${index.reason}` };
  if (!documents.ok) return { store: null, reason: `documents.json of generation ${g} ${documents.reason}` };
  for (const d of documents.value) {
    if (!existsSync(p.file(d.docFile))) return { store: null, reason: `the stored document ${d.id} is missing` };
  }
  for (const s of index.value.segments) {
    if (!segmentIntact(storeDir, s)) return { store: null, reason: `index segment ${s.bucket} is missing or damaged` };
    if (!existsSync(join(p.generationDir(s.generation), s.files.input))) return { store: null, reason: `the input of index segment ${s.bucket} is missing` };
  }
  return { store: { root, index: index.value, documents: documents.value }, reason: '' };
}

export async function ingest(options: IngestOptions): Promise<IngestSummary> {
  const lock = await acquireLock(options.storeDir);
  if (!lock) throw new UsageError(`another ingest holds the lock on ${options.storeDir} (wait for it, or remove ${join(options.storeDir, 'lock')} if no ingest runs)`);
  // Ctrl-C: nothing is committed before the end, so stopping anywhere leaves the store as it was
  // (the lock goes with the process's 'exit' event). First in line, to say so before exiting.
  const interrupted = () => {
    process.stderr.write('\nsmuggle-corpus: interrupted; the store is as it was before this ingest\n');
    process.exit(130);
  };
  process.prependOnceListener('SIGINT', interrupted);
  process.prependOnceListener('SIGTERM', interrupted);
  try {
    try {
      return await ingestLocked(options);
    } catch (error) {
      // A previous segment input that cannot be read: parse everything again rather than trust it.
      if (!(error instanceof DamagedStoreError) || options.force) throw error;
      options.warn?.(`the store at ${options.storeDir} is damaged (${error.message}); rebuilding it`);
      return { ...(await ingestLocked({ ...options, force: true })), rebuiltDamaged: true };
    }
  } finally {
    process.removeListener('SIGINT', interrupted);
    process.removeListener('SIGTERM', interrupted);
    lock.release();
  }
}

async function ingestLocked(options: IngestOptions): Promise<IngestSummary> {
  const { storeDir, corpus } = options;
  const p = paths(storeDir);
  const contextOptions = corpusContextOptions(corpus, options);
  let ctx: LoadedContext | null = null;
  const context = () => (ctx ??= createParseContext(contextOptions));
  // The data hash from the files' bytes: an up-to-date store is recognised without loading anything.
  // Their stamps first, so that a change during the ingest shows at the next freshness check.
  const dataStamps = dataFiles(options.registryPaths).map((f): [string, number, number] => {
    const s = statSync(f);
    return [f, s.size, s.mtimeMs];
  });
  const dataHash = currentDataHash(options.registryPaths);

  const { store: previous, reason } = readCurrentStore(storeDir);
  const rebuiltDamaged = !previous && existsSync(p.root);
  if (rebuiltDamaged) options.warn?.(`the store at ${storeDir} ${reason === OTHER_VERSION ? `was ${reason}` : `is damaged (${reason})`}; rebuilding it`);
  const compatible =
    previous !== null &&
    !options.force &&
    previous.index.parserVersion === PARSER_VERSION &&
    previous.index.dataHash === dataHash &&
    previous.index.corpusDir === corpus.dir;
  const before = new Map((compatible ? previous.documents : []).map((d) => [d.id, d]));

  // Size and time only: an ingest of a large corpus holds one of these per document.
  const stats = corpus.documents.map((d) => {
    const { size, mtimeMs } = statSync(d.file);
    return { doc: d, stat: { size, mtimeMs } };
  });
  const totalBytes = stats.reduce((n, s) => n + s.stat.size, 0);
  const buckets = bucketCount(totalBytes, options.segmentBytes);

  // The generation this ingest writes, if it writes one; its folder holds the spools.
  const generation = Math.max(previous?.root.generation ?? 0, highestGeneration(storeDir)) + 1;
  const spoolDir = p.generationDir(generation);
  const kept: DocEntry[] = [];
  const jobs: ParseJob[] = [];
  for (const { doc, stat } of stats) {
    const old = before.get(doc.id);
    // Known by size and time; a touched file (a checkout, a copy) by its bytes' hash.
    if (old && old.source === doc.file && old.size === stat.size && old.manifestKey === manifestKey(doc.entry) && (old.mtimeMs === stat.mtimeMs || hasBytes(doc.file, old.sha256))) {
      kept.push({ ...old, mtimeMs: stat.mtimeMs, bucket: bucketOf(doc.id, buckets) });
      continue;
    }
    jobs.push({ id: doc.id, source: doc.file, display: doc.display, recorded: doc.recorded, ...(doc.entry ? { entry: doc.entry } : {}), size: stat.size, mtimeMs: stat.mtimeMs, bucket: bucketOf(doc.id, buckets), maxBytes: options.maxBytes, spoolDir });
  }
  const current = new Set(corpus.documents.map((d) => d.id));
  const removed = [...before.keys()].filter((id) => !current.has(id));
  const bucketsChanged = !compatible || previous.index.buckets !== buckets;

  // What the next freshness check compares the corpus and the data files with.
  const freshness = (): Freshness => ({
    corpusDir: corpus.dir,
    manifest: manifestStamp(corpus.dir),
    // Every source, stored or refused, so an unchanged refused file does not look new.
    files: stats.map(({ doc }) => relative(corpus.dir, doc.file)),
    stamps: stats.flatMap(({ stat }) => [stat.size, stat.mtimeMs]),
    data: dataStamps,
    dataHash,
  });

  if (compatible && jobs.length === 0 && removed.length === 0 && !bucketsChanged) {
    // Nothing to parse; the stamps are renewed, or a query would find the store stale again
    // (a touched file, a freshness record of an older version) and come back here every time.
    writeJsonAtomic(p.freshness(previous.root.generation), freshness());
    return { upToDate: true, parsed: 0, unchanged: kept.length, removed: 0, failed: [], generation: previous.root.generation, documents: kept.length, segmentsBuilt: 0, rebuiltDamaged };
  }

  const order = new Map(corpus.documents.map((d, i) => [d.id, i]));
  const pool = new ParsePool({
    size: options.jobs ?? availableParallelism(),
    parseBytes: jobs.reduce((n, j) => n + j.size, 0),
    contextOptions,
    storeDir,
    context,
    ...(options.workerThresholdBytes !== undefined ? { workerThresholdBytes: options.workerThresholdBytes } : {}),
  });
  const segmentThread = new SegmentThread(storeDir, !pool.inProcess);
  try {
    // The segments to rebuild: those with a document parsed, removed or moved to another
    // bucket. One is rebuilt from the postings lines of the documents it keeps (in its previous
    // input) and of those parsed now (in the spool), in the segment thread, as soon as its last
    // document is parsed: the documents are parsed bucket by bucket while the workers go on.
    const oldSegments = new Map((compatible && !bucketsChanged ? previous.index.segments : []).map((s) => [s.bucket, s]));
    const inputOf = (s: SegmentEntry) => join(p.generationDir(s.generation), s.files.input);
    if (compatible && bucketsChanged && kept.length > 0) {
      const keptIds = new Set(kept.map((d) => d.id));
      const mover = new SpoolWriter();
      try {
        for (const s of previous.index.segments) await mover.redistribute(spoolDir, inputOf(s), keptIds, (id) => bucketOf(id, buckets));
      } finally {
        mover.close();
      }
    }
    const pending = new Map<number, number>();
    for (const job of jobs) pending.set(job.bucket, (pending.get(job.bucket) ?? 0) + 1);
    const dirty = new Set(pending.keys());
    for (const id of removed) dirty.add(before.get(id)!.bucket);
    if (bucketsChanged) for (const d of kept) dirty.add(d.bucket);
    const members = new Map<number, DocEntry[]>();
    const parsedIn = new Map<number, string[]>();
    const add = <T>(map: Map<number, T[]>, bucket: number, value: T) => {
      const list = map.get(bucket);
      if (list) list.push(value);
      else map.set(bucket, [value]);
    };
    for (const d of kept) add(members, d.bucket, d);

    const segments: SegmentEntry[] = [...oldSegments.values()].filter((s) => !dirty.has(s.bucket));
    let built = 0;
    let building = Promise.resolve();
    const build = (bucket: number) => {
      building = building.then(async () => {
        const docs = (members.get(bucket) ?? []).sort((x, y) => order.get(x.id)! - order.get(y.id)!);
        const fresh = spoolFiles(spoolDir, bucket);
        if (docs.length > 0) {
          const old = oldSegments.get(bucket);
          const job: SegmentJob = {
            bucket,
            generation,
            docs: docs.map((d) => ({ id: d.id, docFile: d.docFile })),
            sources: [...(old ? [{ path: inputOf(old), except: parsedIn.get(bucket) ?? [] }] : []), ...fresh.map((path) => ({ path }))],
            consumed: fresh,
          };
          segments.push(await segmentThread.build(job));
        } else for (const f of fresh) rmSync(f, { force: true });
        built++;
        options.progress?.('indexing', built, dirty.size);
      });
      // A failure is reported where `building` is awaited, not as an unhandled rejection.
      building.catch(() => undefined);
    };
    for (const bucket of dirty) if (!pending.has(bucket)) build(bucket);

    let done = 0;
    const failed: IngestSummary['failed'] = [];
    const parsed: DocEntry[] = [];
    // Bucket by bucket in corpus order, taken from the end of the list: a job handed out is no
    // longer held here, and a few jobs per worker are in flight, not all.
    jobs.sort((x, y) => y.bucket - x.bucket || order.get(y.id)! - order.get(x.id)!);
    const total = jobs.length;
    let stopped = false;
    const feed = async () => {
      while (jobs.length > 0 && !stopped) {
        const job = jobs.pop()!;
        const outcome = await pool.parse(job).catch((error: unknown) => {
          stopped = true; // the other feeders stop too
          throw error;
        });
        if (outcome.ok) {
          parsed.push(outcome.entry);
          add(members, job.bucket, outcome.entry);
          add(parsedIn, job.bucket, job.id);
        } else failed.push({ id: outcome.id, message: outcome.message });
        done++;
        options.progress?.('parsing', done, total);
        const left = pending.get(job.bucket)! - 1;
        pending.set(job.bucket, left);
        if (left === 0) build(job.bucket);
      }
    };
    await Promise.all(Array.from({ length: pool.capacity * 2 }, feed));
    await pool.close();
    await building;
    failed.sort((x, y) => order.get(x.id)! - order.get(y.id)!);
    segments.sort((x, y) => x.bucket - y.bucket);
    const byId = new Map([...kept, ...parsed].map((d) => [d.id, d]));
    const documents = corpus.documents.map((d) => byId.get(d.id)).filter((d): d is DocEntry => d !== undefined);

    // The compiled registry, from the parse context when this thread parsed (workers have their own).
    const registry = (ctx as LoadedContext | null)?.registry ?? loadRegistryOrThrow(options.registryPaths);
    const index: GenerationIndex = {
      format: STORE_FORMAT,
      generation,
      tool: options.tool,
      parserVersion: PARSER_VERSION,
      dataHash,
      registryHash: registry.hash,
      corpusDir: corpus.dir,
      buckets,
      segments,
      order: documents.map((d) => d.id),
      stopWords: [...((ctx as LoadedContext | null)?.lexicon ?? loadLayoutLexicon(LAYOUT_LEXICON_PATH)).functionWords].sort(),
    };
    writeJsonAtomic(p.documents(generation), documents);
    writeJsonAtomic(p.freshness(generation), freshness());
    writeJsonAtomic(p.registry(generation), registry);
    writeJsonAtomic(p.names(generation), storedNameIndex(buildNameIndex(registry)));
    writeJsonAtomic(p.index(generation), index);
    writeJsonAtomic(p.root, { format: STORE_FORMAT, generation } satisfies StoreRoot);
    collectGarbage(storeDir, documents, segments, generation);
    return {
      upToDate: false,
      parsed: parsed.length,
      unchanged: kept.length,
      removed: removed.length,
      failed,
      generation,
      documents: documents.length,
      segmentsBuilt: built,
      rebuiltDamaged,
    };
  } finally {
    await pool.close();
    await segmentThread.close();
  }
}

/** Whether a file's bytes have this SHA-256 (false when it cannot be read). */
function hasBytes(file: string, sha256: string): boolean {
  try {
    return sha256Hex(readFileSync(file)) === sha256;
  } catch {
    return false;
  }
}

export function manifestStamp(corpusDir: string): [number, number] | null {
  try {
    const s = statSync(join(corpusDir, MANIFEST_FILE));
    return [s.size, s.mtimeMs];
  } catch {
    return null;
  }
}

function highestGeneration(storeDir: string): number {
  try {
    return Math.max(0, ...readdirSync(join(storeDir, 'index')).map((n) => Number(/^g(\d+)$/.exec(n)?.[1] ?? 0)));
  } catch {
    return 0;
  }
}

/** Remove what the committed generation does not use: old generations, old files, leftovers. */
function collectGarbage(storeDir: string, documents: DocEntry[], segments: SegmentEntry[], generation: number): void {
  const used = new Set(documents.map((d) => d.docFile));
  const docsDir = join(storeDir, 'docs');
  for (const name of existsSync(docsDir) ? readdirSync(docsDir) : []) if (!used.has(`docs/${name}`)) rmSync(join(docsDir, name), { force: true });
  // Row files of stores of format 1.
  rmSync(join(storeDir, 'rows'), { recursive: true, force: true });
  const generations = new Set([generation, ...segments.map((s) => s.generation)]);
  const indexDir = join(storeDir, 'index');
  for (const name of existsSync(indexDir) ? readdirSync(indexDir) : []) {
    const g = Number(/^g(\d+)$/.exec(name)?.[1] ?? NaN);
    if (!generations.has(g)) rmSync(join(indexDir, name), { recursive: true, force: true });
  }
  for (const g of generations) {
    if (g === generation) continue;
    // Older generations keep only the segment files the new one still uses.
    const keep = new Set(segments.filter((s) => s.generation === g).flatMap((s) => Object.values(s.files)));
    const dir = paths(storeDir).generationDir(g);
    for (const name of readdirSync(dir)) if (!keep.has(name)) rmSync(join(dir, name), { force: true });
  }
}
