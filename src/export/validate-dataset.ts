/**
 * Checking an exported dataset against the JSON Schemas it carries (with ajv, not hand-written
 * checks), and against its manifest: record counts and file hashes. A dataset edited by hand or
 * produced by another version is caught, each problem positioned at file and line.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { SCHEMA_VERSION } from '../document/model.js';
import { MANIFEST, type DatasetManifest } from './dataset.js';
import { sha256Hex } from '../util/hash.js';

export interface DatasetProblem {
  file: string;
  line: number;
  message: string;
  rule: string;
}

export function validateDataset(dir: string): { problems: DatasetProblem[]; records: number } {
  const problems: DatasetProblem[] = [];
  const problem = (file: string, line: number, rule: string, message: string) => problems.push({ file, line, rule, message });
  const read = (file: string): string | null => {
    const path = join(dir, file);
    if (!existsSync(path)) {
      problem(file, 1, 'dataset/missing-file', 'the file is missing');
      return null;
    }
    return readFileSync(path, 'utf8');
  };
  const manifestText = read(MANIFEST);
  if (manifestText === null) return { problems, records: 0 };
  let manifest: DatasetManifest;
  try {
    manifest = JSON.parse(manifestText) as DatasetManifest;
  } catch {
    problem(MANIFEST, 1, 'dataset/invalid-json', 'not valid JSON');
    return { problems, records: 0 };
  }
  if (manifest.schemaVersion !== SCHEMA_VERSION) {
    problem(MANIFEST, 1, 'dataset/schema-version', `schema version ${manifest.schemaVersion}, this tool reads ${SCHEMA_VERSION}`);
  }
  const ajv = new Ajv2020({ allErrors: false, strict: false });
  const compile = (schemaFile: string): ValidateFunction | null => {
    const text = read(schemaFile);
    if (text === null) return null;
    try {
      return ajv.compile(JSON.parse(text) as object);
    } catch (error) {
      problem(schemaFile, 1, 'dataset/invalid-schema', (error as Error).message);
      return null;
    }
  };
  const checkHash = (file: string, text: string, expected: string) => {
    if (sha256Hex(text) !== expected) problem(file, 1, 'dataset/changed', 'the file differs from the one the manifest describes (sha256)');
  };
  const explain = (v: ValidateFunction) => (v.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');

  let records = 0;
  const docsText = read(manifest.documents.file);
  const docSchema = compile(manifest.documents.schema);
  if (docsText !== null) {
    checkHash(manifest.documents.file, docsText, manifest.documents.sha256);
    try {
      const docs = JSON.parse(docsText) as unknown[];
      if (docs.length !== manifest.documents.count) problem(manifest.documents.file, 1, 'dataset/count', `${docs.length} documents, the manifest says ${manifest.documents.count}`);
      docs.forEach((doc, i) => {
        records++;
        if (docSchema && !docSchema(doc)) problem(manifest.documents.file, i + 2, 'dataset/schema', `document ${i + 1}: ${explain(docSchema)}`);
      });
    } catch {
      problem(manifest.documents.file, 1, 'dataset/invalid-json', 'not valid JSON');
    }
  }
  for (const [name, table] of Object.entries(manifest.tables)) {
    const text = read(table.file);
    const schema = compile(table.schema);
    if (text === null) continue;
    checkHash(table.file, text, table.sha256);
    const lines = text.split('\n').filter((l, i, all) => l !== '' || i < all.length - 1);
    if (lines.length !== table.rows) problem(table.file, 1, 'dataset/count', `${lines.length} rows in ${name}, the manifest says ${table.rows}`);
    lines.forEach((line, i) => {
      records++;
      let row: unknown;
      try {
        row = JSON.parse(line);
      } catch {
        problem(table.file, i + 1, 'dataset/invalid-json', 'not a JSON object');
        return;
      }
      if (schema && !schema(row)) problem(table.file, i + 1, 'dataset/schema', explain(schema));
    });
  }
  return { problems, records };
}
