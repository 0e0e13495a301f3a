/**
 * What every command works with: the corpus folder, the store folder, and (for commands that
 * parse) the parse context with the lexicons and the registry.
 */
import { dirname, join, resolve } from 'node:path';
import { openCorpus, type Corpus } from '../document/corpus.js';
import { UsageError } from '../util/errors.js';

export interface Workspace {
  corpus: Corpus;
  storeDir: string;
  registryPaths: string[];
  maxBytes: number;
  options: Record<string, unknown>;
}

export function workspace(options: Record<string, unknown>, corpusArg?: string): Workspace {
  const corpusDir = resolve(String(corpusArg ?? options.corpus ?? 'corpus'));
  const corpus = openCorpus(corpusDir);
  const storeDir = resolve(String(options.store ?? join(dirname(corpusDir), '.smuggle-corpus')));
  const registry = options.registry as string[] | undefined;
  const maxBytes = Number(options.maxBytes ?? 20 * 1024 * 1024);
  if (!Number.isFinite(maxBytes) || maxBytes <= 0) throw new UsageError(`--max-bytes must be a positive number, not "${String(options.maxBytes)}"`);
  return {
    corpus,
    storeDir,
    registryPaths: registry?.length ? registry.map((p) => resolve(p)) : [join(corpusDir, 'registry')],
    maxBytes,
    options,
  };
}

export function requireCorpus(ws: Workspace): void {
  if (!ws.corpus.exists) throw new UsageError(`no corpus folder at ${ws.corpus.dir} (name one with --corpus)`);
}
