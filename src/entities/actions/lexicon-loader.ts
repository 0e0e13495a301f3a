/** Reads and validates the key-action lexicon; the only module that touches files or YAML. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { KEY_ACTION_LEXICON_PATH } from '../../util/paths.js';
import { parse } from 'yaml';
import * as z from 'zod';
import { KeyActionLexicon } from './lexicon-schema.js';

/** The Dutch lexicon shipped in `data/lexicon/`. */
export const DEFAULT_KEY_ACTION_LEXICON_PATH = KEY_ACTION_LEXICON_PATH;

const loadedLexicons = new Map<string, KeyActionLexicon>();

/** Loads a lexicon file once per path; throws with every schema violation listed. */
export function loadKeyActionLexicon(path: string = DEFAULT_KEY_ACTION_LEXICON_PATH): KeyActionLexicon {
  const absolutePath = resolve(path);
  const cached = loadedLexicons.get(absolutePath);
  if (cached) return cached;
  const result = KeyActionLexicon.safeParse(parse(readFileSync(absolutePath, 'utf8')));
  if (!result.success) {
    throw new Error(`invalid key-action lexicon ${absolutePath}:\n${z.prettifyError(result.error)}`);
  }
  loadedLexicons.set(absolutePath, result.data);
  return result.data;
}
