/**
 * Query result sets verified by reading the five documents, and the CLI conventions of query.
 * The test runs on a copy of the corpus with a store of its own.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusDoc, IDS, ROOT, textNodes } from '../helpers.js';
import { cli, corpusCopy } from './run-cli.js';

const copy = corpusCopy();
const q = (...args: string[]) => cli(['query', ...args], { cwd: copy.dir });
const ids = (...args: string[]) => (JSON.parse(q(...args, '--json', 'id').stdout) as { id: string }[]).map((h) => h.id);

beforeAll(() => {
  // The first query builds the store (on a copy, so tests do not share a store).
  expect(q('--actor', 'Frontex', '--count').code).toBe(0);
});
afterAll(copy.cleanup);

describe('complete result sets', () => {
  it('every key action involving Frontex, under any of its names', () => {
    const expected = [
      'com-2021-591/s3.3.3/ka1/g2/a4', // roept Frontex op zijn capaciteit ...
      'com-2021-591/s3.3.3/ka1/g2/a6', // roept Frontex, Europol en Eurojust op ...
      'com-2021-591/s3.3.3/ka1/g3/a1', // lead-in: met de steun van de EU-agentschappen Europol, Frontex, ...
      'com-2021-591/s3.3.3/ka1/g3/a2',
      'com-2021-591/s3.3.3/ka1/g3/a3',
      'com-2021-591/s3.3.3/ka1/g3/a4',
      'com-2021-591/s3.4/ka1/g1/a1', // Europol en Frontex zouden ...
      'com-2021-591/s3.4/ka1/g1/a3', // EU-agentschappen, zoals Europol en Frontex, ...
      'com-2021-171/s3/ka1/g2/a2', // (zoals Europol, Eurojust, Cpol en Frontex)
    ];
    expect(ids('--actor', 'Frontex', '--type', 'action')).toEqual(expected);
    expect(ids('--actor', 'EGKW', '--type', 'action')).toEqual(expected);
    expect(ids('--actor', 'Europees Grens- en kustwachtagentschap', '--type', 'action')).toEqual(expected);
  });

  it('every passage citing Richtlijn 2011/36/EU, by number or by name', () => {
    const hits = ids('--instrument', 'Richtlijn 2011/36/EU');
    expect(hits).toEqual(ids('--instrument', 'richtlijn ter bestrijding van mensenhandel'));
    expect(hits).toEqual(ids('--instrument', '32011L0036'));
    // By reading: 4 in the action plan, 1 in the letter, 7 on the Q&A page, 15 in the strategy.
    const perDoc = (doc: string) => hits.filter((h) => h.startsWith(`${doc}/`)).length;
    expect([IDS.plan, IDS.fiche, IDS.letter, IDS.qa, IDS.strategy].map(perDoc)).toEqual([4, 0, 1, 7, 15]);
    expect(hits).toEqual(expect.arrayContaining(['com-2021-591/fn59', 'kst-28638-235/s3.1/h1/p2', 'com-2021-171/s4.1/p1', 'com-2021-171/fn42']));
    expect(ids('--instrument', 'Richtlijn 2011/36/EU', '--doc', 'com-2021-171')).toEqual(hits.filter((h) => h.startsWith('com-2021-171/')));
  });

  it('a stemmed text search finds the inflected forms a pattern over the texts finds', () => {
    const expected = Object.values(IDS).flatMap((id) =>
      textNodes(corpusDoc(id))
        .filter((n) => /\bfinanci(?:eel|ële|ele)\b/iu.test(n.text) && /\bonderzoek(?:en)?\b/iu.test(n.text))
        .map((n) => n.id),
    );
    const hits = ids('--text', 'financieel onderzoek');
    expect([...hits].sort()).toEqual([...expected].sort());
    expect(hits.length).toBe(16);
    expect(ids('--text', 'financiële onderzoeken')).toEqual(hits);
    expect(ids('--text', 'financieel onderzoek', '--exact')).toEqual(
      Object.values(IDS).flatMap((id) => textNodes(corpusDoc(id)).filter((n) => /financieel\s+onderzoek/iu.test(n.text)).map((n) => n.id)),
    );
  });

  it('function words in --text are read as the index read the texts (left out), not required', () => {
    expect(ids('--text', 'de samenwerking')).toEqual(ids('--text', 'samenwerking'));
    // The phrase: elements with the word "samenwerking" whose text has "de samenwerking".
    const texts = new Map(Object.values(IDS).flatMap((id) => textNodes(corpusDoc(id)).map((n) => [n.id, n.text] as const)));
    const phrase = ids('--text', 'de samenwerking', '--exact');
    expect(phrase).toEqual(ids('--text', 'samenwerking').filter((id) => /de\s+samenwerking/iu.test(texts.get(id)!)));
    expect(phrase.length).toBeGreaterThan(10);
    const only = q('--text', 'de het', '--count');
    expect(only.code).toBe(2);
    expect(only.stderr).toMatch(/has no words to search for \(only function words/);
  });

  it('key actions due before 2023', () => {
    expect(ids('--due-before', '2023', '--type', 'action')).toEqual([
      'com-2021-591/s3.3.3/ka1/g2/a1', // in de eerste helft van 2022
      'qa-2021-04-14-organised-crime-trafficking/ka1/t1/g1/a1', // (4e kwartaal 2021)
      'qa-2021-04-14-organised-crime-trafficking/ka1/t1/g1/a2', // (vierde kwartaal van 2021)
      'qa-2021-04-14-organised-crime-trafficking/ka1/t2/g1/a1', // (2e kwartaal 2021)
      'qa-2021-04-14-organised-crime-trafficking/ka1/t2/g1/a2', // (2022)
      'qa-2021-04-14-organised-crime-trafficking/ka1/t3/g1/a1', // (2022)
      'qa-2021-04-14-organised-crime-trafficking/ka1/t3/g1/a2', // (2022)
      'qa-2021-04-14-organised-crime-trafficking/ka1/t3/g2/a1', // uiterlijk tegen augustus 2021
      'qa-2021-04-14-organised-crime-trafficking/ka1/t4/g1/a1', // uiterlijk eind juni 2021
    ]);
    expect(ids('--due-after', '2022', '--type', 'action')).toEqual([
      'com-2021-591/s3.2.2/ka1/g1/a2', // in 2023 verslag uitbrengen
      'qa-2021-04-14-organised-crime-trafficking/ka1/t1/g1/a3', // (2023)
    ]);
  });

  it('roles, modality and sections combine', () => {
    const addressed = JSON.parse(q('--actor', 'lidstaten', '--role', 'addressee', '--modality', 'call', '--json').stdout) as {
      id: string;
      leadIn: string;
      roles: { entity: string; role: string }[];
    }[];
    const byLeadIn = new Map<string, number>();
    for (const h of addressed) byLeadIn.set(`${h.id.split('/')[0]} | ${h.leadIn}`, (byLeadIn.get(`${h.id.split('/')[0]} | ${h.leadIn}`) ?? 0) + 1);
    // "roept ... op" in the action plan; the passive "worden aangespoord" of the Q&A page. The
    // strategy's "De Commissie verzoekt de lidstaten om:" is a request, not a call.
    expect(Object.fromEntries(byLeadIn)).toEqual({
      'com-2021-591 | De Commissie roept de lidstaten op om, met de steun van de EU-agentschappen Europol, Frontex, Eurojust en Cepol:': 4,
      'qa-2021-04-14-organised-crime-trafficking | De lidstaten worden aangespoord om:': 21,
      'qa-2021-04-14-organised-crime-trafficking | De lidstaten en Europol worden aangespoord om:': 3,
    });
    expect(addressed.every((h) => h.roles.some((r) => r.entity === 'member-states' && r.role === 'addressee'))).toBe(true);
    expect(ids('--actor', 'lidstaten', '--role', 'addressee', '--modality', 'request', '--doc', 'com-2021-171')).toHaveLength(17);
    const inSection = JSON.parse(q('--doc', 'com-2021-591', '--section', '3.3', '--type', 'heading', '--json', 'section.number').stdout) as Record<string, string>[];
    // The section headings of 3.3 and its subsections, and the "Kernacties" title inside 3.3.3.
    expect(inSection.map((h) => h['section.number'])).toEqual(['3.3', '3.3.1', '3.3.2', '3.3.3', '3.3.3']);
  });
});

describe('output and exit codes', () => {
  it('prints JSON that validates against the published query result schema', () => {
    const ajv = new Ajv2020({ strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schemas', 'query-result.schema.json'), 'utf8')));
    const result = JSON.parse(q('--actor', 'Europol', '--json').stdout);
    expect(result.length).toBeGreaterThan(50);
    expect(validate(result), JSON.stringify(validate.errors)).toBe(true);
    expect(result[0]).toMatchObject({ doc: 'com-2021-591', section: { number: expect.any(String) }, type: expect.any(String), line: expect.any(Number), text: expect.any(String) });
    expect(result.every((h: { actors: string[] }) => h.actors.includes('europol'))).toBe(true);
  });

  it('streams JSON Lines and writes CSV with a header', () => {
    const jsonl = q('--actor', 'Cepol', '--jsonl', 'doc,line').stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(jsonl.length).toBe(Number(q('--actor', 'Cepol', '--count').stdout));
    expect(Object.keys(jsonl[0])).toEqual(['doc', 'line']);
    const csv = q('--actor', 'Cepol', '--csv', 'doc,line,text').stdout.split('\n');
    expect(csv[0]).toBe('doc,line,text');
  });

  it('writes one CSV header whatever matches, and with nothing matching', () => {
    const none = q('--actor', 'Cepol', '--text', 'zzzqqq', '--csv');
    expect(none.code).toBe(1);
    const header = none.stdout.trim().split(',');
    expect(header).toEqual(expect.arrayContaining(['doc', 'line', 'text', 'roles', 'modality', 'deadline', 'sectionNumber', 'sectionTitle']));
    expect(header).not.toContain('section');
    // Paragraphs only, or key actions among them: the same columns.
    expect(q('--actor', 'Cepol', '--type', 'paragraph', '--csv').stdout.split('\n')[0]!.split(',')).toEqual(header);
    expect(q('--actor', 'Frontex', '--csv').stdout.split('\n')[0]!.split(',')).toEqual(header);
    expect(q('--actor', 'Cepol', '--text', 'zzzqqq', '--csv', 'doc,section,line').stdout).toBe('doc,line,sectionNumber,sectionTitle\n');
    expect(q('--actor', 'Cepol', '--text', 'zzzqqq', '--group-by', 'doc', '--csv').stdout).toBe('doc,count\n');
  });

  it('counts and groups without listing, with the numbers of actors --json', () => {
    const groups = JSON.parse(q('--actor', 'Europol', '--group-by', 'doc', '--json').stdout) as { doc: string; count: number }[];
    const total = Number(q('--actor', 'Europol', '--count').stdout);
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(total);
    expect(groups.map((g) => g.doc)).toEqual(expect.arrayContaining([IDS.plan, IDS.qa, IDS.strategy, IDS.letter, IDS.fiche]));
  });

  it('shows key words in context, without colour when stdout is not a terminal', () => {
    const r = q('--text', 'financieel onderzoek', '--kwic', '3', '--doc', 'kst-28638-235');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/\x1b\[/);
    expect(r.stdout.split('\n')[0]).toBe('kst-28638-235:119 paragraph …het gebied van financieel onderzoek en de ontneming…');
    expect(q('--actor', 'Frontex', '--color', 'always').stdout).toMatch(/\x1b\[/);
  });

  it('exits 1 without hits and 2 for an unknown actor, suggesting the closest', () => {
    expect(q('--actor', 'Frontex', '--doc', 'qa-2021-04-14-organised-crime-trafficking', '--type', 'action').code).toBe(1);
    const unknown = q('--actor', 'Frontexx');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^smuggle-corpus: unknown actor "Frontexx"; did you mean frontex/);
    expect(q('--due-before', 'next year').stderr).toMatch(/--due-before takes a date such as 2023/);
  });
});

describe('documents outside the corpus', () => {
  const letter = [
    '1. Inleiding',
    '',
    'Het Europees Grens- en kustwachtagentschap (Frontex) en Europol werken samen met de lidstaten.',
    '',
    'Kernacties',
    '',
    'De Commissie zal:',
    '- samen met de EGKW in 2023 een verslag opstellen;',
    '- de lidstaten steunen.',
    '',
  ].join('\n');
  const file = join(copy.dir, 'brief.txt');
  writeFileSync(file, letter);
  // The child's temporary folder, to see that the temporary store is removed.
  const tmp = mkdtempSync(join(copy.dir, 'tmp-'));
  const env = { TMPDIR: tmp };
  const qq = (...args: string[]) => cli(['query', ...args], { cwd: copy.dir, env });

  it('a --doc that names a file asks that file, parsed on the fly; the corpus store is left alone', () => {
    const before = q('--actor', 'Frontex', '--count').stdout;
    const r = qq('--doc', file, '--actor', 'Frontex', '--json', 'id,doc,line,type');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      { id: 'brief/s1/p1', doc: 'brief', line: 3, type: 'paragraph' },
      { id: 'brief/s1/ka1/g1/a1', doc: 'brief', line: 8, type: 'action' },
    ]);
    expect(qq('--doc', 'brief.txt', '--due-before', '2024', '--count').stdout.trim()).toBe('1');
    expect(q('--actor', 'Frontex', '--count').stdout).toBe(before);
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('reads `-` from standard input, and mixes files with corpus ids', () => {
    const stdin = cli(['query', '--doc', '-', '--actor', 'lidstaten', '--json', 'doc,line'], { cwd: copy.dir, env, input: letter });
    expect(JSON.parse(stdin.stdout)).toEqual([
      { doc: 'stdin', line: 3 },
      { doc: 'stdin', line: 9 },
    ]);
    const groups = JSON.parse(qq('--doc', IDS.plan, '--doc', file, '--actor', 'Frontex', '--group-by', 'doc', '--json').stdout);
    expect(groups).toEqual([
      { doc: IDS.plan, count: Number(q('--doc', IDS.plan, '--actor', 'Frontex', '--count').stdout) },
      { doc: 'brief', count: 2 },
    ]);
    expect(JSON.parse(cli(['actors', '--doc', file, '--json'], { cwd: copy.dir, env }).stdout).map((a: { id: string }) => a.id).sort()).toEqual(['european-commission', 'europol', 'frontex', 'member-states']);
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('an unknown id or an unusable file is an error (exit 2), not an empty answer', () => {
    const unknown = qq('--doc', 'com-2099-1', '--actor', 'Frontex');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown document "com-2099-1": not a file and not a corpus id \(known ids: com-2021-591, /);
    writeFileSync(join(copy.dir, 'leeg.txt'), '');
    const empty = qq('--doc', 'leeg.txt', '--actor', 'Frontex');
    expect(empty).toMatchObject({ code: 2, stdout: '' });
    expect(empty.stderr.trim()).toBe('smuggle-corpus: leeg.txt: the file is empty');
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('removes the temporary store a killed command left, not that of one still running', () => {
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
    const orphan = join(tmp, `smuggle-corpus-${gone}-abc123`);
    const running = join(tmp, `smuggle-corpus-${process.pid}-def456`);
    mkdirSync(join(orphan, 'store'), { recursive: true });
    writeFileSync(join(orphan, 'stdin.txt'), letter);
    mkdirSync(running);
    // Left two hours ago (a fresh folder of a process that looks gone may be another container's).
    const longAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    for (const folder of [orphan, running]) utimesSync(folder, longAgo, longAgo);
    expect(qq('--doc', file, '--actor', 'Frontex', '--count').stdout.trim()).toBe('2');
    expect(readdirSync(tmp)).toEqual([`smuggle-corpus-${process.pid}-def456`]);
    rmSync(running, { recursive: true });
  });

  it('leaves a recent temporary store alone even when its process looks gone (another container)', () => {
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
    const recent = `smuggle-corpus-${gone}-ghi789`;
    mkdirSync(join(tmp, recent));
    expect(qq('--doc', file, '--actor', 'Frontex', '--count').stdout.trim()).toBe('2');
    expect(readdirSync(tmp)).toEqual([recent]);
    rmSync(join(tmp, recent), { recursive: true });
  });
});
