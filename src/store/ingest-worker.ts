/** A worker thread of `ingest`: builds the parse context once, then takes jobs. */
import { parentPort, workerData } from 'node:worker_threads';
import { createParseContext, type ContextOptions } from '../document/context.js';
import { runParseJob, runSegmentJob, type ParseJob, type SegmentJob } from './jobs.js';

const data = workerData as { context: ContextOptions; storeDir: string; parserVersion: string };
let ctx: ReturnType<typeof createParseContext> | null = null;

parentPort!.on('message', (message: { type: 'parse'; job: ParseJob } | { type: 'segment'; job: SegmentJob }) => {
  try {
    if (message.type === 'parse') {
      ctx ??= createParseContext(data.context);
      parentPort!.postMessage({ type: 'parsed', outcome: runParseJob(message.job, ctx, data.storeDir, data.parserVersion) });
    } else {
      parentPort!.postMessage({ type: 'segment', entry: runSegmentJob(message.job, data.storeDir) });
    }
  } catch (error) {
    parentPort!.postMessage({ type: 'crash', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
