/**
 * Issue 7: the parser on arbitrary and damaged documents. Every case must parse (or be refused
 * with a one-line InputError), validate against the schema, conserve every character and keep
 * the invariants of tests/robustness/arbitraries.ts. A bounded number of cases with a fixed seed
 * (FUZZ_SEED=n for others); `node scripts/fuzz.mjs` is the long run.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { checkConservation } from '../../src/document/conservation.js';
import { Document } from '../../src/document/model.js';
import { parseInline } from '../../src/structure/inline.js';
import { InputError } from '../../src/util/errors.js';
import { CORPUS, fixture, parseText } from '../helpers.js';
import { checkDocument, describeFailures, properties, type Parser } from './arbitraries.js';

const parser: Parser = { parse: (raw) => parseText(raw, { entities: true }), InputError, schema: Document, checkConservation, parseInline };
const seed = Number(process.env.FUZZ_SEED ?? 7);
const texts = {
  fixtures: ['communication.txt', 'qa-page.txt', 'wrapped-letter.txt'].map(fixture),
  corpus: readdirSync(CORPUS)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(join(CORPUS, f), 'utf8')),
};

describe('robustness: parsing arbitrary and damaged documents never breaks an invariant', () => {
  it.each(properties(texts))('$name', ({ arbitrary, runs }) => {
    fc.assert(
      fc.property(arbitrary, (raw) => {
        const outcome = checkDocument(parser, raw);
        if (outcome.failures.length > 0) throw new Error(describeFailures(raw, outcome));
      }),
      { numRuns: runs, seed },
    );
  });
});
