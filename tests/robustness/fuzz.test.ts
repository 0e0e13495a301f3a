/**
 * Issue 7: the parser on arbitrary and damaged documents. Every case must parse (or be refused
 * with a one-line InputError), validate against the schema, conserve every character and keep
 * the invariants of tests/robustness/arbitraries.ts. A bounded number of cases with a fixed seed
 * (FUZZ_SEED=n for others); `node scripts/fuzz.mjs` is the long run.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
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

  it('the invariants catch a damaged parse', () => {
    const raw = fixture('communication.txt');
    const rules = (parse: Parser['parse']) => checkDocument({ ...parser, parse }, raw).failures.map((f) => f.rule);
    const damaged = (damage: (doc: Document) => unknown) =>
      rules((r) => {
        const doc = parser.parse(r);
        damage(doc);
        return doc;
      });
    expect(damaged(() => {})).toEqual([]);
    const damages: [string, (doc: Document) => unknown][] = [
      ['spans lie inside the source', (d) => (d.notes[0]!.span.end = raw.length + 1)],
      ['span lines agree with span offsets', (d) => (d.notes[0]!.span.endLine += 1)],
      ['ids are unique', (d) => (d.captions[0]!.id = d.notes[0]!.id)],
      ['conservation: gone = 0', (d) => d.notes.pop()],
      ['note references name existing footnotes', (d) => d.notes.pop()],
      ['conservation: phantom = 0', (d) => (d.boxes[0]!.text += ' en meer')],
      ['no ** bold markup is left in element texts', (d) => (d.boxes[0]!.text = d.boxes[0]!.text.replace('35 verdachten', '**35 verdachten**'))],
      ['document validates against the schema', (d) => (d.stats.boxes = -1)],
    ];
    for (const [rule, damage] of damages) expect(damaged(damage), rule).toContain(rule);
    const refusing = (message: string) => () => {
      throw new InputError(message);
    };
    expect(checkDocument({ ...parser, parse: refusing('fixture.txt: the file is empty') }, raw)).toEqual({ refused: true, failures: [] });
    expect(rules(refusing('fixture.txt: the file is empty\nat line 1'))).toEqual(['refusal message is one line']);
    expect(
      rules(() => {
        throw new TypeError('x is undefined');
      }),
    ).toEqual(['crash: TypeError: x is undefined']);
  });
});
