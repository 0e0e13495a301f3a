/**
 * The parse context: the layout lexicon, the key-action lexicon and the entity matcher built from
 * the registry, ready to parse any number of documents.
 */
import type { Corpus } from './corpus.js';
import { analyseKeyAction, loadKeyActionLexicon } from '../entities/actions/index.js';
import type { CompiledRegistry } from '../entities/compiled.js';
import { createMatcher, type Matcher } from '../entities/matcher.js';
import { loadRegistry } from '../entities/registry-load.js';
import { loadLayoutLexicon } from '../layout/lexicon.js';
import { DataFileError } from '../util/errors.js';
import type { EntityStage, ParseContext } from './build.js';
import { dataHashOf, registryPathsOrDefault } from './data-hash.js';
import { KEY_ACTION_LEXICON_PATH, LAYOUT_LEXICON_PATH } from '../util/paths.js';

export interface ContextOptions {
  /** Registry files or folders; a missing default folder falls back to the shipped registry. */
  registryPaths?: string[];
  /** Corpus documents with their references, for the citation graph. */
  documents?: ReadonlyArray<{ id: string; reference: string | null }>;
  maxBytes?: number;
}

/** The context options for parsing documents of a corpus (its documents make the citation graph). */
export function corpusContextOptions(corpus: Pick<Corpus, 'documents'>, settings: { registryPaths: string[]; maxBytes: number }): ContextOptions {
  return { registryPaths: settings.registryPaths, documents: corpus.documents.map((d) => ({ id: d.id, reference: d.entry?.reference ?? null })), maxBytes: settings.maxBytes };
}

export interface LoadedContext extends ParseContext {
  registry: CompiledRegistry;
  matcher: Matcher;
  /** Changes whenever a data file that shapes the output changes (registry, lexicons). */
  dataHash: string;
}

export function loadRegistryOrThrow(paths: string[] | undefined): CompiledRegistry {
  const { registry, problems } = loadRegistry({ paths: registryPathsOrDefault(paths) });
  if (!registry) throw new DataFileError('the registry has problems', problems);
  return registry;
}

export function createParseContext(options: ContextOptions = {}): LoadedContext {
  const lexicon = loadLayoutLexicon(LAYOUT_LEXICON_PATH);
  const actionsLexicon = loadKeyActionLexicon(KEY_ACTION_LEXICON_PATH);
  const registry = loadRegistryOrThrow(options.registryPaths);
  const matcher = createMatcher(registry, options.documents ? { documents: options.documents } : {});
  const entities: EntityStage = {
    match: (text) => matcher.match(text),
    analyse: (input) => analyseKeyAction(input, actionsLexicon),
    unknownOrganisations: (text, mentions) => matcher.findUnknownOrganisations(text, mentions),
  };
  const dataHash = dataHashOf(registry.hash);
  return {
    lexicon,
    entities,
    registry,
    matcher,
    dataHash,
    ...(options.maxBytes ? { decode: { maxBytes: options.maxBytes } } : {}),
  };
}
