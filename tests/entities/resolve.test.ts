import { describe, expect, it } from 'vitest';
import { shippedMatcher } from './helpers.js';

const resolve = (query: string) => shippedMatcher().resolveName(query);

describe('resolveName', () => {
  it.each(['EGKW', 'Frontex', 'frontex', 'Europees Grens- en kustwachtagentschap', 'europese grens en kustwacht', 'frontex '])(
    '%j is Frontex',
    (query) => {
      expect(resolve(query)).toEqual({ ok: true, entity: 'frontex', kind: 'actor', known: true });
    },
  );

  it('accepts ids, English labels, acronyms, misspellings and possessives', () => {
    expect(resolve('european-commission')).toMatchObject({ ok: true, entity: 'european-commission' });
    expect(resolve('European Commission')).toMatchObject({ ok: true, entity: 'european-commission' });
    expect(resolve('Commissie')).toMatchObject({ ok: true, entity: 'european-commission' });
    expect(resolve('OM')).toMatchObject({ ok: true, entity: 'om' });
    expect(resolve('Cpol')).toMatchObject({ ok: true, entity: 'cepol' });
    expect(resolve('rechtshandavingsinstanties')).toMatchObject({ ok: true, entity: 'law-enforcement-authorities' });
    expect(resolve("Europol's")).toMatchObject({ ok: true, entity: 'europol' });
    expect(resolve('lidstaat')).toMatchObject({ ok: true, entity: 'member-states' });
  });

  it.each(['Richtlijn 2011/36/EU', '2011/36/EU', '32011L0036', 'celex:32011L0036', 'richtlijn ter bestrijding van mensenhandel'])(
    '%j is the anti-trafficking directive',
    (query) => {
      expect(resolve(query)).toEqual({ ok: true, entity: 'anti-trafficking-directive', kind: 'instrument', known: true });
    },
  );

  it('resolves corpus documents by reference and unknown numbers to derived ids', () => {
    expect(resolve('COM(2021) 591 final')).toMatchObject({ ok: true, entity: 'com-2021-591', known: true });
    expect(resolve('Kamerstuk 28 638, nr. 235')).toMatchObject({ ok: true, entity: 'kst-28638-235', known: true });
    expect(resolve('COM(2020) 612')).toMatchObject({ ok: true, entity: 'screening-regulation' });
    expect(resolve('Richtlijn 2099/12/EU')).toEqual({ ok: true, entity: 'celex:32099L0012', kind: 'instrument', known: false });
    expect(resolve('Kamerstuk 22 112, nr. 2955')).toMatchObject({ ok: true, entity: 'kst-22112-2955', known: false });
  });

  it('answers an unknown name with the closest entities', () => {
    const result = resolve('Frontexx');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.query).toBe('Frontexx');
    expect(result.suggestions[0]).toEqual({ entity: 'frontex', name: 'frontex', distance: 1 });
    const agency = resolve('Europool');
    expect(!agency.ok && agency.suggestions.map((s) => s.entity)).toContain('europol');
  });

  it('suggests nothing for a name far from every entity', () => {
    expect(resolve('Wereldvoedselprogramma')).toEqual({ ok: false, query: 'Wereldvoedselprogramma', suggestions: [] });
  });
});
