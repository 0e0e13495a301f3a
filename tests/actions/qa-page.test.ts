/** Key actions of the Q&A page (corpus 003, "Belangrijkste acties in het kader van ..."), checked by reading. */
import { describe, expect, it } from 'vitest';
import { analyseKeyAction } from '../../src/entities/actions/index.js';
import { mentioned, rolesOf, sourceText } from './helpers.js';

const commissionWill = (line: number) =>
  mentioned(sourceText('003', line, 'De Commissie zal:'), { 'De Commissie': 'european-commission' });
const memberStatesUrged = (line: number) =>
  mentioned(sourceText('003', line, 'De lidstaten worden aangespoord om:'), { 'De lidstaten': 'member-states' });

describe('003: deadlines in "De Commissie zal:" groups', () => {
  it('three quarter deadlines in one bullet; the earliest is the first fourth quarter of 2021', () => {
    const text = sourceText(
      '003',
      109,
      'voorstellen om het Prüm-kader te versterken (4e kwartaal 2021), een EU-code voor politiële samenwerking op te stellen (4e kwartaal 2021) en de EU-regels inzake op voorhand af te geven passagiersgegevens te herzien (1e kwartaal 2022);',
    );
    const result = analyseKeyAction({ leadIn: commissionWill(107), item: mentioned(text) });
    expect(result.modality).toBe('commitment');
    expect(result.deadlines.map(({ text: printed, quarter, year, periodStart, periodEnd, qualifier }) => ({
      printed,
      quarter,
      year,
      periodStart,
      periodEnd,
      qualifier,
    }))).toEqual([
      { printed: '4e kwartaal 2021', quarter: 4, year: 2021, periodStart: '2021-10-01', periodEnd: '2021-12-31', qualifier: 'in' },
      { printed: '4e kwartaal 2021', quarter: 4, year: 2021, periodStart: '2021-10-01', periodEnd: '2021-12-31', qualifier: 'in' },
      { printed: '1e kwartaal 2022', quarter: 1, year: 2022, periodStart: '2022-01-01', periodEnd: '2022-03-31', qualifier: 'in' },
    ]);
    for (const deadline of result.deadlines) expect(text.slice(deadline.start, deadline.end)).toBe(deadline.text);
    expect(result.deadline).toBe(result.deadlines[0]);
    expect(result.deadline?.start).toBe(text.indexOf('4e kwartaal 2021'));
  });

  it('"(vierde kwartaal van 2021)": a written-out ordinal', () => {
    const text = sourceText('003', 110, 'een samenwerkingsplatform voor gezamenlijke onderzoeksteams opzetten (vierde kwartaal van 2021);');
    const result = analyseKeyAction({ leadIn: commissionWill(107), item: mentioned(text) });
    expect(result.deadline).toEqual({
      text: 'vierde kwartaal van 2021',
      precision: 'quarter',
      year: 2021,
      quarter: 4,
      periodStart: '2021-10-01',
      periodEnd: '2021-12-31',
      qualifier: 'in',
      source: 'item',
      start: text.indexOf('vierde'),
      end: text.indexOf(')'),
    });
  });

  it('"(2023)" is a year deadline, "voor 2021-2027" is a funding period', () => {
    const text = sourceText(
      '003',
      111,
      'het Europees multidisciplinair platform tegen criminaliteitsdreiging (Empact) oprichten als het EU-vlaggenschipinstrument ter bestrijding van georganiseerde en zware internationale criminaliteit (2023), en de financiering ervan voor 2021-2027 aanzienlijk verhogen;',
    );
    const result = analyseKeyAction({ leadIn: commissionWill(107), item: mentioned(text) });
    expect(result.deadlines).toEqual([
      {
        text: '2023',
        precision: 'year',
        year: 2023,
        periodStart: '2023-01-01',
        periodEnd: '2023-12-31',
        qualifier: 'in',
        source: 'item',
        start: text.indexOf('2023'),
        end: text.indexOf('2023') + 4,
      },
    ]);
  });

  it('"(4e kwartaal 2021)" and "(2e kwartaal 2021)": the earliest is the second quarter, printed last', () => {
    const text = sourceText(
      '003',
      126,
      'wijzigingen van de EU-regels inzake milieucriminaliteit voorstellen (4e kwartaal 2021) en de bepalingen inzake handhaving tegen illegale afvaltransporten versterken (2e kwartaal 2021);',
    );
    const result = analyseKeyAction({ leadIn: commissionWill(124), item: mentioned(text) });
    expect(result.deadlines.map((deadline) => deadline.quarter)).toEqual([4, 2]);
    expect(result.deadline).toMatchObject({ text: '2e kwartaal 2021', periodStart: '2021-04-01', periodEnd: '2021-06-30' });
  });

  it('"uiterlijk eind juni 2021": a month, qualified "by"; the consulted member states are mentioned', () => {
    const text = sourceText(
      '003',
      161,
      'mogelijke benaderingen en oplossingen voor gegevensbewaring voor rechtshandhaving en justitie analyseren en presenteren, en uiterlijk eind juni 2021 de lidstaten daarover raadplegen;',
    );
    const result = analyseKeyAction({ leadIn: commissionWill(159), item: mentioned(text, { 'de lidstaten': 'member-states' }) });
    expect(rolesOf(result)).toEqual({ 'european-commission': 'lead', 'member-states': 'mentioned' });
    expect(result.deadline).toEqual({
      text: 'uiterlijk eind juni 2021',
      precision: 'month',
      year: 2021,
      month: 6,
      periodStart: '2021-06-01',
      periodEnd: '2021-06-30',
      qualifier: 'by',
      source: 'item',
      start: text.indexOf('uiterlijk'),
      end: text.indexOf(' de lidstaten'),
    });
  });
});

