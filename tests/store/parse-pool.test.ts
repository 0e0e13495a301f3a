/**
 * Parsing in worker threads (the built code in dist/, as `ingest` runs it): the outcomes equal
 * the main thread's, and a worker that dies hands its documents to the main thread.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CORPUS, ROOT } from '../helpers.js';

type PoolModule = typeof import('../../src/store/parse-pool.js');
type JobsModule = typeof import('../../src/store/jobs.js');
type ContextModule = typeof import('../../src/document/context.js');
type VersionModule = typeof import('../../src/document/version.js');
type SpoolModule = typeof import('../../src/store/spool.js');
const dist = (path: string) => import(pathToFileURL(join(ROOT, 'dist', path)).href);
const { ParsePool } = (await dist('store/parse-pool.js')) as PoolModule;
const { runParseJob } = (await dist('store/jobs.js')) as JobsModule;
const { createParseContext } = (await dist('document/context.js')) as ContextModule;
const { PARSER_VERSION } = (await dist('document/version.js')) as VersionModule;
const { SpoolWriter, spoolFiles } = (await dist('store/spool.js')) as SpoolModule;

const storeDir = mkdtempSync(join(tmpdir(), 'smuggle-corpus-pool-'));
afterAll(() => rmSync(storeDir, { recursive: true, force: true }));
const contextOptions = { registryPaths: [join(CORPUS, 'registry')] };
const context = createParseContext(contextOptions);
const jobsInto = (spoolDir: string) =>
  readdirSync(CORPUS)
    .filter((f) => f.endsWith('.txt'))
    .map((f, i) => {
      const source = join(CORPUS, f);
      const stat = statSync(source);
      return { id: `doc${i}`, source, display: f, recorded: `corpus/${f}`, size: stat.size, mtimeMs: stat.mtimeMs, bucket: i % 2, maxBytes: 1 << 24, spoolDir };
    });

/** The distinct postings lines of each bucket, from the spool files of every thread. */
const spooled = (dir: string) =>
  [0, 1].map((bucket) => [...new Set(spoolFiles(dir, bucket).flatMap((f) => readFileSync(f, 'utf8').split('\n').filter(Boolean)))].sort());

const mainSpool = new SpoolWriter();
const inMainThread = jobsInto(join(storeDir, 'main')).map((job) => runParseJob(job, context, storeDir, PARSER_VERSION, mainSpool));
mainSpool.close();
const mainLines = spooled(join(storeDir, 'main'));

describe('the parse pool', () => {
  it('parses in worker threads what the main thread parses, to the byte', async () => {
    const pool = new ParsePool({ size: 2, parseBytes: 1, workerThresholdBytes: 0, contextOptions, storeDir, context: () => context });
    expect(pool.inProcess).toBe(false);
    const outcomes = await Promise.all(jobsInto(join(storeDir, 'workers')).map((job) => pool.parse(job)));
    await pool.close();
    expect(pool.rescued).toBe(0);
    expect(outcomes).toEqual(inMainThread);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(spoolFiles(join(storeDir, 'workers'), 0).length).toBeGreaterThan(1);
    expect(spooled(join(storeDir, 'workers'))).toEqual(mainLines);
    expect(mainLines.flat()).toHaveLength(5);
  });

  it('a worker that runs out of memory hands its documents to the main thread', async () => {
    const pool = new ParsePool({ size: 2, parseBytes: 1, workerThresholdBytes: 0, workerHeapMb: 2, contextOptions, storeDir, context: () => context });
    const outcomes = await Promise.all(jobsInto(join(storeDir, 'rescued')).map((job) => pool.parse(job)));
    await pool.close();
    expect(pool.rescued).toBeGreaterThan(0);
    expect(outcomes).toEqual(inMainThread);
    expect(spooled(join(storeDir, 'rescued'))).toEqual(mainLines);
  });
});
