/** Run the built `smuggle-corpus` executable as a user would, in a given working folder. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export const BIN = join(ROOT, 'bin', 'smuggle-corpus.js');

export function cli(args: string[], options: { cwd?: string; input?: string | Uint8Array; env?: Record<string, string> } = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input,
    env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...options.env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A copy of the shipped corpus in a fresh folder (its own store), removed after the test file. */
export function corpusCopy(): { dir: string; corpus: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'smuggle-corpus-test-'));
  cpSync(join(ROOT, 'corpus'), join(dir, 'corpus'), { recursive: true });
  return { dir, corpus: join(dir, 'corpus'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
