/** Words, stems and stop words of the text index and of `query --text`. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stemOf, stemSet, tokens } from '../../src/util/dutch-words.js';

const regexTokens = (text: string) => [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }));

describe('tokens', () => {
  it('finds runs of letters and numbers, accented letters included', () => {
    expect(tokens('De financiële  steun (2023): EU-lidstaten’s ¹²').map((t) => t.word)).toEqual(['De', 'financiële', 'steun', '2023', 'EU', 'lidstaten', 's', '¹²']);
    expect(tokens('𝐀𝐁 a\u0301b 𝟙x')).toEqual(regexTokens('𝐀𝐁 a\u0301b 𝟙x'));
  });

  it('agrees with /[\\p{L}\\p{N}]+/u on any text, astral letters and lone surrogates included', () => {
    const unit = fc.oneof(
      fc.constantFrom('a', 'Z', '9', ' ', '-', 'é', 'ë', '²', '\u0301', '𝐀', '😀', '\ud800', '\udc00', '’', 'ß', 'İ', '\u00a0'),
      fc.string({ unit: 'binary', maxLength: 2 }),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }).map((parts) => parts.join('')), (text) => {
        expect(tokens(text)).toEqual(regexTokens(text));
      }),
      { numRuns: 2000, seed: 11 },
    );
  });
});

describe('stemOf', () => {
  it('gives inflected and accented forms one stem', () => {
    expect(stemOf('financiële')).toBe(stemOf('financieel'));
    expect(stemOf('Lidstaten')).toBe(stemOf('lidstaat'));
    expect(stemOf('onderzoeken')).toBe(stemOf('onderzoek'));
  });

  it('does not depend on the words stemmed before (the stemmer keeps state)', () => {
    // natural's stemmer drops "-bar" after any earlier word lost an "-e" ("gemeente"), unless reset
    expect(stemOf('gemeente')).toBe('gement'); // doubled vowels undone after stemming
    expect(stemOf('ondenkbar')).toBe('ondenkbar');
    expect(stemOf('wonderbar')).toBe('wonderbar');
  });

  it('keeps numbers and short words as they are, folded', () => {
    expect(stemOf('2023')).toBe('2023');
    expect(stemOf('EU')).toBe('eu');
  });
});

describe('stemSet', () => {
  it('leaves out stop words in any case and keeps one stem per word family', () => {
    const set = stemSet('De lidstaten en de Lidstaat: financieel onderzoek, financiële onderzoeken', new Set(['de', 'en']));
    expect([...set].sort()).toEqual([stemOf('financieel'), stemOf('lidstaat'), stemOf('onderzoek')].sort());
  });
});
