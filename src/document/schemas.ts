/**
 * The published JSON Schema files, generated from the zod schemas (the single source of truth).
 * `npm run schemas` writes them to `schemas/`; a test fails when the committed files drift.
 */
import * as z from 'zod';
import { KeyActionLexicon } from '../entities/actions/lexicon-schema.js';
import { RegistryFile } from '../entities/registry-schema.js';
import { LayoutLexiconFile } from '../layout/lexicon.js';
import { DiffResult } from '../diff/result.js';
import { QueryResult } from '../query/result.js';
import { ManifestFile } from './manifest.js';
import { Document, SCHEMA_VERSION } from './model.js';

const BASE = 'https://smuggle-corpus.example/schemas';

/** The schemas of the document model and the data files, by file name. */
export const SCHEMA_SOURCES: Record<string, z.ZodType> = {
  'document.schema.json': Document,
  'manifest.schema.json': ManifestFile,
  'registry.schema.json': RegistryFile,
  'layout-lexicon.schema.json': LayoutLexiconFile,
  'key-action-lexicon.schema.json': KeyActionLexicon,
  'query-result.schema.json': QueryResult,
  'diff-result.schema.json': DiffResult,
};

export function jsonSchema(name: string, schema: z.ZodType): Record<string, unknown> {
  const generated = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
  return { $id: `${BASE}/${SCHEMA_VERSION}/${name}`, 'x-schema-version': SCHEMA_VERSION, ...generated };
}

/** Every schema file, as the text written to disk. */
export function schemaFiles(extra: Record<string, z.ZodType> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, schema] of Object.entries({ ...SCHEMA_SOURCES, ...extra })) out[name] = `${JSON.stringify(jsonSchema(name, schema), null, 2)}\n`;
  return out;
}
