/**
 * The postings lines of an ingest, appended per bucket to `seg<k>.new.jsonl` in the new
 * generation's folder as documents are parsed, until the bucket's segment is built from them.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { forEachLine } from './files.js';
import { postingsLineId, spoolFile } from './segments.js';

export class Spool {
  private readonly fds = new Map<number, number>();

  constructor(private readonly dir: string) {}

  path(bucket: number): string {
    return join(this.dir, spoolFile(bucket));
  }

  private write(bucket: number, line: string): void {
    let fd = this.fds.get(bucket);
    if (fd === undefined) {
      mkdirSync(this.dir, { recursive: true });
      fd = openSync(this.path(bucket), 'a');
      this.fds.set(bucket, fd);
    }
    writeSync(fd, line);
  }

  /** Appends a line made by `postingsLine`. */
  append(bucket: number, line: string): void {
    this.write(bucket, line);
  }

  /** Copies the lines of `keep` documents from a segment input to the spools of their buckets. */
  async redistribute(input: string, keep: ReadonlySet<string>, bucketOfId: (id: string) => number): Promise<void> {
    await forEachLine(input, (line) => {
      const id = postingsLineId(line);
      if (keep.has(id)) this.write(bucketOfId(id), `${line}\n`);
    });
  }

  /** No more lines for this bucket: its spool is complete. */
  finish(bucket: number): void {
    const fd = this.fds.get(bucket);
    if (fd !== undefined) closeSync(fd);
    this.fds.delete(bucket);
  }

  close(): void {
    for (const bucket of [...this.fds.keys()]) this.finish(bucket);
  }
}
