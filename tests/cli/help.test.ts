/**
 * The top-level help is rendered from the command table without commander (start-up); it must be
 * the page commander prints for `help`, at any terminal width.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { programHelp } from '../../src/cli/help.js';
import { main } from '../../src/cli/main.js';
import { COMMANDS, GLOBAL_FLAGS } from '../../src/cli/commands.js';
import { cli } from './run-cli.js';

/** What commander prints for `help` on a terminal `width` columns wide. */
async function commanderPage(width: number): Promise<string> {
  const stdout = process.stdout as unknown as Record<string, unknown>;
  const saved = { isTTY: Object.getOwnPropertyDescriptor(stdout, 'isTTY'), columns: Object.getOwnPropertyDescriptor(stdout, 'columns') };
  Object.defineProperty(stdout, 'isTTY', { value: true, configurable: true, writable: true });
  Object.defineProperty(stdout, 'columns', { value: width, configurable: true, writable: true });
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  try {
    expect(await main(['help'])).toBe(0);
  } finally {
    vi.restoreAllMocks();
    for (const [key, descriptor] of Object.entries(saved)) {
      if (descriptor) Object.defineProperty(stdout, key, descriptor);
      else delete stdout[key];
    }
  }
  return out;
}

describe('--help', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([30, 60, 80, 100, 160])('is the page commander prints, %i columns wide', async (width) => {
    expect(programHelp(width)).toBe(await commanderPage(width));
  });

  it('lists every command and global flag, and exits 0 as `help` does', () => {
    const fast = cli(['--help']);
    expect(fast.code).toBe(0);
    expect(fast.stdout).toBe(cli(['help']).stdout);
    for (const c of COMMANDS) expect(fast.stdout).toMatch(new RegExp(`^  ${c.name} `, 'm'));
    for (const f of GLOBAL_FLAGS) expect(fast.stdout).toContain(f.flags);
    expect(cli(['-h']).stdout).toBe(fast.stdout);
  });

  it('--version prints the package version', () => {
    expect(cli(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(cli(['-V']).stdout).toBe(cli(['--version']).stdout);
  });
});
