/**
 * The outline of each shipped document, as verified by reading it: sections, footnotes,
 * key-action lists and items, the other layers, and sentences rejoined across page breaks.
 */
import { describe, expect, it } from 'vitest';
import type { Footnote, ListItem, Paragraph } from '../../src/document/model.js';
import { corpusDoc, find, IDS, keyActionLists, keyActions, rawOf, sections, spanText, textNodes } from '../helpers.js';

const outline = (id: string) => sections(corpusDoc(id)).map((s) => `${s.heading.level}|${s.heading.kind}|${s.heading.number ?? ''}|${s.heading.title}`);
const groups = (id: string) =>
  keyActionLists(corpusDoc(id)).map((l) => l.topics.map((t) => ({ topic: t.heading?.title ?? null, groups: t.groups.map((g) => [g.leadIn?.text ?? null, g.actions.length]) })));
const paragraphWith = (id: string, needle: string) => find<Paragraph | ListItem>(corpusDoc(id), (n) => n.text.includes(needle));

describe(`${IDS.plan}: EU action plan against migrant smuggling`, () => {
  const id = IDS.plan;

  it('has the section tree of the text: Inleiding, 1-4 with 3.1.1 ... 3.3.3 and the unnumbered subheadings of 1', () => {
    expect(outline(id)).toEqual([
      '1|unnumbered||Inleiding',
      '1|numbered|1|De situatie van de migrantensmokkel',
      '2|unnumbered||Criminele smokkelnetwerken – hoe zij werken',
      '2|unnumbered||Ontwikkelingen op het gebied van irreguliere migratiestromen',
      '2|unnumbered||Instrumentalisering van irreguliere migratie door overheidsactoren',
      '1|numbered|2|Voortbouwen op de verwezenlijkingen van het eerste EU-actieplan (2015-2020)',
      '1|numbered|3|Vernieuwing van de Europese strijd tegen migrantensmokkel',
      '2|numbered|3.1|Versterkte samenwerking met partnerlanden en internationale organisaties',
      '3|numbered|3.1.1|Operationele partnerschappen ter bestrijding van mensensmokkel',
      '3|numbered|3.1.2|Respons op de instrumentalisering van irreguliere migratie door overheidsactoren',
      '2|numbered|3.2|Bestrafing van migrantensmokkelaars en voorkoming van de uitbuiting van migranten',
      '3|numbered|3.2.1|Sancties tegen mensensmokkelaars die op de migratieroutes actief zijn',
      '3|numbered|3.2.2|Voorkoming van uitbuiting en waarborging van de bescherming van gesmokkelde migranten',
      '2|numbered|3.3|Versterking van de samenwerking en ondersteuning van de werkzaamheden van rechtshandavingsinstanties en de rechterlijke macht',
      '3|numbered|3.3.1|Verbetering van de operationele samenwerking van rechtshandavingsinstanties tegen migrantensmokkel',
      '3|numbered|3.3.2|Versterking van de justitiële samenwerking tegen migrantensmokkel',
      '3|numbered|3.3.3|Aanpak van nieuwe uitdagingen op het gebied van digitale smokkel, financieel onderzoek en documentfraude',
      '2|numbered|3.4|Breder kennisbasis',
      '1|numbered|4|Conclusie',
    ]);
  });

  it('has 77 footnotes, each referenced once by a superscript in the text', () => {
    const doc = corpusDoc(id);
    expect(doc.notes.map((n) => n.number)).toEqual(Array.from({ length: 77 }, (_, i) => i + 1));
    expect(doc.notes.every((n) => n.referencedBy.length === 1)).toBe(true);
    expect(doc.stats.noteRefs).toBe(77);
    expect(doc.diagnostics.filter((d) => d.rule.startsWith('footnote/'))).toEqual([]);
  });

  it('has four key-action lists with their lead-ins, or none where the bullets name the actor', () => {
    expect(groups(id)).toEqual([
      [{ topic: null, groups: [[null, 3]] }],
      [{ topic: null, groups: [['De Commissie zal:', 4], ['De Raad en de lidstaten zouden:', 1], ['De lidstaten zouden:', 3]] }],
      [
        {
          topic: null,
          groups: [
            ['De lidstaten zouden:', 3],
            ['De Commissie:', 6],
            ['De Commissie roept de lidstaten op om, met de steun van de EU-agentschappen Europol, Frontex, Eurojust en Cepol:', 4],
          ],
        },
      ],
      [{ topic: null, groups: [[null, 3]] }],
    ]);
    expect(keyActionLists(corpusDoc(id)).map((l) => l.id)).toEqual([
      `${id}/s3.1.2/ka1`,
      `${id}/s3.2.2/ka1`,
      `${id}/s3.3.3/ka1`,
      `${id}/s3.4/ka1`,
    ]);
  });

  it('keeps the ordinary bullet list of 3.1.1 an ordinary list', () => {
    const s = sections(corpusDoc(id)).find((x) => x.heading.number === '3.1.1')!;
    const lists = s.children.filter((b) => b.type === 'list');
    expect(lists).toHaveLength(1);
    expect(lists[0]!.type === 'list' && lists[0]!.items.length).toBe(9);
  });

  it('lifts the three boxed case studies out of the sentences they interrupt', () => {
    const doc = corpusDoc(id);
    expect(doc.boxes.map((b) => [b.span.startLine, b.paragraphs.length])).toEqual([
      [126, 2],
      [176, 1],
      [182, 2],
    ]);
    const p = paragraphWith(id, 'verwezenlijkingen van het EU-actieplan tegen migrantensmokkel (2015-2020), waarbij');
    expect(doc.boxes[0]!.interrupts).toBe(p.id);
    expect(p.segments?.map((s) => s.startLine)).toEqual([124, 130]);
    expect(paragraphWith(id, 'In het kader van het vierde onderdeel van het actieplan 2015-2020 heeft de Commissie steun verleend').span).toMatchObject({ startLine: 180, endLine: 186 });
    expect(paragraphWith(id, 'in de belangrijkste partnerlanden voorlichtings- en bewustmakingscampagnes opgezet om potentiële migranten').breaks).toHaveLength(1);
  });

  it('rejoins sentences that footnote blocks and page ends split, and records the breaks', () => {
    const doc = corpusDoc(id);
    const p = paragraphWith(id, 'biedt mensen die naar hun land van herkomst terugkeren de kans op een nieuwe start.');
    expect(p.segments?.map((s) => s.startLine)).toEqual([24, 32]);
    const pb = doc.pageBreaks.find((b) => b.id === p.breaks[0]!.pageBreak)!;
    expect(pb).toMatchObject({ line: 32, evidence: ['notes'], interrupted: p.id });
    // Without notes: a long line that stops mid-sentence, continued on the next line.
    expect(paragraphWith(id, '(bijv. Frontex-statusovereenkomsten of werkafspraken').text).toContain('kunnen EU-agentschappen nieuwe overeenkomsten sluiten (bijv. Frontex-statusovereenkomsten');
    expect(doc.pageBreaks.find((b) => b.line === 267)).toMatchObject({ evidence: ['split-sentence'] });
    expect(doc.pageBreaks).toHaveLength(34);
  });

  it('reads the metadata from the front matter and agrees with the manifest', () => {
    const doc = corpusDoc(id);
    const detected = Object.fromEntries(doc.metadata.evidence.filter((e) => e.origin === 'detected').map((e) => [e.field, e.value]));
    expect(detected).toEqual({ title: 'Nieuw EU-actieplan tegen migrantensmokkel (2021-2025)', kind: 'communication', date: '2021-09-29', reference: 'COM(2021) 591 final' });
    expect(doc.diagnostics.filter((d) => d.rule === 'metadata/conflict')).toEqual([]);
  });

  it('keeps bold and italics as marks on the plain text', () => {
    const p = paragraphWith(id, 'mensenlevens op het spel door migranten valse perspectieven');
    expect(p.text).not.toContain('**');
    const strong = p.marks.find((m) => m.type === 'strong')!;
    expect(p.text.slice(strong.start, strong.end)).toBe('mensenlevens op het spel door migranten valse perspectieven voor te spiegelen en ernstige schade te berokkenen');
    const italic = paragraphWith(id, 'toezien op de uitvoering').marks.find((m) => m.type === 'emphasis')!;
    expect(paragraphWith(id, 'toezien op de uitvoering').text.slice(italic.start, italic.end)).toBe('acquis');
  });
});

