/**
 * Running a query against the store: candidate rows from the posting lists of the index (actors,
 * instruments, word stems), narrowed by the per-row attributes (type, modality, deadline,
 * section, document, kind); only a literal phrase or a regular expression reads row texts, and
 * only of the candidates.
 */
import { sectionMatches, ROW_TYPES, type Row } from '../store/rows.js';
import type { StoreReader } from '../store/reader.js';
import { ATTR_WORDS, type SegmentReader } from '../store/segments.js';
import type { QuerySpec } from './spec.js';
import { stemOf, tokens } from '../util/dutch-words.js';
import type { QueryHit } from './result.js';

export interface HitRef {
  segment: number;
  row: number;
  /** Position of the document in the corpus, then of the row in the document. */
  order: number;
  index: number;
}

export function findHits(store: StoreReader, spec: QuerySpec): HitRef[] {
  const docOrder = new Map(store.index.order.map((id, i) => [id, i]));
  const hits: HitRef[] = [];
  store.segments.forEach((seg, s) => {
    for (const row of candidates(seg, spec)) {
      const { doc, index } = seg.locate(row);
      if (spec.docs && !spec.docs.has(doc.id)) continue;
      if (spec.kinds && !spec.kinds.has(doc.kind)) continue;
      if (!attributesMatch(seg, row, spec)) continue;
      if (spec.pattern) {
        const text = store.rows(doc.docFile)[index]!.text;
        spec.pattern.lastIndex = 0;
        if (!spec.pattern.test(text)) continue;
      }
      hits.push({ segment: s, row, order: docOrder.get(doc.id) ?? Number.MAX_SAFE_INTEGER, index });
    }
  });
  return hits.sort((a, b) => a.order - b.order || a.index - b.index);
}

/**
 * The number of hits, from the posting lists alone when only actors, roles, instruments and
 * words narrow the query (nothing to place in a document or to check per row).
 */
export function countHits(store: StoreReader, spec: QuerySpec): number {
  if (spec.docs || spec.kinds || spec.pattern || needsAttributes(spec)) return findHits(store, spec).length;
  let count = 0;
  for (const seg of store.segments) {
    const rows = candidates(seg, spec);
    count += rows instanceof Uint32Array ? rows.length : seg.meta.rows;
  }
  return count;
}

function union(lists: Uint32Array[]): Uint32Array {
  if (lists.length === 1) return lists[0]!;
  const set = new Set<number>();
  for (const l of lists) for (const r of l) set.add(r);
  return Uint32Array.from([...set].sort((a, b) => a - b));
}

function intersect(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      out.push(a[i]!);
      i++;
      j++;
    }
  }
  return Uint32Array.from(out);
}

/** Rows the index says may match, in row order (every row when nothing narrows them). */
function candidates(seg: SegmentReader, spec: QuerySpec): Iterable<number> {
  const sets: Uint32Array[] = [];
  if (spec.actors || spec.roles) {
    const keys = spec.actors
      ? spec.actors.flatMap((a) => (spec.roles ? spec.roles.map((r) => `${a}@${r}`) : [a]))
      : seg.entityKeys().filter((k) => spec.roles!.some((r) => k.endsWith(`@${r}`)));
    sets.push(union(keys.map((k) => seg.entityRows(k))));
  }
  if (spec.instruments) sets.push(union(spec.instruments.map((i) => seg.entityRows(i))));
  if (spec.stems) for (const stem of spec.stems) sets.push(seg.termRows(stem));
  if (sets.length === 0) return range(seg.meta.rows);
  return sets.reduce(intersect);
}

function* range(n: number): Iterable<number> {
  for (let i = 0; i < n; i++) yield i;
}

/** Does the query filter on the per-row attributes (type, modality, deadline, section)? */
function needsAttributes(spec: QuerySpec): boolean {
  return spec.types !== null || spec.modalities !== null || spec.dueBefore !== null || spec.dueAfter !== null || spec.sections !== null;
}

