import { describe, expect, it } from 'vitest';
import { derivedInstrumentId, findNumberedReferences, normalizeReference } from '../../src/entities/references.js';
import { shippedMatcher, summary } from './helpers.js';

describe('normalizeReference', () => {
  it.each([
    ['COM(2021) 591 final', '52021DC0591'],
    ['COM(2021) 951', '52021DC0951'],
    ['COM/2021/591', '52021DC0591'],
    ['SWD(2020) 226 final', '52020SC0226'],
    ['JOIN(2021) 3 final', '52021JC0003'],
    ['C(2020) 6470 final', 'C(2020) 6470'],
    ['C/2017/4234', 'C(2017) 4234'],
    ['Richtlijn 2011/36/EU', '32011L0036'],
    ['richtlijn 2002/90/EG', '32002L0090'],
    ['2011/36/EU', '32011L0036'],
    ['Richtlijn 93/13/EEG', '31993L0013'],
    ['Verordening (EU) 2019/1240', '32019R1240'],
    ['Verordening (EU) nr. 604/2013', '32013R0604'],
    ['Uitvoeringsverordening (EU) 2021/581', '32021R0581'],
    ['Kaderbesluit 2002/946/JBZ', '32002F0946'],
    ['Kaderbesluit 2002/946', '32002F0946'],
    ['2002/946/JBZ', '32002F0946'],
    ['Besluit (GBVB) 2020/1999', '32020D1999'],
    ['Uitvoeringsbesluit (EU) 2020/1745', '32020D1745'],
    ['Kamerstuk 22 112, nr. 2955', 'kst-22112-2955'],
    ['Kamerstuk 28 638, nr. 235', 'kst-28638-235'],
    ['bijlage bij Kamerstuk 35 788, nr. 77', 'kst-35788-77'],
    ['Kamerstuk 35\u00a0788, nr. 77', 'kst-35788-77'],
    ['Kamerstukken II 2020/21, 22 112, nr. 2955', 'kst-22112-2955'],
    ['artikel 197a Wetboek van Strafrecht', 'wvsr-197a'],
    ['artikel 197a Wetboek van Strafrecht (WvSr)', 'wvsr-197a'],
    ['artikel 197a van het WvSr', 'wvsr-197a'],
    ['art. 197b Sr', 'wvsr-197b'],
    ['32011L0036', '32011L0036'],
    ['celex:32009L0052', '32009L0052'],
    ['kst-22112-2955', 'kst-22112-2955'],
    ['  COM(2021) 171 final.  ', '52021DC0171'],
  ])('%s -> %s', (printed, identifier) => {
    expect(normalizeReference(printed)).toBe(identifier);
  });

  it.each(['Frontex', 'COM(2021)', '2021', 'Richtlijn 2011/36/EU en Richtlijn 2012/29/EU', 'artikel 197a Wetboek van Strafrecht BES', ''])(
    'is null for %j',
    (text) => {
      expect(normalizeReference(text)).toBeNull();
    },
  );
});

describe('derived ids of unknown numbered instruments', () => {
  it('derives ids from the normalised identifier', () => {
    expect(derivedInstrumentId('32009L0052')).toBe('celex:32009L0052');
    expect(derivedInstrumentId('kst-22112-2955')).toBe('kst-22112-2955');
    expect(derivedInstrumentId('wvsr-4')).toBe('wvsr-4');
    expect(derivedInstrumentId('C(2020) 6470')).toBe('c-2020-6470');
  });
});

describe('numbered references in running text', () => {
  it('finds each reference once, with its printed extent', () => {
    const text = 'Zie COM(2018) 225 final en COM(2018) 226 final; Richtlijn 2004/81/EG van de Raad (PB L 261 van 6.8.2004).';
    expect(findNumberedReferences(text).map((r) => [text.slice(r.start, r.end), r.identifiers[0]])).toEqual([
      ['COM(2018) 225 final', '52018DC0225'],
      ['COM(2018) 226 final', '52018DC0226'],
      ['Richtlijn 2004/81/EG', '32004L0081'],
    ]);
  });

  it('resolves a known identifier to its registry entry and an unknown one to a derived id', () => {
    const found = shippedMatcher().match('Richtlijn 2011/36/EU, Richtlijn 2099/12/EU en Kamerstuk 22 112, nr. 2955.');
    expect(found.map(({ entity, surface, match, normalized }) => ({ entity, surface, match, normalized }))).toEqual([
      { entity: 'anti-trafficking-directive', surface: 'Richtlijn 2011/36/EU', match: 'pattern', normalized: '32011L0036' },
      { entity: 'celex:32099L0012', surface: 'Richtlijn 2099/12/EU', match: 'pattern', normalized: '32099L0012' },
      { entity: 'kst-22112-2955', surface: 'Kamerstuk 22 112, nr. 2955', match: 'pattern', normalized: 'kst-22112-2955' },
    ]);
  });

  it('finds a legislative proposal listed by its PC CELEX through its printed COM number', () => {
    expect(shippedMatcher().match('⁶⁷ COM(2020) 612 final.')).toMatchObject([
      { entity: 'screening-regulation', normalized: '52020PC0612', match: 'pattern' },
    ]);
  });

  it('resolves a bare number to the registry entry of whichever act type it has', () => {
    expect(summary(shippedMatcher().match('2002/946/JBZ en 2002/90/EG'))).toEqual([
      ['facilitation-framework-decision', '2002/946/JBZ', 'pattern'],
      ['facilitation-directive', '2002/90/EG', 'pattern'],
    ]);
  });

  it('keeps the names around a reference as their own mentions', () => {
    expect(summary(shippedMatcher().match('Richtlijn 2009/52/EG van het Europees Parlement en de Raad'))).toEqual([
      ['employer-sanctions-directive', 'Richtlijn 2009/52/EG', 'pattern'],
      ['european-parliament', 'Europees Parlement', 'name'],
      ['council-of-the-eu', 'Raad', 'name'],
    ]);
  });

  it('reads Criminal Code articles, but not those of the BES code', () => {
    expect(summary(shippedMatcher().match('artikel 197a WvSr en artikel 4 WvSr; het Wetboek van Strafrecht BES'))).toEqual([
      ['wvsr-197a', 'artikel 197a WvSr', 'pattern'],
      ['wvsr-4', 'artikel 4 WvSr', 'pattern'],
      ['wvsr-bes', 'Wetboek van Strafrecht BES', 'name'],
    ]);
  });
});