describe(`${IDS.strategy}: EU anti-trafficking strategy`, () => {
  const id = IDS.strategy;

  it('has sections 1-7 with 4.1-4.3', () => {
    expect(outline(id).map((s) => s.split('|')[2])).toEqual(['1', '2', '3', '4', '4.1', '4.2', '4.3', '5', '6', '7']);
  });

  it('has five key-action lists; a bullet split by a footnote block counts once', () => {
    expect(groups(id).map((l) => l[0]!.groups)).toEqual([
      [['De Commissie zal:', 4]],
      [['De Commissie zal:', 5], ['De Commissie verzoekt de lidstaten om:', 6]],
      [['De Commissie zal:', 5], ['De lidstaten wordt verzocht:', 4]],
      [['De Commissie zal:', 7], ['De Commissie verzoekt de lidstaten om:', 6]],
      [['De Commissie zal:', 5], ['De Commissie verzoekt de lidstaten om:', 1]],
    ]);
    expect(keyActions(corpusDoc(id))).toHaveLength(43);
    const split = keyActions(corpusDoc(id)).find((a) => a.text.startsWith('de capaciteit van arbeidsinspecties en/of sociale partners'))!;
    expect(split.text).toMatch(/geïdentificeerd en de daders voor de rechter worden gebracht;$/);
    expect(split.segments?.map((s) => s.startLine)).toEqual([183, 189]);
  });

  it('gives the overflow of a footnote to the footnote, and the rest of the bullet to the bullet', () => {
    const doc = corpusDoc(id);
    const note64 = doc.notes.find((n) => n.number === 64)!;
    expect(note64.text).toMatch(/zodat zij met kennis van zaken kunnen beslissen of zij bereid zijn met de bevoegde autoriteiten samen te werken \(bedenktijd\)\.$/);
    expect(note64.segments?.map((s) => s.startLine)).toEqual([341, 358]);
    const bullet = keyActions(doc).find((a) => a.text.startsWith('nauwe samenwerking met het Europees Economisch en Sociaal Comité'))!;
    expect(bullet.text).toContain('de maatregelen ter bestrijding van mensenhandel bij de sociale en economische partners');
    expect(bullet.segments?.map((s) => s.startLine)).toEqual([356, 370]);
  });

  it('links every superscript to its note, multi-digit ones included', () => {
    const doc = corpusDoc(id);
    expect(doc.notes).toHaveLength(80);
    expect(doc.stats.noteRefs).toBe(80);
    const intro = paragraphWith(id, 'Mensenhandel maakt levens kapot');
    expect(intro.noteRefs).toMatchObject([{ number: 1, marker: '¹', style: 'superscript', note: `${id}/fn1` }]);
    expect(intro.text.slice(intro.noteRefs[0]!.at - 12, intro.noteRefs[0]!.at)).toBe('grondrechten');
    const p45 = textNodes(doc).find((n) => n.noteRefs.some((r) => r.number === 45))!;
    expect(p45.noteRefs.find((r) => r.number === 45)).toMatchObject({ marker: '⁴⁵', note: `${id}/fn45` });
    expect(spanText(rawOf(id), p45.noteRefs.find((r) => r.number === 45)!.span)).toBe('⁴⁵');
  });

  it('joins a URL line to the footnote it continues and lifts the figure captions', () => {
    const doc = corpusDoc(id);
    expect(doc.notes.find((n) => n.number === 6)!.text).toMatch(/beschikbaar op https:\/\/ec\.europa\.eu\/anti-trafficking\/.*\.pdf\.$/);
    expect(doc.captions.map((c) => [c.label, c.span.startLine])).toEqual([
      ['Figuur 1', 25],
      ['Figuur 2', 44],
      ['Figuur 3', 295],
    ]);
  });
});

