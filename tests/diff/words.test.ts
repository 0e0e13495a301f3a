import { diffWords } from 'diff';
import { describe, expect, it } from 'vitest';
import { wordChanges, wordsOf } from '../../src/diff/words.js';

describe('word-level changes', () => {
  it('keeps Dutch words with accents whole, also with combining marks', () => {
    const [a, b] = ['de coo\u0308rdinatie verbeteren', 'de coo\u0308peratie verbeteren'];
    // jsdiff alone splits the word at the combining diaeresis ("coö" + "rdinatie"):
    expect(diffWords(a, b).find((c) => c.removed)?.value).toBe('rdinatie');
    const changes = wordChanges(a, b);
    expect(wordsOf(changes, 'delete')).toEqual(['coo\u0308rdinatie']);
    expect(wordsOf(changes, 'insert')).toEqual(['coo\u0308peratie']);
    expect(wordsOf(wordChanges('de financiële steun', 'de financiële hulp'), 'equal')).toEqual(['de', 'financiële']);
  });

  it('treats hyphenated compounds and elisions as Dutch words', () => {
    const changes = wordChanges("peer-mentoringprogramma's voor emancipatie", "peer-mentoringprogramma's voor empowerment");
    expect(wordsOf(changes, 'delete')).toEqual(['emancipatie']);
    expect(wordsOf(changes, 'insert')).toEqual(['empowerment']);
  });

  it('sees no change in re-wrapped text', () => {
    const changes = wordChanges('een wetgevingsvoorstel inzake duurzame corporate governance', 'een wetgevingsvoorstel inzake\nduurzame  corporate governance');
    expect(changes.every((c) => c.op === 'equal')).toBe(true);
  });

  it('reads back both texts (up to whitespace) from the changes', () => {
    const [a, b] = ['de oprichting faciliteren van een focusgroep', 'de oprichting van een focusgroep faciliteren'];
    const changes = wordChanges(a, b);
    const side = (skip: string) => changes.filter((c) => c.op !== skip).map((c) => c.text).join('').replace(/\s+/g, ' ').trim();
    expect([side('insert'), side('delete')]).toEqual([a, b]);
  });
});
