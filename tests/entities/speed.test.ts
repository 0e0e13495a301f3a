/** Matching speed, printed for information only: timing depends on the machine, so nothing is asserted on it. */
import { describe, expect, it } from 'vitest';
import { seedText, shippedMatcher } from './helpers.js';

describe('matching speed', () => {
  it('matches the seed paragraphs (printed, not asserted)', () => {
    const matcher = shippedMatcher();
    const paragraphs = ['000', '001', '002', '003', '004'].flatMap((prefix) => seedText(prefix).split('\n'));
    const bytes = paragraphs.reduce((sum, paragraph) => sum + Buffer.byteLength(paragraph) + 1, 0);
    for (const paragraph of paragraphs) matcher.match(paragraph); // warm-up: let the JIT compile the hot paths
    let mentions = 0;
    let best = 0;
    for (let trial = 0; trial < 10; trial++) {
      const started = performance.now();
      for (let round = 0; round < 5; round++) for (const paragraph of paragraphs) mentions += matcher.match(paragraph).length;
      best = Math.max(best, (5 * bytes) / 1e6 / ((performance.now() - started) / 1000));
    }
    console.info(`entity matcher: ${best.toFixed(1)} MB/s (best of 10 trials over ${(bytes / 1e3).toFixed(0)} kB of seed paragraphs)`);
    expect(mentions).toBeGreaterThan(0);
  });
});
