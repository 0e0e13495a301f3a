/**
 * The compiled script of a worker thread beside this module, or null when threads cannot run it:
 * from the TypeScript sources (the tests), or when the built file is missing. Work then runs in
 * the main thread.
 */
import { existsSync } from 'node:fs';

export function workerScript(name: 'ingest-worker.js' | 'segment-worker.js'): URL | null {
  if (import.meta.url.endsWith('.ts')) return null;
  const url = new URL(`./${name}`, import.meta.url);
  return existsSync(url) ? url : null;
}
