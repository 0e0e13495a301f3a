/**
 * Documents of the genre that are not in the corpus, written for these tests: a letter converted
 * from PDF (hard-wrapped, hyphenated, page markers, a running header, letterhead, plain-digit
 * notes), a communication with a footnote block inside a bullet, a box and a caption, and a Q&A
 * web page with chrome.
 */
import { describe, expect, it } from 'vitest';
import type { ListItem, Paragraph } from '../../src/document/model.js';
import { find, fixture, keyActionLists, keyActions, parseText, sections } from '../helpers.js';

describe('a letter converted from PDF', () => {
  const doc = parseText(fixture('wrapped-letter.txt'));

  it('is re-flowed, with words hyphenated at line ends rejoined where the document writes them whole', () => {
    expect(doc.source.wrapped).toBe(true);
    const first = find<Paragraph>(doc, (n) => n.text.startsWith('Hierbij informeer ik'));
    expect(first.text).toBe(
      'Hierbij informeer ik uw Kamer over de voortgang van de aanpak van mensenhandel en mensensmokkel in het afgelopen jaar. De Koninklijke Marechaussee (KMar) en de politie hebben hun samenwerking met Europol verder versterkt.',
    );
    expect(find<Paragraph>(doc, (n) => n.text.includes('Nederlandse Arbeidsinspectie geïntensiveerd')).text).toContain('de land- en tuinbouw.');
  });

  it('numbers sections four levels deep', () => {
    expect(sections(doc).map((s) => [s.heading.number, s.heading.level])).toEqual([
      ['1', 1],
      ['1.1', 2],
      ['1.1.1', 3],
      ['1.1.1.1', 4],
      ['1.2', 2],
      ['2', 1],
    ]);
  });

  it('puts page markers, the running header and the letterhead in furniture and rejoins the split paragraph', () => {
    expect(doc.furniture.map((f) => f.kind)).toEqual([
      'letterhead',
      'letterhead',
      'letterhead',
      'letterhead',
      'page-marker',
      'running-header',
      'page-marker',
      'running-header',
      'page-marker',
    ]);
    const split = find<Paragraph>(doc, (n) => n.text.startsWith('De regionale teams'));
    expect(split.text).toContain('heeft de samenwerking met de Nederlandse Arbeidsinspectie geïntensiveerd en gezamenlijke onderzoeken opgezet in de land- en tuinbouw.');
    expect(split.breaks).toHaveLength(1);
    expect(doc.pageBreaks.find((p) => p.interrupted === split.id)).toMatchObject({ line: 30, evidence: ['notes', 'furniture'] });
  });

  it('rejoins a number range cut by a page break without a space', () => {
    const cut = fixture('wrapped-letter.txt')
      .replace('geïntensiveerd en\n', 'geïntensiveerd in de jaren 2021-\n')
      .replace('gezamenlijke onderzoeken opgezet', '2023 en gezamenlijke onderzoeken opgezet');
    const rejoined = parseText(cut);
    const split = find<Paragraph>(rejoined, (n) => n.text.startsWith('De regionale teams'));
    expect(split.text).toContain('geïntensiveerd in de jaren 2021-2023 en gezamenlijke onderzoeken opgezet');
    expect(split.breaks).toHaveLength(1);
    expect(rejoined.diagnostics.filter((d) => d.rule.startsWith('conservation'))).toEqual([]);
  });

  it('links plain-digit notes, flags a lead-in with no items, and keeps the two-line signature together', () => {
    expect(doc.notes.map((n) => [n.number, n.referencedBy.length])).toEqual([
      [1, 1],
      [2, 1],
    ]);
    expect(doc.diagnostics.map((d) => d.rule)).toEqual(['key-actions/empty-list', 'key-actions/empty-lead-in']);
    expect(doc.metadata).toMatchObject({ kind: 'kamerbrief', date: '2024-03-03', title: 'Voortgang aanpak mensenhandel' });
    const signature = sections(doc).at(-1)!.children.filter((b) => b.type === 'paragraph' && b.role === 'signature');
    expect(signature.map((p) => p.type === 'paragraph' && p.text)).toEqual(['De Minister van Justitie en Veiligheid,', 'D. Yeşilgöz-Zegerius']);
  });
});

