import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaFiles } from '../../src/document/schemas.js';
import { TABLE_SCHEMAS } from '../../src/export/tables.js';
import { ROOT } from '../helpers.js';

describe('JSON Schema files generated from the zod schemas', () => {
  const generated = schemaFiles(TABLE_SCHEMAS);
  const dir = join(ROOT, 'schemas');

  it('are committed as generated (run `npm run schemas` after changing a zod schema)', () => {
    const committed = readdirSync(dir).filter((f) => f.endsWith('.schema.json')).sort();
    expect(committed).toEqual(Object.keys(generated).sort());
    for (const [name, text] of Object.entries(generated)) expect(readFileSync(join(dir, name), 'utf8'), name).toBe(text);
  });

  it('describe closed objects with a schema version', () => {
    const doc = JSON.parse(generated['document.schema.json']!) as { $ref: string; 'x-schema-version': string; $defs: Record<string, { additionalProperties?: boolean }> };
    expect(doc.$ref).toBe('#/$defs/Document');
    expect(doc.$defs.Document!.additionalProperties).toBe(false);
    expect(doc['x-schema-version']).toMatch(/^\d+\.\d+\.\d+$/);
    expect(doc.$defs.Heading!.additionalProperties).toBe(false);
    expect(doc.$defs.KeyAction!.additionalProperties).toBe(false);
  });
});
