/** Paths of the files the package ships (data, schemas, the default corpus). */
import { fileURLToPath } from 'node:url';
import { join, relative } from 'node:path';

/** The package root: this file is at src/util/paths.ts or dist/util/paths.js. */
export const packageRoot = fileURLToPath(new URL('../../', import.meta.url));

export const dataPath = (...parts: string[]) => join(packageRoot, 'data', ...parts);

/** The shipped data files; the data hash of the store covers exactly the files loaded from here. */
export const LAYOUT_LEXICON_PATH = dataPath('lexicon', 'layout.nl.yaml');
export const KEY_ACTION_LEXICON_PATH = dataPath('lexicon', 'key-actions.nl.yaml');
export const SHIPPED_REGISTRY_PATH = join(packageRoot, 'corpus', 'registry');

/** A path as shown in messages: relative to the working folder when inside it. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}
