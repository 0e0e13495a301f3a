/** General rules on texts beyond the pinned key actions: precedence, insertions, output shape. */
import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { ActorRole, Deadline, Modality } from '../../src/document/model.js';
import { analyseKeyAction } from '../../src/entities/actions/index.js';
import { mentioned, rolesOf, sourceExcerpt, sourceText } from './helpers.js';

const COMMISSION = { 'De Commissie': 'european-commission' };

describe('modality precedence', () => {
  it('a commitment to address an actor is that directive: "De Commissie zal de lidstaten aansporen om:" is a call', () => {
    const leadIn = mentioned('De Commissie zal de lidstaten aansporen om:', { ...COMMISSION, lidstaten: 'member-states' });
    const item = mentioned('nationale actieplannen vast te stellen.');
    const result = analyseKeyAction({ leadIn, item });
    expect(rolesOf(result)).toEqual({ 'european-commission': 'lead', 'member-states': 'addressee' });
    expect(result.modality).toBe('call');
  });

  it('an encouraging verb without an addressee stays under the commitment', () => {
    const leadIn = mentioned(sourceText('003', 159, 'De Commissie zal:'), COMMISSION);
    const item = mentioned(
      sourceText(
        '003',
        163,
        'de volledige en snelle deelname van de lidstaten aan het digitale systeem voor de uitwisseling van elektronisch bewijsmateriaal aanmoedigen en faciliteren;',
      ),
      { lidstaten: 'member-states' },
    );
    const result = analyseKeyAction({ leadIn, item });
    expect(rolesOf(result)).toEqual({ 'european-commission': 'lead', 'member-states': 'mentioned' });
    expect(result.modality).toBe('commitment');
  });

  it('"nodigt ... uit" and "worden uitgenodigd" are invitations', () => {
    const active = analyseKeyAction({
      leadIn: mentioned('De Commissie nodigt het Europees Parlement en de Raad uit om:', {
        ...COMMISSION,
        'Europees Parlement': 'european-parliament',
        Raad: 'council-of-the-eu',
      }),
      item: mentioned('het voorstel spoedig goed te keuren.'),
    });
    expect(rolesOf(active)).toEqual({
      'european-commission': 'lead',
      'european-parliament': 'addressee',
      'council-of-the-eu': 'addressee',
    });
    expect(active.modality).toBe('invitation');
    const passive = analyseKeyAction({
      leadIn: mentioned('De lidstaten worden uitgenodigd:', { 'De lidstaten': 'member-states' }),
      item: mentioned('deel te nemen aan het netwerk.'),
    });
    expect(rolesOf(passive)).toEqual({ 'member-states': 'addressee' });
    expect(passive.modality).toBe('invitation');
  });

  it('"zouden" without "moeten" is no recommendation; no modal cue at all is a statement', () => {
    const zouden = analyseKeyAction({
      leadIn: mentioned('De lidstaten zouden:', { 'De lidstaten': 'member-states' }),
      item: mentioned('daarbij baat hebben.'),
    });
    expect(zouden.modality).toBe('statement');
    const statement = analyseKeyAction({
      leadIn: null,
      item: mentioned('De Commissie is ingenomen met de onlangs goedgekeurde wereldwijde EU-sanctieregeling voor de mensenrechten.', COMMISSION),
    });
    expect(rolesOf(statement)).toEqual({ 'european-commission': 'lead' });
    expect(statement.modality).toBe('statement');
  });

  it('an active plural subject that requests is the lead, not an addressee ("De lidstaten verzoeken de Commissie om:")', () => {
    const leadIn = mentioned('De lidstaten verzoeken de Commissie om:', { 'De lidstaten': 'member-states', Commissie: 'european-commission' });
    const result = analyseKeyAction({ leadIn, item: mentioned('een voorstel in te dienen.') });
    expect(rolesOf(result)).toEqual({ 'member-states': 'lead', 'european-commission': 'addressee' });
    expect(result.modality).toBe('request');
  });

  it('a commitment to request: "De Commissie zal de lidstaten verzoeken:"', () => {
    const leadIn = mentioned('De Commissie zal de lidstaten verzoeken:', { ...COMMISSION, lidstaten: 'member-states' });
    const result = analyseKeyAction({ leadIn, item: mentioned('verslag uit te brengen (uiterlijk eind 2024).') });
    expect(rolesOf(result)).toEqual({ 'european-commission': 'lead', 'member-states': 'addressee' });
    expect(result.modality).toBe('request');
    expect(result.deadline).toMatchObject({ text: 'uiterlijk eind 2024', precision: 'year', qualifier: 'by' });
  });
});

