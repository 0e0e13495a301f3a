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
  docs: SegmentDoc[];
  rows: number;
  /** Entity id (or "entity@role") -> [word offset, count] in the binary file. */
  entities: Record<string, [number, number]>;
  /** Word offset of the row attribute records. */
  attrs: number;
}

export interface SegmentFiles {
  meta: string;
  terms: string;
  sections: string;
  bin: string;
  /** The postings of its documents, one line each: `"<id>"\t<DocumentPostings JSON>`. */
  input: string;
}

export const segmentFiles = (bucket: number): SegmentFiles => ({
  meta: `seg${bucket}.json`,
  terms: `seg${bucket}.terms.json`,
  sections: `seg${bucket}.sections.json`,
  bin: `seg${bucket}.bin`,
  input: `seg${bucket}.input.jsonl`,
});

/** The spool a parse appends a bucket's new postings lines to, until its segment is built. */
export const spoolFile = (bucket: number): string => `seg${bucket}.new.jsonl`;

/** One line of a segment input or spool. */
export function postingsLine(postings: DocumentPostings): string {
  return `${JSON.stringify(postings.doc)}\t${JSON.stringify(postings)}\n`;
}

/** The document id of a postings line, without parsing the rest. */
export function postingsLineId(line: string): string {
  return JSON.parse(line.slice(0, line.indexOf('\t'))) as string;
}

export interface BuiltSegment {
  meta: SegmentMeta;
  terms: Record<string, [number, number]>;
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
    const place = (map: Map<string, number[]>) => {
      const dict: Record<string, [number, number]> = {};
      for (const key of [...map.keys()].sort()) {
        const list = map.get(key)!;
        dict[key] = [at, list.length];
        bin.set(list, at);
        at += list.length;
      }
      return dict;
    };
    const entities = place(this.entityLists);
    const terms = place(this.termLists);
    bin.set(this.attrs.subarray(0, attrWords), at);
    return { meta: { docs: this.docs, rows: this.row, entities, attrs: at }, terms, sections: this.sections, bin: new Uint8Array(bin.buffer) };
  }
}

/** Reading side: lazy, one file descriptor, posting lists read by offset. */
export class SegmentReader {
  private fd: number | null = null;
  private attrCache: Uint32Array | null = null;
  private termsCache: Record<string, [number, number]> | null = null;
  private sectionsCache: [string | null, string | null, string | null][] | null = null;
  private rowStarts: number[] | null = null;

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
    const at = this.meta.entities[key];
    return at ? this.words(at[0], at[1]) : new Uint32Array(0);
  }

  termRows(stem: string): Uint32Array {
    this.termsCache ??= this.readJson<Record<string, [number, number]>>(join(this.dir, this.files.terms));
    const at = this.termsCache[stem];
    return at ? this.words(at[0], at[1]) : new Uint32Array(0);
  }

  /** Every term of this segment (for prefix or regex expansion). */
  termKeys(): string[] {
    this.termsCache ??= this.readJson<Record<string, [number, number]>>(join(this.dir, this.files.terms));
    return Object.keys(this.termsCache);
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
    this.rowStarts ??= this.meta.docs.map((d) => d.rowStart);
    const doc = this.meta.docs[Math.max(0, lastAtOrBefore(this.rowStarts, row))]!;
    return { doc, index: row - doc.rowStart };
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}
