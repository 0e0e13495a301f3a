/**
 * `smuggle-corpus export --out DIR`: the corpus as a dataset (see src/export/dataset.ts), from the
 * store, which is built or refreshed first.
 */
import { datasetFiles, writeDataset } from '../export/dataset.js';
import { UsageError } from '../util/errors.js';
import { note, toCsv } from './output.js';
import { withDocumentsStore } from './store-access.js';
import { toolVersion } from './version.js';
import { workspace } from './workspace.js';

export async function runExport(_args: string[], options: Record<string, unknown>): Promise<number> {
  const out = options.out;
  if (typeof out !== 'string' || out === '') throw new UsageError('export needs --out <dir>');
  return withDocumentsStore(workspace(options), async (store, wantedDocs) => {
    const wantedKinds = Array.isArray(options.kind) ? new Set(options.kind.map(String)) : null;
    const entries = store.index.order
      .map((id) => store.documentEntry(id)!)
      .filter((e) => (!wantedDocs || wantedDocs.has(e.id)) && (!wantedKinds || wantedKinds.has(e.kind)));
    const docs = entries.map((e) => store.document(e.id));
    const files = await datasetFiles(docs, store.registry(), { csv: options.csv === true, toolVersion: toolVersion(), toCsv });
    writeDataset(out, files, options.force === true);
    note(`exported ${docs.length} documents and ${files.size} files to ${out}`);
    return 0;
  });
}