describe(`${IDS.fiche}: BNC-fiche, hard-wrapped PDF text`, () => {
  const id = IDS.fiche;

  it('is re-flowed into paragraphs, with a heading wrapped over three lines kept as one heading', () => {
    const doc = corpusDoc(id);
    expect(doc.source.wrapped).toBe(true);
    expect(outline(id)).toContain(
      '1|numbered|4|Grondhouding ten aanzien van bevoegdheid, subsidiariteit, proportionaliteit, financiële gevolgen en gevolgen voor regeldruk, concurrentiekracht en geopolitieke aspecten',
    );
    expect(outline(id).filter((s) => s.includes('|lettered|')).map((s) => s.split('|')[2])).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'a', 'b', 'c', 'a', 'b', 'c', 'd', 'e']);
    expect(paragraphWith(id, 'Op 29 september jl. publiceerde de Commissie').text).toContain('in navolging van het Europese Migratiepact van 2020. Het nieuwe Europese migratiepact van 2020 onderstreept');
  });

  it('links plain-digit references glued to words, punctuation and a year to their notes', () => {
    const doc = corpusDoc(id);
    expect(doc.notes.map((n) => n.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(doc.notes.every((n) => n.referencedBy.length === 1)).toBe(true);
    expect(paragraphWith(id, 'het “hulpverleningspakket”.').noteRefs).toMatchObject([{ number: 1, style: 'plain-digit', marker: '1' }]);
    const year = paragraphWith(id, 'de conclusies van de Europese Raad van 24 en 25 juni 2021.');
    expect(year.noteRefs).toMatchObject([{ number: 8 }]);
    expect(spanText(rawOf(id), year.noteRefs[0]!.span)).toBe('8');
  });

  it('rejoins the sentences a footnote block interrupted, and gives the footnote its own overflow', () => {
    expect(paragraphWith(id, 'In het BNC-fiche inzake de mededeling betreffende een nieuw migratie- en asielpact en de mededeling inzake definitie en preventie van mensensmokkel heeft het kabinet').breaks).toHaveLength(1);
    expect(paragraphWith(id, 'Derde landen moeten ook zelfstandig de nodige maatregelen nemen om migrantensmokkel te voorkomen.').text).toBeTruthy();
    const note2: Footnote = corpusDoc(id).notes[1]!;
    expect(note2.text).toBe(
      'Mensensmokkel is het bieden van hulp en transport aan mensen met als doel ze de grens over te smokkelen. Bij mensenhandel wordt een persoon gedwongen handelingen te verrichten of gedwongen te werken. Het doel van mensenhandel is uitbuiting van de persoon.',
    );
  });

  it('warns that the printed document number disagrees with the manifest and with its own EUR-Lex link', () => {
    const messages = corpusDoc(id).diagnostics.filter((d) => d.rule === 'metadata/conflict');
    expect(messages.map((d) => [d.line, d.message])).toEqual([
      [20, 'document number "COM(2021) 951" differs from the manifest\'s "COM(2021) 591 final"'],
      [20, 'document number "COM(2021) 951" disagrees with the EUR-Lex link in the document (CELEX 52021DC0591)'],
    ]);
  });
});

