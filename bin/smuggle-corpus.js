#!/usr/bin/env node
// The smuggle-corpus executable: the compiled CLI in dist/ (built by `npm ci` / `npm run build`).
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2));

// For the benchmark: peak memory of the whole process (worker threads included) and wall time.
if (process.env.SMUGGLE_CORPUS_STATS) {
  process.on('exit', () => {
    process.stderr.write(`smuggle-corpus-stats ${JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS, elapsedMs: Math.round(performance.now()) })}\n`);
  });
}
