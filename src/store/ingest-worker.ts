/**
 * A worker thread of `ingest`: builds the parse context once, then parses the documents it is
 * sent, appending their postings to its own spool files; `finish` closes them.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createParseContext, type ContextOptions } from '../document/context.js';
import { runParseJob, type ParseJob } from './jobs.js';
import { SpoolWriter } from './spool.js';

const data = workerData as { context: ContextOptions; storeDir: string; parserVersion: string };
let ctx: ReturnType<typeof createParseContext> | null = null;
const spool = new SpoolWriter();

parentPort!.on('message', (message: { id: number; job: ParseJob } | { finish: true }) => {
  if ('finish' in message) {
    spool.close();
    parentPort!.postMessage({ finished: true });
    return;
  }
  try {
    ctx ??= createParseContext(data.context);
    parentPort!.postMessage({ id: message.id, outcome: runParseJob(message.job, ctx, data.storeDir, data.parserVersion, spool) });
  } catch (error) {
    parentPort!.postMessage({ id: message.id, crash: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
