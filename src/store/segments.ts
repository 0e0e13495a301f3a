/**
 * The query index: the corpus is split into segments (documents by a hash of their id), and each
 * segment holds, in one binary file of 32-bit words, sorted posting lists of its rows per entity
 * (and per entity and role) and per word stem, followed by a fixed-size attribute record per row
 * (type, modality, deadline, section, line). Small JSON files name where each list starts.
 *
 * A query reads the dictionaries and the posting lists it needs and never parses a document;
 * the texts to show come from the per-document row files, for the hits shown only.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { DamagedStoreError } from './files.js';
import { MODALITIES, ROW_TYPES, type Row, type RowsFile } from './rows.js';
import { lastAtOrBefore } from '../util/search.js';

/** Words per row record: kind (type | modality << 8), due start, due end, section, line. */
export const ATTR_WORDS = 5;

export interface SegmentDoc {
  id: string;
  kind: string;
  rowsFile: string;
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
}

export const segmentFiles = (bucket: number): SegmentFiles => ({
  meta: `seg${bucket}.json`,
  terms: `seg${bucket}.terms.json`,
  sections: `seg${bucket}.sections.json`,
  bin: `seg${bucket}.bin`,
});

/** An ISO date (or its prefix) as a comparable yyyymmdd number. */
export function dayNumber(iso: string): number {
  const [y, m = '01', d = '01'] = iso.split('-');
  return Number(y) * 10000 + Number(m) * 100 + Number(d);
}

export interface BuiltSegment {
  meta: SegmentMeta;
  terms: Record<string, [number, number]>;
  sections: [string | null, string | null, string | null][];
  bin: Uint8Array;
}

export function buildSegment(files: { kind: string; rowsFile: string; rows: RowsFile }[]): BuiltSegment {
  const entityLists = new Map<string, number[]>();
  const termLists = new Map<string, number[]>();
  const sectionIndex = new Map<string, number>();
  const sections: [string | null, string | null, string | null][] = [];
  const attrs: number[] = [];
  const docs: SegmentDoc[] = [];
  let row = 0;
  const add = (map: Map<string, number[]>, key: string, r: number) => {
    const list = map.get(key);
    if (list === undefined) map.set(key, [r]);
    else if (list[list.length - 1] !== r) list.push(r);
  };

  for (const { kind, rowsFile, rows } of files) {
    docs.push({ id: rows.doc, kind, rowsFile, rowStart: row, rowCount: rows.rows.length });
    for (const r of rows.rows) {
      for (const a of r.actors) add(entityLists, a, row);
      for (const [a, role] of r.roles) add(entityLists, `${a}@${role}`, row);
      for (const i of r.instruments) add(entityLists, i, row);
      for (const t of r.terms) add(termLists, t, row);
      const key = `${rows.doc}\u0000${r.section.id ?? ''}`;
      let s = sectionIndex.get(key);
      if (s === undefined) {
        s = sections.length;
        sectionIndex.set(key, s);
        sections.push([r.section.id, r.section.number, r.section.title]);
      }
      attrs.push(...rowAttrs(r, s));
      row++;
    }
  }

  const words: number[] = [];
  const place = (map: Map<string, number[]>) => {
    const dict: Record<string, [number, number]> = {};
    for (const key of [...map.keys()].sort()) {
      const list = map.get(key)!;
      dict[key] = [words.length, list.length];
      for (const r of list) words.push(r);
    }
    return dict;
  };
  const entities = place(entityLists);
  const terms = place(termLists);
  const attrOffset = words.length;
  const bin = new Uint32Array(words.length + attrs.length);
  bin.set(words, 0);
  bin.set(attrs, attrOffset);
  return { meta: { docs, rows: row, entities, attrs: attrOffset }, terms, sections, bin: new Uint8Array(bin.buffer) };
}

function rowAttrs(r: Row, section: number): number[] {
  const type = ROW_TYPES.indexOf(r.type);
  const modality = r.modality ? MODALITIES.indexOf(r.modality) + 1 : 0;
  return [type | (modality << 8), r.deadline ? dayNumber(r.deadline.start) : 0, r.deadline ? dayNumber(r.deadline.end) : 0, section, r.line];
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
