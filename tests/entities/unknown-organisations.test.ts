import { describe, expect, it } from 'vitest';
import { shippedMatcher } from './helpers.js';

const unknown = (text: string) => shippedMatcher().findUnknownOrganisations(text);

describe('findUnknownOrganisations', () => {
  it('suggests an unknown acronym in parentheses with the name before it', () => {
    const text = 'Het EMM werkt samen met de Stichting tegen Vrouwenhandel (STV) en Frontex.';
    const [suggestion, ...rest] = unknown(text);
    expect(rest).toEqual([]);
    expect(suggestion).toEqual({
      name: 'Stichting tegen Vrouwenhandel',
      acronym: 'STV',
      entity: null,
      start: text.indexOf('Stichting'),
      end: text.indexOf('(STV)') + 5,
    });
  });

  it('suggests a capitalised organisation name without an acronym', () => {
    const text = 'In 2020 publiceerde het Wetenschappelijk Onderzoek- en Documentatiecentrum een rapport.';
    expect(unknown(text)).toMatchObject([{ name: 'Wetenschappelijk Onderzoek- en Documentatiecentrum', acronym: null }]);
  });

  it('reports a missing acronym of a known entity', () => {
    expect(unknown('de Europese Commissie (EUCO) en de lidstaten')).toMatchObject([
      { name: null, acronym: 'EUCO', entity: 'european-commission' },
    ]);
  });

  it('stays quiet on known names, places, plurals and numbers', () => {
    expect(unknown('het Mobiel Toezicht Veiligheid (MTV) van de Koninklijke Marechaussee (KMar)')).toEqual([]);
    expect(unknown('In Nederland, België en de Westelijke Balkan')).toEqual([]);
    expect(unknown('verschillende Immigration Liaison Officers (ILO’s) in het buitenland')).toEqual([]);
    expect(unknown('instrument voor pretoetredingssteun (III) en 2020/2029(INI)')).toEqual([]);
    expect(unknown('MEDEDELING VAN DE COMMISSIE AAN HET EUROPEES PARLEMENT EN HET NIEUWE COMITÉ')).toEqual([]);
    expect(unknown('in het kader van Team Europa')).toEqual([]);
  });
});
