/**
 * `npm run bench`: the speed and memory figures of issue 4, measured in one run on the same files.
 *
 *   npm run bench                   10,000 synthetic documents (about 300 MB)
 *   npm run bench -- --docs 2000    a smaller corpus
 *
 * Reports: start-up (--help) against bare node; a cold query on the shipped corpus against bare
 * node; ingest of the synthetic corpus (MB/s, peak memory) against remark-parse alone on the same
 * texts, and an unchanged re-ingest; actor and text queries on the synthetic corpus against
 * `rg -c -i` on the same files. Writes bench/out/results.json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { synthesize } from './bench/synthesize.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'bench', 'out');
const args = process.argv.slice(2);
const docs = Number(args[args.indexOf('--docs') + 1] || 10000) || 10000;
const bin = join(root, 'bin', 'smuggle-corpus.js');
const node = process.execPath;

if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) {
  console.error('bench: dist/ is missing; run `npm ci` (or `npm run build`) first');
  process.exit(2);
}

function run(command, argv, options = {}) {
  const t0 = performance.now();
  const r = spawnSync(command, argv, { cwd: options.cwd ?? root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...options.env }, maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - t0;
  if (r.status !== 0 && !options.allowFail) throw new Error(`${command} ${argv.join(' ')} failed (${r.status}): ${r.stderr}`);
  const stats = /smuggle-corpus-stats (\{.*\})/.exec(r.stderr ?? '');
  return { ms, stdout: r.stdout, stderr: r.stderr, status: r.status, stats: stats ? JSON.parse(stats[1]) : null };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function timed(command, argv, n, options) {
  run(command, argv, { ...options, allowFail: true }); // warm the file cache
  const times = [];
  let last;
  for (let i = 0; i < n; i++) {
    last = run(command, argv, { ...options, allowFail: true });
    times.push(last.ms);
  }
  return { ms: median(times), last };
}

const hasRg = spawnSync('rg', ['--version']).status === 0;
const results = { machine: { cores: (await import('node:os')).availableParallelism(), node: process.version }, docs };
const rows = [];
const row = (what, value, reference, ratio, target, ok) => rows.push({ what, value, reference, ratio, target, ok });
const fmt = (ms) => `${(ms / 1000).toFixed(3)} s`;

// 1. Start-up.
const bare = timed(node, ['-e', '0'], 15).ms;
const help = timed(node, [bin, '--help'], 15).ms;
results.startup = { bareNodeMs: bare, helpMs: help, ratio: help / bare };
row('`--help` vs bare `node -e 0`', fmt(help), fmt(bare), help / bare, '≤ 1.5', help / bare <= 1.5);

// 2. Cold query on the shipped corpus (store built first).
run(node, [bin, 'ingest', 'corpus']);
const shipped = timed(node, [bin, 'query', '--actor', 'Frontex', '--count'], 15).ms;
results.shippedQuery = { ms: shipped, ratio: shipped / bare };
row('cold `query --actor Frontex --count`, shipped corpus, vs bare node', fmt(shipped), fmt(bare), shipped / bare, '≤ 2.5', shipped / bare <= 2.5);

// 3. The synthetic corpus.
const corpusDir = join(out, `corpus-${docs}`);
const marker = join(corpusDir, '.complete');
if (!existsSync(marker)) {
  rmSync(corpusDir, { recursive: true, force: true });
  console.error(`bench: writing ${docs} synthetic documents to ${corpusDir} ...`);
  synthesize(join(corpusDir, 'corpus'), docs, 1);
  writeFileSync(marker, '');
}
const texts = join(corpusDir, 'corpus');
const files = readdirSync(texts).filter((f) => f.endsWith('.txt'));
const bytes = files.reduce((n, f) => n + statSync(join(texts, f)).size, 0);
const mb = bytes / 1024 / 1024;
results.corpus = { documents: files.length, megabytes: mb };

// remark-parse alone, one thread, on the same texts, in a fresh process.
const remark = JSON.parse(run(node, [join(root, 'scripts', 'bench', 'remark-alone.mjs'), texts]).stdout);
results.remark = { ms: remark.ms, mbPerS: mb / (remark.ms / 1000) };

// Ingest, full and unchanged.
rmSync(join(corpusDir, '.smuggle-corpus'), { recursive: true, force: true });
const full = run(node, [bin, 'ingest', 'corpus'], { cwd: corpusDir, env: { SMUGGLE_CORPUS_STATS: '1' } });
const again = run(node, [bin, 'ingest', 'corpus'], { cwd: corpusDir, env: { SMUGGLE_CORPUS_STATS: '1' } });
const ingestMbS = mb / (full.ms / 1000);
results.ingest = { ms: full.ms, mbPerS: ingestMbS, peakMiB: full.stats.maxRssKiB / 1024, unchangedMs: again.ms, unchangedRatio: again.ms / full.ms };
row(`ingest, ${files.length} documents (${mb.toFixed(0)} MB), vs remark-parse alone`, `${ingestMbS.toFixed(2)} MB/s`, `${results.remark.mbPerS.toFixed(2)} MB/s`, results.remark.mbPerS / ingestMbS, 'faster (ratio ≤ 1)', ingestMbS >= results.remark.mbPerS);
row('ingest peak memory', `${results.ingest.peakMiB.toFixed(0)} MiB`, '', null, '< 512 MiB', results.ingest.peakMiB < 512);
row('unchanged re-ingest vs full ingest', fmt(again.ms), fmt(full.ms), again.ms / full.ms, '< 0.05', again.ms / full.ms < 0.05);

// Queries on the synthetic corpus against ripgrep over the raw texts.
// The same actor query without the freshness check (`--no-refresh`): the index alone, without
// the stat of every source that tells whether the store must be refreshed first.
const queries = [
  ['actor', ['query', '--actor', 'Frontex', '--count'], ['-c', '-i', 'frontex']],
  ['actor, index only', ['query', '--actor', 'Frontex', '--count', '--no-refresh'], ['-c', '-i', 'frontex']],
  ['text', ['query', '--text', 'financieel onderzoek', '--count'], ['-c', '-i', 'financieel onderzoek']],
];
results.queries = {};
for (const [name, ours, rgArgs] of queries) {
  const q = timed(node, [bin, ...ours], 5, { cwd: corpusDir, env: { SMUGGLE_CORPUS_STATS: '1' } });
  const entry = { ms: q.ms, peakMiB: q.last.stats.maxRssKiB / 1024, count: Number(q.last.stdout.trim()) };
  if (hasRg) {
    const rg = timed('rg', [...rgArgs, 'corpus'], 5, { cwd: corpusDir });
    entry.rgMs = rg.ms;
    entry.ratio = q.ms / rg.ms;
  }
  results.queries[name] = entry;
  const target = name === 'actor' ? '< 1' : '(reported)';
  row(`\`${ours.join(' ')}\` vs \`rg ${rgArgs.join(' ')}\``, fmt(q.ms), hasRg ? fmt(entry.rgMs) : 'rg not installed', entry.ratio ?? null, target, name === 'actor' ? (entry.ratio ?? Infinity) < 1 : null);
  row(`${name} query peak memory`, `${entry.peakMiB.toFixed(0)} MiB`, '', null, '< 512 MiB', entry.peakMiB < 512);
}

mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
const table = [
  '| measurement | smuggle-corpus | reference | ratio | target | met |',
  '|---|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.what} | ${r.value} | ${r.reference} | ${r.ratio === null ? '' : r.ratio.toFixed(2)} | ${r.target} | ${r.ok === null ? '' : r.ok ? 'yes' : 'no'} |`),
];
console.log(`\n${results.machine.cores} cores, Node ${results.machine.node}\n\n${table.join('\n')}\n`);
if (!hasRg) console.log('ripgrep (rg) is not installed: install it (Debian: apt-get install ripgrep) for the query comparisons.');
