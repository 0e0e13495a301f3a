/**
 * The parse context: the layout lexicon, the key-action lexicon and the entity matcher built from
 * the registry, ready to parse any number of documents.
 */
import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { analyseKeyAction, loadKeyActionLexicon, DEFAULT_KEY_ACTION_LEXICON_PATH } from '../entities/actions/index.js';
import type { CompiledRegistry } from '../entities/compiled.js';
import { createMatcher, type Matcher } from '../entities/matcher.js';
import { DEFAULT_REGISTRY_PATH, loadRegistry } from '../entities/registry-load.js';
import { loadLayoutLexicon } from '../layout/lexicon.js';
import { dataPath } from '../util/paths.js';
import { DataFileError } from '../util/errors.js';
import type { EntityStage, ParseContext } from './build.js';

export interface ContextOptions {
  /** Registry files or folders; a missing default folder falls back to the shipped registry. */
  registryPaths?: string[];
  /** Corpus documents with their references, for the citation graph. */
  documents?: ReadonlyArray<{ id: string; reference: string | null }>;
  maxBytes?: number;
}

export interface LoadedContext extends ParseContext {
  registry: CompiledRegistry;
  matcher: Matcher;
  /** Changes whenever a data file that shapes the output changes (registry, lexicons). */
  dataHash: string;
}

export function registryPathsOrDefault(paths: string[] | undefined): string[] {
  const existing = (paths ?? []).filter((p) => existsSync(p));
  return existing.length > 0 ? existing : [DEFAULT_REGISTRY_PATH];
}

export function loadRegistryOrThrow(paths: string[] | undefined): CompiledRegistry {
  const { registry, problems } = loadRegistry({ paths: registryPathsOrDefault(paths) });
  if (!registry) throw new DataFileError('the registry has problems', problems);
  return registry;
}

export function createParseContext(options: ContextOptions = {}): LoadedContext {
  const lexicon = loadLayoutLexicon();
  const actionsLexicon = loadKeyActionLexicon();
  const registry = loadRegistryOrThrow(options.registryPaths);
  const matcher = createMatcher(registry, options.documents ? { documents: options.documents } : {});
  const entities: EntityStage = {
    match: (text) => matcher.match(text),
    analyse: (input) => analyseKeyAction(input, actionsLexicon),
    unknownOrganisations: (text) => matcher.findUnknownOrganisations(text),
  };
  const dataHash = createHash('sha256')
    .update(registry.hash)
    .update(readFileSync(dataPath('lexicon', 'layout.nl.yaml')))
    .update(readFileSync(DEFAULT_KEY_ACTION_LEXICON_PATH))
    .digest('hex');
  return {
    lexicon,
    entities,
    registry,
    matcher,
    dataHash,
    ...(options.maxBytes ? { decode: { maxBytes: options.maxBytes } } : {}),
  };
}
