/**
 * The corpus folder: its manifest and its documents, and the resolution of a command's document
 * argument (a corpus id, a path to any text file, or `-` for standard input).
 */
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { InputError, UsageError } from '../util/errors.js';
import { DEFAULT_MAX_BYTES } from '../read/decode.js';
import { displayPath } from '../util/paths.js';
import { formatProblem, type FileProblem } from '../util/yaml-file.js';
import { isCorpusTextFile, uniqueId } from './corpus-files.js';
import { idFromFileName, loadManifest, MANIFEST_FILE, type ManifestEntry } from './manifest.js';

export interface CorpusDocument {
  id: string;
  /** Absolute path of the text. */
  file: string;
  /** The path as shown in messages (relative to the working folder when inside it). */
  display: string;
  /** The path recorded in parsed documents: relative to the corpus folder's parent, so it does not depend on where a command runs. */
  recorded: string;
  entry?: ManifestEntry;
}

export interface Corpus {
  dir: string;
  exists: boolean;
  documents: CorpusDocument[];
  problems: FileProblem[];
  byId: Map<string, CorpusDocument>;
}

export { displayPath };

/** Inside `dir` after following symbolic links? */
function inside(dir: string, path: string): boolean {
  try {
    const real = realpathSync(path);
    const root = realpathSync(dir);
    return real === root || real.startsWith(root + sep);
  } catch {
    return false;
  }
}

export function openCorpus(dirArg: string): Corpus {
  const dir = resolve(dirArg);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return { dir, exists: false, documents: [], problems: [], byId: new Map() };
  const { manifest, problems } = loadManifest(dir);
  const documents: CorpusDocument[] = [];
  const listed = new Set<string>();
  for (const entry of manifest.entries) {
    const file = join(dir, entry.file);
    listed.add(resolve(file));
    if (!inside(dir, file)) {
      problems.push({ file: displayPath(join(dir, MANIFEST_FILE)), line: 1, column: 1, message: `"${entry.file}" leads outside the corpus folder (symbolic link); skipped` });
      continue;
    }
    if (existsSync(file)) documents.push({ id: entry.id, file, display: displayPath(file), recorded: recordedPath(dir, file), entry });
  }
  // Text files the manifest does not list are still documents, with an id from their name.
  const ids = new Set(documents.map((d) => d.id));
  for (const name of readdirSync(dir).sort()) {
    const file = join(dir, name);
    if (!isCorpusTextFile(name) || listed.has(resolve(file))) continue;
    if (lstatSync(file).isSymbolicLink() && !inside(dir, file)) continue;
    if (!statSync(file).isFile()) continue;
    documents.push({ id: uniqueId(idFromFileName(name), ids), file, display: displayPath(file), recorded: recordedPath(dir, file) });
  }
  return { dir, exists: true, documents, problems: problems.map((p) => ({ ...p, file: displayPath(p.file) })), byId: new Map(documents.map((d) => [d.id, d])) };
}

function recordedPath(dir: string, file: string): string {
  return relative(dirname(dir), file).split(sep).join('/');
}

export function corpusProblemsText(corpus: Corpus): string {
  return corpus.problems.map(formatProblem).join('\n');
}

export interface DocumentRef extends CorpusDocument {
  /** A document of the corpus (named by id or by its path), as opposed to any other file or `-`. */
  inCorpus: boolean;
}

export interface DocumentSource extends DocumentRef {
  bytes: Uint8Array;
}

/**
 * A document argument: `-` (standard input), a path to a text file, or a corpus id, without
 * reading it. Files outside the corpus get an id from their name and no manifest entry.
 */
export function resolveDocumentArg(arg: string, corpus: Corpus): DocumentRef {
  if (arg === '-') return { id: 'stdin', file: '-', display: '-', recorded: '-', inCorpus: false };
  const stat = statSync(arg, { throwIfNoEntry: false });
  if (stat) {
    const file = resolve(arg);
    if (stat.isDirectory()) throw new UsageError(`${arg}: is a folder; name a document (a corpus id or a text file)`);
    const known = corpus.documents.find((d) => d.file === file);
    return known ? { ...known, inCorpus: true } : { id: idFromFileName(arg), file, display: displayPath(file), recorded: displayPath(file), inCorpus: false };
  }
  const doc = corpus.byId.get(arg);
  if (doc) return { ...doc, inCorpus: true };
  throw new UsageError(unknownDocument(arg, corpus.documents.map((d) => d.id)));
}

/** The message for a document argument that names nothing. */
export function unknownDocument(arg: string, known: readonly string[]): string {
  return `unknown document "${arg}": not a file and not a corpus id${known.length ? ` (known ids: ${known.join(', ')})` : ''}`;
}

/** A document argument and its bytes. */
export async function readDocumentArg(arg: string, corpus: Corpus, maxBytes = DEFAULT_MAX_BYTES): Promise<DocumentSource> {
  const ref = resolveDocumentArg(arg, corpus);
  return { ...ref, bytes: await readDocumentBytes(ref.file, maxBytes) };
}

/** The bytes of a resolved document argument's file (standard input for `-`). */
export function readDocumentBytes(file: string, maxBytes = DEFAULT_MAX_BYTES): Promise<Uint8Array> | Uint8Array {
  return file === '-' ? readStdin(maxBytes) : readBytes(file, maxBytes);
}

export function readBytes(file: string, maxBytes = DEFAULT_MAX_BYTES): Uint8Array {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new InputError(`${displayPath(file)}: cannot read the file`);
  }
  // Refuse before reading a huge file into memory; decode() gives the same message for stdin.
  if (size > maxBytes) {
    throw new InputError(
      `${displayPath(file)}: the file is ${(size / 1024 / 1024).toFixed(1)} MB, over the ${(maxBytes / 1024 / 1024).toFixed(1)} MB limit for one document (raise it with --max-bytes)`,
    );
  }
  return readFileSync(file);
}

async function readStdin(maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new InputError(`-: standard input is over the ${(maxBytes / 1024 / 1024).toFixed(1)} MB limit for one document`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