describe('a communication with a footnote block inside a bullet, a box and a caption', () => {
  const doc = parseText(fixture('communication.txt'));

  it('rejoins the bullet the footnote block split and links its reference', () => {
    const split = keyActions(doc).find((a) => a.text.startsWith('met de steun van Europol'))!;
    expect(split.text).toBe('met de steun van Europol en Eurojust de samenwerking tussen de lidstaten verder versterken.');
    expect(split.noteRefs).toMatchObject([{ number: 3, note: 'fixture/fn3' }]);
  });

  it('lifts the box and the caption out of the running text', () => {
    expect(doc.boxes.map((b) => b.text)).toEqual(['In 2023 werd in Italië een gezamenlijk onderzoek afgerond dat leidde tot de aanhouding van 35 verdachten.']);
    expect(find<Paragraph>(doc, (n) => n.text.startsWith('De gemeenschappelijke')).text).toMatch(/wat laat zien dat de grensoverschrijdende samenwerking resultaat oplevert\.$/);
    expect(doc.captions.map((c) => c.text)).toEqual(['Figuur 1 Aantal veroordelingen per jaar']);
  });

  it('keeps a lead-in without bullets as an empty group with a warning', () => {
    const [list] = keyActionLists(doc);
    expect(list!.topics[0]!.groups.map((g) => [g.leadIn?.text, g.actions.length])).toEqual([
      ['De Commissie zal:', 2],
      ['De lidstaten zouden:', 0],
    ]);
    expect(doc.diagnostics).toMatchObject([{ rule: 'key-actions/empty-lead-in', line: 41 }]);
    expect(doc.metadata).toMatchObject({ kind: 'communication', date: '2024-03-02', reference: 'COM(2024) 12 final', title: 'Verslag over de aanpak van mensenhandel' });
  });
});

describe('a Q&A web page', () => {
  const doc = parseText(fixture('qa-page.txt'));

  it('has question headings, a key-action list with a sub-heading, and its chrome in furniture', () => {
    expect(sections(doc).map((s) => [s.heading.kind, s.heading.text])).toEqual([
      ['question', 'Wat stelt de Commissie voor?'],
      ['question', 'Waarom is dit nodig?'],
    ]);
    const [list] = keyActionLists(doc);
    expect(list!.topics.map((t) => [t.heading?.text, t.groups.map((g) => g.actions.length)])).toEqual([['Handhaving', [2, 1]]]);
    expect(doc.furniture.map((f) => f.kind)).toEqual(['social-links', 'republish-notice', 'back-to-top', 'link-list', 'link-list', 'link-list']);
    expect(doc.metadata).toMatchObject({ kind: 'qa-page', date: '2024-03-05' });
  });

  it('gives ordinary lists and list items stable ids within their parent', () => {
    const text = '1. Titel\n\nDe Commissie neemt de volgende maatregelen:\n\n- eerste maatregel;\n- tweede maatregel.\n';
    const items = (doc2: ReturnType<typeof parseText>) => {
      const out: ListItem[] = [];
      for (const b of doc2.body) if (b.type === 'section') for (const c of b.children) if (c.type === 'list') out.push(...c.items);
      return out.map((i) => i.id);
    };
    expect(items(parseText(text))).toEqual(['fixture/s1/l1/i1', 'fixture/s1/l1/i2']);
    // A paragraph inserted before the list renumbers nothing in the list.
    expect(items(parseText(text.replace('\n\nDe Commissie', '\n\nEen nieuwe alinea.\n\nDe Commissie')))).toEqual(['fixture/s1/l1/i1', 'fixture/s1/l1/i2']);
  });
});

describe('inline markup of one text never spills into the next', () => {
  it.each(['```', '~~~', '<!-- opmerking', '<pre>', '[x]: https://example.org'])('after a text starting with %j', (start) => {
    const doc = parseText(`${start}\n\nDe **Commissie** zal [meer](https://example.org) doen.\n`);
    const p = doc.body.find((b) => b.type === 'paragraph' && b.text.startsWith('De'))!;
    expect(p.type === 'paragraph' && p.text).toBe('De Commissie zal meer doen.');
    expect(p.type === 'paragraph' && p.marks.map((m) => m.type)).toEqual(['strong', 'link']);
  });
});
