/** The lexicon: validated on load, cached, and extensible without code. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import {
  analyseKeyAction,
  DEFAULT_KEY_ACTION_LEXICON_PATH,
  findDeadlines,
  KeyActionLexicon,
  loadKeyActionLexicon,
} from '../../src/entities/actions/index.js';
import { mentioned, rolesOf } from './helpers.js';

const shipped = () => parse(readFileSync(DEFAULT_KEY_ACTION_LEXICON_PATH, 'utf8')) as KeyActionLexicon;

const scratch = mkdtempSync(join(tmpdir(), 'key-actions-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let written = 0;
function writeLexicon(lexicon: unknown): string {
  const path = join(scratch, `lexicon-${++written}.yaml`);
  writeFileSync(path, stringify(lexicon));
  return path;
}

describe('loading', () => {
  it('loads the shipped Dutch lexicon once per file', () => {
    const lexicon = loadKeyActionLexicon();
    expect(lexicon).toEqual(KeyActionLexicon.parse(shipped()));
    expect(lexicon.language).toBe('nl');
    expect(loadKeyActionLexicon(relative(process.cwd(), DEFAULT_KEY_ACTION_LEXICON_PATH))).toBe(lexicon);
  });

  it('rejects a lexicon that breaks the schema, naming the file and the field', () => {
    const broken = shipped();
    broken.roleCues.partner.push('in nauwe samenwerking');
    const path = writeLexicon(broken);
    expect(() => loadKeyActionLexicon(path)).toThrow(path);
    expect(() => loadKeyActionLexicon(path)).toThrow(/roleCues\.partner/);
  });

  it.each([
    ['a template with two slots', (l: KeyActionLexicon) => l.directives.call.push('roept {actors} en {actors} op')],
    ['a template that is only a slot', (l: KeyActionLexicon) => l.roleCues.support.push('{actors}')],
    ['a thirteenth month', (l: KeyActionLexicon) => (l.deadlines.months['smarch'] = 13)],
    ['an unknown section', (l: KeyActionLexicon) => Object.assign(l, { tenses: [] })],
  ])('the schema rejects %s', (_what, breakIt) => {
    const lexicon = shipped();
    breakIt(lexicon);
    expect(KeyActionLexicon.safeParse(lexicon).success).toBe(false);
  });
});

describe('users extend the phrases in the data file', () => {
  const extended = () => {
    const lexicon = shipped();
    lexicon.roleCues.partner.push('in coördinatie met {actors}');
    lexicon.modalVerbs.commitment.push('gaat');
    lexicon.deadlines.months['sept.'] = 9;
    return loadKeyActionLexicon(writeLexicon(lexicon));
  };
  const item = () =>
    mentioned('De Commissie gaat in coördinatie met Frontex de controles versterken (uiterlijk sept. 2025).', {
      'De Commissie': 'european-commission',
      Frontex: 'frontex',
    });

  it('the shipped lexicon does not know the new phrases', () => {
    const result = analyseKeyAction({ leadIn: null, item: item() });
    expect(rolesOf(result)).toEqual({ 'european-commission': 'lead', frontex: 'mentioned' });
    expect(result.modality).toBe('statement');
    expect(result.deadlines).toEqual([]);
  });

  it('the extended lexicon does', () => {
    const lexicon = extended();
    const result = analyseKeyAction({ leadIn: null, item: item() }, lexicon);
    expect(rolesOf(result)).toEqual({ 'european-commission': 'lead', frontex: 'partner' });
    expect(result.modality).toBe('commitment');
    expect(findDeadlines(item().text, lexicon)).toMatchObject([
      { text: 'uiterlijk sept. 2025', precision: 'month', month: 9, qualifier: 'by' },
    ]);
  });
});
