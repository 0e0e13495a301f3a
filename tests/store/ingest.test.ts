/**
 * Incremental ingest: after documents are edited, removed and added, and after the corpus grows
 * into more index segments, a query answers exactly what a store built from nothing answers,
 * and only the segments that changed are rebuilt.
 */
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openCorpus } from '../../src/document/corpus.js';
import { buildSpec } from '../../src/query/spec.js';
import { countHits, findHits, hitRecord } from '../../src/query/run.js';
import { ingest, type IngestSummary } from '../../src/store/ingest.js';
import { isFresh, openStore } from '../../src/store/reader.js';
import { paths } from '../../src/store/layout.js';
import { synthesize } from '../../scripts/bench/synthesize.mjs';
import { CORPUS, ROOT } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'smuggle-corpus-ingest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const corpusDir = join(dir, 'corpus');
cpSync(CORPUS, corpusDir, { recursive: true });
synthesize(corpusDir, 24, 3, 30 * 1024);

const QUERIES: Record<string, unknown>[] = [
  { actor: ['Frontex'] },
  { actor: ['Frontex', 'Europol'], text: ['samenwerking'] },
  { actor: ['lidstaten'], role: ['addressee'] },
  { instrument: ['Richtlijn 2011/36/EU'] },
  { text: ['financieel onderzoek'] },
  { dueBefore: '2023', type: ['action'] },
  { section: ['3.2'], type: ['paragraph'] },
];

/** Every query's hits as "doc row-id" strings, in result order. */
function answers(storeDir: string): string[][] {
  const store = openStore(storeDir)!;
  try {
    return QUERIES.map((options) => {
      const spec = buildSpec(options, store);
      const hits = findHits(store, spec);
      // the count from the posting lists alone is the number of hits
      expect(countHits(store, spec)).toBe(hits.length);
      return hits.map((h) => {
        const r = hitRecord(store, h, spec);
        return `${r.doc} ${r.id}`;
      });
    });
  } finally {
    store.close();
  }
}

function run(storeDir: string, segmentBytes: number, force = false): Promise<IngestSummary> {
  return ingest({ storeDir, corpus: openCorpus(corpusDir), registryPaths: [join(corpusDir, 'registry')], maxBytes: 20 * 1024 * 1024, tool: 'test', segmentBytes, force });
}

const fromNothing = async (segmentBytes: number) => {
  const storeDir = join(dir, `fresh-${Math.random().toString(36).slice(2)}`);
  await run(storeDir, segmentBytes, true);
  return answers(storeDir);
};

describe('ingest in worker threads (the built code, as the command runs it)', () => {
  it('stores what an ingest in the main thread stores, segments built in their own thread', async () => {
    type IngestModule = typeof import('../../src/store/ingest.js');
    const built = (await import(pathToFileURL(join(ROOT, 'dist', 'store', 'ingest.js')).href)) as IngestModule;
    const storeDir = join(dir, 'threads');
    const summary = await built.ingest({
      storeDir,
      corpus: openCorpus(corpusDir),
      registryPaths: [join(corpusDir, 'registry')],
      maxBytes: 20 * 1024 * 1024,
      tool: 'test',
      segmentBytes: 200 * 1024,
      jobs: 2,
      workerThresholdBytes: 0,
    });
    expect(summary.parsed).toBe(29);
    expect(readdirSync(join(storeDir, 'index', `g${summary.generation}`)).filter((f) => f.includes('.new.'))).toEqual([]);
    expect(answers(storeDir)).toEqual(await fromNothing(200 * 1024));
  });
});

describe('incremental ingest', () => {
  const storeDir = join(dir, 'store');

  it('builds several segments and answers the queries', async () => {
    const first = await run(storeDir, 200 * 1024);
    expect(first.parsed).toBe(29);
    expect(first.segmentsBuilt).toBeGreaterThanOrEqual(4);
    const a = answers(storeDir);
    expect(a.every((hits) => hits.length > 0)).toBe(true);
  });

  it('after an edit, a removal and an addition: only their segments are rebuilt, the answers are a fresh store’s', async () => {
    appendFileSync(join(corpusDir, 'doc-00003.txt'), '\nEuropol en Frontex zouden financieel onderzoek moeten verdiepen.\n');
    rmSync(join(corpusDir, 'doc-00007.txt'));
    cpSync(join(corpusDir, 'doc-00001.txt'), join(corpusDir, 'doc-00099.txt'));
    const second = await run(storeDir, 200 * 1024);
    expect(second).toMatchObject({ upToDate: false, parsed: 2, removed: 1, unchanged: 27 });
    expect(second.segmentsBuilt).toBeLessThanOrEqual(3);
    expect(answers(storeDir)).toEqual(await fromNothing(200 * 1024));
  });

  it('after the corpus outgrows its segments: documents move to new buckets without being parsed again', async () => {
    const third = await run(storeDir, 90 * 1024);
    expect(third.parsed).toBe(0);
    expect(third.segmentsBuilt).toBeGreaterThan(5);
    expect(answers(storeDir)).toEqual(await fromNothing(90 * 1024));
  });

  it('an unchanged corpus is up to date', async () => {
    expect(await run(storeDir, 90 * 1024)).toMatchObject({ upToDate: true, parsed: 0 });
  });

  it('a touched registry file with the same bytes: still fresh (by its hash), and the next ingest parses nothing and records the new stamp', async () => {
    const registry = [join(corpusDir, 'registry')];
    const actors = join(corpusDir, 'registry', 'actors.yaml');
    const later = new Date(Date.now() + 60_000);
    utimesSync(actors, later, later);
    const recorded = () => {
      const root = JSON.parse(readFileSync(paths(storeDir).root, 'utf8')) as { generation: number };
      const f = JSON.parse(readFileSync(paths(storeDir).freshness(root.generation), 'utf8')) as { data: [string, number, number][] };
      return f.data.find(([file]) => file === actors)![2];
    };
    expect(recorded()).not.toBe(statSync(actors).mtimeMs);
    expect(isFresh(storeDir, corpusDir, registry)).toBe(true);
    expect(await run(storeDir, 90 * 1024)).toMatchObject({ upToDate: true, parsed: 0 });
    expect(recorded()).toBe(statSync(actors).mtimeMs);
  });

  it('a touched document is stale, but with the same bytes (by their hash) it is not parsed again', async () => {
    const later = new Date(Date.now() + 120_000);
    utimesSync(join(corpusDir, 'doc-00002.txt'), later, later);
    expect(isFresh(storeDir, corpusDir, [join(corpusDir, 'registry')])).toBe(false);
    expect(await run(storeDir, 90 * 1024)).toMatchObject({ upToDate: true, parsed: 0, unchanged: 29 });
    expect(isFresh(storeDir, corpusDir, [join(corpusDir, 'registry')])).toBe(true);
  });

  it('a document changed at the same size and given back its old time is parsed again', async () => {
    const file = join(corpusDir, 'doc-00003.txt');
    const { atime, mtime } = statSync(file);
    const text = readFileSync(file, 'utf8');
    const changed = text.replace(/Frontex/, 'Frontax');
    expect(changed).not.toBe(text);
    writeFileSync(file, changed);
    utimesSync(file, atime, new Date(mtime.getTime() + 1000));
    expect(statSync(file).size).toBe(Buffer.byteLength(text));
    expect(await run(storeDir, 90 * 1024)).toMatchObject({ upToDate: false, parsed: 1, unchanged: 28 });
    expect(answers(storeDir)).toEqual(await fromNothing(90 * 1024));
  });
});
