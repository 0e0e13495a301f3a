/**
 * File primitives of the store: atomic writes (write a temporary file, then rename over the
 * target, so a crash leaves either the old or the new file), a lock that one ingest holds at a
 * time, and JSON reads that report a damaged file instead of crashing.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
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

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
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

export function writeJsonAtomic(path: string, value: unknown): void {
  writeFileAtomic(path, JSON.stringify(value));
}

