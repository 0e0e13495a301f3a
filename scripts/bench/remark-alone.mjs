/**
 * unified + remark-parse alone over every .txt file of a folder, in a process of its own (a
 * process that has already built a synthetic corpus parses markedly slower). Prints the
 * milliseconds spent parsing, reading included, as the ingest's time includes reading.
 *
 *   node scripts/bench/remark-alone.mjs <folder>
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';

const dir = process.argv[2];
const files = readdirSync(dir).filter((f) => f.endsWith('.txt'));
const processor = unified().use(remarkParse);
const t0 = performance.now();
for (const f of files) processor.parse(readFileSync(join(dir, f), 'utf8'));
console.log(JSON.stringify({ ms: performance.now() - t0, files: files.length }));
