import { describe, expect, it } from 'vitest';
import { checkConservation } from '../../src/document/conservation.js';
import { Document } from '../../src/document/model.js';
import { corpusDoc, fixture, IDS, parseText, rawOf } from '../helpers.js';

describe('conservation: every non-white-space character in exactly one element of one layer', () => {
  it.each(Object.values(IDS))('%s: gone = 0, phantom = 0', (id) => {
    const doc = corpusDoc(id);
    const result = checkConservation(doc, rawOf(id));
    expect({ gone: result.gone, phantom: result.phantom }).toEqual({ gone: 0, phantom: 0 });
    expect(doc.diagnostics.filter((d) => d.rule.startsWith('conservation/'))).toEqual([]);
  });

  it.each(['wrapped-letter.txt', 'communication.txt', 'qa-page.txt'])('fixture %s: gone = 0, phantom = 0', (name) => {
    const raw = fixture(name);
    const result = checkConservation(parseText(raw), raw);
    expect({ gone: result.gone, phantom: result.phantom }).toEqual({ gone: 0, phantom: 0 });
  });

  it('counts what an element loses and what it invents', () => {
    const raw = fixture('communication.txt');
    const doc = parseText(raw);
    const withoutNotes = { ...doc, notes: doc.notes.slice(1) };
    const lost = checkConservation(withoutNotes, raw);
    expect(lost.gone).toBe(doc.notes[0]!.text.replace(/\s/g, '').length + 1); // the text and its marker "¹"
    const invented = structuredClone(doc);
    invented.notes[0]!.text += ' en meer';
    expect(checkConservation(invented, raw).phantom).toBe(1);
    const twice = { ...doc, captions: [...doc.captions, ...doc.captions] };
    expect(checkConservation(twice, raw).phantom).toBe(doc.captions[0]!.text.replace(/\s/g, '').length);
  });

  it('parsed documents validate against the schema', () => {
    for (const id of Object.values(IDS)) expect(Document.safeParse(corpusDoc(id)).success, id).toBe(true);
  });
});
