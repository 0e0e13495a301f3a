/**
 * Loads the actor and instrument registry: reads the YAML files (default `corpus/registry/`),
 * validates them with zod, checks them against each other and compiles them into a plain
 * JSON-serialisable {@link CompiledRegistry}. Problems come back as positioned one-line
 * messages (`formatProblem`: `file:line:col message`).
 */
import { SHIPPED_REGISTRY_PATH } from '../util/paths.js';
import type { CompiledRegistry } from './compiled.js';
import { compileRegistry } from './registry-compile.js';
import { DEFAULT_MAX_REGISTRY_BYTES, readRegistrySources, registryHash, type RegistrySource } from './registry-sources.js';
import { parseRegistryFile, type ParsedRegistryFile, type RegistryProblem } from './registry-yaml.js';

export { formatProblem, type RegistryProblem } from './registry-yaml.js';
export { readRegistrySources, registryHash, type RegistrySource } from './registry-sources.js';

/** The registry shipped with the package. */
export const DEFAULT_REGISTRY_PATH = SHIPPED_REGISTRY_PATH;

/** Refuse YAML whose aliases expand more than this (a registry needs few, if any). */
export const DEFAULT_MAX_ALIAS_COUNT = 100;

export interface LoadRegistryOptions {
  /** registry files and folders (a folder contributes its `*.yaml` files, sorted by name) */
  paths?: readonly string[];
  maxBytes?: number;
  maxAliasCount?: number;
}

export interface LoadRegistryResult {
  /** null when there are problems */
  registry: CompiledRegistry | null;
  problems: RegistryProblem[];
}

export function loadRegistry(options: LoadRegistryOptions = {}): LoadRegistryResult {
  const paths = options.paths ?? [DEFAULT_REGISTRY_PATH];
  const { sources, problems } = readRegistrySources(paths, options.maxBytes ?? DEFAULT_MAX_REGISTRY_BYTES);
  const files: ParsedRegistryFile[] = [];
  for (const source of sources) {
    const result = parseRegistryFile(source.path, source.content, options.maxAliasCount ?? DEFAULT_MAX_ALIAS_COUNT);
    problems.push(...result.problems);
    if (result.parsed) files.push(result.parsed);
  }
  if (problems.length > 0) return { registry: null, problems };
  const compiled = compileRegistry(files, registryHash(sources));
  return { registry: compiled.registry, problems: inFileOrder(compiled.problems, sources) };
}

/** Problems sorted by file (in load order), line and column. */
function inFileOrder(problems: RegistryProblem[], sources: readonly RegistrySource[]): RegistryProblem[] {
  const fileIndex = new Map(sources.map((source, i) => [source.path, i]));
  return problems.sort(
    (a, b) => (fileIndex.get(a.file) ?? 0) - (fileIndex.get(b.file) ?? 0) || a.line - b.line || a.column - b.column,
  );
}
