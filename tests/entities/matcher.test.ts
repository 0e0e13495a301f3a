import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../src/entities/matcher.js';
import { seedText, shippedMatcher, shippedRegistry, summary } from './helpers.js';

const match = (text: string) => shippedMatcher().match(text);
const entities = (text: string) => match(text).map((mention) => mention.entity);

describe('tokens and case', () => {
  it('ignores case and diacritics in names', () => {
    expect(summary(match('het Europees Centrum voor financiele en economische criminaliteit'))).toEqual([
      ['efecc', 'Europees Centrum voor financiele en economische criminaliteit', 'name'],
    ]);
    expect(entities('de europese arbeidsautoriteit')).toEqual(['ela']);
  });

  it('treats a hyphen between words like a space inside a name', () => {
    expect(entities('de EU lidstaten en de EU-lidstaten')).toEqual(['member-states', 'member-states']);
    expect(summary(match('de Europese Grens en Kustwacht'))).toEqual([['frontex', 'Europese Grens en Kustwacht', 'name']]);
  });

  it('reports UTF-16 offsets into the text, also after astral characters', () => {
    const text = '𝒜😀 Frontex, “Europol’s” analyse';
    for (const mention of match(text)) expect(text.slice(mention.start, mention.end)).toBe(mention.surface);
    expect(summary(match(text))).toEqual([
      ['frontex', 'Frontex', 'name'],
      ['europol', 'Europol’s', 'inflection'],
    ]);
  });

  it('sees through markdown emphasis and superscript note markers', () => {
    expect(summary(match('het **hulpverleningspakket**⁴² en Europol²³.'))).toEqual([
      ['facilitators-package', 'hulpverleningspakket', 'name'],
      ['europol', 'Europol', 'name'],
    ]);
    expect(entities('binnen de EU, het “hulpverleningspakket1”.')).toEqual(['eu', 'facilitators-package']);
  });
});

describe('longest match first', () => {
  it('prefers the longer name: EMSC over Europol, Council of Europe over Council, European Council', () => {
    expect(summary(match('het Europees Centrum tegen migrantensmokkel van Europol'))).toEqual([
      ['emsc', 'Europees Centrum tegen migrantensmokkel van Europol', 'name'],
    ]);
    expect(entities('de Raad van Europa')).toEqual(['council-of-europe']);
    expect(entities('de Europese Raad')).toEqual(['european-council']);
    expect(entities('de Raad')).toEqual(['council-of-the-eu']);
    expect(entities('de Commissie van de Afrikaanse Unie')).toEqual(['african-union-commission']);
    expect(entities('het Europees Openbaar Ministerie en het Openbaar Ministerie')).toEqual(['eppo', 'om']);
  });

  it('separates a plan of 2021 from the plan of 2015 by the years in its name', () => {
    expect(entities('het EU-actieplan tegen migrantensmokkel (2015-2020) en het EU-actieplan tegen migrantensmokkel')).toEqual([
      'eu-action-plan-smuggling-2015',
      'com-2021-591',
    ]);
  });
});

describe('inflections and possessives', () => {
  it('maps singular and plural forms to the same actor', () => {
    expect(summary(match('een lidstaat, de lidstaten, de EU-lidstaten, elke EU-lidstaat'))).toEqual([
      ['member-states', 'lidstaat', 'inflection'],
      ['member-states', 'lidstaten', 'name'],
      ['member-states', 'EU-lidstaten', 'name'],
      ['member-states', 'EU-lidstaat', 'inflection'],
    ]);
  });

  it('recognises a possessive on any form', () => {
    expect(summary(match("Europol's analyse en de EU's rol"))).toEqual([
      ['europol', "Europol's", 'inflection'],
      ['eu', "EU's", 'inflection'],
    ]);
  });
});

