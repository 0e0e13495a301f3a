/** Key actions of COM(2021) 171 (corpus 004), checked by reading. */
import { describe, expect, it } from 'vitest';
import { analyseKeyAction } from '../../src/entities/actions/index.js';
import { mentioned, rolesOf, sourceText } from './helpers.js';

const COMMISSION = { 'De Commissie': 'european-commission' };
const commissionWill = (line: number) => mentioned(sourceText('004', line, 'De Commissie zal:'), COMMISSION);
const commissionRequests = (line: number) =>
  mentioned(sourceText('004', line, 'De Commissie verzoekt de lidstaten om:'), { ...COMMISSION, lidstaten: 'member-states' });

describe('004: "De Commissie zal:" groups', () => {
  it('an actor opening the bullet is the object, not a second subject', () => {
    const item = mentioned(
      sourceText(
        '004',
        124,
        'de lidstaten verder ondersteunen bij de uitvoering van de richtlijn ter bestrijding van mensenhandel, onder meer door middel van specifieke financiering, met name wat de gender- en kindspecifieke aspecten betreft;',
      ),
      { 'de lidstaten': 'member-states' },
      { 'richtlijn ter bestrijding van mensenhandel': 'directive-2011-36-eu' },
    );
    const result = analyseKeyAction({ leadIn: commissionWill(122), item });
    expect(rolesOf(result)).toEqual({ 'european-commission': 'lead', 'member-states': 'mentioned' });
    expect(result.modality).toBe('commitment');
  });

  it('"samen met de lidstaten en maatschappelijke organisaties": partners', () => {
    const item = mentioned(
      sourceText(
        '004',
        177,
        'samen met de lidstaten en maatschappelijke organisaties een preventiecampagne opzetten die gericht is op sectoren en omgevingen met een hoog risico.',
      ),
      { lidstaten: 'member-states', 'maatschappelijke organisaties': 'civil-society' },
    );
    const result = analyseKeyAction({ leadIn: commissionWill(171), item });
    expect(rolesOf(result)).toEqual({
      'european-commission': 'lead',
      'member-states': 'partner',
      'civil-society': 'partner',
    });
  });

  it('"met steun van EU-agentschappen": support', () => {
    const item = mentioned(
      sourceText(
        '004',
        257,
        'een dialoog voeren met de particuliere en de digitale sector en de uitwisseling van beste praktijken bevorderen, met steun van EU-agentschappen.',
      ),
      { 'EU-agentschappen': 'eu-agencies' },
    );
    const result = analyseKeyAction({ leadIn: commissionWill(251), item });
    expect(rolesOf(result)).toEqual({ 'european-commission': 'lead', 'eu-agencies': 'support' });
  });

  it('"nauwer samenwerken met de Raad van Europa en zijn Groep van deskundigen": partners', () => {
    const item = mentioned(
      sourceText('004', 429, 'nauwer samenwerken met de Raad van Europa en zijn Groep van deskundigen inzake actie tegen mensenhandel;'),
      { 'Raad van Europa': 'council-of-europe', 'Groep van deskundigen inzake actie tegen mensenhandel': 'greta' },
    );
    const result = analyseKeyAction({ leadIn: commissionWill(417), item });
    expect(rolesOf(result)).toEqual({
      'european-commission': 'lead',
      'council-of-europe': 'partner',
      greta: 'partner',
    });
  });

  it('"een EU-actieplan tegen migrantensmokkel (2021-2025) aannemen": a period in a title is no deadline', () => {
    const item = mentioned(sourceText('004', 419, 'een EU-actieplan tegen migrantensmokkel (2021-2025) aannemen;'), {}, {
      'EU-actieplan tegen migrantensmokkel (2021-2025)': 'com-2021-591',
    });
    const result = analyseKeyAction({ leadIn: commissionWill(417), item });
    expect(result.modality).toBe('commitment');
    expect(result.deadlines).toEqual([]);
    expect(result.deadline).toBeNull();
  });
});

