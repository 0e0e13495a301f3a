/**
 * A dataset for researchers: the full typed documents, one flat table per record type as JSON
 * Lines (and CSV on request), the JSON Schema of every file, and a manifest with the schema and
 * tool versions, the registry's and each source's sha256 and the record counts.
 *
 * Deterministic: the same corpus and registry give byte-identical files (no timestamps, stable
 * order), so datasets can be diffed and cited. Written atomically: into a temporary folder
 * that replaces the target only when complete.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Document } from '../document/model.js';
import { SCHEMA_VERSION } from '../document/model.js';
import type { CompiledRegistry } from '../entities/compiled.js';
import { UsageError } from '../util/errors.js';
import { packageRoot } from '../util/paths.js';
import { TABLES, tableRows, type TableName } from './tables.js';
import { sha256Hex } from '../util/hash.js';

export interface DatasetManifest {
  schemaVersion: string;
  tool: { name: string; version: string };
  registry: { sha256: string };
  sources: { id: string; file: string; sha256: string }[];
  documents: { file: string; schema: string; count: number; sha256: string };
  tables: Record<string, { file: string; csv: string | null; schema: string; rows: number; sha256: string }>;
}

export const MANIFEST = 'manifest.json';
export const DOCUMENTS_FILE = 'documents.json';
export const DOCUMENT_SCHEMA = 'schemas/document.schema.json';

export interface DatasetOptions {
  csv: boolean;
  toolVersion: string;
  toCsv: (rows: readonly Record<string, unknown>[], columns: string[]) => Promise<string>;
}

/** The files of a dataset, by relative path. */
export async function datasetFiles(docs: readonly Document[], registry: CompiledRegistry, options: DatasetOptions): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const documentsText = `[\n${docs.map((d) => JSON.stringify(d)).join(',\n')}\n]\n`;
  files.set(DOCUMENTS_FILE, documentsText);
  files.set(DOCUMENT_SCHEMA, readFileSync(join(packageRoot, 'schemas', 'document.schema.json'), 'utf8'));
  const rows = tableRows(docs, registry);
  const tables: DatasetManifest['tables'] = {};
  for (const name of Object.keys(TABLES) as TableName[]) {
    const list = rows[name] as Record<string, unknown>[];
    const file = `${name}.jsonl`;
    const text = list.map((r) => JSON.stringify(r)).join('\n') + (list.length ? '\n' : '');
    files.set(file, text);
    const schema = `schemas/table-${name}.schema.json`;
    files.set(schema, readFileSync(join(packageRoot, 'schemas', `table-${name}.schema.json`), 'utf8'));
    let csv: string | null = null;
    if (options.csv) {
      csv = `${name}.csv`;
      files.set(csv, await options.toCsv(list, Object.keys(TABLES[name].shape)));
    }
    tables[name] = { file, csv, schema, rows: list.length, sha256: sha256Hex(text) };
  }
  const manifest: DatasetManifest = {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'smuggle-corpus', version: options.toolVersion },
    registry: { sha256: registry.hash },
    sources: docs.map((d) => ({ id: d.id, file: basename(d.source.path), sha256: d.source.sha256 })),
    documents: { file: DOCUMENTS_FILE, schema: DOCUMENT_SCHEMA, count: docs.length, sha256: sha256Hex(documentsText) },
    tables,
  };
  files.set(MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
  return files;
}

/**
 * Write the files into `out`, which must not exist or be empty unless `force`: first into a
 * temporary sibling folder, then swapped in, so an interrupted export leaves no half dataset.
 */
export function writeDataset(out: string, files: Map<string, string>, force: boolean): void {
  const target = resolve(out);
  if (existsSync(target) && readdirSync(target).length > 0 && !force) {
    throw new UsageError(`${out} is not empty; choose another folder or replace it with --force`);
  }
  const tmp = join(dirname(target), `.${basename(target)}.tmp-${process.pid}`);
  const old = join(dirname(target), `.${basename(target)}.old-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  try {
    for (const [relative, text] of files) {
      const path = join(tmp, relative);
      if (!path.startsWith(tmp + '/')) throw new Error(`refusing to write outside the dataset: ${relative}`);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
    }
    if (existsSync(target)) renameSync(target, old);
    renameSync(tmp, target);
    rmSync(old, { recursive: true, force: true });
  } catch (error) {
    rmSync(tmp, { recursive: true, force: true });
    if (existsSync(old) && !existsSync(target)) renameSync(old, target);
    throw error;
  }
}
