/**
 * Index segments built in a thread of their own with a bounded heap, one at a time, while the
 * parse workers go on: the posting lists of a segment are the largest thing an ingest holds, and
 * the main thread's heap would otherwise keep their garbage. Small ingests and runs from the
 * TypeScript sources build them in the main thread, yielding to the workers between reads.
 */
import { Worker } from 'node:worker_threads';
import { DamagedStoreError } from './files.js';
import { runSegmentJob, type SegmentJob } from './jobs.js';
import type { SegmentEntry } from './layout.js';
import { workerScript } from './worker-script.js';

/** Enough for a segment of SEGMENT_BYTES of text (its posting lists and one document's postings). */
const SEGMENT_HEAP_MB = 128;
/** It allocates little that dies young: a small young generation keeps its memory down. */
const SEGMENT_YOUNG_MB = 16;

type Reply = { id: number; entry: SegmentEntry } | { id: number; error: { name: string; message: string; stack?: string } };

export class SegmentThread {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, { resolve: (entry: SegmentEntry) => void; reject: (error: Error) => void }>();
  private nextId = 0;
  private readonly workerFile = workerScript('segment-worker.js');
  private readonly inProcess: boolean;

  constructor(
    private readonly storeDir: string,
    useThread: boolean,
  ) {
    this.inProcess = !useThread || this.workerFile === null;
  }

  build(job: SegmentJob): Promise<SegmentEntry> {
    if (this.inProcess) return runSegmentJob(job, this.storeDir, () => new Promise<void>((resolve) => setImmediate(resolve)));
    const worker = this.start();
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, job });
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerFile!, { workerData: { storeDir: this.storeDir }, resourceLimits: { maxOldGenerationSizeMb: SEGMENT_HEAP_MB, maxYoungGenerationSizeMb: SEGMENT_YOUNG_MB } });
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const task = this.pending.get(reply.id);
      if (!task) return;
      this.pending.delete(reply.id);
      if ('entry' in reply) task.resolve(reply.entry);
      else {
        const error = reply.error.name === 'DamagedStoreError' ? new DamagedStoreError(reply.error.message) : new Error(reply.error.message);
        if (reply.error.stack) error.stack = reply.error.stack;
        task.reject(error);
      }
    });
    const fail = (error: Error) => {
      for (const task of this.pending.values()) task.reject(new Error(`the index worker failed: ${error.message}`));
      this.pending.clear();
      this.worker = null;
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (this.pending.size > 0) fail(new Error(`exit code ${code}`));
      this.worker = null;
    });
    this.worker = worker;
    return worker;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }
}
