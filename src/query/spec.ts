/**
 * A query as the CLI states it, checked and resolved: names to registry ids (through the
 * registry compiled into the store), words to stems, dates to comparable numbers. Repeated
 * values of one filter are alternatives (OR); different filters all apply (AND).
 */
import type { CompiledRegistry } from '../entities/compiled.js';
import type { NameIndex } from '../entities/entity-index.js';
import { resolveName } from '../entities/resolve.js';
import { UsageError } from '../util/errors.js';
import { stemSet } from '../util/dutch-words.js';
import { dayNumber, MODALITIES, ROW_TYPES, type RowType } from '../store/rows.js';

export type GroupBy = 'doc' | 'section' | 'actor' | 'instrument' | 'type';

export interface QuerySpec {
  actors: string[] | null;
  roles: string[] | null;
  instruments: string[] | null;
  /** Stems that must all occur (with --text). */
  stems: string[] | null;
  /** A literal phrase (--exact) or a regular expression (--regex) the text must contain. */
  pattern: RegExp | null;
  docs: Set<string> | null;
  kinds: Set<string> | null;
  sections: string[] | null;
  types: Set<number> | null;
  modalities: Set<number> | null;
  dueBefore: number | null;
  dueAfter: number | null;
  groupBy: GroupBy | null;
  count: boolean;
  limit: number | null;
  offset: number;
  kwic: number | null;
}

const list = (v: unknown): string[] | null => (Array.isArray(v) && v.length > 0 ? v.map(String) : typeof v === 'string' ? [v] : null);

function integer(name: string, v: unknown, min: number): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be a whole number of at least ${min}, not "${String(v)}"`);
  return n;
}

/** "2023" -> first/last day of 2023, "2023-06" -> of June 2023, "2023-06-30" -> that day. */
export function dateBound(name: string, value: string, edge: 'start' | 'end'): number {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value.trim());
  if (!m) throw new UsageError(`--${name} takes a date such as 2023, 2023-06 or 2023-06-30, not "${value}"`);
  const [, y, mo, d] = m;
  if (d) return dayNumber(`${y}-${mo}-${d}`);
  if (mo) return edge === 'start' ? dayNumber(`${y}-${mo}-01`) : dayNumber(`${y}-${mo}-31`);
  return edge === 'start' ? dayNumber(`${y}-01-01`) : dayNumber(`${y}-12-31`);
}

/**
 * What a query is resolved against (the store): its name index, its registry for parents, and
 * the stop words its term index left out, so a query's words are read as the texts were.
 */
export interface SpecSources {
  names(): NameIndex;
  registry(): CompiledRegistry;
  stopWords(): ReadonlySet<string>;
}

export function buildSpec(options: Record<string, unknown>, sources: SpecSources): QuerySpec {
  const { registry } = sources;
  let index: NameIndex | null = null;
  const resolve = (names: string[] | null, kind: 'actor' | 'instrument'): string[] | null => {
    if (!names) return null;
    index ??= sources.names();
    return names.map((name) => {
      const r = resolveName(index!, name);
      if (!r.ok) {
        const hint = r.suggestions.length ? `; did you mean ${r.suggestions.map((s) => `${s.entity} ("${s.name}")`).join(', ')}?` : '';
        throw new UsageError(`unknown ${kind} "${name}"${hint}`);
      }
      if (r.kind !== kind) throw new UsageError(`"${name}" is an ${r.kind} (${r.entity}), not an ${kind}; use --${r.kind}`);
      return r.entity;
    });
  };

  let actors = resolve(list(options.actor), 'actor');
  if (actors && options.descendants) actors = withDescendants(actors, registry());
  const text = list(options.text)?.join(' ') ?? null;
  if (options.exact && options.regex) throw new UsageError('--exact and --regex cannot be combined');
  if ((options.exact || options.regex) && !text) throw new UsageError('--exact and --regex go with --text');
  let pattern: RegExp | null = null;
  let stems: string[] | null = null;
  if (text && options.regex) {
    try {
      pattern = new RegExp(text, 'giu');
    } catch (error) {
      throw new UsageError(`--text is not a valid regular expression: ${(error as Error).message}`);
    }
  } else if (text && options.exact) {
    pattern = new RegExp(text.trim().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'giu');
    // The phrase's content words narrow the candidates; the pattern decides.
    stems = [...stemSet(text, sources.stopWords())];
  } else if (text) {
    stems = [...stemSet(text, sources.stopWords())];
    if (stems.length === 0) throw new UsageError(`--text "${text}" has no words to search for (only function words, which are not indexed)`);
  }

  const types = list(options.type);
  const modalities = list(options.modality);
  return {
    actors,
    roles: list(options.role),
    instruments: resolve(list(options.instrument), 'instrument'),
    stems,
    pattern,
    docs: list(options.doc) ? new Set(list(options.doc)) : null,
    kinds: list(options.kind) ? new Set(list(options.kind)) : null,
    sections: list(options.section),
    types: types ? new Set(types.map((t) => ROW_TYPES.indexOf(t as RowType))) : null,
    modalities: modalities ? new Set(modalities.map((m) => MODALITIES.indexOf(m as (typeof MODALITIES)[number]) + 1)) : null,
    dueBefore: typeof options.dueBefore === 'string' ? dateBound('due-before', options.dueBefore, 'start') : null,
    dueAfter: typeof options.dueAfter === 'string' ? dateBound('due-after', options.dueAfter, 'end') : null,
    groupBy: (options.groupBy as GroupBy | undefined) ?? null,
    count: options.count === true,
    limit: options.limit !== undefined ? integer('limit', options.limit, 0) : null,
    offset: options.offset !== undefined ? integer('offset', options.offset, 0) : 0,
    kwic: options.kwic === undefined ? null : options.kwic === true ? 6 : integer('kwic', options.kwic, 0),
  };
}

function withDescendants(ids: string[], registry: CompiledRegistry): string[] {
  const out = new Set(ids);
  for (let grew = true; grew; ) {
    grew = false;
    for (const e of registry.entities) {
      if (e.parent && out.has(e.parent) && !out.has(e.id)) {
        out.add(e.id);
        grew = true;
      }
    }
  }
  return [...out];
}
