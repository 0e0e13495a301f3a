/**
 * The query index: the corpus is split into segments (documents by a hash of their id), and each
 * segment holds, in one binary file of 32-bit words, sorted posting lists of its rows per entity
 * (and per entity and role) and per word stem, followed by a fixed-size attribute record per row
 * (type, modality, deadline, section, line). Small JSON files name where each list starts.
 *
 * A query reads the dictionaries and the posting lists it needs and never parses a document;
 * the texts to show come from the stored documents, for the hits shown only.
 *
 * Beside them each segment keeps its input: one line per document with the document's postings
 * (see rows.ts), so that an ingest that changes one document rebuilds the segment from the lines
 * of the others without reading their documents again.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { DamagedStoreError } from './files.js';
import type { DocumentPostings } from './rows.js';
import { lastAtOrBefore } from '../util/search.js';

/** Words per row record: kind (type | modality << 8), due start, due end, section, line. */
export const ATTR_WORDS = 5;

export interface SegmentDoc {
  id: string;
  kind: string;
  /** The stored document (store-relative path), where the rows to show come from. */
  docFile: string;
  /** First segment-local row of the document. */
  rowStart: number;
  rowCount: number;
}

export interface SegmentMeta {
  rows: number;
  /** Entity ids (and "entity@role") with where their posting lists are in the binary file. */
  entities: StoredDictionary;
  /** Word offset of the row attribute records. */
  attrs: number;
}

export interface SegmentFiles {
  meta: string;
  /** Its documents (SegmentDoc[]), read only to place hits. */
  docs: string;
  terms: string;
  sections: string;
  bin: string;
  /** The postings of its documents, one line each: `"<id>"\t<DocumentPostings JSON>`. */
  input: string;
}

export const segmentFiles = (bucket: number): SegmentFiles => ({
  meta: `seg${bucket}.json`,
  docs: `seg${bucket}.docs.json`,
  terms: `seg${bucket}.terms.json`,
  sections: `seg${bucket}.sections.json`,
  bin: `seg${bucket}.bin`,
  input: `seg${bucket}.input.jsonl`,
});

/** One line of a segment input or spool. */
export function postingsLine(postings: DocumentPostings): string {
  return `${JSON.stringify(postings.doc)}\t${JSON.stringify(postings)}\n`;
}

/** The postings of a postings line. */
export function parsePostingsLine(line: string): DocumentPostings {
  return JSON.parse(line.slice(line.indexOf('\t') + 1)) as DocumentPostings;
}

/** The document id of a postings line, without parsing the rest. */
export function postingsLineId(line: string): string {
  return JSON.parse(line.slice(0, line.indexOf('\t'))) as string;
}

/**
 * Sorted keys and, two numbers per key, the word offset and length of its posting list. Two
 * arrays read back far faster than an object with a property per key.
 */
export interface StoredDictionary {
  keys: string[];
  at: number[];
}

