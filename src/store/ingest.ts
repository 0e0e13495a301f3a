/**
 * `ingest`: parse the corpus into the store, skipping documents whose source, parser version and
 * data files have not changed, then rebuild the index segments that changed and commit the new
 * generation atomically. One ingest at a time holds the lock; a killed run leaves the previous
 * store intact, and a damaged store is rebuilt rather than trusted.
 */
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { createParseContext, type ContextOptions, type LoadedContext } from '../document/context.js';
import { currentDataHash } from '../document/data-hash.js';
import type { Corpus } from '../document/corpus.js';
import { MANIFEST_FILE } from '../document/manifest.js';
import { PARSER_VERSION } from '../document/version.js';
import { UsageError } from '../util/errors.js';
import { acquireLock, readJson, writeJsonAtomic } from './files.js';
import { manifestKey, runParseJob, runSegmentJob, type ParseJob, type ParseOutcome, type SegmentJob } from './jobs.js';
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

export interface IngestOptions {
  storeDir: string;
  corpus: Corpus;
  registryPaths: string[];
  maxBytes: number;
  tool: string;
  force?: boolean;
  jobs?: number;
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
  const root = readJson<StoreRoot>(p.root);
  if (!root.ok) return { store: null, reason: `store.json ${root.reason}` };
  if (root.value.format !== STORE_FORMAT || !Number.isInteger(root.value.generation)) return { store: null, reason: 'store.json has an unknown format' };
  const g = root.value.generation;
  const index = readJson<GenerationIndex>(p.index(g));
  const documents = readJson<DocEntry[]>(p.documents(g));
  if (!index.ok) return { store: null, reason: `index.json of generation ${g} ${index.reason}` };
  if (!documents.ok) return { store: null, reason: `documents.json of generation ${g} ${documents.reason}` };
  for (const d of documents.value) {
    if (!existsSync(p.file(d.docFile)) || !existsSync(p.file(d.rowsFile))) return { store: null, reason: `the files of ${d.id} are missing` };
  }
  for (const s of index.value.segments) {
    const bin = join(p.generationDir(s.generation), s.files.bin);
    if (!existsSync(bin) || statSync(bin).size !== s.binBytes) return { store: null, reason: `index segment ${s.bucket} is missing or damaged` };
  }
  return { store: { root: root.value, index: index.value, documents: documents.value }, reason: '' };
}

export async function ingest(options: IngestOptions): Promise<IngestSummary> {
  const lock = await acquireLock(options.storeDir);
  if (!lock) throw new UsageError(`another ingest holds the lock on ${options.storeDir} (wait for it, or remove ${join(options.storeDir, 'lock')} if no ingest runs)`);
  // Ctrl-C: nothing is committed before the end, so stopping anywhere leaves the store as it was.
  const interrupted = () => {
    lock.release();
    process.stderr.write('\nsmuggle-corpus: interrupted; the store is as it was before this ingest\n');
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    return await ingestLocked(options);
  } finally {
    process.removeListener('SIGINT', interrupted);
    process.removeListener('SIGTERM', interrupted);
    lock.release();
  }
}

