/**
 * The long fuzz run of issue 7, on the compiled parser (run `npm run build` first):
 *
 *   node scripts/fuzz.mjs [--runs N] [--seed S]     N cases in all (default 10,000), split over the
 *                                                   properties as `npm test` splits its own
 *
 * The generators and invariants are those of tests/robustness/arbitraries.ts, transpiled on the
 * fly. Prints, per property, the cases, refusals (the documented InputError), crashes,
 * schema-invalid outputs, conservation failures and other broken invariants (cases with at least
 * one); then, for every broken rule, a minimal input as a JSON string (shrunk by fast-check, then
 * cut down character by character) with the first lines of its failure. Exits 1 on any failure.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import ts from 'typescript';

const root = fileURLToPath(new URL('..', import.meta.url));
const option = (name, fallback) => {
  const i = process.argv.indexOf(name);
  const value = i > 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isSafeInteger(value) || value < 0) {
    console.error(`fuzz: ${name} takes a whole number`);
    process.exit(2);
  }
  return value;
};
const runs = option('--runs', 10_000);
const seed = option('--seed', Math.floor(Math.random() * 2 ** 31));
if (!existsSync(join(root, 'dist', 'document', 'build.js'))) {
  console.error('fuzz: dist/ is missing; run `npm run build` first');
  process.exit(2);
}

const dist = (path) => import(new URL(`../dist/${path}`, import.meta.url).href);
const [{ parseDocument }, { createParseContext }, { loadManifest }, { checkConservation }, { Document }, { parseInline }, { InputError }] =
  await Promise.all(
    ['document/build.js', 'document/context.js', 'document/manifest.js', 'document/conservation.js', 'document/model.js', 'structure/inline.js', 'util/errors.js'].map(dist),
  );

/** tests/robustness/arbitraries.ts, whose only run-time import is fast-check, as a module. */
async function loadArbitraries() {
  const source = readFileSync(join(root, 'tests', 'robustness', 'arbitraries.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
  const code = outputText.replace(/(from\s+)(['"])fast-check\2/, `$1'${import.meta.resolve('fast-check')}'`);
  return import(`data:text/javascript,${encodeURIComponent(code)}`);
}
const { checkDocument, literal, properties } = await loadArbitraries();

/**
 * fast-check shrinks the generators' choices; this removes runs of code points from the shrunk
 * text itself, halving the run length down to one, while the rule stays broken.
 */
function minimise(raw, fails) {
  let chars = Array.from(raw);
  if (chars.length > 4000) return raw;
  for (let size = chars.length >> 1; size >= 1; size >>= 1) {
    for (let i = 0; i < chars.length; ) {
      const candidate = [...chars.slice(0, i), ...chars.slice(i + size)];
      if (candidate.length > 0 && fails(candidate.join(''))) chars = candidate;
      else i += size;
    }
  }
  return chars.join('');
}

const corpus = join(root, 'corpus');
const { manifest } = loadManifest(corpus);
const context = createParseContext({
  registryPaths: [join(corpus, 'registry')],
  documents: manifest.entries.map((e) => ({ id: e.id, reference: e.reference })),
});
const parser = {
  parse: (raw) => parseDocument({ bytes: new TextEncoder().encode(raw), path: 'fuzz.txt', id: 'fuzz' }, context),
  InputError,
  schema: Document,
  checkConservation,
  parseInline,
};
const texts = (dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
const props = properties({ fixtures: texts(join(root, 'tests', 'fixtures', 'documents')), corpus: texts(corpus) });

const KINDS = ['crash', 'schema', 'conservation', 'invariant'];
const MAX_SHRUNK = 8; // broken rules shrunk per property; more are only counted
const weight = props.reduce((n, p) => n + p.runs, 0);
const started = performance.now();
const rows = [];
const broken = [];
console.log(`fuzz: seed ${seed}, ${runs} cases (reproduce with --runs ${runs} --seed ${seed})`);

for (const p of props) {
  const numRuns = Math.max(1, Math.ceil((runs * p.runs) / weight));
  const row = { property: p.name, cases: 0, refused: 0, crash: 0, schema: 0, conservation: 0, invariant: 0, seconds: 0 };
  const rules = new Map();
  const t0 = performance.now();
  fc.check(
    fc.property(p.arbitrary, (raw) => {
      const outcome = checkDocument(parser, raw);
      row.cases++;
      if (outcome.refused) row.refused++;
      for (const kind of new Set(outcome.failures.map((f) => f.kind))) row[kind]++;
      for (const rule of new Set(outcome.failures.map((f) => f.rule))) rules.set(rule, (rules.get(rule) ?? 0) + 1);
      return true;
    }),
    { numRuns, seed },
  );
  row.seconds = Number(((performance.now() - t0) / 1000).toFixed(1));
  rows.push(row);
  [...rules].forEach(([rule, count], i) => broken.push({ property: p, numRuns, rule, count, shrink: i < MAX_SHRUNK }));
}
console.table(rows);

for (const b of broken) {
  console.log(`\n✗ ${b.property.name}: "${b.rule}" broken in ${b.count} case(s)`);
  if (!b.shrink) continue;
  const result = fc.check(
    fc.property(b.property.arbitrary, (raw) => !checkDocument(parser, raw).failures.some((f) => f.rule === b.rule)),
    { numRuns: b.numRuns, seed },
  );
  if (!result.counterexample) continue;
  const raw = minimise(result.counterexample[0], (text) => checkDocument(parser, text).failures.some((f) => f.rule === b.rule));
  const outcome = checkDocument(parser, raw);
  console.log(`  minimal input (${Array.from(raw).length} code points): ${literal(raw)}`);
  for (const f of outcome.failures.filter((x) => x.rule === b.rule)) console.log(`  ${f.message.split('\n').slice(0, 8).join('\n  ')}`);
}

const total = (key) => rows.reduce((n, r) => n + r[key], 0);
const failed = KINDS.some((k) => total(k) > 0);
console.log(
  `\nfuzz: ${total('cases')} cases in ${((performance.now() - started) / 1000).toFixed(1)} s: ${total('refused')} refused, ` +
    `${total('crash')} crashes, ${total('schema')} schema-invalid, ${total('conservation')} conservation failures, ` +
    `${total('invariant')} other invariant failures: ${failed ? 'FAILED' : 'all invariants hold'}`,
);
process.exit(failed ? 1 : 0);
