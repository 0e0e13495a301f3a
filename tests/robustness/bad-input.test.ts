/**
 * Every row of the README's table of bad input: what the user runs, what they see, the exit code.
 * No row may end in a stack trace.
 */
import { mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, corpusCopy } from '../cli/run-cli.js';

const copy = corpusCopy();
afterAll(copy.cleanup);
const here = (name: string, content: string | Uint8Array) => {
  const path = join(copy.dir, name);
  writeFileSync(path, content);
  return name;
};
const run = (...args: string[]) => cli(args, { cwd: copy.dir });
const noStack = (r: { stderr: string }) => expect(r.stderr).not.toMatch(/\n\s+at /);

const superscript = (n: number) => String(n).replace(/\d/g, (d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)]!);

describe('unusable input: a one-line message naming the file, exit 2', () => {
  it.each([
    ['an empty file', '', /^smuggle-corpus: leeg\.txt: the file is empty$/m],
    ['a file of white space only', ' \n\t\r\n', /^smuggle-corpus: leeg\.txt: the file contains only white space$/m],
    ['a binary file', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00]), /^smuggle-corpus: leeg\.txt: this looks like a binary file \(a NUL byte at offset 6\), not a text document$/m],
    ['a PDF renamed to .txt', '%PDF-1.7\n1 0 obj\n', /^smuggle-corpus: leeg\.txt: this is a PDF file, not text; convert it first \(for example: pdftotext -layout file\.pdf file\.txt\)$/m],
    ['bytes that are neither UTF-8 nor Windows-1252', new Uint8Array([0x41, 0x0a, 0x42, 0x8d, 0x90, 0x81]), /^smuggle-corpus: leeg\.txt:2:2: not valid UTF-8 and not Windows-1252 text; save the file as UTF-8$/m],
  ])('%s', (_what, content, message) => {
    const name = here('leeg.txt', content);
    for (const command of [['show', name], ['diff', name, name]]) {
      const r = run(...command);
      expect(r.code, command.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      noStack(r);
    }
    const v = run('validate', name);
    expect(v.code).toBe(2);
    expect(v.stdout).toMatch(/^leeg\.txt:1:1 error .* \[read\/unusable\]$/m);
  });

  it('a file over the size limit is refused before it is read', () => {
    // A sparse 200 MB file: the size check must come before reading.
    const path = join(copy.dir, 'dump.txt');
    writeFileSync(path, 'x');
    truncateSync(path, 200 * 1024 * 1024);
    const r = run('show', 'dump.txt');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^smuggle-corpus: dump\.txt: the file is 200\.0 MB, over the 20\.0 MB limit for one document \(raise it with --max-bytes\)$/m);
  });

  it('a single 50 MB line: over the limit, and with a higher limit not a document of this kind', () => {
    here('lijn.txt', 'Mensenhandel '.repeat(4 * 1024 * 1024));
    const r = run('show', 'lijn.txt');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/lijn\.txt: the file is 52\.0 MB, over the 20\.0 MB limit/);
    const raised = run('--max-bytes', '100000000', 'show', 'lijn.txt');
    expect(raised.code).toBe(2);
    expect(raised.stderr).toMatch(/^smuggle-corpus: lijn\.txt:1: a single line of 52\.0 MB is not a document of this kind \(one paragraph per line, or hard-wrapped text\); split it into paragraphs$/m);
  });
});