async function ingestLocked(options: IngestOptions): Promise<IngestSummary> {
  const { storeDir, corpus } = options;
  const p = paths(storeDir);
  const contextOptions: ContextOptions = {
    registryPaths: options.registryPaths,
    documents: corpus.documents.map((d) => ({ id: d.id, reference: d.entry?.reference ?? null })),
    maxBytes: options.maxBytes,
  };
  let ctx: LoadedContext | null = null;
  const context = () => (ctx ??= createParseContext(contextOptions));
  // The data hash from the files' bytes: an up-to-date store is recognised without loading anything.
  const dataHash = currentDataHash(options.registryPaths);

  const { store: previous, reason } = readCurrentStore(storeDir);
  const rebuiltDamaged = !previous && existsSync(p.root);
  if (rebuiltDamaged) options.warn?.(`the store at ${storeDir} is damaged (${reason}); rebuilding it`);
  const compatible =
    previous !== null &&
    !options.force &&
    previous.index.parserVersion === PARSER_VERSION &&
    previous.index.dataHash === dataHash &&
    previous.index.corpusDir === corpus.dir;
  const before = new Map((compatible ? previous.documents : []).map((d) => [d.id, d]));

  const stats = corpus.documents.map((d) => ({ doc: d, stat: statSync(d.file) }));
  const totalBytes = stats.reduce((n, s) => n + s.stat.size, 0);
  const buckets = compatible && previous.index.buckets === bucketCount(totalBytes) ? previous.index.buckets : bucketCount(totalBytes);

  const kept: DocEntry[] = [];
  const jobs: ParseJob[] = [];
  for (const { doc, stat } of stats) {
    const old = before.get(doc.id);
    if (old && old.source === doc.file && old.size === stat.size && old.mtimeMs === stat.mtimeMs && old.manifestKey === manifestKey(doc.entry)) {
      kept.push({ ...old, bucket: bucketOf(doc.id, buckets) });
      continue;
    }
    jobs.push({ id: doc.id, source: doc.file, display: doc.display, recorded: doc.recorded, ...(doc.entry ? { entry: doc.entry } : {}), size: stat.size, mtimeMs: stat.mtimeMs, bucket: bucketOf(doc.id, buckets), maxBytes: options.maxBytes });
  }
  const current = new Set(corpus.documents.map((d) => d.id));
  const removed = [...before.keys()].filter((id) => !current.has(id));
  const bucketsChanged = !compatible || previous.index.buckets !== buckets;

  if (compatible && jobs.length === 0 && removed.length === 0 && !bucketsChanged) {
    return { upToDate: true, parsed: 0, unchanged: kept.length, removed: 0, failed: [], generation: previous.root.generation, documents: kept.length, segmentsBuilt: 0, rebuiltDamaged };
  }

  const generation = Math.max(previous?.root.generation ?? 0, highestGeneration(storeDir)) + 1;
  const pool = new Pool(options.jobs ?? availableParallelism(), jobs.reduce((n, j) => n + j.size, 0), contextOptions, storeDir, context);
  try {
    let done = 0;
    const outcomes = await Promise.all(
      jobs.map(async (job) => {
        const outcome = await pool.parse(job);
        options.progress?.('parsing', ++done, jobs.length);
        return outcome;
      }),
    );
    const failed = outcomes.filter((o): o is Extract<ParseOutcome, { ok: false }> => !o.ok).map((o) => ({ id: o.id, message: o.message }));
    const parsed = outcomes.filter((o): o is Extract<ParseOutcome, { ok: true }> => o.ok).map((o) => o.entry);
    const byId = new Map([...kept, ...parsed].map((d) => [d.id, d]));
    const documents = corpus.documents.map((d) => byId.get(d.id)).filter((d): d is DocEntry => d !== undefined);

    // Rebuild the segments whose documents changed; keep the others where they are.
    const dirty = new Set<number>(parsed.map((d) => d.bucket));
    for (const id of [...removed, ...failed.map((f) => f.id)]) {
      const old = before.get(id);
      if (old) dirty.add(old.bucket);
    }
    const segments: SegmentEntry[] = [];
    const segmentJobs: SegmentJob[] = [];
    for (let b = 0; b < buckets; b++) {
      const docs = documents.filter((d) => d.bucket === b);
      const old = compatible && !bucketsChanged ? previous.index.segments.find((s) => s.bucket === b) : undefined;
      if (old && !dirty.has(b) && old.docs === docs.length) segments.push(old);
      else if (docs.length > 0) {
        segmentJobs.push({ bucket: b, generation, docs: docs.map((d) => ({ kind: d.kind, rowsFile: d.rowsFile })) });
      }
    }
    let built = 0;
    segments.push(
      ...(await Promise.all(
        segmentJobs.map(async (job) => {
          const entry = await pool.segment(job);
          options.progress?.('indexing', ++built, segmentJobs.length);
          return entry;
        }),
      )),
    );
    segments.sort((a, b) => a.bucket - b.bucket);

    const registry = context().registry;
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
      documentCount: documents.length,
      order: documents.map((d) => d.id),
      rowCount: segments.reduce((n, s) => n + s.rows, 0),
    };
    const freshness: Freshness = {
      corpusDir: corpus.dir,
      manifest: manifestStamp(corpus.dir),
      // Every source, stored or refused, so an unchanged refused file does not look new.
      files: stats.map(({ doc, stat }) => [doc.file, stat.size, stat.mtimeMs]),
      dataHash,
    };
    writeJsonAtomic(p.documents(generation), documents);
    writeJsonAtomic(p.freshness(generation), freshness);
    writeJsonAtomic(p.registry(generation), registry);
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
      segmentsBuilt: segmentJobs.length,
      rebuiltDamaged,
    };
  } finally {
    await pool.close();
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
  const used = new Set(documents.flatMap((d) => [d.docFile, d.rowsFile]));
  for (const folder of ['docs', 'rows']) {
    const dir = join(storeDir, folder);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) if (!used.has(`${folder}/${name}`)) rmSync(join(dir, name), { force: true });
  }
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

/**
 * Parse and segment jobs in worker threads (each builds its parse context once), or in this
 * thread when the work is small or when running from TypeScript sources (tests).
 */
class Pool {
  private workers: Worker[] = [];
  private idle: Worker[] = [];
  private queue: { message: unknown; resolve: (value: unknown) => void; reject: (error: Error) => void }[] = [];
  private readonly inProcess: boolean;

  constructor(
    size: number,
    parseBytes: number,
    private readonly contextOptions: ContextOptions,
    private readonly storeDir: string,
    private readonly context: () => LoadedContext,
  ) {
    const workerFile = new URL('./ingest-worker.js', import.meta.url);
    this.inProcess = size <= 1 || parseBytes < 4 * 1024 * 1024 || import.meta.url.endsWith('.ts') || !existsSync(workerFile);
    if (this.inProcess) return;
    for (let i = 0; i < size; i++) {
      const worker = new Worker(workerFile, { workerData: { context: contextOptions, storeDir, parserVersion: PARSER_VERSION } });
      worker.unref();
      this.workers.push(worker);
      this.idle.push(worker);
    }
  }

  parse(job: ParseJob): Promise<ParseOutcome> {
    if (this.inProcess) return Promise.resolve(runParseJob(job, this.context(), this.storeDir, PARSER_VERSION));
    return this.submit({ type: 'parse', job }) as Promise<ParseOutcome>;
  }

  segment(job: SegmentJob): Promise<SegmentEntry> {
    if (this.inProcess) return Promise.resolve(runSegmentJob(job, this.storeDir));
    return this.submit({ type: 'segment', job }) as Promise<SegmentEntry>;
  }

  private submit(message: unknown): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.queue.push({ message, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const task = this.queue.shift()!;
      worker.once('message', (reply: { type: string; outcome?: unknown; entry?: unknown; message?: string }) => {
        this.idle.push(worker);
        if (reply.type === 'crash') task.reject(new Error(`an ingest worker failed: ${reply.message}`));
        else task.resolve(reply.type === 'parsed' ? reply.outcome : reply.entry);
        this.pump();
      });
      worker.postMessage(task.message);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