describe('004: "De Commissie verzoekt de lidstaten om:" groups', () => {
  it('"gebruik te maken van de steun van EU-agentschappen (zoals Europol, Eurojust, Cpol en Frontex)": the list in brackets supports', () => {
    const item = mentioned(
      sourceText(
        '004',
        182,
        'ten volle gebruik te maken van de steun van EU-agentschappen (zoals Europol, Eurojust, Cpol en Frontex) en de capaciteitsopbouw van hun operationele actoren te versterken, onder meer om potentiële slachtoffers van mensenhandel te identificeren;',
      ),
      { 'EU-agentschappen': 'eu-agencies', Europol: 'europol', Eurojust: 'eurojust', Cpol: 'cepol', Frontex: 'frontex' },
    );
    const result = analyseKeyAction({ leadIn: commissionRequests(179), item });
    expect(result.actors).toEqual([
      { entity: 'european-commission', role: 'lead', source: 'lead-in', surface: 'De Commissie' },
      { entity: 'member-states', role: 'addressee', source: 'lead-in', surface: 'lidstaten' },
      { entity: 'eu-agencies', role: 'support', source: 'item', surface: 'EU-agentschappen' },
      { entity: 'europol', role: 'support', source: 'item', surface: 'Europol' },
      { entity: 'eurojust', role: 'support', source: 'item', surface: 'Eurojust' },
      { entity: 'cepol', role: 'support', source: 'item', surface: 'Cpol' },
      { entity: 'frontex', role: 'support', source: 'item', surface: 'Frontex' },
    ]);
    expect(result.modality).toBe('request');
  });

  it('"samen te werken met de EU-agentschappen, met name Europol en, binnen de grenzen van haar bevoegdheid, de Europese Arbeidsautoriteit": the inserted phrase does not end the list', () => {
    const item = mentioned(
      sourceText(
        '004',
        191,
        'samen te werken met de EU-agentschappen, met name Europol en, binnen de grenzen van haar bevoegdheid, de Europese Arbeidsautoriteit, om arbeidsuitbuiting te bestrijden;',
      ),
      { 'EU-agentschappen': 'eu-agencies', Europol: 'europol', 'Europese Arbeidsautoriteit': 'ela' },
    );
    const result = analyseKeyAction({ leadIn: commissionRequests(179), item });
    expect(rolesOf(result)).toEqual({
      'european-commission': 'lead',
      'member-states': 'addressee',
      'eu-agencies': 'partner',
      europol: 'partner',
      ela: 'partner',
    });
    expect(result.modality).toBe('request');
  });

  it('"onder meer met de steun van EU-agentschappen zoals Europol en Eurojust": support; regions are no actors', () => {
    const item = mentioned(
      sourceText(
        '004',
        434,
        'de uitwisseling van informatie en criminele inlichtingen over mensenhandel en daarmee verband houdende misdrijven en criminele netwerken op te voeren; en grensoverschrijdende en internationale operationele en justitiële samenwerking te vergemakkelijken in landen die geconfronteerd worden met mensenhandel, met name in de Westelijke Balkan en de nabuurschapslanden, Afrika, het Midden-Oosten en Zuidoost-Azië, onder meer met de steun van EU-agentschappen zoals Europol en Eurojust.',
      ),
      { 'EU-agentschappen': 'eu-agencies', Europol: 'europol', Eurojust: 'eurojust' },
    );
    const result = analyseKeyAction({ leadIn: commissionRequests(432), item });
    expect(rolesOf(result)).toEqual({
      'european-commission': 'lead',
      'member-states': 'addressee',
      'eu-agencies': 'support',
      europol: 'support',
      eurojust: 'support',
    });
    expect(result.modality).toBe('request');
  });
});

describe('004: "De lidstaten wordt verzocht:" (passive lead-in)', () => {
  const leadIn = () => mentioned(sourceText('004', 259, 'De lidstaten wordt verzocht:'), { 'De lidstaten': 'member-states' });

  it('"met de steun van Europol ...": the member states are addressed (no caller invented), Europol supports', () => {
    const item = mentioned(
      sourceText('004', 269, 'met de steun van Europol systematisch gegevens uit te wisselen over onderzoeken naar mensenhandel;'),
      { Europol: 'europol' },
    );
    const result = analyseKeyAction({ leadIn: leadIn(), item });
    expect(result.actors).toEqual([
      { entity: 'member-states', role: 'addressee', source: 'lead-in', surface: 'De lidstaten' },
      { entity: 'europol', role: 'support', source: 'item', surface: 'Europol' },
    ]);
    expect(result.modality).toBe('request');
    expect(result.deadlines).toEqual([]);
  });
});