describe(`${IDS.letter}: letter to parliament`, () => {
  const id = IDS.letter;

  it('has numbered sections with unnumbered subheadings one level down', () => {
    expect(outline(id).slice(0, 8)).toEqual([
      '1|numbered|1|Inleiding',
      '1|numbered|2|Huidige situatie van mensensmokkel in Nederland',
      '2|unnumbered||Openbaar Ministerie, Koninklijke Marechaussee en politie',
      '2|unnumbered||Immigratie- en Naturalisatiedienst',
      '2|unnumbered||Expertisecentrum Mensenhandel & Mensensmokkel',
      '2|unnumbered||Ministerie van Justitie en Veiligheid',
      '2|unnumbered||Ministerie van Buitenlandse Zaken',
      '1|numbered|3|Aandachtsgebieden voor de periode 2023–2026',
    ]);
    expect(outline(id)).toContain('3|unnumbered||Bestuurlijke aanpak');
    expect(outline(id)).toContain('2|numbered|3.3|Innovatieve methodes in de aanpak van mensensmokkel');
  });

  it('reports the reference that has no note text, and puts the web chrome in furniture', () => {
    const doc = corpusDoc(id);
    expect(doc.notes).toEqual([]);
    expect(doc.diagnostics.filter((d) => d.rule === 'footnote/unresolved-reference')).toMatchObject([{ line: 33, severity: 'warning' }]);
    expect(paragraphWith(id, 'het barrièremodel mensensmokkel ontwikkeld. In dit model').noteRefs).toMatchObject([{ number: 1, note: null }]);
    expect(doc.furniture.map((f) => [f.kind, f.text])).toEqual([['back-to-top', 'Naar boven']]);
    expect(textNodes(doc).find((n) => n.type === 'paragraph' && n.role === 'signature')?.text).toBe('De Staatssecretaris van Justitie en Veiligheid, E. van der Burg');
  });

  it('detects date and parliamentary reference from the front matter', () => {
    const detected = Object.fromEntries(corpusDoc(id).metadata.evidence.filter((e) => e.origin === 'detected').map((e) => [e.field, e.value]));
    expect(detected).toMatchObject({ kind: 'kamerbrief', date: '2023-10-19', reference: 'Kamerstuk 28 638, nr. 235' });
  });
});

