/**
 * What every command works with: the corpus folder, the store folder, and (for commands that
 * parse) the parse context with the lexicons and the registry.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from '../util/errors.js';
import { displayPath } from '../util/paths.js';

export interface Workspace {
  /** The corpus folder; commands that need its documents open it (which loads yaml and zod). */
  corpusDir: string;
  storeDir: string;
  registryPaths: string[];
  maxBytes: number;
  options: Record<string, unknown>;
}

export function workspace(options: Record<string, unknown>, corpusArg?: string): Workspace {
  const corpusDir = resolve(String(corpusArg ?? options.corpus ?? 'corpus'));
  const storeDir = resolve(String(options.store ?? join(dirname(corpusDir), '.smuggle-corpus')));
  const registry = options.registry as string[] | undefined;
  const maxBytes = Number(options.maxBytes ?? 20 * 1024 * 1024);
  if (!Number.isFinite(maxBytes) || maxBytes <= 0) throw new UsageError(`--max-bytes must be a positive number, not "${String(options.maxBytes)}"`);
  return {
    corpusDir,
    storeDir,
    // Kept relative to the working folder where possible: they appear in messages.
    registryPaths: registry?.length ? registry : [displayPath(join(corpusDir, 'registry'))],
    maxBytes,
    options,
  };
}

export function requireCorpus(ws: Workspace): void {
  if (!existsSync(ws.corpusDir)) throw new UsageError(`no corpus folder at ${ws.corpusDir} (name one with --corpus)`);
}
