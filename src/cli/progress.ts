/**
 * A progress bar on stderr (cli-progress) for work that takes longer than a moment, shown only
 * when stderr is a terminal.
 */
import type { SingleBar } from 'cli-progress';
import { createRequire } from 'node:module';

export interface Progress {
  update(phase: string, done: number, total: number): void;
  stop(): void;
}

export function progressOnStderr(delayMs = 800): Progress {
  const started = Date.now();
  let bar: SingleBar | null = null;
  let phase = '';
  return {
    update(next, done, total) {
      if (!process.stderr.isTTY || Date.now() - started < delayMs) return;
      if (!bar || next !== phase) {
        bar?.stop();
        const { SingleBar: Bar, Presets } = createRequire(import.meta.url)('cli-progress') as typeof import('cli-progress');
        bar = new Bar({ format: `${next.padEnd(9)} [{bar}] {value}/{total}`, stream: process.stderr, hideCursor: true }, Presets.shades_classic);
        bar.start(total, done);
        phase = next;
      }
      bar.update(done);
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}
