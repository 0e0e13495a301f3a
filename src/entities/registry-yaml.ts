/**
 * Parses one registry YAML source against the registry schema, with every problem a positioned
 * one-line message; the YAML and position handling is the shared one of src/util/yaml-file.ts.
 */
import { formatProblem, parseYaml, type FileProblem, type ParsedYaml, type YamlLocator, type YamlPath } from '../util/yaml-file.js';
import { RegistryFile } from './registry-schema.js';

export type RegistryProblem = FileProblem;
export type ParsedRegistryFile = ParsedYaml<RegistryFile>;
export type { YamlLocator, YamlPath };
export { formatProblem };

/** `file:line:col` */
export function formatPosition(problem: RegistryProblem): string {
  return `${problem.file}:${problem.line}:${problem.column}`;
}

/** Parses and validates one source; `parsed` is null when it has problems. */
export function parseRegistryFile(file: string, content: string, maxAliasCount: number): { parsed: ParsedRegistryFile | null; problems: RegistryProblem[] } {
  return parseYaml(file, content, RegistryFile, maxAliasCount);
}
