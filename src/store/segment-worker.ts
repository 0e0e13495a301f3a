/** A worker thread of `ingest` that builds index segments (see SegmentThread). */
import { parentPort, workerData } from 'node:worker_threads';
import { runSegmentJob, type SegmentJob } from './jobs.js';

const { storeDir } = workerData as { storeDir: string };

parentPort!.on('message', (message: { id: number; job: SegmentJob }) => {
  runSegmentJob(message.job, storeDir).then(
    (entry) => parentPort!.postMessage({ id: message.id, entry }),
    (error: unknown) =>
      parentPort!.postMessage({
        id: message.id,
        error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : { name: 'Error', message: String(error) },
      }),
  );
});
