/** `smuggle-corpus ingest [corpus]`: parse the corpus into the store (see src/store/ingest.ts). */
import { openCorpus } from '../document/corpus.js';
import { ingest, type IngestSummary } from '../store/ingest.js';
import { note, outputChoice, writeJson } from './output.js';
import { progressOnStderr } from './progress.js';
import { toolVersion } from './version.js';
import { requireCorpus, workspace, type Workspace } from './workspace.js';

export async function runIngest(args: string[], options: Record<string, unknown>): Promise<number> {
  const ws = workspace(options, args[0]);
  requireCorpus(ws);
  const summary = await ingestWorkspace(ws, { force: options.force === true, ...(options.jobs ? { jobs: Number(options.jobs) } : {}) });
  if (outputChoice(options).format === 'json') await writeJson(summary);
  else {
    note(
      summary.upToDate
        ? `store is up to date: ${summary.documents} documents (${ws.storeDir})`
        : `ingested ${summary.documents} documents: ${summary.parsed} parsed, ${summary.unchanged} unchanged, ${summary.removed} removed, ${summary.failed.length} failed (${ws.storeDir})`,
    );
  }
  return summary.failed.length > 0 ? 2 : 0;
}

/** Ingest with progress on stderr and the failures listed there; used by ingest and query. */
export async function ingestWorkspace(ws: Workspace, extra: { force?: boolean; jobs?: number } = {}): Promise<IngestSummary> {
  const progress = progressOnStderr();
  const corpus = openCorpus(ws.corpusDir);
  for (const p of corpus.problems) note(`${p.file}:${p.line}:${p.column} ${p.message}`);
  try {
    const summary = await ingest({
      storeDir: ws.storeDir,
      corpus,
      registryPaths: ws.registryPaths,
      maxBytes: ws.maxBytes,
      tool: toolVersion(),
      progress: (phase, done, total) => progress.update(phase, done, total),
      warn: note,
      ...extra,
    });
    progress.stop();
    for (const f of summary.failed) note(`smuggle-corpus: ${f.message} (left out of the store)`);
    return summary;
  } finally {
    progress.stop();
  }
}
