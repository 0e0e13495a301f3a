/**
 * File primitives of the store: atomic writes (write a temporary file, then rename over the
 * target, so a crash leaves either the old or the new file), a lock that one ingest holds at a
 * time, and JSON reads that report a damaged file instead of crashing.
 *
 * Only the files that commit a generation are flushed to the disk (fsync). The per-document and
 * segment files are derived from the corpus and checked when read: after a power cut they may be
 * empty, which makes the store damaged and rebuilt, never wrong. Flushing each of them cost a
 * sixth of an ingest.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { processAlive } from '../util/process.js';

export interface WriteOptions {
  /** Flush the file to the disk before it replaces the target (default true). */
  durable?: boolean;
}

let writes = 0;

/** Opens a file for writing (or appending), making its folder when it does not exist yet. */
export function openForWriting(path: string, flags: 'w' | 'a'): number {
  try {
    return openSync(path, flags);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(dirname(path), { recursive: true });
    return openSync(path, flags);
  }
}

/** Writes all of `data`: text encoded straight into the file (without a Buffer of the whole), or bytes. */
export function writeAll(fd: number, data: string | Uint8Array): void {
  let bytes: Uint8Array;
  let written = 0;
  if (typeof data === 'string') {
    written = writeSync(fd, data);
    if (written === Buffer.byteLength(data)) return;
    bytes = Buffer.from(data);
  } else bytes = data;
  // writeSync may write less than asked (a full disk reports itself on the next call)
  while (written < bytes.length) written += writeSync(fd, bytes, written);
}

/** A file written under a temporary name and renamed over its target when complete. */
export class AtomicFile {
  private readonly tmp: string;
  private fd: number | null;

  constructor(readonly path: string) {
    this.tmp = `${path}.tmp-${process.pid}-${threadId}-${++writes}`;
    this.fd = openForWriting(this.tmp, 'w');
  }

  write(data: string | Uint8Array): void {
    writeAll(this.fd!, data);
  }

  commit(options: WriteOptions = {}): void {
    const fd = this.fd!;
    this.fd = null;
    try {
      if (options.durable !== false) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(this.tmp, this.path);
  }

  abandon(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    rmSync(this.tmp, { force: true });
  }
}

/**
 * Writes `value` as JSON, arrays (the value itself or an object's members) an element at a time,
 * gathered into writes of about 64 KB. Its text is the same as JSON.stringify's, but V8 builds a
 * large JSON text with non-Latin-1 characters as a string that is slow to flatten (writing in
 * pieces took half the time), and a large store's documents.json is never one string in memory.
 */
export function writeJsonPieces(file: AtomicFile, value: unknown): void {
  const out = new Pieces(file);
  if (Array.isArray(value)) writeArray(out, value);
  else if (value === null || typeof value !== 'object') out.push(JSON.stringify(value));
  else {
    let first = true;
    for (const [key, member] of Object.entries(value)) {
      if (member === undefined || typeof member === 'function') continue;
      out.push(`${first ? '{' : ','}${JSON.stringify(key)}:`);
      first = false;
      if (Array.isArray(member)) writeArray(out, member);
      else out.push(JSON.stringify(member));
    }
    out.push(first ? '{}' : '}');
  }
  out.flush();
}

/** An array an element at a time (a `documents.json` of 100,000 entries is never one string). */
function writeArray(out: Pieces, array: readonly unknown[]): void {
  out.push('[');
  array.forEach((element, i) => out.push(`${i === 0 ? '' : ','}${JSON.stringify(element) ?? 'null'}`));
  out.push(']');
}

/** Pieces of text gathered into writes of about 64 KB. */
class Pieces {
  private pending: string[] = [];
  private length = 0;

  constructor(private readonly file: AtomicFile) {}

  push(piece: string): void {
    this.pending.push(piece);
    this.length += piece.length;
    if (this.length >= 65_536) this.flush();
  }

  flush(): void {
    if (this.pending.length > 0) this.file.write(this.pending.join(''));
    this.pending = [];
    this.length = 0;
  }
}

/** Writes a file atomically: `fill` writes its content; a failure leaves the target as it was. */
export function writeAtomic(path: string, fill: (file: AtomicFile) => void, options: WriteOptions = {}): void {
  const file = new AtomicFile(path);
  try {
    fill(file);
    file.commit(options);
  } catch (error) {
    file.abandon();
    throw error;
  }
}

export function writeFileAtomic(path: string, data: string | Uint8Array, options: WriteOptions = {}): void {
  writeAtomic(path, (file) => file.write(data), options);
}

/**
 * Calls `visit` with each line of a UTF-8 file, reading it a megabyte at a time; `between`
 * runs after each megabyte (the main thread yields there to the parse workers' messages).
 */
export async function forEachLine(path: string, visit: (line: string) => void, between?: () => Promise<void>): Promise<void> {
  const fd = openSync(path, 'r');
  try {
    const chunk = Buffer.allocUnsafe(1 << 20);
    let rest: Buffer | null = null;
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      const data: Buffer = rest ? Buffer.concat([rest, chunk.subarray(0, n)]) : chunk.subarray(0, n);
      let start = 0;
      for (let end = data.indexOf(10, start); end >= 0; end = data.indexOf(10, start)) {
        if (end > start) visit(data.toString('utf8', start, end));
        start = end + 1;
      }
      rest = start < data.length ? Buffer.from(data.subarray(start)) : null;
      if (between) await between();
    }
    if (rest && rest.length > 0) visit(rest.toString('utf8'));
  } finally {
    closeSync(fd);
  }
}

/** A store file that is missing or cannot be read: the store is rebuilt, not trusted. */
export class DamagedStoreError extends Error {
  override name = 'DamagedStoreError';
}

export type ReadResult<T> = { ok: true; value: T } | { ok: false; reason: string };

export function readJson<T>(path: string): ReadResult<T> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { ok: false, reason: 'missing' };
  }
  try {
    return { ok: true, value: JSON.parse(text) as T };
  } catch {
    return { ok: false, reason: 'damaged (not valid JSON)' };
  }
}

export interface Lock {
  release(): void;
}

/**
 * Take the store's lock, waiting up to `waitMs` for another holder; a lock whose process is gone
 * (killed with SIGKILL) is taken over. Returns null when the lock stays taken.
 */
export async function acquireLock(dir: string, waitMs = 60_000): Promise<Lock | null> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'lock');
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        rmSync(path, { force: true });
      };
      process.once('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number.parseInt(readFileSafe(path), 10);
    if (!Number.isFinite(holder) || !processAlive(holder)) {
      // Take over a stale lock: rename it away first so two takers cannot both remove it.
      try {
        renameSync(path, `${path}.stale-${process.pid}`);
        rmSync(`${path}.stale-${process.pid}`, { force: true });
      } catch {
        /* someone else took it over first */
      }
      continue;
    }
    if (Date.now() > deadline) return null;
    await new Promise((r) => setTimeout(r, 100));
  }
}

function readFileSafe(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

export function writeJsonAtomic(path: string, value: unknown, options: WriteOptions = {}): void {
  writeAtomic(path, (file) => writeJsonPieces(file, value), options);
}

