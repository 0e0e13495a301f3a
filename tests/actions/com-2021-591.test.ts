/** Key actions of COM(2021) 591 (corpus 000), checked by reading. */
import { describe, expect, it } from 'vitest';
import { analyseKeyAction } from '../../src/entities/actions/index.js';
import { mentioned, rolesOf, sourceText } from './helpers.js';

const COMMISSION = { 'De Commissie': 'european-commission' };

describe('000: bullets without a lead-in name their actor (lines 295-297, 532-534)', () => {
  it('"De Commissie zal samen met ..." : Commission lead, "samen met" partners, object countries mentioned', () => {
    const item = mentioned(
      sourceText(
        '000',
        295,
        'De Commissie zal samen met de hoge vertegenwoordiger en de lidstaten operationele partnerschappen ter bestrijding van mensensmokkel opzetten met partnerlanden langs migratieroutes, als onderdeel van de brede, evenwichtige, op maat gesneden en wederzijds voordelige migratiepartnerschappen in het kader van het nieuwe pact.',
      ),
      {
        'De Commissie': 'european-commission',
        'hoge vertegenwoordiger': 'high-representative',
        lidstaten: 'member-states',
        partnerlanden: 'partner-countries',
      },
      { 'nieuwe pact': 'new-pact-on-migration-and-asylum' },
    );
    const result = analyseKeyAction({ leadIn: null, item });
    expect(result.actors).toEqual([
      { entity: 'european-commission', role: 'lead', source: 'item', surface: 'De Commissie' },
      { entity: 'high-representative', role: 'partner', source: 'item', surface: 'hoge vertegenwoordiger' },
      { entity: 'member-states', role: 'partner', source: 'item', surface: 'lidstaten' },
      { entity: 'partner-countries', role: 'mentioned', source: 'item', surface: 'partnerlanden' },
    ]);
    expect(result.modality).toBe('commitment');
    expect(result.deadlines).toEqual([]);
    expect(result.deadline).toBeNull();
  });

  it('"samenwerking met relevante internationale organisaties, zoals het UNODC en Interpol": all partners', () => {
    const item = mentioned(
      sourceText(
        '000',
        296,
        'De Commissie zal regionale samenwerking bevorderen evenals samenwerking met relevante internationale organisaties, zoals het UNODC en Interpol.',
      ),
      {
        ...COMMISSION,
        'internationale organisaties': 'international-organisations',
        UNODC: 'unodc',
        Interpol: 'interpol',
      },
    );
    const result = analyseKeyAction({ leadIn: null, item });
    expect(rolesOf(result)).toEqual({
      'european-commission': 'lead',
      'international-organisations': 'partner',
      unodc: 'partner',
      interpol: 'partner',
    });
    expect(result.modality).toBe('commitment');
  });

  it('a coordinated subject "De Commissie, de hoge vertegenwoordiger, de lidstaten en de agentschappen van de Unie zullen": all lead', () => {
    const item = mentioned(
      sourceText(
        '000',
        297,
        'De Commissie, de hoge vertegenwoordiger, de lidstaten en de agentschappen van de Unie zullen alle operationele, juridische, diplomatieke en financiële instrumenten waarover zij beschikken, inzetten en verder ontwikkelen om te reageren op de instrumentalisering van irreguliere migratie door overheidsactoren.',
      ),
      {
        ...COMMISSION,
        'hoge vertegenwoordiger': 'high-representative',
        lidstaten: 'member-states',
        'agentschappen van de Unie': 'eu-agencies',
      },
    );
    const result = analyseKeyAction({ leadIn: null, item });
    expect(rolesOf(result)).toEqual({
      'european-commission': 'lead',
      'high-representative': 'lead',
      'member-states': 'lead',
      'eu-agencies': 'lead',
    });
    expect(result.modality).toBe('commitment');
  });

  it('"Europol en Frontex zouden ... moeten": both lead, recommendation', () => {
    const item = mentioned(
      sourceText('000', 532, 'Europol en Frontex zouden regelmatig gezamenlijke verslagen over migrantensmokkel moeten opstellen;'),
      { Europol: 'europol', Frontex: 'frontex' },
    );
    const result = analyseKeyAction({ leadIn: null, item });
    expect(rolesOf(result)).toEqual({ europol: 'lead', frontex: 'lead' });
    expect(result.modality).toBe('recommendation');
  });

  it('"De lidstaten, bijgestaan door de Commissie, en EU-agentschappen zouden": the inserted supporter does not split the subject', () => {
    const item = mentioned(
      sourceText(
        '000',
        533,
        'De lidstaten, bijgestaan door de Commissie, en EU-agentschappen zouden de ontwikkeling van nieuwe technologieën, waaronder artificiële intelligentie, moeten ondersteunen om de kennisbasis inzake irreguliere migratie en migrantensmokkel te vergroten;',
      ),
      { 'De lidstaten': 'member-states', Commissie: 'european-commission', 'EU-agentschappen': 'eu-agencies' },
    );
    const result = analyseKeyAction({ leadIn: null, item });
    expect(result.actors).toEqual([
      { entity: 'member-states', role: 'lead', source: 'item', surface: 'De lidstaten' },
      { entity: 'european-commission', role: 'support', source: 'item', surface: 'Commissie' },
      { entity: 'eu-agencies', role: 'lead', source: 'item', surface: 'EU-agentschappen' },
    ]);
    expect(result.modality).toBe('recommendation');
  });

  it('"EU-agentschappen, zoals Europol en Frontex, zouden met de particuliere sector moeten samenwerken": subjects lead, sector partner', () => {
    const item = mentioned(
      sourceText(
        '000',
        534,
        'EU-agentschappen, zoals Europol en Frontex, zouden met de particuliere sector moeten samenwerken om meer inzicht te krijgen in smokkelpraktijken.',
      ),
      { 'EU-agentschappen': 'eu-agencies', Europol: 'europol', Frontex: 'frontex', 'particuliere sector': 'private-sector' },
    );
    const result = analyseKeyAction({ leadIn: null, item });
    expect(rolesOf(result)).toEqual({
      'eu-agencies': 'lead',
      europol: 'lead',
      frontex: 'lead',
      'private-sector': 'partner',
    });
    expect(result.modality).toBe('recommendation');
  });
});

