/** Finds and reads the registry YAML files, with a size limit, and hashes them. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { COMPILED_REGISTRY_FORMAT } from './compiled.js';
import type { RegistryProblem } from './registry-yaml.js';

export interface RegistrySource {
  /** the path as shown in messages */
  path: string;
  content: string;
}

/** A registry file larger than this is refused (the shipped files are well under 100 KB). */
export const DEFAULT_MAX_REGISTRY_BYTES = 1024 * 1024;

const YAML_FILE = /\.ya?ml$/i;

/** The YAML files named by `paths`: files as given, folders as their `*.yaml` files sorted by name. */
function expand(paths: readonly string[]): { files: string[]; problems: RegistryProblem[] } {
  const files: string[] = [];
  const problems: RegistryProblem[] = [];
  for (const path of paths) {
    let isFolder: boolean;
    try {
      isFolder = statSync(path).isDirectory();
    } catch {
      problems.push({ file: path, line: 1, column: 1, message: 'registry file or folder not found' });
      continue;
    }
    if (!isFolder) {
      files.push(path);
      continue;
    }
    const inFolder = readdirSync(path)
      .filter((name) => YAML_FILE.test(name))
      .sort()
      .map((name) => join(path, name));
    if (inFolder.length === 0) problems.push({ file: path, line: 1, column: 1, message: 'no *.yaml registry files in folder' });
    files.push(...inFolder);
  }
  return { files, problems };
}

/** The registry files `paths` name, in load order (folders as their YAML files). */
export function registryFiles(paths: readonly string[]): string[] {
  return expand(paths).files;
}

export function readRegistrySources(
  paths: readonly string[],
  maxBytes: number = DEFAULT_MAX_REGISTRY_BYTES,
): { sources: RegistrySource[]; problems: RegistryProblem[] } {
  const { files, problems } = expand(paths);
  const sources: RegistrySource[] = [];
  for (const file of files) {
    const size = statSync(file).size;
    if (size > maxBytes) {
      problems.push({ file, line: 1, column: 1, message: `registry file is ${size} bytes, more than the limit of ${maxBytes}` });
      continue;
    }
    sources.push({ path: file, content: readFileSync(file, 'utf8') });
  }
  return { sources, problems };
}

/**
 * sha256 over the compiled format version and each source's file name and content, in load
 * order: it changes whenever the compiled registry could.
 */
export function registryHash(sources: readonly RegistrySource[]): string {
  const hash = createHash('sha256').update(`smuggle-corpus registry ${COMPILED_REGISTRY_FORMAT}\n`);
  for (const source of sources) hash.update(`${basename(source.path)}\n${source.content}\u0000`);
  return hash.digest('hex');
}
