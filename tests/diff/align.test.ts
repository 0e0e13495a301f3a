import { describe, expect, it } from 'vitest';
import { alignOneToOne, longestIncreasingRun, readingOrder, type Alignable } from '../../src/diff/align.js';
import { TermSpace, termBag } from '../../src/diff/terms.js';
import { comparisonKey } from '../../src/diff/units.js';

/** Items from Dutch texts, with the term space of both sides. */
function items(a: string[], b: string[]): [Alignable[], Alignable[]] {
  const bags = [...a, ...b].map((t) => termBag(t, []));
  const space = new TermSpace(bags);
  const make = (texts: string[], offset: number) => texts.map((t, i) => ({ key: comparisonKey(t), vector: space.vector(bags[offset + i]!) }));
  return [make(a, 0), make(b, a.length)];
}

describe('comparisonKey', () => {
  it('ignores whitespace and the punctuation that closes a list item, not the wording', () => {
    expect(comparisonKey('de  samenwerking\nopvoeren;')).toBe(comparisonKey('de samenwerking opvoeren.'));
    expect(comparisonKey('gegevens uitwisselen; en')).toBe('gegevens uitwisselen');
    expect(comparisonKey('financie\u0308le steun')).toBe(comparisonKey('financiële steun'));
    expect(comparisonKey('de Raad')).not.toBe(comparisonKey('de raad'));
  });
});

describe('alignOneToOne', () => {
  it('anchors identical texts first, in order, even when repeated', () => {
    const [a, b] = items(['Kernacties:', 'de lidstaten ondersteunen', 'Kernacties:'], ['Kernacties:', 'Kernacties:', 'de lidstaten ondersteunen;']);
    const { pairs, onlyA, onlyB } = alignOneToOne(a, b, 0.35);
    expect(pairs.map((p) => [p.a, p.b, p.anchor])).toEqual([
      [0, 0, true],
      [1, 2, true],
      [2, 1, true],
    ]);
    expect([onlyA, onlyB]).toEqual([[], []]);
  });

  it('pairs reworded items by stem similarity, one to one, best first', () => {
    const [a, b] = items(
      ['de registratie van gegevens over mensenhandel verbeteren', 'een focusgroep van gespecialiseerde aanklagers oprichten', 'initiatieven voor passende zorgvuldigheid bevorderen'],
      ['zorgen voor een betere registratie van gegevens over mensenhandel', 'de oprichting van een focusgroep van aanklagers faciliteren'],
    );
    const { pairs, onlyA, onlyB } = alignOneToOne(a, b, 0.35);
    expect(pairs.map((p) => [p.a, p.b, p.anchor])).toEqual([
      [0, 0, false],
      [1, 1, false],
    ]);
    expect(pairs.every((p) => p.score >= 0.35 && p.score < 1)).toBe(true);
    expect(onlyA.map((u) => u.index)).toEqual([2]);
    expect(onlyB).toEqual([]);
  });

  it('leaves items unpaired below the threshold, naming the nearest one', () => {
    const [a, b] = items(['samenwerking met derde landen versterken'], ['samenwerking met Europol verbeteren']);
    const strict = alignOneToOne(a, b, 0.9);
    expect(strict.pairs).toEqual([]);
    expect(strict.onlyA[0]!.nearest).toMatchObject({ index: 0 });
    expect(strict.onlyA[0]!.nearest!.score).toBeGreaterThan(0);
    expect(alignOneToOne(a, b, 0.1).pairs).toHaveLength(1);
  });

  it('lets a better pair win over an earlier one, leaving the loser unpaired', () => {
    const [a, b] = items(['financiële steun voor opvangcentra mogelijk maken', 'gerichte financiële steun voor gespecialiseerde opvangcentra mogelijk maken'], ['gerichte financiële steun voor gespecialiseerde opvangcentra']);
    const { pairs, onlyA } = alignOneToOne(a, b, 0.35);
    expect(pairs.map((p) => [p.a, p.b])).toEqual([[1, 0]]);
    expect(onlyA.map((u) => [u.index, u.nearest?.index])).toEqual([[0, 0]]);
  });

  it('marks pairs out of the common order as moved and keeps B\'s reading order', () => {
    const [a, b] = items(['eerste punt', 'tweede punt', 'derde punt', 'vierde punt'], ['eerste punt', 'derde punt', 'tweede punt', 'nieuw punt', 'vierde punt']);
    const alignment = alignOneToOne(a, b, 0.35);
    expect(alignment.pairs.filter((p) => p.moved).map((p) => p.a)).toHaveLength(1);
    const order = readingOrder(alignment, a.length).map((x) => ('pair' in x ? `${x.pair.a}=${x.pair.b}` : 'onlyA' in x ? `-${x.onlyA.index}` : `+${x.onlyB.index}`));
    expect(order).toEqual(['0=0', '2=1', '1=2', '+3', '3=4']);
  });

  it('places items only in A after the pair that precedes them in A', () => {
    const [a, b] = items(['eerste punt', 'geschrapt punt', 'laatste punt'], ['eerste punt', 'laatste punt']);
    const order = readingOrder(alignOneToOne(a, b, 0.35), a.length).map((x) => ('pair' in x ? `${x.pair.a}=${x.pair.b}` : 'onlyA' in x ? `-${x.onlyA.index}` : `+${x.onlyB.index}`));
    expect(order).toEqual(['0=0', '-1', '2=1']);
  });
});

describe('longestIncreasingRun', () => {
  it('finds the positions of a longest increasing subsequence', () => {
    expect([...longestIncreasingRun([0, 2, 1, 3])].sort()).toHaveLength(3);
    expect([...longestIncreasingRun([3, 0, 1, 2])].sort()).toEqual([1, 2, 3]);
    expect(longestIncreasingRun([]).size).toBe(0);
  });
});
