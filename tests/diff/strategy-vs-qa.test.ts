/**
 * A summary against its source: the key actions of the EU anti-trafficking strategy against the
 * "Belangrijkste acties" of the Commission's Q&A page, compared with the alignment made by hand
 * in tests/fixtures/diff/strategy-vs-qa.json.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffDocuments } from '../../src/diff/compare.js';
import type { AlignmentRow } from '../../src/diff/result.js';
import { wordsOf } from '../../src/diff/words.js';
import { corpusDoc, FIXTURES, IDS, keyActions } from '../helpers.js';

interface HandAlignment {
  a: string;
  b: string;
  pairs: { a: string; b: string }[];
  onlyA: { id: string }[];
  onlyB: string[];
}

const hand = JSON.parse(readFileSync(join(FIXTURES, 'diff', 'strategy-vs-qa.json'), 'utf8')) as HandAlignment;
const result = diffDocuments(corpusDoc(IDS.strategy), corpusDoc(IDS.qa), { mode: 'actions' });
const rows = result.actions!.rows;
const pairOf = (a: string): AlignmentRow => {
  const row = rows.find((r) => r.a?.id === a && r.b);
  if (!row) throw new Error(`${a} is not aligned`);
  return row;
};

describe('strategy (com-2021-171) against the Q&A page: key actions', () => {
  it('the hand alignment names every key action of both documents once', () => {
    expect([hand.a, hand.b]).toEqual([IDS.strategy, IDS.qa]);
    const a = [...hand.pairs.map((p) => p.a), ...hand.onlyA.map((x) => x.id)].sort();
    const b = [...hand.pairs.map((p) => p.b), ...hand.onlyB].sort();
    expect(a).toEqual(keyActions(corpusDoc(IDS.strategy)).map((k) => k.id).sort());
    expect(b).toEqual(keyActions(corpusDoc(IDS.qa)).map((k) => k.id).sort());
  });

  it('reproduces the hand alignment: the same pairs and the same unmatched actions on each side', () => {
    const pairs = rows.filter((r) => r.a && r.b).map((r) => ({ a: r.a!.id, b: r.b!.id }));
    expect(pairs.sort((x, y) => x.a.localeCompare(y.a))).toEqual(hand.pairs.map(({ a, b }) => ({ a, b })).sort((x, y) => x.a.localeCompare(y.a)));
    expect(rows.filter((r) => r.status === 'only-a').map((r) => r.a!.id)).toEqual(hand.onlyA.map((x) => x.id));
    expect(rows.filter((r) => r.status === 'only-b').map((r) => r.b!.id).sort()).toEqual([...hand.onlyB].sort());
  });

  it('anchors the 20 identically worded actions and scores the reworded ones above the threshold', () => {
    expect(result.actions!.counts).toEqual({ same: 20, changed: 20, onlyA: 3, onlyB: 30, moved: 1 });
    for (const r of rows.filter((x) => x.status === 'same')) expect(r).toMatchObject({ anchor: true, score: 1, words: null });
    for (const r of rows.filter((x) => x.status === 'changed')) {
      expect(r.anchor).toBe(false);
      expect(r.score).toBeGreaterThanOrEqual(result.thresholds.align);
    }
  });

  it('one to one: an action merged into an already paired one stays unmatched, with its nearest counterpart', () => {
    const merged = rows.find((r) => r.a?.id === 'com-2021-171/s2/ka1/g1/a2')!;
    expect(merged.status).toBe('only-a');
    expect(merged.nearest?.id).toBe('qa-2021-04-14-organised-crime-trafficking/ka2/t1/g1/a1');
    // An organised-crime action resembles a trafficking action whose identical twin claimed it first.
    const claimed = rows.find((r) => r.b?.id === 'qa-2021-04-14-organised-crime-trafficking/ka1/t1/g1/a4')!;
    expect(claimed.status).toBe('only-b');
    expect(claimed.nearest!.score).toBeGreaterThan(result.thresholds.align);
  });

  it('shows the real wording changes word by word', () => {
    const funding = pairOf('com-2021-171/s2/ka1/g1/a1').words!;
    expect(wordsOf(funding, 'insert')).toEqual(['door', 'gerichte', 'financiering', 'zorgen', 'voor', 'doeltreffende', 'bijzondere', 'aandacht', 'voor', 'en', 'indien', 'nodig', 'inbreukprocedures', 'opstarten']);
    expect(wordsOf(funding, 'delete')).toEqual(['lidstaten', 'verder', 'ondersteunen', 'bij', 'de', 'onder', 'meer', 'door', 'middel', 'van', 'specifieke', 'financiering', 'name', 'wat', 'de', 'betreft']);

    const spelling = pairOf('com-2021-171/s4.3/ka1/g1/a3').words!;
    expect(wordsOf(spelling, 'delete')).toContain('rechtshandavingsdiensten');
    expect(wordsOf(spelling, 'insert')).toContain('rechtshandhavingsdiensten');

    const employers = pairOf('com-2021-171/s3/ka1/g1/a2').words!;
    expect(wordsOf(employers, 'insert')).toEqual(['doeltreffender', 'gemaakt']);
    expect(wordsOf(employers, 'delete')).toEqual(['doeltreffendheid', 'van', 'de', 'versterkt', 'onder', 'meer', 'met', 'betrekking', 'tot', 'de', 'bescherming', 'van', 'slachtoffers', 'van', 'mensenhandel']);

    const empowerment = pairOf('com-2021-171/s5/ka1/g2/a6').words!;
    expect(wordsOf(empowerment, 'delete')).toEqual(expect.arrayContaining(['emancipatie']));
    expect(wordsOf(empowerment, 'insert')).toEqual(expect.arrayContaining(['empowerment', 'financieren']));

    const inspections = pairOf('com-2021-171/s3/ka1/g2/a3').words!;
    expect(wordsOf(inspections, 'delete')).toEqual(['of', 'sociale', 'partners', 'te', 'verbeteren', 'en']);
    expect(wordsOf(inspections, 'insert')).toEqual([]);
  });

  it('reports the Q&A reordering of the labour-exploitation actions as a move', () => {
    expect(rows.filter((r) => r.moved).map((r) => r.a!.id)).toEqual(['com-2021-171/s3/ka1/g2/a3']);
  });
});