describe('awkward but usable input parses, with warnings where something is off', () => {
  it('Windows-1252 is decoded with a warning', () => {
    const name = here('oud.txt', new Uint8Array([...Buffer.from('1. Inleiding\n\nDe Commissie zal financi'), 0xeb, ...Buffer.from('le steun geven.\n')]));
    const r = run('validate', name);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('oud.txt:1:1 warning not valid UTF-8 (line 3, column 25); decoded as Windows-1252 [read/encoding]');
    expect(JSON.parse(run('show', name, '--json', 'source.encoding').stdout)).toEqual({ 'source.encoding': 'windows-1252' });
  });

  it('a BOM and CRLF line ends are read, and recorded', () => {
    const name = here('bom.txt', '\uFEFF1. Inleiding\r\n\r\nDe lidstaten zouden meer moeten doen.\r\n');
    const doc = JSON.parse(run('show', name, '--json').stdout);
    expect(doc.source).toMatchObject({ bom: true, lineEnding: 'crlf', encoding: 'utf-8' });
    expect(doc.body[0].children[0].text).toBe('De lidstaten zouden meer moeten doen.');
  });

  it('numbering six levels deep', () => {
    const name = here('diep.txt', '1. Een\n\n1.1 Twee\n\n1.1.1 Drie\n\n1.1.1.1 Vier\n\n1.1.1.1.1 Vijf\n\n1.1.1.1.1.1 Zes\n\nTekst op het diepste niveau.\n');
    const doc = JSON.parse(run('show', name, '--json').stdout);
    let section = doc.body[0];
    for (let level = 2; level <= 6; level++) section = section.children[0];
    expect(section.heading).toMatchObject({ number: '1.1.1.1.1.1', level: 6 });
    expect(run('validate', name).code).toBe(0);
  });

  it('thousands of footnotes, each linked', () => {
    const n = 3000;
    const body = Array.from({ length: n }, (_, i) => `Zin ${i + 1} over mensensmokkel${superscript(i + 1)}.`).join('\n\n');
    const notes = Array.from({ length: n }, (_, i) => `${superscript(i + 1)} Bron ${i + 1}.`).join('\n\n');
    const name = here('noten.txt', `1. Noten\n\n${body}\n\n${notes}\n`);
    const r = run('validate', name, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
    expect(JSON.parse(run('show', name, '--json', 'stats.footnotes,stats.noteRefs').stdout)).toEqual({ 'stats.footnotes': n, 'stats.noteRefs': n });
  });

  it('a key-action lead-in with no items is a warning (an error with --strict)', () => {
    const name = here('leeg-leadin.txt', '1. Acties\n\nKernacties\n\nDe Commissie zal:\n\n2. Verder\n\nTekst.\n');
    const r = run('validate', name);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('leeg-leadin.txt:5:1 warning a key-action lead-in with no items under it [key-actions/empty-lead-in]');
    expect(run('validate', '--strict', name).code).toBe(1);
  });

  it('a bullet without a list, unbalanced markdown and text without structure', () => {
    const name = here('los.txt', 'Zomaar een alinea zonder koppen, met **vet dat niet sluit.\n\n- een losse opsomming\n\nNog een alinea met *cursief*.\n');
    const doc = JSON.parse(run('show', name, '--json').stdout);
    expect(doc.stats).toMatchObject({ sections: 0, paragraphs: 2, lists: 1, listItems: 1 });
    expect(doc.body[0].text).toBe('Zomaar een alinea zonder koppen, met **vet dat niet sluit.');
    expect(doc.body[2].marks).toEqual([{ type: 'emphasis', start: 19, end: 26 }]);
    expect(doc.body[2].text.slice(19, 26)).toBe('cursief');
    expect(run('show', name).stdout).toContain('0 sections');
  });
});

describe('data files: positioned messages, exit 2', () => {
  const registry = (name: string, content: string) => {
    mkdirSync(join(copy.dir, 'reg'), { recursive: true });
    writeFileSync(join(copy.dir, 'reg', name), content);
    return join('reg', name);
  };
  const actor = (id: string, names: string[], extra = '') => `  - id: ${id}\n    label: { nl: ${id}, en: ${id} }\n    type: eu-agency\n    names: [${names.join(', ')}]\n    examples: []\n${extra}`;

  it.each([
    ['a duplicate alias', `version: 1\nactors:\n${actor('een', ['Gedeeld'])}${actor('twee', ['Gedeeld'])}instruments: []\n`, /reg\/dup\.yaml:\d+:\d+ .*Gedeeld/],
    ['an unknown field', `version: 1\nactors:\n${actor('een', ['Een'], '    colour: blue\n')}instruments: []\n`, /^  reg\/dup\.yaml:8:5 unknown field "colour"$/m],
    ['a YAML syntax error', 'version: 1\nactors: [\n  - id: x\n', /reg\/dup\.yaml:\d+:\d+ /],
    ['a YAML alias bomb', `version: 1\nx0: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\nx1: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nx2: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nx3: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\nx4: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nactors: []\ninstruments: []\n`, /reg\/dup\.yaml:\d+:\d+ YAML aliases refused/],
    ['a huge file', `version: 1\n# ${'x'.repeat(2 * 1024 * 1024)}\nactors: []\ninstruments: []\n`, /reg\/dup\.yaml:1:1 .*more than the limit/],
  ])('a registry with %s', (_what, content, message) => {
    const path = registry('dup.yaml', content);
    const r = run('--registry', path, 'show', 'com-2021-171');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^smuggle-corpus: the registry has problems:/m);
    expect(r.stderr).toMatch(message);
    noStack(r);
  });

  it('a manifest whose paths or ids would escape the corpus or the store', () => {
    const dir = join(copy.dir, 'kwaad');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'a.txt'), '1. Titel\n\nTekst.\n');
    writeFileSync(
      join(dir, 'manifest.yaml'),
      'version: 1\ndocuments:\n  - { id: ../../etc, file: a.txt, title: A, kind: other, date: null, reference: null, language: nl, source: null }\n  - { id: b, file: ../../../etc/passwd, title: B, kind: other, date: null, reference: null, language: nl, source: null }\n  - { id: con, file: a.txt, title: C, kind: other, date: null, reference: null, language: nl, source: null }\n',
    );
    const r = run('validate', 'kwaad');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/kwaad\/manifest\.yaml:3:\d+ error documents\[0\]\.id: an id is lower-case letters/);
    expect(r.stdout).toMatch(/kwaad\/manifest\.yaml:4:\d+ error documents\[1\]\.file: file must be a path inside the corpus folder/);
    expect(r.stdout).toMatch(/kwaad\/manifest\.yaml:5:\d+ error documents\[2\]\.id: a reserved name or "\.\." is not a valid id/);
  });

  it('symbolic links are followed only inside the corpus', () => {
    const dir = join(copy.dir, 'links');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    writeFileSync(join(copy.dir, 'buiten.txt'), '1. Geheim\n\nBuiten het corpus.\n');
    writeFileSync(join(dir, 'sub', 'binnen.txt'), '1. Binnen\n\nIn het corpus.\n');
    symlinkSync(join(copy.dir, 'buiten.txt'), join(dir, 'naar-buiten.txt'));
    symlinkSync(join(dir, 'sub', 'binnen.txt'), join(dir, 'naar-binnen.txt'));
    const r = run('validate', 'links', '--json');
    const files = (JSON.parse(r.stdout) as { file: string }[]).map((d) => d.file);
    expect(r.stderr).toMatch(/^1 document:/m);
    expect(files.some((f) => f.includes('buiten'))).toBe(false);
  });
});

describe('usage mistakes: a one-line message, exit 2', () => {
  it.each([
    [['query', '--limit', 'veel'], /^smuggle-corpus: --limit must be a whole number of at least 0, not "veel"$/m],
    [['query', '--actor', 'Frontexx'], /^smuggle-corpus: unknown actor "Frontexx"; did you mean frontex/m],
    [['query', '--instrument', 'Frontex'], /^smuggle-corpus: "Frontex" is an actor \(frontex\), not an instrument; use --actor$/m],
    [['--corpus', 'bestaat-niet', 'query', '--actor', 'Frontex'], /^smuggle-corpus: no corpus folder at .*bestaat-niet \(name one with --corpus\)$/m],
    [['show', 'onbekend-id'], /^smuggle-corpus: unknown document "onbekend-id": not a file and not a corpus id/m],
    [['query', '--type', 'roman'], /error: option '--type <type\.\.\.>' argument 'roman' is invalid\. Allowed choices are action, paragraph/],
  ])('%j', (args, message) => {
    const r = run(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    noStack(r);
  });
});
