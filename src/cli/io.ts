import { readFile } from 'node:fs/promises';
import { InputError } from '../domain/index.js';

/** Reads a whole file, or standard input when the path is `-`. */
export async function readTextInput(path: string): Promise<string> {
  if (path === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError([{ path, message: code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? 'error'})` }]);
  }
}

/** Parses JSON, naming the line and column of a syntax error. */
export function parseJsonText(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const msg = (err as Error).message;
    const pos = /position (\d+)/.exec(msg);
    if (pos) {
      const offset = Number(pos[1]);
      const before = text.slice(0, offset);
      const line = before.split('\n').length;
      const column = offset - before.lastIndexOf('\n');
      throw new InputError([{ path: `${source}:${line}:${column}`, message: `invalid JSON (${msg})` }]);
    }
    throw new InputError([{ path: source, message: `invalid JSON (${msg})` }]);
  }
}

export async function readJsonInput(path: string): Promise<unknown> {
  return parseJsonText(await readTextInput(path), path === '-' ? 'stdin' : path);
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
