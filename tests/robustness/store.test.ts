/**
 * Interrupted and concurrent runs, and damaged store files: the store is either as before or
 * complete, never half-written, and a damaged store is rebuilt rather than trusted.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeDataset } from '../../src/export/dataset.js';
import { readCurrentStore } from '../../src/store/ingest.js';
import { synthesize } from '../../scripts/bench/synthesize.mjs';
import { BIN, cli, corpusCopy } from '../cli/run-cli.js';

const copies: (() => void)[] = [];
afterAll(() => copies.forEach((c) => c()));
function fresh() {
  const c = corpusCopy();
  copies.push(c.cleanup);
  return { ...c, store: join(c.dir, '.smuggle-corpus'), run: (...args: string[]) => cli(args, { cwd: c.dir }) };
}

/** Start an ingest and kill it after `ms`; resolves with its exit code or signal. */
function killedIngest(dir: string, ms: number, signal: NodeJS.Signals): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'ingest', 'corpus'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    const timer = setTimeout(() => child.kill(signal), ms);
    child.on('exit', (code, sig) => {
      clearTimeout(timer);
      resolve({ code, signal: sig, stderr });
    });
  });
}

describe('an ingest killed at any point leaves the store as before or complete', () => {
  const c = fresh();
  // The shipped corpus first (generation 1), then 40 more documents to make the next ingest long.
  const first = c.run('ingest', 'corpus');
  expect(first.code, first.stderr).toBe(0);
  const before = readCurrentStore(c.store).store!;
  synthesize(c.corpus, 40, 7, 40 * 1024);

  it.each([150, 600, 1200, 2000])('SIGKILL after %i ms', async (ms) => {
    await killedIngest(c.dir, ms, 'SIGKILL');
    const { store, reason } = readCurrentStore(c.store);
    expect(reason).toBe('');
    expect([before.documents.length, 45]).toContain(store!.documents.length);
    expect(readdirSync(c.store).filter((n) => n.includes('.tmp-'))).toEqual([]);
  });

  it('SIGINT stops cleanly with exit 130 and says the store is unchanged', async () => {
    rmSync(c.store, { recursive: true, force: true });
    expect(c.run('ingest', 'corpus').code).toBe(0);
    writeFileSync(join(c.corpus, 'doc-00001.txt'), readFileSync(join(c.corpus, 'doc-00001.txt'), 'utf8') + '\nNog een alinea.\n');
    const generation = readCurrentStore(c.store).store!.root.generation;
    const r = await killedIngest(c.dir, 300, 'SIGINT');
    if (r.code === 130) expect(r.stderr).toMatch(/interrupted; the store is as it was before this ingest/);
    expect([generation, generation + 1]).toContain(readCurrentStore(c.store).store!.root.generation);
    expect(existsSync(join(c.store, 'lock'))).toBe(false);
  });

  it('afterwards a query refreshes the store and counts what a clean build counts', () => {
    const after = Number(c.run('query', '--actor', 'Frontex', '--count').stdout);
    rmSync(c.store, { recursive: true, force: true });
    expect(Number(c.run('query', '--actor', 'Frontex', '--count').stdout)).toBe(after);
    expect(after).toBeGreaterThan(35);
  });
});

describe('two ingests at once', () => {
  it('both finish and leave one valid store', async () => {
    const c = fresh();
    const run = () =>
      new Promise<number>((resolve) => {
        const child = spawn(process.execPath, [BIN, 'ingest', 'corpus'], { cwd: c.dir, stdio: 'ignore' });
        child.on('exit', (code) => resolve(code ?? -1));
      });
    expect(await Promise.all([run(), run()])).toEqual([0, 0]);
    const { store, reason } = readCurrentStore(c.store);
    expect(reason).toBe('');
    expect(store!.documents.map((d) => d.id)).toHaveLength(5);
    expect(c.run('query', '--actor', 'EGKW', '--type', 'action', '--count').stdout.trim()).toBe('9');
  });
});

describe('a damaged store is detected and rebuilt', () => {
  const c = fresh();
  expect(c.run('ingest', 'corpus').code).toBe(0);
  const expected = c.run('query', '--actor', 'Europol', '--count').stdout;

  it('a stored document that is not JSON', () => {
    const docs = join(c.store, 'docs');
    for (const f of readdirSync(docs)) writeFileSync(join(docs, f), '{"schemaVersion": "1.0.0", "body": [');
    const r = c.run('query', '--actor', 'Europol', '--json', 'id');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/the store is damaged \(.* is damaged \(not valid JSON\)\); rebuilding it/);
    expect(JSON.parse(r.stdout)).toHaveLength(Number(expected));
  });

  it('a segment input with a damaged line, found when another document changes', () => {
    const { store } = readCurrentStore(c.store);
    for (const s of store!.index.segments) writeFileSync(join(c.store, 'index', `g${s.generation}`, s.files.input), '"com-2021-591"\t{"doc": "com-2021-591", "ro\n');
    writeFileSync(join(c.corpus, 'extra.txt'), 'Europol werkt samen met Frontex.\n');
    try {
      const r = c.run('ingest', 'corpus');
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/the store at .* is damaged \(.*seg\d+\.input\.jsonl has a line that is not postings\); rebuilding it/);
      expect(c.run('query', '--actor', 'Europol', '--count').stdout.trim()).toBe(String(Number(expected) + 1));
    } finally {
      rmSync(join(c.corpus, 'extra.txt'));
    }
  });

  it('a truncated index segment', () => {
    const { store } = readCurrentStore(c.store);
    const s = store!.index.segments[0]!;
    truncateSync(join(c.store, 'index', `g${s.generation}`, s.files.bin), 8);
    const r = c.run('query', '--actor', 'Europol', '--count');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(expected);
  });

  it('a store.json that is not JSON', () => {
    writeFileSync(join(c.store, 'store.json'), '{gen');
    const r = c.run('ingest', 'corpus');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/the store at .* is damaged \(store\.json damaged \(not valid JSON\)\); rebuilding it/);
    expect(c.run('query', '--actor', 'Europol', '--count').stdout).toBe(expected);
  });
});

describe('an export that fails half-way', () => {
  it('leaves the target folder as it was and no temporary folder', () => {
    const c = fresh();
    const target = join(c.dir, 'dataset');
    mkdirSync(target);
    writeFileSync(join(target, 'old.json'), 'old');
    const files = new Map([
      ['manifest.json', '{}'],
      ['../../outside.json', 'escapes'],
    ]);
    expect(() => writeDataset(target, files, true)).toThrow(/refusing to write outside the dataset/);
    expect(readdirSync(target)).toEqual(['old.json']);
    expect(readdirSync(c.dir).filter((n) => n.startsWith('.dataset'))).toEqual([]);
    expect(existsSync(join(c.dir, '..', 'outside.json'))).toBe(false);
  });
});
