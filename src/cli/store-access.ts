/**
 * Commands that read the store get it fresh: built or refreshed by an ingest when it is missing,
 * stale or damaged; a file found damaged while reading makes the store rebuilt and the command
 * run again, never a crash.
 */
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Corpus, CorpusDocument } from '../document/corpus.js';
import { uniqueId } from '../document/corpus-files.js';
import { DamagedStoreError, isFresh, openStore, type StoreReader } from '../store/reader.js';
import { InputError, UsageError } from '../util/errors.js';
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

/** The --doc values of a command's options, or null. */
export function docArgs(options: Record<string, unknown>): string[] | null {
  return Array.isArray(options.doc) && options.doc.length > 0 ? options.doc.map(String) : null;
}

/** Does a --doc value name a document outside the store (a file, or `-` for standard input)? */
function namesFile(arg: string): boolean {
  return arg === '-' || (existsSync(arg) && statSync(arg).isFile());
}

/**
 * The store for a command with --doc values, and the ids to keep (null: every document).
 *
 * When every value is a corpus id: the corpus store, and an unknown id is a usage error that
 * lists the known ones. When a value names a file or `-`: the named documents (files, standard
 * input and corpus ids alike) are parsed into a temporary store, removed afterwards, so a user
 * can ask a document that is not in the corpus.
 */
export async function withDocumentsStore<T>(ws: Workspace, docArgs: readonly string[] | null, use: (store: StoreReader, docs: Set<string> | null) => Promise<T>): Promise<T> {
  if (!docArgs?.some(namesFile)) {
    return withStore(ws, async (store) => {
      if (!docArgs) return use(store, null);
      const known = new Set(store.index.order);
      for (const id of docArgs) {
        if (!known.has(id)) throw new UsageError(`unknown document "${id}": not a file and not a corpus id (known ids: ${store.index.order.join(', ')})`);
      }
      return use(store, new Set(docArgs));
    });
  }
  const [{ openCorpus, readDocumentArg }, { ingest }, { toolVersion }] = await Promise.all([
    import('../document/corpus.js'),
    import('../store/ingest.js'),
    import('./version.js'),
  ]);
  const corpus = openCorpus(ws.corpusDir);
  const temp = mkdtempSync(join(tmpdir(), 'smuggle-corpus-'));
  // Also when Ctrl-C stops the ingest, which ends the process.
  const cleanup = () => rmSync(temp, { recursive: true, force: true });
  process.once('exit', cleanup);
  try {
    const documents: CorpusDocument[] = [];
    const ids = new Set<string>();
    const files = new Set<string>();
    for (const arg of docArgs) {
      const source = await readDocumentArg(arg, corpus, ws.maxBytes);
      let file = source.file;
      if (arg === '-') {
        file = join(temp, 'stdin.txt');
        writeFileSync(file, source.bytes);
      }
      if (files.has(file)) continue;
      files.add(file);
      documents.push({ id: uniqueId(source.id, ids), file, display: source.display, recorded: source.recorded, ...(source.entry ? { entry: source.entry } : {}) });
    }
    const storeDir = join(temp, 'store');
    const adHoc: Corpus = { dir: temp, exists: true, documents, problems: [], byId: new Map(documents.map((d) => [d.id, d])) };
    const summary = await ingest({ storeDir, corpus: adHoc, registryPaths: ws.registryPaths, maxBytes: ws.maxBytes, tool: toolVersion(), warn: note });
    if (summary.failed.length > 0) throw new InputError(summary.failed[0]!.message);
    const store = openStore(storeDir);
    if (!store) throw new UsageError('the documents could not be parsed into a store');
    try {
      return await use(store, null);
    } finally {
      store.close();
    }
  } finally {
    process.removeListener('exit', cleanup);
    cleanup();
  }
}