function attributesMatch(seg: SegmentReader, row: number, spec: QuerySpec): boolean {
  if (!needsAttributes(spec)) return true;
  const a = seg.attrs();
  const at = row * ATTR_WORDS;
  const kind = a[at]!;
  if (spec.types && !spec.types.has(kind & 0xff)) return false;
  if (spec.modalities && !spec.modalities.has(kind >> 8)) return false;
  const dueStart = a[at + 1]!;
  const dueEnd = a[at + 2]!;
  if (spec.dueBefore !== null && (dueEnd === 0 || dueEnd >= spec.dueBefore)) return false;
  if (spec.dueAfter !== null && (dueStart === 0 || dueStart <= spec.dueAfter)) return false;
  if (spec.sections) {
    const number = seg.sections()[a[at + 3]!]?.[1] ?? null;
    if (!spec.sections.some((s) => sectionMatches(number, s))) return false;
  }
  return true;
}

/** Count hits by a key without reading row texts, but for actor and instrument groups. */
export function groupHits(store: StoreReader, hits: HitRef[], by: NonNullable<QuerySpec['groupBy']>): { key: string; count: number }[] {
  const counts = new Map<string, number>();
  const bump = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const h of hits) {
    const seg = store.segments[h.segment]!;
    const { doc, index } = seg.locate(h.row);
    if (by === 'doc') bump(doc.id);
    else if (by === 'type') bump(ROW_TYPES[seg.attrs()[h.row * ATTR_WORDS]! & 0xff]!);
    else if (by === 'section') {
      const section = seg.sections()[seg.attrs()[h.row * ATTR_WORDS + 3]!];
      bump(`${doc.id} ${section?.[1] ?? ''} ${section?.[2] ?? '(no section)'}`.replace(/\s+/g, ' ').trim());
    } else {
      const row = store.rows(doc.docFile)[index]!;
      for (const id of by === 'actor' ? row.actors : row.instruments) bump(id);
    }
  }
  return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** The full record of a hit, with the ranges of the text that matched the query. */
export function hitRecord(store: StoreReader, h: HitRef, spec: QuerySpec): QueryHit {
  const seg = store.segments[h.segment]!;
  const { doc } = seg.locate(h.row);
  const row = store.rows(doc.docFile)[h.index]!;
  const entry = store.documentEntry(doc.id);
  const hit: QueryHit = {
    doc: doc.id,
    title: entry?.title ?? null,
    file: entry?.display ?? null,
    id: row.id,
    type: row.type,
    section: row.section,
    line: row.line,
    endLine: row.endLine,
    text: row.text,
    actors: row.actors,
    instruments: row.instruments,
    matches: matchRanges(row, spec),
  };
  if (row.type === 'action') {
    hit.roles = row.roles.map(([entity, role]) => ({ entity, role }));
    hit.modality = row.modality ?? 'statement';
    hit.deadline = row.deadline;
    hit.leadIn = row.leadIn;
  }
  return hit;
}

function matchRanges(row: Row, spec: QuerySpec): [number, number][] {
  const ranges: [number, number][] = [];
  const wanted = new Set([...(spec.actors ?? []), ...(spec.instruments ?? [])]);
  for (const [start, end, entity] of row.mentions) if (wanted.has(entity)) ranges.push([start, end]);
  if (spec.pattern) {
    spec.pattern.lastIndex = 0;
    for (const m of row.text.matchAll(spec.pattern)) if (m[0].length > 0) ranges.push([m.index, m.index + m[0].length]);
  } else if (spec.stems) {
    const stems = new Set(spec.stems);
    for (const t of tokens(row.text)) if (stems.has(stemOf(t.word))) ranges.push([t.start, t.end]);
  }
  // Words of one phrase ("financieel onderzoek") make one range.
  const merged: [number, number][] = [];
  for (const r of ranges.sort((a, b) => a[0] - b[0])) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1] + 1 && row.text.slice(last[1], r[0]).trim() === '') last[1] = Math.max(last[1], r[1]);
    else if (!last || r[0] >= last[1]) merged.push([r[0], r[1]]);
  }
  return merged;
}
