import { it } from 'vitest';
import { shippedMatcher, seedText } from './helpers.js';
it('scratch speed', () => {
  const m = shippedMatcher();
  const paragraphs = ['000', '001', '002', '003', '004'].flatMap((p) => seedText(p).split('\n'));
  const bytes = paragraphs.reduce((n, p) => n + Buffer.byteLength(p) + 1, 0);
  for (let i = 0; i < 3; i++) for (const p of paragraphs) m.match(p);
  const rounds = 100;
  const t0 = performance.now();
  let n = 0;
  for (let i = 0; i < rounds; i++) for (const p of paragraphs) n += m.match(p).length;
  const ms = performance.now() - t0;
  console.log(`${(bytes * rounds / 1e6).toFixed(1)} MB in ${ms.toFixed(0)} ms = ${((bytes * rounds) / 1e6 / (ms / 1000)).toFixed(1)} MB/s, ${n / rounds} mentions per round`);
});