describe(`${IDS.qa}: Q&A web page`, () => {
  const id = IDS.qa;

  it('has question headings under the two statement headings', () => {
    const o = outline(id);
    expect(o.filter((s) => s.includes('|question|'))).toHaveLength(19);
    expect(o.filter((s) => s.includes('|unnumbered|'))).toEqual([
      '1|unnumbered||Een nieuwe EU-strategie voor de aanpak van georganiseerde criminaliteit',
      '1|unnumbered||EU-strategie inzake mensenhandel',
    ]);
    expect(o[0]).toBe('1|question||Wat presenteert de Commissie vandaag precies?');
    expect(o).toContain('2|question||Wie zijn de slachtoffers van mensenhandel?');
  });

  it('has the two "Belangrijkste acties" lists with their sub-headings and lead-ins', () => {
    const [crime, trafficking] = groups(id);
    expect(crime!.map((t) => t.topic)).toEqual([
      'Betere samenwerking inzake justitie en rechtshandhaving',
      'Effectieve onderzoeken',
      'Afpakken van de door georganiseerde criminaliteit behaalde winsten en voorkomen van infiltratie in de legale economie en de samenleving',
      'Rechtshandhaving en justitie klaarstomen voor het digitale tijdperk',
    ]);
    expect(crime![0]!.groups).toEqual([['De Commissie zal:', 4], ['Het Europees Parlement en de Raad worden verzocht:', 1], ['De Raad wordt verzocht:', 1]]);
    expect(crime![3]!.groups).toEqual([['De Commissie zal:', 5], ['Europol wordt aangespoord om:', 3], ['Cepol wordt aangespoord om:', 2], ['Het Europees Parlement en de Raad worden aangespoord om:', 1]]);
    expect(trafficking!.map((t) => [t.topic, t.groups.reduce((n, g) => n + (g[1] as number), 0)])).toEqual([
      ['Preventie, bescherming en vervolging', 3],
      ['Terugdringen van de vraag die mensenhandel in de hand werkt', 9],
      ['Het criminele model ontwrichten om uitbuiting een halt toe te roepen', 9],
      ['Bescherming, ondersteuning en emancipatie van slachtoffers', 13],
      ['Internationale dimensie', 6],
    ]);
    expect(keyActions(corpusDoc(id))).toHaveLength(70);
  });

  it('puts the web chrome in furniture and reads the date from the republishing notice', () => {
    const doc = corpusDoc(id);
    const kinds = doc.furniture.map((f) => f.kind);
    expect(kinds.filter((k) => k === 'link-list')).toHaveLength(9);
    expect(kinds).toEqual(expect.arrayContaining(['social-links', 'republish-notice', 'back-to-top']));
    const detected = Object.fromEntries(doc.metadata.evidence.filter((e) => e.origin === 'detected').map((e) => [e.field, e.value]));
    expect(detected).toMatchObject({ kind: 'qa-page', date: '2021-04-14' });
  });
});
