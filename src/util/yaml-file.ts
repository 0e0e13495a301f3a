/**
 * Reading a YAML data file (manifest, registry, lexicon) against a zod schema, with every
 * problem reported as a positioned one-line message `file:line:col message`. Alias bombs are
 * refused (yaml's `maxAliasCount`) and so are files over a size limit.
 */
import { readFileSync, statSync } from 'node:fs';
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import type * as z from 'zod';

export interface FileProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** `file:line:col message` */
export function formatProblem(problem: FileProblem): string {
  return `${problem.file}:${problem.line}:${problem.column} ${problem.message}`;
}

export type YamlPath = ReadonlyArray<string | number>;

export const DEFAULT_MAX_DATA_BYTES = 1024 * 1024;
export const DEFAULT_MAX_ALIASES = 100;

/** Positions of the nodes of one parsed file. */
export class YamlLocator {
  constructor(
    readonly file: string,
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  problem(path: YamlPath, message: string, part: 'key' | 'value' = 'value'): FileProblem {
    return this.problemAtOffset(this.offsetOf(path, part), message);
  }

  problemAtOffset(offset: number, message: string): FileProblem {
    const { line, col } = this.lines.linePos(offset);
    return { file: this.file, line, column: col, message };
  }

  /** Start offset of the node at `path` (or of its key), else of the deepest node that exists. */
  private offsetOf(path: YamlPath, part: 'key' | 'value'): number {
    let node: unknown = this.doc.contents;
    let offset = rangeStart(node) ?? 0;
    for (const [i, segment] of path.entries()) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && item.key.value === segment);
        if (!pair) break;
        const keyOffset = rangeStart(pair.key);
        node = pair.value;
        const wantsKey = part === 'key' && i === path.length - 1;
        offset = (wantsKey ? keyOffset : rangeStart(node) ?? keyOffset) ?? offset;
      } else if (isSeq(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
        node = node.items[segment];
        offset = rangeStart(node) ?? offset;
      } else {
        break;
      }
    }
    return offset;
  }
}

function rangeStart(node: unknown): number | undefined {
  return (node as Node | null | undefined)?.range?.[0];
}

function pathText(path: YamlPath): string {
  return path.map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : i === 0 ? segment : `.${segment}`)).join('');
}

function issueProblems(issue: z.core.$ZodIssue, locator: YamlLocator): FileProblem[] {
  const path = issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => locator.problem([...path, key], `unknown field "${key}"`, 'key'));
  }
  const where = path.length > 0 ? `${pathText(path)}: ` : '';
  return [locator.problem(path, `${where}${issue.message}`)];
}

export interface ParsedYaml<T> {
  locator: YamlLocator;
  data: T;
}

/** Parses and validates YAML text; `parsed` is null when there are problems. */
export function parseYaml<S extends z.ZodType>(
  file: string,
  content: string,
  schema: S,
  maxAliasCount: number = DEFAULT_MAX_ALIASES,
): { parsed: ParsedYaml<z.infer<S>> | null; problems: FileProblem[] } {
  const lines = new LineCounter();
  const doc = parseDocument(content, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const locator = new YamlLocator(file, doc, lines);
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((error) => locator.problemAtOffset(error.pos[0], error.message.split('\n')[0] ?? error.code));
    return { parsed: null, problems };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount });
  } catch (error) {
    let firstAlias = 0;
    visit(doc, {
      Alias(_key, node) {
        if (isAlias(node)) firstAlias = node.range?.[0] ?? 0;
        return visit.BREAK;
      },
    });
    const reason = error instanceof Error ? error.message : String(error);
    return { parsed: null, problems: [locator.problemAtOffset(firstAlias, `YAML aliases refused: ${reason}`)] };
  }
  const result = schema.safeParse(data ?? {});
  if (!result.success) return { parsed: null, problems: result.error.issues.flatMap((issue) => issueProblems(issue, locator)) };
  return { parsed: { locator, data: result.data }, problems: [] };
}

/** Reads a YAML data file with a size limit, then {@link parseYaml}. */
export function readYamlFile<S extends z.ZodType>(
  path: string,
  schema: S,
  options: { maxBytes?: number; maxAliasCount?: number; name?: string } = {},
): { parsed: ParsedYaml<z.infer<S>> | null; problems: FileProblem[] } {
  const name = options.name ?? path;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_DATA_BYTES;
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return { parsed: null, problems: [{ file: name, line: 1, column: 1, message: 'file not found' }] };
  }
  if (size > maxBytes) {
    return { parsed: null, problems: [{ file: name, line: 1, column: 1, message: `file is ${size} bytes, more than the limit of ${maxBytes}` }] };
  }
  return parseYaml(name, readFileSync(path, 'utf8'), schema, options.maxAliasCount);
}