describe('000: groups under a lead-in (lines 385-400)', () => {
  const commissionWill = () => mentioned(sourceText('000', 385, 'De Commissie zal:'), COMMISSION);

  it('"in 2023 verslag uitbrengen": the lead-in subject leads, a year deadline', () => {
    const item = mentioned(
      sourceText('000', 388, 'in 2023 verslag uitbrengen over de uitvoering van het hulpverleningspakket en verdere actie overwegen;'),
      {},
      { hulpverleningspakket: 'facilitators-package' },
    );
    const result = analyseKeyAction({ leadIn: commissionWill(), item });
    expect(result.actors).toEqual([
      { entity: 'european-commission', role: 'lead', source: 'lead-in', surface: 'De Commissie' },
    ]);
    expect(result.modality).toBe('commitment');
    const expected = {
      text: 'in 2023',
      precision: 'year',
      year: 2023,
      periodStart: '2023-01-01',
      periodEnd: '2023-12-31',
      qualifier: 'in',
      source: 'item',
      start: 0,
      end: 7,
    };
    expect(result.deadlines).toEqual([expected]);
    expect(result.deadline).toEqual(expected);
  });

  it('"met de lidstaten samenwerken": partner across the verb', () => {
    const item = mentioned(
      sourceText(
        '000',
        387,
        'via de nationale contactpunten inzake migrantensmokkel en andere bevoegde nationale autoriteiten met de lidstaten samenwerken om de handhaving en uitvoering van het hulpverleningspakket te verbeteren, en indien nodig inbreukprocedures inleiden;',
      ),
      { lidstaten: 'member-states' },
    );
    const result = analyseKeyAction({ leadIn: commissionWill(), item });
    expect(rolesOf(result)).toEqual({ 'european-commission': 'lead', 'member-states': 'partner' });
  });

  it('"in samenwerking met de lidstaten, betrokken agentschappen en belanghebbenden": the whole list partners; "tegen werkgevers" is no deadline', () => {
    const item = mentioned(
      sourceText(
        '000',
        390,
        'de richtlijn inzake sancties tegen werkgevers doeltreffender maken, in samenwerking met de lidstaten, betrokken agentschappen en belanghebbenden.',
      ),
      { lidstaten: 'member-states', agentschappen: 'eu-agencies' },
      { 'richtlijn inzake sancties tegen werkgevers': 'employer-sanctions-directive' },
    );
    const result = analyseKeyAction({ leadIn: commissionWill(), item });
    expect(rolesOf(result)).toEqual({
      'european-commission': 'lead',
      'member-states': 'partner',
      'eu-agencies': 'partner',
    });
    expect(result.deadlines).toEqual([]);
  });

  it('"De Raad en de lidstaten zouden:" with a "moeten" bullet: both lead, recommendation', () => {
    const leadIn = mentioned(sourceText('000', 392, 'De Raad en de lidstaten zouden:'), {
      'De Raad': 'council-of-the-eu',
      lidstaten: 'member-states',
    });
    const item = mentioned(
      sourceText(
        '000',
        394,
        'migrantensmokkelaars moeten bestraffen door VN-sancties om te zetten en, waar nodig, gebruik te maken van de wereldwijde EU-sanctieregeling voor de mensenrechten.',
      ),
    );
    const result = analyseKeyAction({ leadIn, item });
    expect(rolesOf(result)).toEqual({ 'council-of-the-eu': 'lead', 'member-states': 'lead' });
    expect(result.modality).toBe('recommendation');
  });

  it('"met de steun van de Commissie en met financiële bijstand van de EU": two supporters; "(2021-2025)" is no deadline', () => {
    const leadIn = mentioned(sourceText('000', 396, 'De lidstaten zouden:'), { 'De lidstaten': 'member-states' });
    const item = mentioned(
      sourceText(
        '000',
        400,
        'de richtlijn ter bestrijding van mensenhandel volledig moeten uitvoeren, met de steun van de Commissie en met financiële bijstand van de EU, overeenkomstig de EU-strategie voor de bestrijding van mensenhandel (2021-2025).',
      ),
      { Commissie: 'european-commission', EU: 'eu' },
      { 'EU-strategie voor de bestrijding van mensenhandel': 'com-2021-171' },
    );
    const result = analyseKeyAction({ leadIn, item });
    expect(rolesOf(result)).toEqual({ 'member-states': 'lead', 'european-commission': 'support', eu: 'support' });
    expect(result.modality).toBe('recommendation');
    expect(result.deadlines).toEqual([]);
    expect(result.deadline).toBeNull();
  });
});

