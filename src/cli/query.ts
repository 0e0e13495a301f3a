/**
 * `smuggle-corpus query`: find elements by actor, instrument, words, section, type, modality and
 * deadline across the corpus. Exit 0 with hits, 1 without, 2 on error (as grep and ripgrep).
 * The store is built or refreshed first when the corpus or the data files changed; a --doc that
 * names a file or `-` asks that document, parsed on the fly.
 */
import type { ChalkInstance } from 'chalk';
import { countHits, findHits, groupHits, hitRecord } from '../query/run.js';
import type { QueryHit } from '../query/result.js';
import { buildSpec, type QuerySpec } from '../query/spec.js';
import { tokens, type Token } from '../util/dutch-words.js';
import { outputChoice, painter, write, writeRecords } from './output.js';
import { withDocumentsStore } from './store-access.js';
import { workspace } from './workspace.js';

export async function runQuery(_args: string[], options: Record<string, unknown>): Promise<number> {
  return withDocumentsStore(workspace(options), async (store, docs) => {
    const spec = buildSpec({ ...options, doc: docs ? [...docs] : undefined }, store);
    const choice = outputChoice(options);
    if (spec.count) {
      const count = countHits(store, spec);
      await write(choice.format === 'json' ? `${JSON.stringify({ count })}\n` : `${count}\n`);
      return count > 0 ? 0 : 1;
    }
    const hits = findHits(store, spec);
    if (spec.groupBy) {
      const groups = groupHits(store, hits, spec.groupBy).map((g) => ({ [spec.groupBy!]: g.key, count: g.count }));
      if (choice.format === 'text') {
        const c = await painter(options);
        await write(groups.map((g) => `${String(g.count).padStart(6)}  ${c.bold(String(g[spec.groupBy!]))}\n`).join(''));
      } else await writeRecords(groups, choice, { columns: () => choice.fields ?? [spec.groupBy!, 'count'] });
    } else {
      const page = hits.slice(spec.offset, spec.limit === null ? undefined : spec.offset + spec.limit);
      const records = (function* () {
        for (const h of page) yield hitRecord(store, h, spec);
      })();
      if (choice.format === 'text') await writeListing(records, spec, await painter(options));
      else await writeRecords(records, choice, { flat: sectionColumns, columns: () => hitColumns(choice.fields) });
    }
    return hits.length > 0 ? 0 : 1;
  });
}

/** The CSV columns of hits: those of the published result (or the chosen fields), the section as two. */
async function hitColumns(fields: string[] | null): Promise<string[]> {
  const { QueryHit } = await import('../query/result.js');
  const keys = fields ?? Object.keys(QueryHit.shape);
  return [...keys.filter((k) => k !== 'section'), ...(keys.includes('section') ? ['sectionNumber', 'sectionTitle'] : [])];
}

/** In CSV, a hit's section is two columns. */
function sectionColumns(record: Record<string, unknown>): Record<string, unknown> {
  const { section, ...rest } = record as { section?: QueryHit['section'] } & Record<string, unknown>;
  return section ? { ...rest, sectionNumber: section.number, sectionTitle: section.title } : rest;
}

async function writeListing(records: Iterable<QueryHit>, spec: QuerySpec, c: ChalkInstance): Promise<void> {
  let out = '';
  for (const r of records) {
    const where = `${c.magenta(r.doc)}:${c.green(String(r.line))}`;
    const section = r.section.number || r.section.title ? ` ${c.dim(`§ ${[r.section.number, r.section.title].filter(Boolean).join(' ')}`)}` : '';
    if (spec.kwic !== null) {
      const words = tokens(r.text);
      for (const [s, e] of r.matches.length ? r.matches : [[0, 0] as [number, number]]) out += `${where} ${c.dim(r.type.padEnd(9))} ${kwic(r.text, words, s, e, spec.kwic, c)}\n`;
    } else {
      const extra = r.type === 'action' ? c.dim(` · ${r.modality}${r.deadline ? ` · due ${r.deadline.text}` : ''}`) : '';
      out += `${where} ${c.cyan(r.type)}${section}${extra}\n  ${highlight(r.text, r.matches, c)}\n`;
    }
    if (out.length > 1 << 16) {
      await write(out);
      out = '';
    }
  }
  if (out) await write(out);
}

function highlight(text: string, ranges: [number, number][], c: ChalkInstance): string {
  let out = '';
  let at = 0;
  for (const [s, e] of ranges) {
    if (s < at) continue;
    out += text.slice(at, s) + c.bold.red(text.slice(s, e));
    at = e;
  }
  return out + text.slice(at);
}

/** The match with `n` words of context on either side. */
function kwic(text: string, words: readonly Token[], start: number, end: number, n: number, c: ChalkInstance): string {
  const before = words.filter((w) => w.end <= start);
  const after = words.filter((w) => w.start >= end);
  const from = before.length > n ? before[before.length - n]!.start : 0;
  const to = after.length > n ? after[n - 1]!.end : text.length;
  const left = text.slice(from, start).replace(/\s+/g, ' ');
  const right = text.slice(end, to).replace(/\s+/g, ' ');
  return `${from > 0 ? '…' : ''}${left}${c.bold.red(text.slice(start, end))}${right}${to < text.length ? '…' : ''}`;
}
