/**
 * Output conventions of the CLI: data on stdout, diagnostics on stderr; human-readable text on a
 * terminal, JSON / JSON Lines / CSV for scripts (with field selection); colour only on a
 * terminal and never with NO_COLOR (chalk ignores NO_COLOR, so the level is set here).
 */
import type { ChalkInstance } from 'chalk';

export type Format = 'text' | 'json' | 'jsonl' | 'csv';

export interface OutputChoice {
  format: Format;
  /** Selected fields (dotted paths), or null for all. */
  fields: string[] | null;
}

/** The format asked for by --json/--jsonl/--csv (each optionally with a field list). */
export function outputChoice(options: Record<string, unknown>): OutputChoice {
  for (const format of ['json', 'jsonl', 'csv'] as const) {
    const value = options[format];
    if (value === undefined || value === false) continue;
    const fields = typeof value === 'string' ? value.split(',').map((f) => f.trim()).filter(Boolean) : null;
    return { format, fields };
  }
  return { format: 'text', fields: null };
}

export function colorEnabled(options: Record<string, unknown>, stream: NodeJS.WriteStream = process.stdout): boolean {
  const when = options.color ?? 'auto';
  if (when === 'always') return true;
  if (when === 'never') return false;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

/**
 * Without colour, every style is the identity (and chalk is not even loaded). It must not
 * answer `then`, or awaiting it would take it for a promise that never settles.
 */
const PLAIN: ChalkInstance = new Proxy(((s: unknown) => String(s)) as unknown as ChalkInstance, {
  get: (_target, key) => (key === 'then' ? undefined : key === 'level' ? 0 : PLAIN),
});

export async function painter(options: Record<string, unknown>, stream: NodeJS.WriteStream = process.stdout): Promise<ChalkInstance> {
  if (!colorEnabled(options, stream)) return PLAIN;
  const { Chalk } = await import('chalk');
  return new Chalk({ level: 1 });
}

/** A value at a dotted path ("section.number"). */
function pick(record: Record<string, unknown>, path: string): unknown {
  let value: unknown = record;
  for (const key of path.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

/** The chosen fields of one record (`--json id,section.number`), or the record itself. */
export function selectOne(record: object, fields: string[] | null): Record<string, unknown> {
  const r = record as Record<string, unknown>;
  return fields ? Object.fromEntries(fields.map((f) => [f, pick(r, f)])) : r;
}

/** Write to stdout; resolves when the data is handed to the OS (so large outputs are not cut). */
export function write(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(text, (error) => (error ? reject(error) : resolve()));
  });
}

export async function writeJson(value: unknown): Promise<void> {
  await write(`${JSON.stringify(value, null, 2)}\n`);
}

export async function writeJsonl(records: Iterable<unknown>): Promise<void> {
  let chunk = '';
  for (const r of records) {
    chunk += `${JSON.stringify(r)}\n`;
    if (chunk.length > 1 << 16) {
      await write(chunk);
      chunk = '';
    }
  }
  if (chunk) await write(chunk);
}

/** CSV with correct quoting (Dutch text with quotes, semicolons, newlines): csv-stringify. */
export async function toCsv(records: readonly Record<string, unknown>[], columns?: string[]): Promise<string> {
  const { stringify } = await import('csv-stringify/sync');
  const cols = columns ?? [...new Set(records.flatMap((r) => Object.keys(r)))];
  const rows = records.map((r) => cols.map((c) => cell(r[c])));
  return stringify(rows, { header: true, columns: cols, record_delimiter: '\n' });
}

function cell(value: unknown): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) return value.join(';');
  return JSON.stringify(value);
}

/**
 * Records for scripts, with the chosen fields: a JSON array, JSON Lines (streamed as the records
 * come), or CSV, where `flat` may first spread nested values over columns of their own. CSV
 * columns are `columns` when given (the same header whatever the records, and with none), else
 * the chosen fields or the keys of the records.
 */
export async function writeRecords(
  records: Iterable<object>,
  choice: OutputChoice,
  csv: { flat?: (r: Record<string, unknown>) => Record<string, unknown>; columns?: () => Promise<string[]> | string[] } = {},
): Promise<void> {
  const selected = (function* () {
    for (const r of records) yield selectOne(r, choice.fields);
  })();
  if (choice.format === 'jsonl') await writeJsonl(selected);
  else if (choice.format === 'csv') {
    const rows = [...selected];
    const { flat } = csv;
    const columns = csv.columns ? await csv.columns() : (choice.fields ?? undefined);
    await write(await toCsv(flat ? rows.map(flat) : rows, columns));
  } else await writeJson([...selected]);
}

/** Diagnostics and progress go to stderr. */
export function note(message: string): void {
  process.stderr.write(`${message}\n`);
}
