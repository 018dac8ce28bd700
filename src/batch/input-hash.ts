import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** SHA-256 of a file and its line count (for the progress estimate), in one streaming pass. */
export async function hashInput(path: string): Promise<{ hash: string; bytes: number; lines: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  let lines = 0;
  let last = 10;
  for await (const chunk of createReadStream(path)) {
    const buf = chunk as Buffer;
    hash.update(buf);
    bytes += buf.length;
    for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, i + 1)) lines++;
    last = buf[buf.length - 1] ?? last;
  }
  if (bytes > 0 && last !== 10) lines++;
  return { hash: `sha256:${hash.digest('hex')}`, bytes, lines };
}
