/**
 * The published shape of a query result (`query --json` prints an array of these, `--jsonl`
 * one a line); `schemas/query-result.schema.json` is generated from it.
 */
import * as z from 'zod';
import { Modality } from '../document/model.js';
import { ROW_TYPES } from '../store/rows.js';

export const QueryHit = z
  .strictObject({
    doc: z.string().describe('corpus document id'),
    title: z.string().nullable().describe('document title'),
    file: z.string().nullable().describe('the source file'),
    id: z.string().describe('element id'),
    type: z.enum(ROW_TYPES),
    section: z.strictObject({
      id: z.string().nullable(),
      number: z.string().nullable().describe('the number of the section or of its nearest numbered ancestor'),
      title: z.string().nullable(),
    }),
    line: z.int().min(1).describe('first source line'),
    endLine: z.int().min(1),
    text: z.string(),
    actors: z.array(z.string()).describe('canonical ids of the actors it mentions (for key actions also those of the lead-in)'),
    instruments: z.array(z.string()).describe('canonical ids of the instruments it mentions'),
    matches: z.array(z.tuple([z.int().min(0), z.int().min(0)])).describe('ranges of the text that matched'),
    roles: z.array(z.strictObject({ entity: z.string(), role: z.string() })).optional(),
    modality: Modality.optional(),
    deadline: z.strictObject({ text: z.string(), start: z.string(), end: z.string() }).nullable().optional(),
    leadIn: z.string().nullable().optional(),
  })
  .meta({ id: 'QueryHit', title: 'smuggle-corpus query result' });
export type QueryHit = z.infer<typeof QueryHit>;

export const QueryResult = z.array(QueryHit).meta({ id: 'QueryResult', title: 'smuggle-corpus query --json output' });
