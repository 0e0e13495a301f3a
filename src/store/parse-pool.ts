/**
 * Parsing documents in worker threads, each with its own parse context and a bounded heap, so
 * that an ingest uses every core and its memory does not grow with the corpus.
 *
 * - Each worker holds up to two jobs, so it never waits while the main thread is busy.
 * - A document too large for a worker's heap is parsed in the main thread; so is the job of a
 *   worker that ran out of memory or died (and the worker is replaced).
 * - Small ingests, and runs from the TypeScript sources (tests), parse in the main thread.
 */
import { Worker } from 'node:worker_threads';
import type { ContextOptions, LoadedContext } from '../document/context.js';
import { PARSER_VERSION } from '../document/version.js';
import { runParseJob, type ParseJob, type ParseOutcome } from './jobs.js';
import { SpoolWriter } from './spool.js';
import { workerScript } from './worker-script.js';

/** Below this much text in all, starting workers costs more than it saves. */
const WORKER_THRESHOLD_BYTES = 4 * 1024 * 1024;
/** A worker's old-generation heap: the parse context and a document of up to WORKER_MAX_DOCUMENT_BYTES. */
const WORKER_HEAP_MB = 160;
/**
 * A worker's young generation: a parse allocates much short-lived data, and a young generation
 * larger than V8's default made ingest about a tenth faster (fewer scavenges copying a document's
 * structures that are still alive); 64 MB was as fast as 96 MB for less memory.
 */
const WORKER_YOUNG_MB = 64;
/** Larger documents are parsed in the main thread, whose heap is not bounded. */
const WORKER_MAX_DOCUMENT_BYTES = 1024 * 1024;
const JOBS_PER_WORKER = 2;
/** Workers replaced after a crash before the rest of the work goes to the main thread. */
const MAX_REPLACEMENTS = 4;

interface Task {
  id: number;
  job: ParseJob;
  resolve: (outcome: ParseOutcome) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  tasks: Map<number, Task>;
}

type Reply = { id: number; outcome: ParseOutcome } | { id: number; crash: string } | { finished: true };

export interface ParsePoolOptions {
  /** Worker threads to start (1 or fewer: parse in the main thread). */
  size: number;
  /** The text the jobs will parse in all. */
  parseBytes: number;
  contextOptions: ContextOptions;
  storeDir: string;
  /** The main thread's parse context, made on first use. */
  context: () => LoadedContext;
  /** Tests: workers for less text than usual, or with a smaller heap. */
  workerThresholdBytes?: number;
  workerHeapMb?: number;
}

export class ParsePool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private readonly workerFile = workerScript('ingest-worker.js');
  private nextId = 0;
  private replacements = 0;
  private closed = false;
  /** Jobs that went to the main thread because a worker died with them. */
  rescued = 0;
  /** The main thread's spool, for the jobs it parses. */
  private readonly spool = new SpoolWriter();
  readonly inProcess: boolean;

  constructor(private readonly options: ParsePoolOptions) {
    const threshold = options.workerThresholdBytes ?? WORKER_THRESHOLD_BYTES;
    this.inProcess = options.size <= 1 || options.parseBytes < threshold || this.workerFile === null;
    if (!this.inProcess) for (let i = 0; i < options.size; i++) this.spawn();
  }

  private spawn(): void {
    const { contextOptions, storeDir } = this.options;
    const worker = new Worker(this.workerFile!, {
      workerData: { context: contextOptions, storeDir, parserVersion: PARSER_VERSION },
      resourceLimits: { maxOldGenerationSizeMb: this.options.workerHeapMb ?? WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
    });
    worker.unref();
    const slot: Slot = { worker, tasks: new Map() };
    this.slots.push(slot);
    worker.on('message', (reply: Reply) => {
      if ('finished' in reply) return;
      const task = slot.tasks.get(reply.id);
      if (!task) return;
      slot.tasks.delete(reply.id);
      if ('crash' in reply) task.reject(new Error(`an ingest worker failed: ${reply.crash}`));
      else task.resolve(reply.outcome);
      this.pump();
    });
    const lost = () => this.lose(slot);
    worker.on('error', lost);
    worker.on('exit', lost);
  }

  /** A worker died (out of memory, or killed): its jobs go to the main thread. */
  private lose(slot: Slot): void {
    const at = this.slots.indexOf(slot);
    if (at < 0) return;
    this.slots.splice(at, 1);
    const orphans = [...slot.tasks.values()];
    slot.tasks.clear();
    if (!this.closed && this.replacements < MAX_REPLACEMENTS) {
      this.replacements++;
      this.spawn();
    }
    this.rescued += orphans.length;
    for (const task of orphans) this.runHere(task);
    this.pump();
  }

  private runHere(task: Task): void {
    try {
      task.resolve(runParseJob(task.job, this.options.context(), this.options.storeDir, PARSER_VERSION, this.spool));
    } catch (error) {
      task.reject(error as Error);
    }
  }

  parse(job: ParseJob): Promise<ParseOutcome> {
    return new Promise((resolve, reject) => {
      const task: Task = { id: this.nextId++, job, resolve, reject };
      if (this.inProcess || this.slots.length === 0 || job.size > WORKER_MAX_DOCUMENT_BYTES) {
        // Later, so that a caller's loop of parse() calls is not one long synchronous run.
        setImmediate(() => this.runHere(task));
        return;
      }
      this.queue.push(task);
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length > 0) {
      const slot = this.slots.reduce<Slot | null>((best, s) => (s.tasks.size < JOBS_PER_WORKER && (!best || s.tasks.size < best.tasks.size) ? s : best), null);
      if (!slot) {
        if (this.slots.length === 0) for (const task of this.queue.splice(0)) setImmediate(() => this.runHere(task));
        return;
      }
      const task = this.queue.shift()!;
      slot.tasks.set(task.id, task);
      slot.worker.postMessage({ id: task.id, job: task.job });
    }
  }

  /** How many jobs the pool works on at once. */
  get capacity(): number {
    return Math.max(1, this.slots.length * JOBS_PER_WORKER);
  }

  /** Lets each worker close its spool files, then stops it. */
  async close(): Promise<void> {
    this.closed = true;
    this.spool.close();
    const slots = this.slots.splice(0);
    await Promise.all(
      slots.map(async ({ worker }) => {
        await new Promise<void>((resolve) => {
          const done = (reply: Reply) => {
            if ('finished' in reply) resolve();
          };
          worker.on('message', done);
          worker.once('exit', () => resolve());
          worker.postMessage({ finish: true });
        });
        await worker.terminate();
      }),
    );
  }
}
