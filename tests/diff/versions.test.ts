/**
 * Two versions of one document: section 3.2.2 of the EU action plan (com-2021-591) and a later
 * "edition" made by hand with four edits — a paragraph inserted, a key action reworded, note 53
 * deleted with the later notes renumbered (54-56 became 53-55), and the first paragraph
 * hard-wrapped at 72 columns. The diff shows exactly those edits and nothing else.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffDocuments } from '../../src/diff/compare.js';
import { isDifference } from '../../src/diff/rows.js';
import { wordsOf } from '../../src/diff/words.js';
import { FIXTURES, parseText } from '../helpers.js';

const read = (name: string) => readFileSync(join(FIXTURES, 'diff', name), 'utf8');
const oldText = read('plan-3.2.2-old.txt');
const newText = read('plan-3.2.2-new.txt');
const parse = (text: string, id: string) => parseText(text, { id, entities: true, path: `tests/fixtures/diff/${id}.txt` });
const result = diffDocuments(parse(oldText, 'old'), parse(newText, 'new'), { mode: 'overview' });

describe('a version diff of a section of the EU action plan', () => {
  it('the fixture files carry the hand edits', () => {
    expect(oldText).toContain('gescheiden te raken⁵³. De lidstaten');
    expect(newText).toContain('gescheiden te raken. De lidstaten');
    expect(newText).toContain('⁵³ COM(2020) 612 final.');
    expect(newText.split('\n').filter((l) => l.startsWith('Gesmokkelde') || l.startsWith('leven te komen')).length).toBe(2);
  });

  it('finds the inserted paragraph, the reworded key action and the deleted note, and nothing else', () => {
    const changes = [...result.elements!, ...result.notes!].filter(isDifference).map((r) => ({ status: r.status, type: (r.a ?? r.b)!.type, line: (r.b ?? r.a)!.span.startLine }));
    expect(changes).toEqual([
      { status: 'only-b', type: 'paragraph', line: 23 },
      { status: 'changed', type: 'key-action', line: 45 },
      { status: 'only-a', type: 'footnote', line: 19 },
    ]);
    expect(result.differences).toBe(true);
  });

  it('shows the inserted paragraph and the deleted note by their text', () => {
    const inserted = result.elements!.find((r) => r.status === 'only-b')!;
    expect(inserted.b!.text).toMatch(/^Om gezinnen die tijdens hun migratietraject gescheiden raken/);
    expect(inserted.b!.section!.number).toBe('3.2.2');
    const deleted = result.notes!.find((r) => r.status === 'only-a')!;
    expect(deleted.a!.text).toMatch(/^Tussen 2015 en 2018 hebben nationale Rode Kruis-verenigingen/);
  });

  it('gives the word-level changes of the reworded key action', () => {
    const action = result.elements!.find((r) => r.status === 'changed')!;
    expect(action.a!.id).toBe('old/s3.2.2/ka1/g1/a2');
    expect(action.b!.id).toBe('new/s3.2.2/ka1/g1/a2');
    expect(wordsOf(action.words!, 'delete')).toEqual(['2023']);
    expect(wordsOf(action.words!, 'insert')).toEqual(['uiterlijk', '2024', 'en', 'de', 'evaluatie', 'zo', 'nodig']);
  });

  it('ignores the renumbered notes and the re-wrapped paragraph', () => {
    const renumbered = result.notes!.filter((r) => r.status === 'same' && r.a!.id !== r.b!.id.replace('new/', 'old/'));
    expect(renumbered.map((r) => [r.a!.id, r.b!.id])).toEqual([
      ['old/fn54', 'new/fn53'],
      ['old/fn55', 'new/fn54'],
      ['old/fn56', 'new/fn55'],
    ]);
    const rewrapped = result.elements!.find((r) => r.a?.text.startsWith('Gesmokkelde migranten'))!;
    expect(rewrapped.status).toBe('same');
    expect([rewrapped.a!.span.endLine - rewrapped.a!.span.startLine, rewrapped.b!.span.endLine - rewrapped.b!.span.startLine]).toEqual([0, 10]);
  });

  it('marks only the section holding the edits as changed; no section is added, removed or moved', () => {
    expect(result.sections!.map((s) => [s.a?.number, s.status, s.moved])).toEqual([
      ['3', 'same', false],
      ['3.2', 'same', false],
      ['3.2.2', 'changed', false],
      ['3.3', 'same', false],
    ]);
  });

  it('names no actor or instrument on one side only', () => {
    for (const d of [result.actors, result.instruments]) expect([d.onlyA, d.onlyB]).toEqual([[], []]);
  });

  it('finds no differences between a version and itself', () => {
    const same = diffDocuments(parse(oldText, 'old'), parse(oldText, 'old'), { mode: 'overview' });
    expect(same.differences).toBe(false);
    expect([...same.elements!, ...same.notes!, ...same.sections!].every((r) => r.status === 'same' && !r.moved)).toBe(true);
  });
});
