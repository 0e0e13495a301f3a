/**
 * `smuggle-corpus diff <docA> <docB>`: what B takes up, drops or changes of A. Corpus documents
 * are read from the store (refreshed when stale); other files and `-` (standard input) are
 * parsed on the fly. Exit codes as GNU diff: 0 no differences, 1 differences, 2 trouble.
 */
import { parseDocument } from '../document/build.js';
import { corpusContextOptions, createParseContext, type LoadedContext } from '../document/context.js';
import { openCorpus, readDocumentBytes, resolveDocumentArg, type DocumentRef } from '../document/corpus.js';
import type { Document } from '../document/model.js';
import { diffDocuments, type DiffMode } from '../diff/compare.js';
import { renderReport } from '../diff/report.js';
import type { CoverageRow } from '../diff/result.js';
import type { StoreReader } from '../store/reader.js';
import { InputError, UsageError } from '../util/errors.js';
import { outputChoice, painter, selectOne, write, writeJson, writeRecords } from './output.js';
import { freshStore } from './store-access.js';
import { workspace, type Workspace } from './workspace.js';

export async function runDiff(args: string[], options: Record<string, unknown>): Promise<number> {
  const [argA, argB] = args as [string, string];
  if (argA === '-' && argB === '-') throw new UsageError('only one of the two documents can come from standard input (-)');
  const mode = modeOf(options);
  const choice = outputChoice(options);
  if (choice.format === 'csv' && mode !== 'coverage') throw new UsageError('--csv prints the coverage table: add --coverage (or use --json)');
  const threshold = thresholdOf(options.threshold);
  const [a, b] = await readDocuments(workspace(options), [argA, argB]);
  const result = diffDocuments(a, b, { mode, threshold });
  if (result.coverage?.length === 0) throw new UsageError(`${a.id} has no key actions: --coverage measures how B takes up the key actions of A (name the EU plan first)`);
  if (choice.format === 'csv') await writeRecords(result.coverage!.map(coverageRecord), choice);
  else if (choice.format === 'json') await writeJson(selectOne(result, choice.fields));
  else await write(renderReport(result, await painter(options), { words: options.words === true }));
  return result.differences ? 1 : 0;
}

function modeOf(options: Record<string, unknown>): DiffMode {
  if (options.coverage && options.actions) throw new UsageError('--actions and --coverage are two different views: choose one');
  return options.coverage ? 'coverage' : options.actions ? 'actions' : 'overview';
}

function thresholdOf(value: unknown): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new UsageError(`--threshold must be a number from 0 to 1, not "${String(value)}"`);
  return n;
}

async function readDocuments(ws: Workspace, args: [string, string]): Promise<[Document, Document]> {
  const corpus = openCorpus(ws.corpusDir);
  const sources = [resolveDocumentArg(args[0], corpus), resolveDocumentArg(args[1], corpus)] as const;
  let store: StoreReader | null = null;
  let context: LoadedContext | null = null;
  const read = async (source: DocumentRef): Promise<Document> => {
    if (source.inCorpus) {
      store ??= await freshStore(ws);
      if (!store.documentEntry(source.id)) throw new InputError(`${source.display}: not in the store (it could not be parsed; run validate)`);
      return store.document(source.id);
    }
    context ??= createParseContext(corpusContextOptions(corpus, ws));
    return parseDocument({ bytes: await readDocumentBytes(source.file, ws.maxBytes), path: source.display, id: source.id, ...(source.entry ? { manifest: source.entry } : {}) }, context);
  };
  try {
    return [await read(sources[0]), await read(sources[1])];
  } finally {
    (store as StoreReader | null)?.close();
  }
}

function coverageRecord(r: CoverageRow): Record<string, unknown> {
  return {
    action: r.action.id,
    line: r.action.span.startLine,
    status: r.status,
    score: r.score,
    passage: r.passage?.element.id ?? null,
    passageLine: r.passage?.element.span.startLine ?? null,
    passageText: r.passage?.text ?? null,
    shared: r.shared,
    actionText: r.action.text,
  };
}
