/**
 * Parsing in worker threads (the built code in dist/, as `ingest` runs it): the outcomes equal
 * the main thread's, and a worker that dies hands its documents to the main thread.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CORPUS, ROOT } from '../helpers.js';

type PoolModule = typeof import('../../src/store/parse-pool.js');
type JobsModule = typeof import('../../src/store/jobs.js');
type ContextModule = typeof import('../../src/document/context.js');
type VersionModule = typeof import('../../src/document/version.js');
const dist = (path: string) => import(pathToFileURL(join(ROOT, 'dist', path)).href);
const { ParsePool } = (await dist('store/parse-pool.js')) as PoolModule;
const { runParseJob } = (await dist('store/jobs.js')) as JobsModule;
const { createParseContext } = (await dist('document/context.js')) as ContextModule;
const { PARSER_VERSION } = (await dist('document/version.js')) as VersionModule;

const storeDir = mkdtempSync(join(tmpdir(), 'smuggle-corpus-pool-'));
afterAll(() => rmSync(storeDir, { recursive: true, force: true }));
const contextOptions = { registryPaths: [join(CORPUS, 'registry')] };
const context = createParseContext(contextOptions);
const jobs = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.txt'))
  .map((f, i) => {
    const source = join(CORPUS, f);
    const stat = statSync(source);
    return { id: `doc${i}`, source, display: f, recorded: `corpus/${f}`, size: stat.size, mtimeMs: stat.mtimeMs, bucket: 0, maxBytes: 1 << 24 };
  });
const inMainThread = jobs.map((job) => runParseJob(job, context, storeDir, PARSER_VERSION));

describe('the parse pool', () => {
  it('parses in worker threads what the main thread parses, to the byte', async () => {
    const pool = new ParsePool({ size: 2, parseBytes: 1, workerThresholdBytes: 0, contextOptions, storeDir, context: () => context });
    expect(pool.inProcess).toBe(false);
    const outcomes = await Promise.all(jobs.map((job) => pool.parse(job)));
    await pool.close();
    expect(pool.rescued).toBe(0);
    expect(outcomes).toEqual(inMainThread);
    expect(outcomes.every((o) => o.ok)).toBe(true);
  });

  it('a worker that runs out of memory hands its documents to the main thread', async () => {
    const pool = new ParsePool({ size: 2, parseBytes: 1, workerThresholdBytes: 0, workerHeapMb: 2, contextOptions, storeDir, context: () => context });
    const outcomes = await Promise.all(jobs.map((job) => pool.parse(job)));
    await pool.close();
    expect(pool.rescued).toBeGreaterThan(0);
    expect(outcomes).toEqual(inMainThread);
  });
});
