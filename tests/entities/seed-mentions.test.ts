/**
 * Mentions verified by reading the five seed documents, pinned on their real lines (in 000,
 * 002, 003 and 004 one line is one paragraph; 001 is hard-wrapped PDF text).
 */
import { describe, expect, it } from 'vitest';
import type { TextMention } from '../../src/entities/matcher.js';
import { mentionOf, seedLine, seedText, shippedMatcher } from './helpers.js';

/** The mentions of a seed line, after checking the line says what the test expects. */
function mentionsOn(prefix: string, line: number, contains: string): TextMention[] {
  const text = seedLine(prefix, line);
  expect(text).toContain(contains);
  return shippedMatcher().match(text);
}

describe('actors in the seed documents', () => {
  it('001: "Europese Grens en Kustwacht (EGKW)" is one Frontex mention, later "EGKW" alone too', () => {
    const found = mentionsOn('001', 205, 'Europese Grens en Kustwacht (EGKW)');
    expect(mentionOf(found, 'Europese Grens en Kustwacht (EGKW)')).toMatchObject({ entity: 'frontex', match: 'name' });
    expect(mentionOf(found, 'Europol')?.entity).toBe('europol');
    expect(mentionOf(mentionsOn('001', 247, 'EGKW'), 'EGKW')).toMatchObject({ entity: 'frontex', match: 'acronym' });
    expect(mentionOf(mentionsOn('001', 345, 'de EGKW'), 'EGKW')?.entity).toBe('frontex');
  });

  it('004 line 182: "Cpol" is Cepol (a misspelling the registry lists)', () => {
    const found = mentionsOn('004', 182, 'Europol, Eurojust, Cpol en Frontex');
    expect(found.map((m) => m.entity)).toEqual(['eu-agencies', 'europol', 'eurojust', 'cepol', 'frontex']);
    expect(mentionOf(found, 'Cpol')?.match).toBe('misspelling');
  });

  it('004 line 325: "het Europees Grens- en kustwachtagentschap (Frontex)" is one mention among ten agencies', () => {
    const found = mentionsOn('004', 325, 'Europees Grens- en kustwachtagentschap (Frontex)');
    expect(mentionOf(found, 'Europees Grens- en kustwachtagentschap (Frontex)')?.entity).toBe('frontex');
    expect(found.map((m) => m.entity)).toEqual([
      'easo', 'europol', 'eu-lisa', 'emcdda', 'eurojust', 'eige', 'frontex', 'fra', 'cepol', 'eurofound',
    ]);
  });

  it('004: "rechtshandavings- en justitiële instanties" mentions both groups', () => {
    const found = mentionsOn('004', 46, 'rechtshandavings- en justitiële instanties');
    expect(mentionOf(found, 'rechtshandavings-')).toMatchObject({ entity: 'law-enforcement-authorities', match: 'suspended' });
    expect(mentionOf(found, 'justitiële instanties')?.entity).toBe('judicial-authorities');
  });

  it('000: the machine-translation typo "rechtshandavingsinstanties" is law enforcement', () => {
    const found = mentionsOn('000', 18, 'rechtshandavingsinstanties van de EU-lidstaten');
    expect(mentionOf(found, 'rechtshandavingsinstanties')).toMatchObject({ entity: 'law-enforcement-authorities', match: 'misspelling' });
    expect(mentionOf(found, 'Europees Centrum tegen migrantensmokkel van Europol')?.entity).toBe('emsc');
  });

  it('002: "het OM" is the Openbaar Ministerie, "om mensensmokkel aan te pakken" is not', () => {
    expect(mentionOf(mentionsOn('002', 51, 'Onder het gezag van het OM'), 'OM')).toMatchObject({ entity: 'om', match: 'acronym' });
    const found = mentionsOn('002', 79, 'om mensensmokkel aan te pakken');
    expect(found.filter((m) => m.entity === 'om')).toEqual([]);
  });

  it('001: "dat het EP in het algemeen" is the European Parliament', () => {
    expect(mentionOf(mentionsOn('001', 396, 'het EP in het algemeen'), 'EP')).toMatchObject({
      entity: 'european-parliament',
      match: 'acronym',
    });
  });

  it('002: "De IND komt" and the names of the Dutch partners', () => {
    const found = mentionsOn('002', 57, 'De IND komt');
    expect(found.filter((m) => m.entity === 'ind').length).toBe(5);
    const partners = mentionsOn('002', 19, 'Koninklijke Marechaussee (KMar)');
    expect(partners.map((m) => m.entity)).toEqual(
      expect.arrayContaining(['politie', 'nla', 'kmar', 'ind', 'emm', 'om', 'mdt', 'wvsr-197a']),
    );
  });

  it('lidstaat, lidstaten and EU lidstaat are all the member states', () => {
    expect(mentionOf(mentionsOn('002', 15, 'EU lidstaat'), 'EU lidstaat')).toMatchObject({ entity: 'member-states', match: 'inflection' });
    expect(mentionOf(mentionsOn('004', 21, 'eigen lidstaat'), 'lidstaat')?.entity).toBe('member-states');
    expect(mentionOf(mentionsOn('000', 22, 'haar lidstaten'), 'lidstaten')?.entity).toBe('member-states');
  });

  it("000 line 478: \"Europol's Europees Centrum voor financiële en economische criminaliteit\"", () => {
    const found = mentionsOn('000', 478, "Europol's Europees Centrum voor financiële en economische criminaliteit");
    expect(mentionOf(found, "Europol's")).toMatchObject({ entity: 'europol', match: 'inflection' });
    expect(mentionOf(found, 'Europees Centrum voor financiële en economische criminaliteit')?.entity).toBe('efecc');
  });

  it('000 line 267: "Frontex-statusovereenkomsten" is a compound mention of Frontex', () => {
    expect(mentionOf(mentionsOn('000', 267, 'Frontex-statusovereenkomsten'), 'Frontex-statusovereenkomsten')).toMatchObject({
      entity: 'frontex',
      match: 'compound',
    });
  });

  it('003: the web page credit "Europese Commissie (EC)" is one mention', () => {
    expect(mentionsOn('003', 5, 'Europese Commissie (EC)').map((m) => [m.entity, m.surface])).toEqual([
      ['european-commission', 'Europese Commissie (EC)'],
    ]);
  });

  it('004: the Council of Europe and GRETA are not the Council', () => {
    const found = mentionsOn('004', 429, 'Raad van Europa en zijn Groep van deskundigen');
    expect(found.map((m) => m.entity)).toEqual(['council-of-europe', 'greta']);
  });
});

