/** A worker thread of `ingest`: builds the parse context once, then parses the documents it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import { createParseContext, type ContextOptions } from '../document/context.js';
import { runParseJob, type ParseJob } from './jobs.js';

const data = workerData as { context: ContextOptions; storeDir: string; parserVersion: string };
let ctx: ReturnType<typeof createParseContext> | null = null;

parentPort!.on('message', (message: { id: number; job: ParseJob }) => {
  try {
    ctx ??= createParseContext(data.context);
    parentPort!.postMessage({ id: message.id, outcome: runParseJob(message.job, ctx, data.storeDir, data.parserVersion) });
  } catch (error) {
    parentPort!.postMessage({ id: message.id, crash: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
