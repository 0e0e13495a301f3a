/**
 * Reading the store for query, diff and export, without loading the parsing machinery: the
 * freshness check compares file sizes and times and the data files' hash; only when something
 * changed does the caller run an ingest.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import type { Document } from '../document/model.js';
import type { CompiledRegistry } from '../entities/compiled.js';
import { nameIndexOf, type NameIndex, type StoredNameIndex } from '../entities/entity-index.js';
import { isCorpusTextFile } from '../document/corpus-files.js';
import { currentDataHash, dataFiles } from '../document/data-hash.js';
import { DamagedStoreError, readJson } from './files.js';

export { DamagedStoreError };
import { paths, STORE_FORMAT, type DocEntry, type Freshness, type GenerationIndex, type SegmentEntry, type StoreRoot } from './layout.js';
import { documentRows, type Row } from './rows.js';
import { SegmentReader, type SegmentMeta } from './segments.js';

export class StoreReader {
  readonly segments: SegmentReader[];
  private documentsCache: DocEntry[] | null = null;
  private byIdCache: Map<string, DocEntry> | null = null;
  private registryCache: CompiledRegistry | null = null;
  private namesCache: NameIndex | null = null;
  private stopWordsCache: ReadonlySet<string> | null = null;
  /** Rows of the documents read last (hits come in document order, so a few suffice). */
  private readonly rowsCache = new Map<string, Row[]>();

  constructor(
    readonly dir: string,
    readonly index: GenerationIndex,
    metas: SegmentMeta[],
  ) {
    const p = paths(dir);
    this.segments = index.segments.map((s, i) => new SegmentReader(p.generationDir(s.generation), s.files, metas[i]!, readJsonOrThrow));
  }

  documents(): DocEntry[] {
    this.documentsCache ??= readJsonOrThrow<DocEntry[]>(paths(this.dir).documents(this.index.generation));
    return this.documentsCache;
  }

  documentEntry(id: string): DocEntry | undefined {
    this.byIdCache ??= new Map(this.documents().map((d) => [d.id, d]));
    return this.byIdCache.get(id);
  }

  /** The names of the registry's entities, for resolving what a user typed. */
  names(): NameIndex {
    this.namesCache ??= nameIndexOf(readJsonOrThrow<StoredNameIndex>(paths(this.dir).names(this.index.generation)));
    return this.namesCache;
  }

  /** The words the term index leaves out. */
  stopWords(): ReadonlySet<string> {
    this.stopWordsCache ??= new Set(this.index.stopWords);
    return this.stopWordsCache;
  }

  registry(): CompiledRegistry {
    this.registryCache ??= readJsonOrThrow<CompiledRegistry>(paths(this.dir).registry(this.index.generation));
    return this.registryCache;
  }

  /** The rows of a stored document (by its store-relative file), in index order. */
  rows(docFile: string): Row[] {
    let rows = this.rowsCache.get(docFile);
    if (!rows) {
      rows = documentRows(readJsonOrThrow<Document>(paths(this.dir).file(docFile)));
      if (this.rowsCache.size >= 16) this.rowsCache.delete(this.rowsCache.keys().next().value!);
      this.rowsCache.set(docFile, rows);
    }
    return rows;
  }

  document(id: string): Document {
    const entry = this.documentEntry(id);
    if (!entry) throw new Error(`no document ${id} in the store`);
    return readJsonOrThrow<Document>(paths(this.dir).file(entry.docFile));
  }

  close(): void {
    for (const s of this.segments) s.close();
  }
}

function readJsonOrThrow<T>(path: string): T {
  const r = readJson<T>(path);
  if (!r.ok) throw new DamagedStoreError(`${path} is ${r.reason}`);
  return r.value;
}

export const OTHER_VERSION = 'written by another version of smuggle-corpus';

/** The current generation named by store.json, or why there is none. */
export function readRoot(storeDir: string): { root: StoreRoot; reason: '' } | { root: null; reason: string } {
  const root = readJson<StoreRoot>(paths(storeDir).root);
  if (!root.ok) return { root: null, reason: `store.json ${root.reason}` };
  if (root.value.format !== STORE_FORMAT) return { root: null, reason: OTHER_VERSION };
  if (!Number.isInteger(root.value.generation)) return { root: null, reason: 'store.json names no generation' };
  return { root: root.value, reason: '' };
}

/** Is a segment's index file there, whole? */
export function segmentIntact(storeDir: string, s: SegmentEntry): boolean {
  return statSync(join(paths(storeDir).generationDir(s.generation), s.files.bin), { throwIfNoEntry: false })?.size === s.binBytes;
}

/** The committed store, or null when there is none or it cannot be read. */
export function openStore(storeDir: string): StoreReader | null {
  const p = paths(storeDir);
  const { root } = readRoot(storeDir);
  if (!root) return null;
  const index = readJson<GenerationIndex>(p.index(root.generation));
  if (!index.ok) return null;
  const metas: SegmentMeta[] = [];
  for (const s of index.value.segments) {
    const meta = readJson<SegmentMeta>(join(p.generationDir(s.generation), s.files.meta));
    if (!meta.ok || !segmentIntact(storeDir, s)) return null;
    metas.push(meta.value);
  }
  return new StoreReader(storeDir, index.value, metas);
}

/**
 * Is the store up to date with the corpus and the data files? Checks the manifest's and every
 * source's size and modification time, new text files in the corpus folder, and the data files
 * (registry, lexicons): by their stamps, and by their hash only when a stamp changed.
 */
export function isFresh(storeDir: string, corpusDir: string, registryPaths: readonly string[]): boolean {
  const { root } = readRoot(storeDir);
  if (!root) return false;
  const f = readJson<Freshness>(paths(storeDir).freshness(root.generation));
  if (!f.ok || !Array.isArray(f.value.data) || !Array.isArray(f.value.stamps)) return false;
  const fresh = f.value;
  const dir = resolve(corpusDir);
  if (dir !== fresh.corpusDir) return false;
  if (!sameStamp(join(dir, 'manifest.yaml'), fresh.manifest)) return false;
  const { files, stamps } = fresh;
  // Joined by hand: path.join normalises, which cost more than the stat on a large corpus.
  const prefix = dir.endsWith(sep) ? dir : dir + sep;
  for (let i = 0; i < files.length; i++) {
    const s = statSync(prefix + files[i], { throwIfNoEntry: false });
    if (!s || s.size !== stamps[2 * i] || s.mtimeMs !== stamps[2 * i + 1]) return false;
  }
  const known = new Set(files);
  for (const name of readdirSync(dir)) {
    if (isCorpusTextFile(name) && !known.has(name)) return false;
  }
  const data = dataFiles(registryPaths);
  if (data.length === fresh.data.length && data.every((file, i) => file === fresh.data[i]![0] && sameStamp(file, [fresh.data[i]![1], fresh.data[i]![2]]))) return true;
  return currentDataHash(registryPaths) === fresh.dataHash;
}

/** Whether a file has this size and modification time (null: the file does not exist). */
function sameStamp(file: string, expected: readonly [number, number] | null): boolean {
  const s = statSync(file, { throwIfNoEntry: false });
  if (!s) return expected === null;
  return expected !== null && s.size === expected[0] && s.mtimeMs === expected[1];
}

