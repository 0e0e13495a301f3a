/** The deadline grammar: every printed form, and what is not a deadline. */
import { describe, expect, it } from 'vitest';
import { Deadline } from '../../src/document/model.js';
import { earliestDeadline, findDeadlines, loadKeyActionLexicon } from '../../src/entities/actions/index.js';
import { sourceExcerpt, sourceText } from './helpers.js';

const lexicon = loadKeyActionLexicon();
const deadlinesIn = (text: string) => findDeadlines(text, lexicon);
/** The deadlines as [text, precision, periodStart, periodEnd, qualifier], after checking offsets and the model. */
const summary = (text: string) =>
  deadlinesIn(text).map((deadline) => {
    expect(Deadline.parse(deadline)).toEqual(deadline);
    expect(text.slice(deadline.start, deadline.end)).toBe(deadline.text);
    return [deadline.text, deadline.precision, deadline.periodStart, deadline.periodEnd, deadline.qualifier];
  });

describe('printed deadline forms', () => {
  it.each([
    ['in 2023 verslag uitbrengen', ['in 2023', 'year', '2023-01-01', '2023-12-31', 'in']],
    ['criminaliteit (2023), en de financiering', ['2023', 'year', '2023-01-01', '2023-12-31', 'in']],
    ['herzien (4e kwartaal 2021);', ['4e kwartaal 2021', 'quarter', '2021-10-01', '2021-12-31', 'in']],
    ['opzetten (vierde kwartaal van 2021);', ['vierde kwartaal van 2021', 'quarter', '2021-10-01', '2021-12-31', 'in']],
    ['versterken (2e kwartaal 2021);', ['2e kwartaal 2021', 'quarter', '2021-04-01', '2021-06-30', 'in']],
    ['herzien (1e kwartaal 2022);', ['1e kwartaal 2022', 'quarter', '2022-01-01', '2022-03-31', 'in']],
    ['in het derde kwartaal van 2022 voorstellen', ['in het derde kwartaal van 2022', 'quarter', '2022-07-01', '2022-09-30', 'in']],
    ['zal in de eerste helft van 2022 een voorstel', ['in de eerste helft van 2022', 'half', '2022-01-01', '2022-06-30', 'in']],
    ['een evaluatie (tweede helft van 2024)', ['tweede helft van 2024', 'half', '2024-07-01', '2024-12-31', 'in']],
    ['en uiterlijk eind juni 2021 de lidstaten', ['uiterlijk eind juni 2021', 'month', '2021-06-01', '2021-06-30', 'by']],
    ['snel (uiterlijk tegen augustus 2021) om te zetten', ['uiterlijk tegen augustus 2021', 'month', '2021-08-01', '2021-08-31', 'by']],
    ['in februari 2024 presenteren', ['in februari 2024', 'month', '2024-02-01', '2024-02-29', 'in']],
    ['tegen het einde van 2025 afronden', ['tegen het einde van 2025', 'year', '2025-01-01', '2025-12-31', 'by']],
    ['uiterlijk 1 december 2021 omzetten', ['uiterlijk 1 december 2021', 'day', '2021-12-01', '2021-12-01', 'by']],
  ])('%s', (text, expected) => {
    expect(summary(text)).toEqual([expected]);
  });

  it('keeps the calendar fields of each precision', () => {
    expect(deadlinesIn('in de tweede helft van 2022')[0]).toMatchObject({ precision: 'half', year: 2022, half: 2 });
    expect(deadlinesIn('(3e kwartaal 2023)')[0]).toMatchObject({ precision: 'quarter', year: 2023, quarter: 3 });
    expect(deadlinesIn('uiterlijk 15 maart 2022')[0]).toMatchObject({ precision: 'day', year: 2022, month: 3, day: 15 });
    expect(deadlinesIn('in 2023')[0]).not.toHaveProperty('month');
  });

  it('earliest is by period end, the first printed on a tie', () => {
    const deadlines = deadlinesIn('A (4e kwartaal 2021), B (uiterlijk eind december 2021) en C (2e kwartaal 2021)');
    expect(deadlines.map((deadline) => deadline.periodEnd)).toEqual(['2021-12-31', '2021-12-31', '2021-06-30']);
    expect(earliestDeadline(deadlines)?.text).toBe('2e kwartaal 2021');
    expect(earliestDeadline(deadlines.slice(0, 2))?.text).toBe('4e kwartaal 2021');
    expect(earliestDeadline([])).toBeNull();
  });
});

describe('not deadlines', () => {
  it.each([
    ['a relative date', sourceExcerpt('004', 155, 'De Commissie zal dit jaar nagaan hoe de doeltreffendheid van de richtlijn kan worden versterkt en of verdere maatregelen nodig zijn.')],
    ['a period in brackets', sourceText('004', 419, 'een EU-actieplan tegen migrantensmokkel (2021-2025) aannemen;')],
    ['a funding period', sourceExcerpt('003', 111, 'en de financiering ervan voor 2021-2027 aanzienlijk verhogen;')],
    ['a qualified period', 'de strategie in 2021-2025 uitvoeren en tegen 2021–2027 financieren'],
    ['"in de periode"', sourceExcerpt('004', 442, 'zullen ten uitvoer worden gelegd in de periode 2021-2025.')],
    ['a period with an en dash', sourceExcerpt('002', 9, 'Beleidskader aanpak mensensmokkel 2023–2026')],
    ['a citation', sourceExcerpt('004', 362, '(COM(2021) 56 final van 10.2.2021)')],
    ['a numbered act and a numeric date', sourceExcerpt('000', 379, 'Richtlijn 2004/81/EG van de Raad (PB L 261 van 6.8.2004, blz. 19)')],
    ['the date of an act', sourceExcerpt('004', 360, 'Verordening (EU) nr. 604/2013 van het Europees Parlement en de Raad van 26 juni 2013')],
    ['a year in a name', sourceExcerpt('000', 287, 'in haar toespraak over de staat van de Unie 2021')],
    ['an amount', 'in 2000 gevallen werd meer dan 2021 miljoen EUR in beslag genomen'],
    ['an article number', 'zoals bepaald in artikel 2021 van het wetboek'],
    ['an impossible day', 'uiterlijk 31 februari 2022'],
    ['a third half', 'in de derde helft van 2022'],
  ])('%s', (_what, text) => {
    expect(deadlinesIn(text)).toEqual([]);
  });
});
