import { describe, expect, it } from 'vitest';
import { jsonSchema } from '../../src/document/schemas.js';
import { diffDocuments, type DiffMode } from '../../src/diff/compare.js';
import { DiffResult } from '../../src/diff/result.js';
import { corpusDoc, IDS } from '../helpers.js';

describe('the published shape of diff --json', () => {
  it('converts to a JSON Schema of closed objects', () => {
    const schema = jsonSchema('diff-result.schema.json', DiffResult) as { $ref?: string; $defs: Record<string, { additionalProperties?: boolean }> };
    expect(schema.$defs.DiffResult!.additionalProperties).toBe(false);
    expect(schema.$defs.DiffAlignmentRow!.additionalProperties).toBe(false);
    expect(schema.$defs.DiffCoverageRow!.additionalProperties).toBe(false);
  });

  it.each(['overview', 'actions', 'coverage'] as DiffMode[])('types the %s result', (mode) => {
    const result = diffDocuments(corpusDoc(IDS.plan), corpusDoc(IDS.fiche), { mode });
    expect(DiffResult.parse(result)).toEqual(result);
    expect(result.coverage === null).toBe(mode !== 'coverage');
    expect(result.sections === null).toBe(mode !== 'overview');
    expect(result.actions === null).toBe(mode === 'coverage');
  });
});
