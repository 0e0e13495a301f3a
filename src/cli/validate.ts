/**
 * `smuggle-corpus validate [paths...]`: parse documents and report every problem as
 * `file:line:col severity message [rule]`. Exit 0 without errors, 1 with errors (or warnings with
 * --strict), 2 when an input could not be used at all. Never modifies what it reads.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseDocument } from '../document/build.js';
import { corpusContextOptions, createParseContext, type LoadedContext } from '../document/context.js';
import { openCorpus, readBytes, readDocumentArg, type CorpusDocument } from '../document/corpus.js';
import { Document, type Diagnostic } from '../document/model.js';
import { isReportable } from '../util/errors.js';
import { note, outputChoice, painter, writeJson, write } from './output.js';
import { workspace } from './workspace.js';

export interface ReportedDiagnostic extends Diagnostic {
  file: string;
  document: string;
}

export async function runValidate(args: string[], options: Record<string, unknown>): Promise<number> {
  if (typeof options.dataset === 'string') return (await import('./validate-dataset.js')).runValidateDataset(options.dataset, options);
  const ws = workspace(options);
  const corpus = openCorpus(ws.corpusDir);
  const inputs = args.length > 0 ? args : [corpus.dir];
  const reports: ReportedDiagnostic[] = [];
  let unusable = 0;
  let documents = 0;
  let ctx: LoadedContext | null = null;
  const context = () =>
    (ctx ??= createParseContext(corpusContextOptions(corpus, ws)));

  /** Parse one document; input that cannot be read or decoded is an error of its own. */
  const check = async (display: string, id: string, load: () => Promise<Omit<CorpusDocument, 'file'> & { bytes: Uint8Array }>) => {
    documents++;
    try {
      const doc = await load();
      const parsed = parseDocument({ bytes: doc.bytes, path: doc.display, id: doc.id, ...(doc.entry ? { manifest: doc.entry } : {}) }, context());
      for (const d of [...parsed.diagnostics, ...schemaProblems(parsed)]) reports.push({ ...d, file: doc.display, document: doc.id });
    } catch (error) {
      if (!isReportable(error) || error.name === 'DataFileError' || error.name === 'UsageError') throw error;
      unusable++;
      const message = error.message.startsWith(`${display}:`) ? error.message.slice(display.length + 1).trim() : error.message;
      reports.push({ severity: 'error', rule: 'read/unusable', message, line: 1, column: 1, file: display, document: id });
    }
  };

  for (const input of inputs) {
    if (input !== '-' && isFolder(input)) {
      const folder = resolve(input) === corpus.dir ? corpus : openCorpus(input);
      for (const p of folder.problems) reports.push({ severity: 'error', rule: 'manifest/invalid', message: p.message, line: p.line, column: p.column, file: p.file, document: '' });
      const hasManifest = folder.documents.some((d) => d.entry);
      for (const doc of folder.documents) {
        if (!doc.entry && hasManifest) {
          reports.push({ severity: 'warning', rule: 'manifest/unlisted', message: 'this document is not listed in manifest.yaml', line: 1, column: 1, file: doc.display, document: doc.id });
        }
        await check(doc.display, doc.id, async () => ({ ...doc, bytes: readBytes(doc.file, ws.maxBytes) }));
      }
      continue;
    }
    await check(input, '', () => readDocumentArg(input, corpus, ws.maxBytes));
  }

  const strict = options.strict === true;
  const errors = reports.filter((r) => r.severity === 'error' || (strict && r.severity === 'warning')).length;
  const warnings = reports.filter((r) => r.severity === 'warning').length;
  const choice = outputChoice(options);
  if (choice.format === 'json') {
    await writeJson(reports);
  } else {
    const c = await painter(options);
    const shown = reports.filter((r) => r.severity === 'error' || (options.quiet !== true && r.severity !== 'info') || (options.quiet !== true && r.rule.startsWith('registry/')));
    const colour = (s: Diagnostic['severity']) => (s === 'error' ? c.red(s) : s === 'warning' ? c.yellow(s) : c.cyan(s));
    await write(shown.map((r) => `${r.file}:${r.line}:${r.column} ${colour(r.severity)} ${r.message} ${c.dim(`[${r.rule}]`)}\n`).join(''));
  }
  const infos = reports.length - errors - warnings + (strict ? warnings : 0);
  note(`${documents} document${documents === 1 ? '' : 's'}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} suggestion${infos === 1 ? '' : 's'}`);
  if (unusable > 0) return 2;
  return errors > 0 ? 1 : 0;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The parsed document checked against the schema; an issue is placed at the element it is in. */
export function schemaProblems(doc: Document): Diagnostic[] {
  const result = Document.safeParse(doc);
  if (result.success) return [];
  return result.error.issues.slice(0, 20).map((issue) => {
    let node: unknown = doc;
    let span: { startLine: number } | undefined;
    for (const key of issue.path) {
      node = (node as Record<PropertyKey, unknown>)?.[key as PropertyKey];
      const s = (node as { span?: { startLine: number } } | undefined)?.span;
      if (s) span = s;
    }
    return {
      severity: 'error' as const,
      rule: 'schema/invalid',
      message: `${issue.path.join('.')}: ${issue.message}`,
      line: span?.startLine ?? 1,
      column: 1,
    };
  });
}