describe('instruments in the seed documents', () => {
  it('"Richtlijn 2011/36/EU" and "richtlijn ter bestrijding van mensenhandel" are the same instrument', () => {
    const numbered = mentionOf(mentionsOn('004', 72, 'Richtlijn 2011/36/EU'), 'Richtlijn 2011/36/EU');
    const named = mentionOf(mentionsOn('000', 365, 'richtlijn ter bestrijding van mensenhandel'), 'richtlijn ter bestrijding van mensenhandel');
    expect(numbered).toMatchObject({ entity: 'anti-trafficking-directive', match: 'pattern', normalized: '32011L0036' });
    expect(named).toMatchObject({ entity: 'anti-trafficking-directive', match: 'name', normalized: '32011L0036' });
  });

  it('000: "Verordening (EU) 2019/1240" is 32019R1240', () => {
    expect(mentionOf(mentionsOn('000', 172, 'Verordening (EU) 2019/1240'), 'Verordening (EU) 2019/1240')).toMatchObject({
      entity: 'ilo-regulation',
      normalized: '32019R1240',
    });
  });

  it('001: "Kamerstuk 22 112, nr. 2955" is kst-22112-2955', () => {
    expect(mentionsOn('001', 224, 'Kamerstuk 22 112, nr. 2955')).toMatchObject([
      { entity: 'kst-22112-2955', surface: 'Kamerstuk 22 112, nr. 2955', match: 'pattern', normalized: 'kst-22112-2955' },
    ]);
  });

  it('"COM(2021) 171 final" is the corpus document COM(2021) 171', () => {
    for (const [prefix, line] of [['000', 56], ['004', 6]] as const) {
      expect(mentionOf(mentionsOn(prefix, line, 'COM(2021) 171 final'), 'COM(2021) 171 final')).toMatchObject({
        entity: 'com-2021-171',
        normalized: '52021DC0171',
        document: 'com-2021-171',
      });
    }
  });

  it('001: the misprinted "COM(2021) 951" is not silently taken for COM(2021) 591', () => {
    expect(mentionsOn('001', 20, 'COM(2021) 951')).toMatchObject([{ entity: 'celex:52021DC0951', normalized: '52021DC0951' }]);
  });

  it('unknown numbered acts get ids derived from their identifier', () => {
    expect(mentionOf(mentionsOn('004', 72, 'Kaderbesluit 2002/629/JBZ'), 'Kaderbesluit 2002/629/JBZ')?.entity).toBe('celex:32002F0629');
    expect(mentionOf(mentionsOn('000', 337, 'Uitvoeringsbesluit (EU) 2020/1745'), 'Uitvoeringsbesluit (EU) 2020/1745')?.entity).toBe(
      'celex:32020D1745',
    );
  });

  it('002: the corpus letter names itself and the coalition agreement annex', () => {
    const annex = 'bijlage bij Kamerstuk 35\u00a0788, nr. 77'; // with a no-break space, as printed
    const found = mentionsOn('002', 13, annex);
    expect(mentionOf(found, annex)).toMatchObject({
      entity: 'coalition-agreement-2021',
      normalized: 'kst-35788-77',
    });
    expect(mentionOf(found, 'Europese Actieplan Mensensmokkel 2021–2025')).toMatchObject({ entity: 'com-2021-591', document: 'com-2021-591' });
    expect(mentionOf(mentionsOn('002', 9, 'Beleidskader aanpak mensensmokkel 2023–2026'), 'Beleidskader aanpak mensensmokkel 2023–2026')).toMatchObject({
      entity: 'kst-28638-235',
      document: 'kst-28638-235',
    });
  });

  it('001: nothing is matched inside the EUR-Lex URL', () => {
    expect(mentionsOn('001', 24, 'CELEX:52021DC0591')).toEqual([]);
  });
});

describe('the registry covers the organisations of the seed documents', () => {
  it('finds no unknown organisation in any of them', () => {
    for (const prefix of ['000', '001', '002', '003', '004']) {
      expect(shippedMatcher().findUnknownOrganisations(seedText(prefix)), prefix).toEqual([]);
    }
  });
});