describe('000: groups of section 3.3 (lines 496-516)', () => {
  const commission = () => mentioned(sourceText('000', 502, 'De Commissie:'), COMMISSION);

  it('"De lidstaten zouden:" + "de ondersteuning die Eurojust biedt": Eurojust supports', () => {
    const leadIn = mentioned(sourceText('000', 496, 'De lidstaten zouden:'), { 'De lidstaten': 'member-states' });
    const item = mentioned(
      sourceText(
        '000',
        499,
        'meer gebruik moeten maken van de ondersteuning die Eurojust biedt bij grensoverschrijdende onderzoeken, via gemeenschappelijke onderzoeksteams;',
      ),
      { Eurojust: 'eurojust' },
    );
    const result = analyseKeyAction({ leadIn, item });
    expect(rolesOf(result)).toEqual({ 'member-states': 'lead', eurojust: 'support' });
    expect(result.modality).toBe('recommendation');
  });

  it('"De lidstaten zouden:" + the centre and clearing house of Europol: only mentioned', () => {
    const leadIn = mentioned(sourceText('000', 496, 'De lidstaten zouden:'), { 'De lidstaten': 'member-states' });
    const item = mentioned(
      sourceText(
        '000',
        498,
        'intensiever gebruik moeten maken van het Europees Centrum tegen migrantensmokkel van Europol en van het Information Clearing House;',
      ),
      {
        'Europees Centrum tegen migrantensmokkel': 'emsc',
        Europol: 'europol',
        'Information Clearing House': 'europol-ich',
      },
    );
    const result = analyseKeyAction({ leadIn, item });
    expect(rolesOf(result)).toEqual({
      'member-states': 'lead',
      emsc: 'mentioned',
      europol: 'mentioned',
      'europol-ich': 'mentioned',
    });
  });

  it('"De Commissie:" + "zal in de eerste helft van 2022": the bullet verb decides, a half-year deadline', () => {
    const item = mentioned(
      sourceText('000', 504, 'zal in de eerste helft van 2022 een voorstel indienen voor de volledige digitalisering van visumprocedures;'),
    );
    const result = analyseKeyAction({ leadIn: commission(), item });
    expect(result.actors).toEqual([
      { entity: 'european-commission', role: 'lead', source: 'lead-in', surface: 'De Commissie' },
    ]);
    expect(result.modality).toBe('commitment');
    expect(result.deadline).toEqual({
      text: 'in de eerste helft van 2022',
      precision: 'half',
      year: 2022,
      half: 1,
      periodStart: '2022-01-01',
      periodEnd: '2022-06-30',
      qualifier: 'in',
      source: 'item',
      start: 4,
      end: 31,
    });
    expect(result.deadlines).toHaveLength(1);
  });

  it('"De Commissie:" + "roept Frontex op ...": Frontex addressee, call', () => {
    const item = mentioned(
      sourceText(
        '000',
        507,
        'roept Frontex op zijn capaciteit om aangewezen maritieme gebieden te monitoren en verdachte vaartuigen te identificeren, verder te versterken;',
      ),
      { Frontex: 'frontex' },
    );
    const result = analyseKeyAction({ leadIn: commission(), item });
    expect(result.actors).toEqual([
      { entity: 'european-commission', role: 'lead', source: 'lead-in', surface: 'De Commissie' },
      { entity: 'frontex', role: 'addressee', source: 'item', surface: 'Frontex' },
    ]);
    expect(result.modality).toBe('call');
  });

  it('"roept het Europees Parlement en de Raad op": both addressees', () => {
    const item = mentioned(
      sourceText(
        '000',
        506,
        'roept het Europees Parlement en de Raad op de onderhandelingen over het pakket elektronisch bewijsmateriaal af te ronden;',
      ),
      { 'Europees Parlement': 'european-parliament', Raad: 'council-of-the-eu' },
    );
    const result = analyseKeyAction({ leadIn: commission(), item });
    expect(rolesOf(result)).toEqual({
      'european-commission': 'lead',
      'european-parliament': 'addressee',
      'council-of-the-eu': 'addressee',
    });
    expect(result.modality).toBe('call');
  });

  it('"roept Eurojust en justitiële autoriteiten op ..., terwijl ... zou moeten": the call wins, the clause subject is mentioned', () => {
    const item = mentioned(
      sourceText(
        '000',
        508,
        'roept Eurojust en justitiële autoriteiten op nog meer deel te nemen aan Empact, terwijl het Information Clearing House van Europol ervoor zou moeten zorgen dat informatie in verband met gerechtelijke onderzoeken en vervolgingen tijdig wordt uitgewisseld;',
      ),
      {
        Eurojust: 'eurojust',
        'justitiële autoriteiten': 'judicial-authorities',
        'Information Clearing House': 'europol-ich',
        Europol: 'europol',
      },
      { Empact: 'empact' },
    );
    const result = analyseKeyAction({ leadIn: commission(), item });
    expect(rolesOf(result)).toEqual({
      'european-commission': 'lead',
      eurojust: 'addressee',
      'judicial-authorities': 'addressee',
      'europol-ich': 'mentioned',
      europol: 'mentioned',
    });
    expect(result.modality).toBe('call');
  });

  it('"roept Frontex, Europol en Eurojust op de samenwerking met partnerlanden ...": addressees and partners', () => {
    const item = mentioned(
      sourceText(
        '000',
        509,
        'roept Frontex, Europol en Eurojust op de samenwerking met partnerlanden bij de bestrijding van digitale smokkel en internationale onderzoeken en vervolgingen verder te ondersteunen;',
      ),
      { Frontex: 'frontex', Europol: 'europol', Eurojust: 'eurojust', partnerlanden: 'partner-countries' },
    );
    const result = analyseKeyAction({ leadIn: commission(), item });
    expect(rolesOf(result)).toEqual({
      'european-commission': 'lead',
      frontex: 'addressee',
      europol: 'addressee',
      eurojust: 'addressee',
      'partner-countries': 'partner',
    });
  });

  describe('"De Commissie roept de lidstaten op om, met de steun van de EU-agentschappen Europol, Frontex, Eurojust en Cepol:"', () => {
    const leadIn = () =>
      mentioned(
        sourceText(
          '000',
          511,
          'De Commissie roept de lidstaten op om, met de steun van de EU-agentschappen Europol, Frontex, Eurojust en Cepol:',
        ),
        {
          ...COMMISSION,
          lidstaten: 'member-states',
          'EU-agentschappen': 'eu-agencies',
          Europol: 'europol',
          Frontex: 'frontex',
          Eurojust: 'eurojust',
          Cepol: 'cepol',
        },
      );
    const leadInRoles = [
      { entity: 'european-commission', role: 'lead', source: 'lead-in', surface: 'De Commissie' },
      { entity: 'member-states', role: 'addressee', source: 'lead-in', surface: 'lidstaten' },
      { entity: 'eu-agencies', role: 'support', source: 'lead-in', surface: 'EU-agentschappen' },
      { entity: 'europol', role: 'support', source: 'lead-in', surface: 'Europol' },
      { entity: 'frontex', role: 'support', source: 'lead-in', surface: 'Frontex' },
      { entity: 'eurojust', role: 'support', source: 'lead-in', surface: 'Eurojust' },
      { entity: 'cepol', role: 'support', source: 'lead-in', surface: 'Cepol' },
    ];

    it('the caller leads, the member states are called upon, the agencies support', () => {
      const item = mentioned(sourceText('000', 514, 'krachtiger op te treden tegen nieuwe smokkeldiensten die online worden aangeboden;'));
      const result = analyseKeyAction({ leadIn: leadIn(), item });
      expect(result.actors).toEqual(leadInRoles);
      expect(result.modality).toBe('call');
      expect(result.deadlines).toEqual([]);
    });

    it('actors named in the bullet (a suspended compound) are mentioned, after the lead-in roles', () => {
      const item = mentioned(sourceText('000', 513, 'de respons van rechtshandavings- en justitiële autoriteiten verder te versterken via Empact;'), {
        'rechtshandavings-': 'law-enforcement-authorities',
        'justitiële autoriteiten': 'judicial-authorities',
      });
      const result = analyseKeyAction({ leadIn: leadIn(), item });
      expect(result.actors).toEqual([
        ...leadInRoles,
        { entity: 'law-enforcement-authorities', role: 'mentioned', source: 'item', surface: 'rechtshandavings-' },
        { entity: 'judicial-authorities', role: 'mentioned', source: 'item', surface: 'justitiële autoriteiten' },
      ]);
      expect(result.modality).toBe('call');
    });
  });
});