/** Looks keys up in a stored dictionary by binary search. */
export function lookup(dictionary: StoredDictionary, key: string): [number, number] | undefined {
  const { keys, at } = dictionary;
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = keys[mid]!;
    if (k === key) return [at[2 * mid]!, at[2 * mid + 1]!];
    if (k < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

export interface BuiltSegment {
  meta: SegmentMeta;
  docs: SegmentDoc[];
  terms: StoredDictionary;
  sections: [string | null, string | null, string | null][];
  bin: Uint8Array;
}

/**
 * Builds one segment a document at a time, so that only the posting lists (not every row file of
 * the segment) are in memory while it is built.
 */
export class SegmentBuilder {
  private readonly entityLists = new Map<string, number[]>();
  private readonly termLists = new Map<string, number[]>();
  private readonly sectionIndex = new Map<string, number>();
  private readonly sections: [string | null, string | null, string | null][] = [];
  private attrs = new Uint32Array(1024 * ATTR_WORDS);
  private readonly docs: SegmentDoc[] = [];
  private row = 0;

  private static add(map: Map<string, number[]>, key: string, r: number): void {
    const list = map.get(key);
    if (list === undefined) map.set(key, [r]);
    else if (list[list.length - 1] !== r) list.push(r);
  }

  addDocument(postings: DocumentPostings, docFile: string): void {
    this.docs.push({ id: postings.doc, kind: postings.kind, docFile, rowStart: this.row, rowCount: postings.rows.length });
    for (const r of postings.rows) {
      const row = this.row++;
      for (const key of r.keys) SegmentBuilder.add(this.entityLists, key, row);
      for (const t of r.terms) SegmentBuilder.add(this.termLists, t, row);
      const sectionKey = `${postings.doc}\u0000${r.section[0] ?? ''}`;
      let section = this.sectionIndex.get(sectionKey);
      if (section === undefined) {
        section = this.sections.length;
        this.sectionIndex.set(sectionKey, section);
        this.sections.push(r.section);
      }
      if ((row + 1) * ATTR_WORDS > this.attrs.length) {
        const larger = new Uint32Array(this.attrs.length * 2);
        larger.set(this.attrs);
        this.attrs = larger;
      }
      const at = row * ATTR_WORDS;
      this.attrs[at] = r.kind;
      this.attrs[at + 1] = r.dueStart;
      this.attrs[at + 2] = r.dueEnd;
      this.attrs[at + 3] = section;
      this.attrs[at + 4] = r.line;
    }
  }

  finish(): BuiltSegment {
    let postings = 0;
    for (const list of this.entityLists.values()) postings += list.length;
    for (const list of this.termLists.values()) postings += list.length;
    const attrWords = this.row * ATTR_WORDS;
    const bin = new Uint32Array(postings + attrWords);
    let at = 0;
    const place = (map: Map<string, number[]>): StoredDictionary => {
      const keys = [...map.keys()].sort();
      const where: number[] = [];
      for (const key of keys) {
        const list = map.get(key)!;
        where.push(at, list.length);
        bin.set(list, at);
        at += list.length;
      }
      return { keys, at: where };
    };
    const entities = place(this.entityLists);
    const terms = place(this.termLists);
    bin.set(this.attrs.subarray(0, attrWords), at);
    return { meta: { rows: this.row, entities, attrs: at }, docs: this.docs, terms, sections: this.sections, bin: new Uint8Array(bin.buffer) };
  }
}

/** Reading side: lazy, one file descriptor, posting lists read by offset. */
export class SegmentReader {
  private fd: number | null = null;
  private attrCache: Uint32Array | null = null;
  private termsCache: StoredDictionary | null = null;
  private sectionsCache: [string | null, string | null, string | null][] | null = null;
  private rowStarts: number[] | null = null;
  private docsCache: SegmentDoc[] | null = null;

  constructor(
    private readonly dir: string,
    private readonly files: SegmentFiles,
    readonly meta: SegmentMeta,
    private readonly readJson: <T>(path: string) => T,
  ) {}

  private words(offset: number, count: number): Uint32Array {
    const out = new Uint32Array(count);
    if (count === 0) return out;
    this.fd ??= openSync(join(this.dir, this.files.bin), 'r');
    const bytes = new Uint8Array(out.buffer);
    let done = 0;
    while (done < bytes.length) {
      const n = readSync(this.fd, bytes, done, bytes.length - done, offset * 4 + done);
      if (n <= 0) throw new DamagedStoreError(`index segment ${this.files.bin} is shorter than its dictionary says`);
      done += n;
    }
    return out;
  }

  entityRows(key: string): Uint32Array {
    const at = lookup(this.meta.entities, key);
    return at ? this.words(at[0], at[1]) : new Uint32Array(0);
  }

  /** Every entity key of this segment (ids, "id@role"). */
  entityKeys(): readonly string[] {
    return this.meta.entities.keys;
  }

  termRows(stem: string): Uint32Array {
    this.termsCache ??= this.readJson<StoredDictionary>(join(this.dir, this.files.terms));
    const at = lookup(this.termsCache, stem);
    return at ? this.words(at[0], at[1]) : new Uint32Array(0);
  }

  attrs(): Uint32Array {
    this.attrCache ??= this.words(this.meta.attrs, this.meta.rows * ATTR_WORDS);
    return this.attrCache;
  }

  sections(): [string | null, string | null, string | null][] {
    this.sectionsCache ??= this.readJson<[string | null, string | null, string | null][]>(join(this.dir, this.files.sections));
    return this.sectionsCache;
  }

  /** The document and its row number of a segment-local row. */
  locate(row: number): { doc: SegmentDoc; index: number } {
    this.docsCache ??= this.readJson<SegmentDoc[]>(join(this.dir, this.files.docs));
    this.rowStarts ??= this.docsCache.map((d) => d.rowStart);
    const doc = this.docsCache[Math.max(0, lastAtOrBefore(this.rowStarts, row))]!;
    return { doc, index: row - doc.rowStart };
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}
