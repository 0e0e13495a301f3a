import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateDataset } from '../../src/export/validate-dataset.js';
import { corpusDoc, IDS, keyActions } from '../helpers.js';
import { cli, corpusCopy } from './run-cli.js';

const copy = corpusCopy();
const out = join(copy.dir, 'dataset');
const jsonl = (name: string) => readFileSync(join(out, `${name}.jsonl`), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

beforeAll(() => {
  const r = cli(['export', '--out', 'dataset', '--csv'], { cwd: copy.dir });
  expect(r.code, r.stderr).toBe(0);
});
afterAll(copy.cleanup);

describe('export', () => {
  it('writes the documents, every table as JSON Lines and CSV, their schemas and a manifest', () => {
    const files = readdirSync(out).sort();
    for (const t of ['documents', 'sections', 'paragraphs', 'footnotes', 'note_references', 'key_actions', 'mentions', 'actors', 'instruments', 'citations']) {
      expect(files).toContain(`${t}.jsonl`);
      expect(files).toContain(`${t}.csv`);
    }
    expect(files).toContain('documents.json');
    expect(readdirSync(join(out, 'schemas'))).toContain('table-key_actions.schema.json');
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ schemaVersion: '1.0.0', tool: { name: 'smuggle-corpus' }, registry: { sha256: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    expect(manifest.sources.map((s: { id: string }) => s.id)).toEqual([IDS.plan, IDS.fiche, IDS.letter, IDS.qa, IDS.strategy]);
    expect(manifest.tables.key_actions.rows).toBe(27 + 70 + 43);
  });

  it('validates against its own JSON Schemas, with the tool and by itself', () => {
    expect(validateDataset(out).problems).toEqual([]);
    const r = cli(['validate', '--dataset', 'dataset'], { cwd: copy.dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/records checked, 0 problems/);
  });

  it('reloads into tables whose counts and values match the documents', () => {
    const documents = jsonl('documents');
    for (const id of Object.values(IDS)) {
      expect(documents.find((d) => d.id === id)!.keyActions).toBe(keyActions(corpusDoc(id)).length);
      expect(jsonl('key_actions').filter((a) => a.doc === id)).toHaveLength(keyActions(corpusDoc(id)).length);
    }
    const dated = jsonl('key_actions').find((a) => a.id === 'com-2021-591/s3.3.3/ka1/g2/a1')!;
    expect(dated).toMatchObject({ deadline: 'in de eerste helft van 2022', deadlineStart: '2022-01-01', deadlineEnd: '2022-06-30', modality: 'commitment', lead: ['european-commission'] });
    const called = jsonl('key_actions').find((a) => a.id === 'com-2021-591/s3.3.3/ka1/g3/a1')!;
    expect(called).toMatchObject({ lead: ['european-commission'], addressee: ['member-states'], support: expect.arrayContaining(['eu-agencies', 'europol', 'frontex', 'eurojust', 'cepol']), modality: 'call' });
    expect(jsonl('footnotes').filter((f) => f.doc === IDS.strategy)).toHaveLength(80);
    expect(jsonl('citations')).toContainEqual(expect.objectContaining({ doc: IDS.plan, cites: IDS.strategy, instrument: expect.any(String) }));
  });

  it('writes CSV that a CSV reader loads back with the same values, quotes and all', () => {
    const rows = parse(readFileSync(join(out, 'paragraphs.csv')), { columns: true }) as Record<string, string>[];
    const lines = jsonl('paragraphs');
    expect(rows).toHaveLength(lines.length);
    const quoted = lines.findIndex((p) => /[";\n]/.test(String(p.text)) && String(p.text).includes('"'));
    expect(quoted).toBeGreaterThanOrEqual(0);
    expect(rows[quoted]!.text).toBe(lines[quoted]!.text);
  });

  it('is deterministic: a second export is byte-identical', () => {
    expect(cli(['export', '--out', 'dataset2', '--csv'], { cwd: copy.dir }).code).toBe(0);
    for (const name of readdirSync(out)) {
      if (name === 'schemas') continue;
      expect(readFileSync(join(copy.dir, 'dataset2', name)).equals(readFileSync(join(out, name))), name).toBe(true);
    }
  });

  it('refuses a non-empty folder unless --force, and a subset follows --kind', () => {
    mkdirSync(join(copy.dir, 'taken'));
    writeFileSync(join(copy.dir, 'taken', 'x'), 'x');
    const refused = cli(['export', '--out', 'taken'], { cwd: copy.dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/taken is not empty; choose another folder or replace it with --force/);
    expect(readdirSync(join(copy.dir, 'taken'))).toEqual(['x']);
    expect(cli(['export', '--out', 'taken', '--force', '--kind', 'communication'], { cwd: copy.dir }).code).toBe(0);
    expect(JSON.parse(readFileSync(join(copy.dir, 'taken', 'manifest.json'), 'utf8')).sources.map((s: { id: string }) => s.id)).toEqual([IDS.plan, IDS.strategy]);
  });

  it('exports a document outside the corpus named by its path, beside a corpus document', () => {
    writeFileSync(join(copy.dir, 'notitie.txt'), '1. Aanpak\n\nEuropol en Frontex werken samen.\n');
    expect(cli(['export', '--out', 'extra', '--doc', 'notitie.txt', '--doc', IDS.letter], { cwd: copy.dir }).code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(copy.dir, 'extra', 'manifest.json'), 'utf8'));
    expect(manifest.sources.map((s: { id: string }) => s.id)).toEqual(['notitie', IDS.letter]);
    const mentions = readFileSync(join(copy.dir, 'extra', 'mentions.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(mentions.filter((m: { doc: string }) => m.doc === 'notitie').map((m: { entity: string }) => m.entity)).toEqual(['europol', 'frontex']);
  });

  it('catches a dataset edited by hand', () => {
    expect(cli(['export', '--out', 'edited'], { cwd: copy.dir }).code).toBe(0);
    const file = join(copy.dir, 'edited', 'key_actions.jsonl');
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[2] = lines[2]!.replace('"modality":"', '"modality":1,"x":"');
    writeFileSync(file, lines.join('\n'));
    const r = cli(['validate', '--dataset', 'edited'], { cwd: copy.dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('edited/key_actions.jsonl:1:1 error the file differs from the one the manifest describes (sha256) [dataset/changed]');
    expect(r.stdout).toMatch(/edited\/key_actions\.jsonl:3:1 error .* \[dataset\/schema\]/);
  });
});