describe('hyphenated compounds', () => {
  it('counts a compound whose first part is a proper name', () => {
    expect(summary(match('Frontex-statusovereenkomsten, de Europol-begroting, OM-capaciteit en Empact-activiteiten'))).toEqual([
      ['frontex', 'Frontex-statusovereenkomsten', 'compound'],
      ['europol', 'Europol-begroting', 'compound'],
      ['om', 'OM-capaciteit', 'compound'],
      ['empact', 'Empact-activiteiten', 'compound'],
    ]);
  });

  it('does not count a compound whose first part is generic, nor its second part', () => {
    expect(match('op EU-niveau, in het EU-recht, met VN-sancties en de dialoog EU-Turkije')).toEqual([]);
    expect(match('VN- en EU-sancties')).toEqual([]);
  });

  it('matches a compound that is itself a listed form', () => {
    expect(summary(match('de EU-agentschappen en de EU-delegaties'))).toEqual([
      ['eu-agencies', 'EU-agentschappen', 'name'],
      ['eu-delegations', 'EU-delegaties', 'name'],
    ]);
  });
});

describe('suspended compounds', () => {
  it('splits "rechtshandhavings- en justitiële autoriteiten" into two mentions', () => {
    const text = 'de respons van rechtshandhavings- en justitiële autoriteiten';
    expect(summary(match(text))).toEqual([
      ['law-enforcement-authorities', 'rechtshandhavings-', 'suspended'],
      ['judicial-authorities', 'justitiële autoriteiten', 'name'],
    ]);
  });

  it('completes the first part with the head of a word further on', () => {
    expect(summary(match('de capaciteit van rechtshandhavings- en andere autoriteiten'))).toEqual([
      ['law-enforcement-authorities', 'rechtshandhavings-', 'suspended'],
    ]);
  });

  it('gives one mention when both parts name the same entity', () => {
    expect(summary(match('samenwerking met bron- en transitlanden'))).toEqual([
      ['origin-and-transit-countries', 'bron- en transitlanden', 'suspended'],
    ]);
  });

  it('handles a left-out first word: "politiële en justitiële autoriteiten"', () => {
    expect(summary(match('dat politiële en justitiële autoriteiten'))).toEqual([
      ['law-enforcement-authorities', 'politiële', 'suspended'],
      ['judicial-authorities', 'justitiële autoriteiten', 'name'],
    ]);
  });

  it('leaves a suspension alone when no entity is made: "drugs- en wapensmokkel"', () => {
    expect(match('drugs- en wapensmokkel en grens- en migratiebeheer')).toEqual([]);
  });
});

describe('apposition', () => {
  it('makes a name and its acronym in parentheses one mention', () => {
    expect(summary(match('het Europees Grens- en kustwachtagentschap (Frontex) en het Europees Centrum tegen migrantensmokkel (EMSC)'))).toEqual([
      ['frontex', 'Europees Grens- en kustwachtagentschap (Frontex)', 'name'],
      ['emsc', 'Europees Centrum tegen migrantensmokkel (EMSC)', 'name'],
    ]);
  });

  it('keeps a parenthesised acronym of another entity separate', () => {
    expect(summary(match('Europol (EMSC)'))).toEqual([
      ['europol', 'Europol', 'name'],
      ['emsc', 'EMSC', 'acronym'],
    ]);
  });
});

describe('typos', () => {
  it('matches a known misspelling', () => {
    expect(summary(match('Cpol en de rechtshandavingsinstanties van de lidstaten'))).toEqual([
      ['cepol', 'Cpol', 'misspelling'],
      ['law-enforcement-authorities', 'rechtshandavingsinstanties', 'misspelling'],
      ['member-states', 'lidstaten', 'name'],
    ]);
  });

  it('matches a capitalised word one edit from a name inside a sentence', () => {
    expect(summary(match('(zoals Eurojsut, Cepl, Frontexx en EMCS)'))).toEqual([
      ['eurojust', 'Eurojsut', 'fuzzy'],
      ['cepol', 'Cepl', 'fuzzy'],
      ['frontex', 'Frontexx', 'fuzzy'],
      ['emsc', 'EMCS', 'fuzzy'],
    ]);
  });

  it('never matches ordinary words fuzzily', () => {
    expect(match('de eurojsut en frontexx')).toEqual([]); // lower case
    expect(match('Frontexx zegt.')).toEqual([]); // sentence start
    expect(match('UNODC, *Impact of the Covid-19 Pandemic*')).toHaveLength(1); // Impact is no Empact
    expect(match('a) Essentie Nederlands beleid')).toEqual([]); // a derived word, not a typo of Nederland
    expect(match('met EASA en IOMS')).toEqual([]); // no substitution in acronyms (EASO, IOM)
  });
});