describe('003: passive lead-ins address their subject and invent no caller', () => {
  it('"De lidstaten worden aangespoord om:" + "(uiterlijk tegen augustus 2021)": call, a month qualified "by"', () => {
    const text = sourceText(
      '003',
      149,
      'systematisch financiële onderzoeken te verrichten in het kader van onderzoeken naar georganiseerde criminaliteit; de EU-regels inzake het vergemakkelijken van de toegang tot financiële informatie snel (uiterlijk tegen augustus 2021) om te zetten;',
    );
    const result = analyseKeyAction({ leadIn: memberStatesUrged(147), item: mentioned(text) });
    expect(result.actors).toEqual([
      { entity: 'member-states', role: 'addressee', source: 'lead-in', surface: 'De lidstaten' },
    ]);
    expect(result.modality).toBe('call');
    expect(result.deadline).toMatchObject({
      text: 'uiterlijk tegen augustus 2021',
      precision: 'month',
      month: 8,
      periodStart: '2021-08-01',
      periodEnd: '2021-08-31',
      qualifier: 'by',
    });
  });

  it('"De lidstaten worden aangespoord om:" + "met de steun van Europol": addressee and support', () => {
    const text = sourceText(
      '003',
      222,
      'ten volle gebruik te maken van de bestaande instrumenten voor operationele samenwerking zoals gemeenschappelijke onderzoeksteams, met de steun van Europol, en operationele samenwerking via Empact;',
    );
    const result = analyseKeyAction({ leadIn: memberStatesUrged(219), item: mentioned(text, { Europol: 'europol' }) });
    expect(rolesOf(result)).toEqual({ 'member-states': 'addressee', europol: 'support' });
    expect(result.modality).toBe('call');
  });

  it('"De lidstaten en Europol worden aangespoord om:": both addressed', () => {
    const leadIn = mentioned(sourceText('003', 153, 'De lidstaten en Europol worden aangespoord om:'), {
      'De lidstaten': 'member-states',
      Europol: 'europol',
    });
    const item = mentioned(sourceText('003', 155, 'het inlichtingenbeeld over de dreiging van infiltratie in de legale economie te verbeteren.'));
    const result = analyseKeyAction({ leadIn, item });
    expect(rolesOf(result)).toEqual({ 'member-states': 'addressee', europol: 'addressee' });
    expect(result.modality).toBe('call');
  });

  it('"Het Europees Parlement en de Raad worden verzocht:": request; Europol in the bullet is mentioned', () => {
    const leadIn = mentioned(sourceText('003', 114, 'Het Europees Parlement en de Raad worden verzocht:'), {
      'Europees Parlement': 'european-parliament',
      Raad: 'council-of-the-eu',
    });
    const item = mentioned(
      sourceText('003', 116, 'vooruitgang te boeken in de onderhandelingen over de herziening van het mandaat van Europol met het oog op een spoedig akkoord.'),
      { Europol: 'europol' },
    );
    const result = analyseKeyAction({ leadIn, item });
    expect(result.actors).toEqual([
      { entity: 'european-parliament', role: 'addressee', source: 'lead-in', surface: 'Europees Parlement' },
      { entity: 'council-of-the-eu', role: 'addressee', source: 'lead-in', surface: 'Raad' },
      { entity: 'europol', role: 'mentioned', source: 'item', surface: 'Europol' },
    ]);
    expect(result.modality).toBe('request');
  });

  it('"De Raad wordt verzocht:": singular passive request; Interpol in the bullet is mentioned', () => {
    const leadIn = mentioned(sourceText('003', 118, 'De Raad wordt verzocht:'), { 'De Raad': 'council-of-the-eu' });
    const item = mentioned(
      sourceText('003', 120, 'de aanbeveling goed te keuren tot opening van onderhandelingen over een samenwerkingsovereenkomst met Interpol.'),
      { Interpol: 'interpol' },
    );
    const result = analyseKeyAction({ leadIn, item });
    expect(rolesOf(result)).toEqual({ 'council-of-the-eu': 'addressee', interpol: 'mentioned' });
    expect(result.modality).toBe('request');
  });

  it('"Cepol wordt aangespoord om:": call', () => {
    const leadIn = mentioned(sourceText('003', 173, 'Cepol wordt aangespoord om:'), { Cepol: 'cepol' });
    const item = mentioned(sourceText('003', 175, 'certificerings-/accrediteringsregelingen op te zetten voor deskundigen op het gebied van digitaal onderzoek;'));
    const result = analyseKeyAction({ leadIn, item });
    expect(rolesOf(result)).toEqual({ cepol: 'addressee' });
    expect(result.modality).toBe('call');
  });
});
