/**
 * The hash of the data files that shape a parsed document (the registry and the lexicons). It
 * is computed from the files' bytes without parsing them, so a query can check whether the store
 * is still fresh without loading yaml or zod.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readRegistrySources, registryFiles, registryHash } from '../entities/registry-sources.js';
import { resolve } from 'node:path';
import { KEY_ACTION_LEXICON_PATH, LAYOUT_LEXICON_PATH, SHIPPED_REGISTRY_PATH } from '../util/paths.js';

/** The registry folders or files to use: those named that exist, else the shipped registry. */
export function registryPathsOrDefault(paths: readonly string[] | undefined): string[] {
  const existing = (paths ?? []).filter((p) => existsSync(p));
  return existing.length > 0 ? existing : [SHIPPED_REGISTRY_PATH];
}

export function dataHashOf(registryHashValue: string): string {
  return createHash('sha256')
    .update(registryHashValue)
    .update(readFileSync(LAYOUT_LEXICON_PATH))
    .update(readFileSync(KEY_ACTION_LEXICON_PATH))
    .digest('hex');
}

/** The data hash straight from the files, for freshness checks. */
export function currentDataHash(registryPaths: readonly string[] | undefined): string {
  const { sources } = readRegistrySources(registryPathsOrDefault(registryPaths));
  return dataHashOf(registryHash(sources));
}

/**
 * Every file the data hash is made from: the registry files, then the lexicons; absolute, so
 * the store's record of them does not depend on the folder a command runs in.
 */
export function dataFiles(registryPaths: readonly string[] | undefined): string[] {
  return [...registryFiles(registryPathsOrDefault(registryPaths)).map((f) => resolve(f)), LAYOUT_LEXICON_PATH, KEY_ACTION_LEXICON_PATH];
}