describe('acronyms that are also words', () => {
  it('matches OM only as written and in context', () => {
    expect(summary(match('Onder het gezag van het OM pakken zij om mensensmokkel aan te pakken'))).toEqual([
      ['om', 'OM', 'acronym'],
    ]);
    expect(match('Om deze reden')).toEqual([]);
    expect(match('OM DEZE REDEN IS HET BELANGRIJK')).toEqual([]);
  });

  it('rejects an ambiguous acronym among shouting words but keeps real acronyms next to it', () => {
    expect(match('HET EP IN HET ALGEMEEN')).toEqual([]);
    expect(entities('dat het EP in het algemeen')).toEqual(['european-parliament']);
    expect(entities('(IND, KMar, politie, het OM, BZ en JenV)')).toEqual(['ind', 'kmar', 'politie', 'om', 'ministry-bz', 'ministry-jenv']);
  });

  it('uses a case flag for "Raad" and "Commissie"', () => {
    expect(match('op advies van de raad van de commissie')).toEqual([]);
    expect(entities('de Raad en de Commissie; DE RAAD EN DE COMMISSIE')).toEqual([
      'council-of-the-eu',
      'european-commission',
      'council-of-the-eu',
      'european-commission',
    ]);
  });
});

describe('never inside URLs and e-mail addresses', () => {
  it('skips web addresses, e-mail addresses, domains and broken paths', () => {
    expect(match('zie https://frontex.europa.eu/Europol/COM(2021)591 of <www.europol.europa.eu>')).toEqual([]);
    expect(match('mail info@Europol.nl of kijk op ec.europa.eu')).toEqual([]);
    expect(match('https://eur-lex.europa.eu/legal-content/NL/TXT/PDF/?uri=CELEX:52021DC0591&from=EN')).toEqual([]);
    expect(match('zaken/documenten/richtlijnen/2021/09/29/Frontex')).toEqual([]);
    expect(entities('Frontex (https://frontex.europa.eu) en Europol')).toEqual(['frontex', 'europol']);
  });
});

describe('ignore phrases', () => {
  it('tells Nederland the actor from Nederland the place', () => {
    expect(entities('Nederland levert al sinds het begin een bijdrage')).toEqual(['dutch-government']);
    expect(match('De situatie in Nederland en in Caribisch Nederland')).toEqual([]);
    expect(entities('onderdanen van derde landen en derde landen')).toEqual(['third-countries']);
  });
});

describe('instrument mentions and corpus documents', () => {
  it('gives the normalised identifier and the corpus document of an instrument', () => {
    const [named, numbered] = match('het vernieuwde EU-actieplan (COM(2021) 591 final)');
    expect(named).toMatchObject({ entity: 'com-2021-591', kind: 'instrument', match: 'name', normalized: '52021DC0591', document: 'com-2021-591' });
    expect(numbered).toMatchObject({ entity: 'com-2021-591', match: 'pattern', normalized: '52021DC0591', document: 'com-2021-591' });
  });

  it('links a document only when the matcher is told about it', () => {
    const plain = createMatcher(shippedRegistry()).match('COM(2021) 591 final');
    expect(plain[0]).not.toHaveProperty('document');
  });

  it('gives actors neither identifier nor document', () => {
    const [frontex] = match('Frontex');
    expect(frontex).toEqual({ entity: 'frontex', kind: 'actor', surface: 'Frontex', start: 0, end: 7, match: 'name' });
  });
});

describe('every mention of the five seed documents', () => {
  it('is sorted, non-overlapping and has the surface at its offsets', () => {
    for (const prefix of ['000', '001', '002', '003', '004']) {
      const text = seedText(prefix);
      const mentions = match(text);
      expect(mentions.length).toBeGreaterThan(50);
      let previousEnd = 0;
      for (const mention of mentions) {
        expect(mention.start).toBeGreaterThanOrEqual(previousEnd);
        expect(mention.end).toBeGreaterThan(mention.start);
        expect(text.slice(mention.start, mention.end)).toBe(mention.surface);
        previousEnd = mention.end;
      }
    }
  });

  it('matches a whole document the same as its lines one by one', () => {
    const text = seedText('002');
    const whole = match(text).map((m) => m.entity);
    const byLine = text.split('\n').flatMap((line) => match(line).map((m) => m.entity));
    expect(whole).toEqual(byLine);
  });
});
