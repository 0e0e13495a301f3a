/**
 * Parses one registry YAML source and validates it against the schema, reporting every problem
 * as a positioned one-line message. Guards against alias bombs (yaml's `maxAliasCount`).
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import * as z from 'zod';
import { RegistryFile } from './registry-schema.js';

export interface RegistryProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** `file:line:col` */
export function formatPosition(problem: RegistryProblem): string {
  return `${problem.file}:${problem.line}:${problem.column}`;
}

/** `file:line:col message` */
export function formatProblem(problem: RegistryProblem): string {
  return `${formatPosition(problem)} ${problem.message}`;
}

export type YamlPath = ReadonlyArray<string | number>;

/** Positions of the nodes of one parsed file. */
export class YamlLocator {
  constructor(
    readonly file: string,
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  problem(path: YamlPath, message: string, part: 'key' | 'value' = 'value'): RegistryProblem {
    return this.problemAtOffset(this.offsetOf(path, part), message);
  }

  problemAtOffset(offset: number, message: string): RegistryProblem {
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

function issueProblems(issue: z.core.$ZodIssue, locator: YamlLocator): RegistryProblem[] {
  const path = issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => locator.problem([...path, key], `unknown field "${key}"`, 'key'));
  }
  const where = path.length > 0 ? `${pathText(path)}: ` : '';
  return [locator.problem(path, `${where}${issue.message}`)];
}

export interface ParsedRegistryFile {
  locator: YamlLocator;
  data: RegistryFile;
}

/** Parses and validates one source; `data` is null when it has problems. */
export function parseRegistryFile(
  file: string,
  content: string,
  maxAliasCount: number,
): { parsed: ParsedRegistryFile | null; problems: RegistryProblem[] } {
  const lines = new LineCounter();
  const doc = parseDocument(content, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const locator = new YamlLocator(file, doc, lines);
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((error) =>
      locator.problemAtOffset(error.pos[0], error.message.split('\n')[0] ?? error.code),
    );
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
  const result = RegistryFile.safeParse(data ?? {});
  if (!result.success) {
    return { parsed: null, problems: result.error.issues.flatMap((issue) => issueProblems(issue, locator)) };
  }
  return { parsed: { locator, data: result.data }, problems: [] };
}
