/**
 * Commands that read the store get it fresh: built or refreshed by an ingest when it is missing,
 * stale or damaged; a file found damaged while reading makes the store rebuilt and the command
 * run again, never a crash.
 */
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Corpus, CorpusDocument } from '../document/corpus.js';
import { uniqueId } from '../document/corpus-files.js';
import { DamagedStoreError, isFresh, openStore, type StoreReader } from '../store/reader.js';
import { InputError, UsageError } from '../util/errors.js';
import { note } from './output.js';
import { requireCorpus, type Workspace } from './workspace.js';
import { processAlive } from '../util/process.js';

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

/** Does a --doc value name a document outside the store (a file, or `-` for standard input)? */
function namesFile(arg: string): boolean {
  return arg === '-' || statSync(arg, { throwIfNoEntry: false })?.isFile() === true;
}

/** Temporary stores are named after their process, so that one a killed process left is known. */
const TEMP_PREFIX = 'smuggle-corpus-';

/**
 * A temporary store untouched this long whose process is gone is an orphan. The age also spares
 * the store of a process in another PID namespace (a container sharing /tmp), which looks gone.
 */
const ORPHAN_AGE_MS = 60 * 60 * 1000;

/** Removes the temporary stores of processes that are gone (killed before they could clean up). */
function removeOrphans(): void {
  const pattern = new RegExp(`^${TEMP_PREFIX}(\\d+)-`);
  let names: string[];
  try {
    names = readdirSync(tmpdir());
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(pattern.exec(name)?.[1] ?? NaN);
    if (!Number.isInteger(pid) || pid === process.pid || processAlive(pid)) continue;
    const folder = join(tmpdir(), name);
    const modified = statSync(folder, { throwIfNoEntry: false })?.mtimeMs;
    if (modified !== undefined && Date.now() - modified >= ORPHAN_AGE_MS) rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * The store for a command's --doc values, and the ids to keep (null: every document).
 *
 * When every value is a corpus id: the corpus store, and an unknown id is a usage error that
 * lists the known ones. When a value names a file or `-`: the named documents (files, standard
 * input and corpus ids alike) are parsed into a temporary store, removed afterwards, so a user
 * can ask a document that is not in the corpus.
 */
export async function withDocumentsStore<T>(ws: Workspace, use: (store: StoreReader, docs: Set<string> | null) => Promise<T>): Promise<T> {
  const docArgs = Array.isArray(ws.options.doc) && ws.options.doc.length > 0 ? ws.options.doc.map(String) : null;
  if (!docArgs?.some(namesFile)) {
    return withStore(ws, async (store) => {
      if (!docArgs) return use(store, null);
      const known = new Set(store.index.order);
      const unknown = docArgs.find((id) => !known.has(id));
      if (unknown !== undefined) {
        const { unknownDocument } = await import('../document/corpus.js');
        throw new UsageError(unknownDocument(unknown, store.index.order));
      }
      return use(store, new Set(docArgs));
    });
  }
  const [{ openCorpus, readDocumentBytes, resolveDocumentArg }, { ingest }, { toolVersion }] = await Promise.all([
    import('../document/corpus.js'),
    import('../store/ingest.js'),
    import('./version.js'),
  ]);
  const corpus = openCorpus(ws.corpusDir);
  removeOrphans();
  const temp = mkdtempSync(join(tmpdir(), `${TEMP_PREFIX}${process.pid}-`));
  // Removed on the way out, also when Ctrl-C stops the command (a signal ends a process without
  // its 'exit' event unless something turns it into an exit).
  const cleanup = () => rmSync(temp, { recursive: true, force: true });
  const interrupted = () => process.exit(130);
  process.once('exit', cleanup);
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    const documents: CorpusDocument[] = [];
    const ids = new Set<string>();
    const files = new Set<string>();
    for (const arg of docArgs) {
      // Files are read (and their size checked) by the ingest; standard input is kept in a file.
      const { inCorpus: _, ...source } = resolveDocumentArg(arg, corpus);
      if (source.file === '-') {
        source.file = join(temp, 'stdin.txt');
        writeFileSync(source.file, await readDocumentBytes('-', ws.maxBytes));
      }
      if (files.has(source.file)) continue;
      files.add(source.file);
      documents.push({ ...source, id: uniqueId(source.id, ids) });
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
    process.removeListener('SIGINT', interrupted);
    process.removeListener('SIGTERM', interrupted);
    cleanup();
  }
}
