import { closeSync, fstatSync, fsyncSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import { ERROR_CSV_HEADER, RESULT_CSV_HEADER, type OutputFormat } from './rows.js';

/**
 * An output file that only ever grows by whole chunks. The store records its size after each
 * chunk; on resume the file is cut back to that size, so a chunk half-written when the process
 * died is written again, once, and a chunk the store never heard of is never kept.
 */
export class ChunkFile {
  private fd: number;
  size: number;

  private constructor(readonly path: string, fd: number, size: number) {
    this.fd = fd;
    this.size = size;
  }

  /** A new file (truncated), starting with the CSV header when the format has one. */
  static create(path: string, format: OutputFormat, kind: 'results' | 'errors'): ChunkFile {
    const fd = openSync(path, 'w');
    const f = new ChunkFile(path, fd, 0);
    if (format === 'csv') f.append(kind === 'results' ? RESULT_CSV_HEADER : ERROR_CSV_HEADER);
    return f;
  }

  /** Reopens a file to continue after `committed` bytes; undefined when the file lost bytes the store counted. */
  static resume(path: string, committed: number): ChunkFile | undefined {
    let fd: number;
    try {
      fd = openSync(path, 'r+');
    } catch {
      return undefined;
    }
    if (fstatSync(fd).size < committed) {
      closeSync(fd);
      return undefined;
    }
    ftruncateSync(fd, committed);
    return new ChunkFile(path, fd, committed);
  }

  append(text: string): void {
    if (!text) return;
    const buf = Buffer.from(text, 'utf8');
    let done = 0;
    while (done < buf.length) done += writeSync(this.fd, buf, done, buf.length - done, this.size + done);
    this.size += buf.length;
  }

  /** Flushes to disk before the store is told the bytes are there. */
  sync(): void {
    fsyncSync(this.fd);
  }

  close(): void {
    closeSync(this.fd);
  }
}
