/** Paths of the files the package ships (data, schemas, the default corpus). */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The package root: this file is at src/util/paths.ts or dist/util/paths.js. */
export const packageRoot = fileURLToPath(new URL('../../', import.meta.url));

export const dataPath = (...parts: string[]) => join(packageRoot, 'data', ...parts);
