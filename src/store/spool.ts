/**
 * The postings lines of an ingest, appended per bucket to `seg<k>.new.<thread>.jsonl` in the new
 * generation's folder by the thread that parsed the document, until the bucket's segment is
 * built from them. Each thread writes its own files, so the lines never pass through the main
 * thread (whose heap kept them), and no two threads write one file.
 */
import { closeSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { forEachLine, openForWriting, writeAll } from './files.js';
import { postingsLineId } from './segments.js';

const spoolName = (bucket: number) => new RegExp(`^seg${bucket}\\.new\\.\\d+\\.jsonl$`);

/** The spool files of a bucket in a generation's folder, from every thread. */
export function spoolFiles(dir: string, bucket: number): string[] {
  if (!existsSync(dir)) return [];
  const name = spoolName(bucket);
  return readdirSync(dir)
    .filter((f) => name.test(f))
    .sort()
    .map((f) => join(dir, f));
}

/**
 * This thread's spool: one file open at a time (documents come bucket by bucket, so it changes
 * a few times per ingest).
 */
export class SpoolWriter {
  private open: { path: string; fd: number } | null = null;

  append(dir: string, bucket: number, line: string): void {
    const path = join(dir, `seg${bucket}.new.${threadId}.jsonl`);
    if (this.open?.path !== path) {
      this.close();
      this.open = { path, fd: openForWriting(path, 'a') };
    }
    writeAll(this.open.fd, line);
  }

  /** Copies the lines of `keep` documents from a segment input to the spools of their buckets. */
  async redistribute(dir: string, input: string, keep: ReadonlySet<string>, bucketOfId: (id: string) => number): Promise<void> {
    await forEachLine(input, (line) => {
      const id = postingsLineId(line);
      if (keep.has(id)) this.append(dir, bucketOfId(id), `${line}\n`);
    });
  }

  close(): void {
    if (this.open) closeSync(this.open.fd);
    this.open = null;
  }
}
