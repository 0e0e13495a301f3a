/**
 * National uptake of an EU plan: the key actions of the EU action plan against migrant smuggling
 * (com-2021-591) in the Dutch policy framework (kst-28638-235). Each pinned row was checked by
 * reading the action and the Kamerbrief; see the README notes for the uncertain ones.
 */
import { describe, expect, it } from 'vitest';
import { diffDocuments } from '../../src/diff/compare.js';
import type { CoverageRow } from '../../src/diff/result.js';
import { corpusDoc, IDS } from '../helpers.js';

const plan = corpusDoc(IDS.plan);
const letter = corpusDoc(IDS.letter);
const result = diffDocuments(plan, letter, { mode: 'coverage' });
const rows = result.coverage!;
const row = (action: string): CoverageRow => rows.find((r) => r.action.id === `com-2021-591/${action}`)!;
const passageOf = (action: string) => row(action).passage!.element.id.replace('kst-28638-235/', '');

describe('coverage of the EU action plan against migrant smuggling in the Dutch policy framework', () => {
  it('classifies every one of the 27 key actions, with its best passage and the default thresholds', () => {
    expect(rows).toHaveLength(27);
    expect(result.thresholds).toEqual({ align: 0.35, takenUp: 0.6 });
    for (const r of rows) {
      expect(r.status).toBe(r.score >= 0.6 ? 'taken-up' : r.score >= 0.35 ? 'partly' : 'absent');
      expect(r.passage).not.toBeNull();
    }
    expect(result.differences).toBe(true);
  });

  it.each([
    ['s3.1.2/ka1/g1/a2', 's3.5/h2/p3', 'Interpol en het VN-Bureau voor Drugs en Criminaliteit (UNODC)'],
    ['s3.3.3/ka1/g1/a1', 's3.2/h1/p2', 'Europees Centrum tegen Migrantensmokkel (EMSC) van Europol en Information Clearing House'],
    ['s3.3.3/ka1/g1/a2', 's3.2/h1/p4', 'ondersteuning die Eurojust biedt, met name voor gemeenschappelijke onderzoeksteams'],
    ['s3.3.3/ka1/g3/a3', 's3.3/p1', 'financieel onderzoek en de ontneming van vermogensbestanddelen'],
  ])('%s is taken up in %s', (action, passage, words) => {
    expect(row(action).status).toBe('taken-up');
    expect(passageOf(action)).toBe(passage);
    expect(row(action).passage!.text).toContain(words);
  });

  it.each([
    ['s3.2.2/ka1/g1/a3', 's3.1/h1/p2', 'Richtlijn 2011/36/EU'],
    ['s3.2.2/ka1/g1/a4', 's3.1/h1/p2', 'Richtlijn 2009/52/EG inzake sancties tegen werkgevers'],
    ['s3.3.3/ka1/g2/a6', 's3.5/h2/p2', 'samenwerking met partnerlanden en internationale organisaties als Europol en Frontex'],
    ['s3.3.3/ka1/g3/a1', 's3.3/p1', 'respons van rechtshandhavings- en justitiële autoriteiten'],
    ['s3.3.3/ka1/g3/a4', 's2/h1/p1', 'identiteits- en documentfraude'],
    ['s3.4/ka1/g1/a1', 's3.6/p2', 'informatieproducten die worden opgesteld door Frontex en Europol'],
  ])('%s is partly taken up in %s', (action, passage, words) => {
    expect(row(action).status).toBe('partly');
    expect(passageOf(action)).toBe(passage);
    expect(row(action).passage!.text).toContain(words);
  });

  it.each([
    ['s3.1.2/ka1/g1/a3', 'instrumentalisation of migration by state actors'],
    ['s3.2.2/ka1/g1/a2', 'the Commission reporting on the Facilitators Package in 2023'],
    ['s3.2.2/ka1/g2/a1', 'UN sanctions and the EU human rights sanctions regime'],
    ['s3.2.2/ka1/g3/a2', 'identifying migrants in need of protection, children'],
    ['s3.3.3/ka1/g2/a1', 'digitalising visa procedures'],
    ['s3.3.3/ka1/g2/a2', 'the screening and Eurodac regulations'],
    ['s3.3.3/ka1/g2/a3', 'the e-evidence package'],
    ['s3.3.3/ka1/g2/a4', 'Frontex monitoring maritime areas'],
  ])('%s is absent (%s)', (action) => {
    expect(row(action).status).toBe('absent');
    expect(row(action).score).toBeLessThan(0.2);
  });

  it('finds the passage on operational partnerships even where the score stays under the default threshold', () => {
    const partnerships = row('s3.1.2/ka1/g1/a1');
    expect(passageOf('s3.1.2/ka1/g1/a1')).toBe('s3.5/h1/p1');
    expect(partnerships.passage!.text).toContain('op maat gemaakte operationele partnerschappen');
    expect(partnerships.shared).toEqual(expect.arrayContaining(['operationele', 'partnerschappen', 'partnerlanden']));
    const lenient = diffDocuments(plan, letter, { mode: 'coverage', threshold: 0.2 }).coverage!;
    expect(lenient.find((r) => r.action.id === partnerships.action.id)!.status).toBe('partly');
  });

  it('passages are sentence windows of body text, with offsets into the element text', () => {
    for (const r of rows) {
      const p = r.passage!;
      expect(p.element.text.slice(p.start, p.end)).toBe(p.text);
      expect(['paragraph', 'list-item', 'key-action', 'box']).toContain(p.element.type);
      expect(p.element.id).not.toBe('kst-28638-235/p4'); // front matter: "Den Haag, 19 oktober 2023"
    }
  });

  it('names the actors and instruments only one side mentions', () => {
    expect(result.actors.onlyB.map((e) => e.entity)).toEqual(expect.arrayContaining(['kmar', 'ind', 'emm']));
    expect(result.actors.onlyA.map((e) => e.entity)).toEqual(expect.arrayContaining(['high-representative']));
    expect(result.instruments.onlyA.map((e) => e.entity)).toEqual(expect.arrayContaining(['facilitators-package']));
    expect(result.actors.both).toEqual(expect.arrayContaining(['europol', 'frontex', 'eurojust', 'unodc', 'interpol']));
  });
});
