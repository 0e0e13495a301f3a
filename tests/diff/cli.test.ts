/** `smuggle-corpus diff` as a user runs it, on a copy of the corpus with its own store. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DiffResult } from '../../src/diff/result.js';
import { cli, corpusCopy } from '../cli/run-cli.js';
import { FIXTURES, IDS } from '../helpers.js';

const copy = corpusCopy();
afterAll(copy.cleanup);
const run = (args: string[], input?: string) => cli(['diff', ...args], { cwd: copy.dir, ...(input === undefined ? {} : { input }) });
const OLD = join(FIXTURES, 'diff', 'plan-3.2.2-old.txt');
const NEW = join(FIXTURES, 'diff', 'plan-3.2.2-new.txt');

describe('smuggle-corpus diff', () => {
  it('exits 0 when the documents do not differ', () => {
    const r = run([IDS.plan, IDS.plan]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Sections: 19 same · 0 changed · 0 only in A · 0 only in B · 0 moved$/m);
    expect(r.stdout.trim().split('\n').at(-1)).toBe('No differences.');
    expect(run([OLD, OLD]).code).toBe(0);
  });

  it('exits 1 and reports the edits of two versions, files outside the corpus parsed on the fly', () => {
    const r = run([OLD, NEW]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('--- A plan-3.2.2-old');
    expect(r.stdout).toMatch(/^ {4}\+ paragraph {2}B L23$/m);
    expect(r.stdout).toContain('{+uiterlijk+} in [-2023-]{+2024+} verslag uitbrengen over de uitvoering {+en de evaluatie+} van het hulpverleningspakket en {+zo nodig+} verdere actie overwegen;');
    expect(r.stdout).toMatch(/^ {4}- footnote {2}A L19$/m);
    expect(r.stdout).toMatch(/^Footnotes \(compared by text, numbers ignored\): 5 same · 0 changed · 1 only in A · 0 only in B · 0 moved$/m);
  });

  it('reads one document from standard input', () => {
    const r = run([OLD, '-'], readFileSync(NEW, 'utf8'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('+++ B stdin (-)');
  });

  it('aligns key actions with word-level changes (--actions --words), coloured only when asked', () => {
    const r = run([IDS.strategy, IDS.qa, '--actions', '--words']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Key actions: 20 same · 20 changed · 3 only in A · 30 only in B · 1 moved$/m);
    expect(r.stdout).toContain('[-rechtshandavingsdiensten-]{+rechtshandhavingsdiensten+}');
    expect(r.stdout).toMatch(/^- only in A {2}L125 {3}com-2021-171\/s2\/ka1\/g1\/a2 {2}nearest qa-2021-04-14-organised-crime-trafficking\/ka2\/t1\/g1\/a1 \(0\.29\)$/m);
    expect(r.stdout).not.toContain('\u001b[');
    const coloured = run([IDS.strategy, IDS.qa, '--actions', '--words', '--color', 'always']);
    expect(coloured.stdout).toContain('\u001b[');
    expect(coloured.stdout).not.toContain('{+rechtshandhavingsdiensten+}');
  });

  it('prints the full alignment as JSON that the published schema accepts', () => {
    const r = run([IDS.strategy, IDS.qa, '--actions', '--json']);
    expect(r.code).toBe(1);
    const result = DiffResult.parse(JSON.parse(r.stdout));
    expect(result.mode).toBe('actions');
    const pair = result.actions!.rows.find((x) => x.a?.id === 'com-2021-171/s4.3/ka1/g1/a3')!;
    expect(pair).toMatchObject({ status: 'changed', b: { id: 'qa-2021-04-14-organised-crime-trafficking/ka2/t3/g1/a3', span: { startLine: 215 } }, a: { span: { startLine: 255 } } });
    expect(pair.score).toBeGreaterThan(0.35);
  });

  it('prints the coverage table as CSV with a header, and the coverage as JSON', () => {
    const r = run([IDS.plan, IDS.letter, '--coverage', '--csv']);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('action,line,status,score,passage,passageLine,passageText,shared,actionText');
    expect(lines[1]).toMatch(/^com-2021-591\/s3\.1\.2\/ka1\/g1\/a1,295,absent,0\.24,kst-28638-235\/s3\.5\/h1\/p1,147,"Als onderdeel/);
    const json = DiffResult.parse(JSON.parse(run([IDS.plan, IDS.letter, '--coverage', '--json']).stdout));
    expect(json.coverage).toHaveLength(27);
    expect(run([IDS.plan, IDS.letter, '--coverage']).stdout).toMatch(/^Coverage of the 27 key actions of A in B: \d+ taken up · \d+ partly · \d+ absent$/m);
  });

  it('exits 2 on trouble: an unknown document, two standard inputs, a bad threshold, CSV without coverage, coverage of a text without key actions', () => {
    for (const args of [[IDS.plan, 'geen-document'], ['-', '-'], [IDS.plan, IDS.letter, '--threshold', 'hoog'], [IDS.plan, IDS.letter, '--csv'], [IDS.plan, IDS.letter, '--actions', '--coverage'], [IDS.letter, IDS.plan, '--coverage'], [IDS.plan]]) {
      const r = run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
    }
    expect(run([IDS.plan, 'geen-document']).stderr).toMatch(/^smuggle-corpus: unknown document "geen-document"/);
  });
});