describe('roles', () => {
  it('a supporter inserted after the verb ("zal, met steun van de EEAS, ... samenwerken met derde landen")', () => {
    const item = mentioned(
      sourceExcerpt(
        '003',
        97,
        'De Commissie zal, met steun van de Europese Dienst voor extern optreden, intensiever samenwerken met derde landen van herkomst en doorreis van slachtoffers en met internationale en regionale partners.',
      ),
      { ...COMMISSION, 'Europese Dienst voor extern optreden': 'eeas', 'derde landen': 'third-countries' },
    );
    const result = analyseKeyAction({ leadIn: null, item });
    expect(rolesOf(result)).toEqual({ 'european-commission': 'lead', eeas: 'support', 'third-countries': 'partner' });
    expect(result.modality).toBe('commitment');
  });

  it('a partner inserted into a coordinated subject ("De Commissie, samen met ..., en de lidstaten zullen")', () => {
    const item = mentioned('De Commissie, samen met de hoge vertegenwoordiger, en de lidstaten zullen de dialoog voortzetten.', {
      ...COMMISSION,
      'hoge vertegenwoordiger': 'high-representative',
      lidstaten: 'member-states',
    });
    expect(rolesOf(analyseKeyAction({ leadIn: null, item }))).toEqual({
      'european-commission': 'lead',
      'high-representative': 'partner',
      'member-states': 'lead',
    });
  });

  it('instrument mentions get no role, even as the subject', () => {
    const item = mentioned(
      sourceExcerpt('000', 524, 'Horizon Europa, het kaderprogramma voor onderzoek en innovatie (2021-2027), zou hiervoor moeten worden gebruikt'),
      {},
      { 'Horizon Europa': 'horizon-europe' },
    );
    const result = analyseKeyAction({ leadIn: null, item });
    expect(result.actors).toEqual([]);
    expect(result.modality).toBe('recommendation');
    expect(result.deadlines).toEqual([]);
  });

  it('an actor named twice keeps its strongest role, with the surface and source where that role was found', () => {
    const result = analyseKeyAction({
      leadIn: mentioned('De Commissie zal, in overleg met Frontex:', { ...COMMISSION, Frontex: 'frontex' }),
      item: mentioned('met de steun van Frontex en in overleg met de Commissie de controles versterken;', {
        Frontex: 'frontex',
        Commissie: 'european-commission',
      }),
    });
    expect(result.actors).toEqual([
      { entity: 'european-commission', role: 'lead', source: 'lead-in', surface: 'De Commissie' },
      { entity: 'frontex', role: 'support', source: 'item', surface: 'Frontex' },
    ]);
  });
});

describe('deadlines of the lead-in', () => {
  it('are listed first, with offsets into the lead-in text', () => {
    const result = analyseKeyAction({
      leadIn: mentioned('De Commissie zal in 2024:', COMMISSION),
      item: mentioned('een verslag indienen (2e kwartaal 2025);'),
    });
    expect(result.deadlines.map(({ text, start }) => [text, start])).toEqual([
      ['in 2024', 17],
      ['2e kwartaal 2025', 22],
    ]);
    expect(result.deadline?.text).toBe('in 2024');
  });
});

it('produces the types of the document model', () => {
  const result = analyseKeyAction({
    leadIn: mentioned(sourceText('000', 502, 'De Commissie:'), COMMISSION),
    item: mentioned(sourceText('000', 504, 'zal in de eerste helft van 2022 een voorstel indienen voor de volledige digitalisering van visumprocedures;')),
  });
  expect(z.array(ActorRole).parse(result.actors)).toEqual(result.actors);
  expect(Modality.parse(result.modality)).toBe(result.modality);
  expect(z.array(Deadline).parse(result.deadlines)).toEqual(result.deadlines);
  expect(Deadline.nullable().parse(result.deadline)).toEqual(result.deadline);
});
