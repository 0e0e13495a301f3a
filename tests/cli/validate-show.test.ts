import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { cli, corpusCopy } from './run-cli.js';

describe('smuggle-corpus validate', () => {
  it('exits 0 on the shipped corpus and prints its warnings as file:line:col severity message [rule]', () => {
    const r = cli(['validate', 'corpus']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([
      'corpus/001_828366567f13846f.txt:20:1 warning document number "COM(2021) 951" differs from the manifest\'s "COM(2021) 591 final" [metadata/conflict]',
      'corpus/001_828366567f13846f.txt:20:1 warning document number "COM(2021) 951" disagrees with the EUR-Lex link in the document (CELEX 52021DC0591) [metadata/conflict]',
      'corpus/002_ca8b62a8dd8e8447.txt:33:697 warning footnote reference 1 has no note text [footnote/unresolved-reference]',
    ]);
    expect(r.stderr).toMatch(/^5 documents: 0 errors, 3 warnings/m);
  });

  it('prints lines the CI problem matcher turns into annotations', () => {
    const matcher = JSON.parse(readFileSync(join(ROOT, '.github', 'smuggle-corpus-matcher.json'), 'utf8')).problemMatcher[0].pattern[0];
    const lines = cli(['validate', 'corpus']).stdout.trim().split('\n');
    const parsed = lines.map((l) => new RegExp(matcher.regexp).exec(l));
    expect(parsed.every(Boolean)).toBe(true);
    expect(parsed[2]!.slice(1)).toEqual(['corpus/002_ca8b62a8dd8e8447.txt', '33', '697', 'warning', 'footnote reference 1 has no note text', 'footnote/unresolved-reference']);
  });

  it('treats warnings as errors with --strict and prints JSON with --json', () => {
    expect(cli(['validate', 'corpus', '--strict']).code).toBe(1);
    const r = cli(['validate', 'corpus/002_ca8b62a8dd8e8447.txt', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      expect.objectContaining({ file: 'corpus/002_ca8b62a8dd8e8447.txt', document: 'kst-28638-235', line: 33, column: 697, severity: 'warning', rule: 'footnote/unresolved-reference' }),
    ]);
  });

  describe('a corpus with broken documents added', () => {
    const copy = corpusCopy();
    afterAll(copy.cleanup);
    writeFileSync(join(copy.corpus, 'kapot.txt'), '1. Titel\n\nKernacties\n\nDe Commissie zal:\n\n2. Volgende\n\nTekst met een verwijzing⁷ zonder noot.\n');
    writeFileSync(join(copy.corpus, 'binair.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x14]));

    it('reports the positioned problems a reviewer needs and exits 2 because one input is unusable', () => {
      const r = cli(['validate', 'corpus'], { cwd: copy.dir });
      expect(r.code).toBe(2);
      const lines = r.stdout.trim().split('\n');
      expect(lines).toContain('corpus/binair.txt:1:1 error this looks like a binary file (a NUL byte at offset 4), not a text document [read/unusable]');
      expect(lines).toContain('corpus/kapot.txt:5:1 warning a key-action lead-in with no items under it [key-actions/empty-lead-in]');
      expect(lines).toContain('corpus/kapot.txt:9:25 warning footnote reference ⁷ has no note text [footnote/unresolved-reference]');
      expect(lines).toContain('corpus/kapot.txt:1:1 warning this document is not listed in manifest.yaml [manifest/unlisted]');
    });

    it('exits 1 when there are errors but every input could be read', () => {
      writeFileSync(join(copy.corpus, 'manifest.yaml'), 'version: 1\ndocuments:\n  - id: Bad Id\n    file: nope.txt\n');
      const r = cli(['validate', 'corpus/kapot.txt', 'corpus'], { cwd: copy.dir });
      expect(r.stdout).toContain('corpus/manifest.yaml:3:9 error documents[0].id: an id is lower-case letters');
    });
  });
});

describe('smuggle-corpus show', () => {
  it('prints the outline of a corpus document with its source lines', () => {
    const r = cli(['show', 'com-2021-171']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('com-2021-171  EU-strategie voor de bestrijding van mensenhandel 2021-2025');
    expect(r.stdout).toMatch(/^L62 +2\. Brede respons op mensenhandel/m);
    expect(r.stdout).toMatch(/^L120 +▸ Kernacties: \(4 key actions\)/m);
    expect(r.stdout).toContain('80 notes · 0 boxes · 3 captions');
  });

  it('prints the whole typed document with --json, for a path outside the corpus or standard input', () => {
    const text = '1. Inleiding\n\nDe Commissie zal de richtlijn evalueren¹.\n\n¹ Zie COM(2021) 171 final.\n';
    const r = cli(['show', '-', '--json'], { input: text });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ schemaVersion: '1.0.0', id: 'stdin', stats: { sections: 1, footnotes: 1, noteRefs: 1 } });
    expect(doc.citations).toEqual([expect.objectContaining({ document: 'com-2021-171', instrument: expect.any(String) })]);
    const fields = JSON.parse(cli(['show', 'corpus/004_59ebd25ce3ce5e86.txt', '--json', 'id,stats.keyActions']).stdout);
    expect(fields).toEqual({ id: 'com-2021-171', 'stats.keyActions': 43 });
  });

  it('names the closest thing when a document is unknown, exit 2', () => {
    const r = cli(['show', 'com-2021-999']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^smuggle-corpus: unknown document "com-2021-999": not a file and not a corpus id \(known ids: com-2021-591,/);
  });
});
