/**
 * Commands that read the store get it fresh: built or refreshed by an ingest when it is missing,
 * stale or damaged; a file found damaged while reading makes the store rebuilt and the command
 * run again, never a crash.
 */
import { DamagedStoreError, isFresh, openStore, type StoreReader } from '../store/reader.js';
import { UsageError } from '../util/errors.js';
import { note } from './output.js';
import { requireCorpus, type Workspace } from './workspace.js';

async function refresh(ws: Workspace, force: boolean): Promise<StoreReader> {
  const { ingestWorkspace } = await import('./ingest.js');
  await ingestWorkspace(ws, { force });
  const store = openStore(ws.storeDir);
  if (!store) throw new UsageError(`the store at ${ws.storeDir} could not be built`);
  return store;
}

/**
 * The store, refreshed first when the corpus or the data files changed (every source file's
 * size and time are compared), or as it is with --no-refresh.
 */
export async function freshStore(ws: Workspace): Promise<StoreReader> {
  requireCorpus(ws);
  const trusted = ws.options.refresh === false;
  const store = trusted || isFresh(ws.storeDir, ws.corpusDir, ws.registryPaths) ? openStore(ws.storeDir) : null;
  return store ?? refresh(ws, false);
}

export async function withStore<T>(ws: Workspace, use: (store: StoreReader) => Promise<T>): Promise<T> {
  let store = await freshStore(ws);
  try {
    return await use(store);
  } catch (error) {
    if (!(error instanceof DamagedStoreError)) throw error;
    store.close();
    note(`smuggle-corpus: the store is damaged (${error.message}); rebuilding it`);
    store = await refresh(ws, true);
    return await use(store);
  } finally {
    store.close();
  }
}
