/**
 * What is where in the store folder (default `.smuggle-corpus/` next to the corpus):
 *
 *   store.json                     the commit point: which generation is current
 *   docs/<id>.<key>.json           a parsed document (the typed model)
 *   index/g<n>/index.json          generation n: segments, buckets, data hashes
 *   index/g<n>/documents.json      the documents of generation n, with their source files
 *   index/g<n>/freshness.json      sizes and times of the sources, to see when to refresh
 *   index/g<n>/registry.json       the compiled registry
 *   index/g<n>/names.json          its names, ready for resolving --actor and --instrument
 *   index/g<m>/seg<k>.*            index segments (a segment may live in an older generation),
 *                                  with the postings of their documents (seg<k>.input.jsonl)
 *   lock                           held by the ingest that is writing
 *
 * Document files are named by a key over the source's sha256, the parser version and the data
 * hash, so a new generation never overwrites a file the current one reads; store.json is replaced
 * atomically last, so a run killed at any point leaves the previous store intact.
 */
import { join } from 'node:path';
import { fnv1a } from '../util/hash.js';
import type { Stats } from '../document/model.js';
import type { SegmentFiles } from './segments.js';

/**
 * 2: postings in segment inputs instead of per-document row files; 3: data file stamps, segment
 * documents apart, dictionaries as sorted arrays; 4: the index's stop words recorded.
 */
export const STORE_FORMAT = 4;

export interface StoreRoot {
  format: typeof STORE_FORMAT;
  generation: number;
}

export interface DocEntry {
  id: string;
  /** Absolute path of the source. */
  source: string;
  display: string;
  size: number;
  mtimeMs: number;
  /** The manifest entry it was parsed with (a changed entry means parsing again). */
  manifestKey: string;
  sha256: string;
  /** Content key of the stored files. */
  key: string;
  docFile: string;
  bucket: number;
  kind: string;
  title: string | null;
  date: string | null;
  reference: string | null;
  stats: Stats;
  errors: number;
  warnings: number;
}

export interface SegmentEntry {
  bucket: number;
  /** The generation folder the segment's files are in. */
  generation: number;
  files: SegmentFiles;
  docs: number;
  rows: number;
  /** Byte size of the binary file, to detect truncation. */
  binBytes: number;
}

export interface GenerationIndex {
  format: typeof STORE_FORMAT;
  generation: number;
  tool: string;
  parserVersion: string;
  dataHash: string;
  registryHash: string;
  corpusDir: string;
  buckets: number;
  segments: SegmentEntry[];
  /** Document ids in corpus order, for ordering results. */
  order: string[];
  /** The function words the term index leaves out; a query's words are read with the same list. */
  stopWords: string[];
}

export interface Freshness {
  corpusDir: string;
  manifest: [number, number] | null;
  /** Every document source, as a path relative to corpusDir. */
  files: string[];
  /** Their sizes and modification times, two numbers per file (fewer objects to read back). */
  stamps: number[];
  /** [path, size, mtimeMs] of the data files (registry, lexicons): unchanged ones need no hashing. */
  data: [string, number, number][];
  dataHash: string;
}

export const paths = (storeDir: string) => ({
  root: join(storeDir, 'store.json'),
  generationDir: (g: number) => join(storeDir, 'index', `g${g}`),
  index: (g: number) => join(storeDir, 'index', `g${g}`, 'index.json'),
  documents: (g: number) => join(storeDir, 'index', `g${g}`, 'documents.json'),
  freshness: (g: number) => join(storeDir, 'index', `g${g}`, 'freshness.json'),
  registry: (g: number) => join(storeDir, 'index', `g${g}`, 'registry.json'),
  names: (g: number) => join(storeDir, 'index', `g${g}`, 'names.json'),
  file: (relative: string) => join(storeDir, relative),
});

/** Documents go to buckets by a hash of their id, so an edit rebuilds one segment only. */
export function bucketOf(id: string, buckets: number): number {
  return fnv1a(id) % buckets;
}

/** About this much source text per segment. */
export const SEGMENT_BYTES = 16 * 1024 * 1024;

export function bucketCount(totalBytes: number, segmentBytes = SEGMENT_BYTES): number {
  return Math.max(1, Math.min(256, Math.ceil(totalBytes / segmentBytes)));
}
