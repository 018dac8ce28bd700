import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { PACKAGE_ROOT } from '../bundle/paths.js';
import type { ChunkInput, ChunkRunner, ChunkSettings } from './chunks.js';
import type { BatchEngineOptions } from './engine.js';
import type { ChunkRecord } from './job-store.js';

/** The compiled thread script; tests run from src/ (TypeScript), so they use dist/ (npm test builds first). */
function threadScript(): string {
  const here = fileURLToPath(new URL('./thread.js', import.meta.url));
  return existsSync(here) ? here : join(PACKAGE_ROOT, 'dist', 'batch', 'thread.js');
}

type Reply = { ok: true; result: ChunkRecord } | { ok: false; chunk: number; message: string };

/** A fixed pool of worker threads, each with its own Redline, handing chunks to the idlest one. */
export function threadPoolRunner(size: number, settings: ChunkSettings, engine: BatchEngineOptions = {}): ChunkRunner {
  const script = threadScript();
  const waiting = new Map<number, { resolve: (r: ChunkRecord) => void; reject: (e: Error) => void }>();
  const load = new Map<Worker, number>();
  const workers: Worker[] = [];
  let failed: Error | undefined;
  const failAll = (err: Error): void => {
    failed ??= err;
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  for (let i = 0; i < size; i++) {
    const w = new Worker(script, { workerData: { settings, engine } });
    load.set(w, 0);
    w.on('message', (reply: Reply) => {
      load.set(w, (load.get(w) ?? 1) - 1);
      const chunk = reply.ok ? reply.result.chunk : reply.chunk;
      const p = waiting.get(chunk);
      waiting.delete(chunk);
      if (reply.ok) p?.resolve(reply.result);
      else p?.reject(new Error(`batch worker failed on chunk ${chunk}: ${reply.message}`));
    });
    w.on('error', (err) => failAll(err));
    w.on('exit', (code) => {
      if (code !== 0) failAll(new Error(`batch worker thread exited with code ${code}`));
    });
    workers.push(w);
  }
  return {
    parallelism: size,
    run(input: ChunkInput): Promise<ChunkRecord> {
      if (failed) return Promise.reject(failed);
      const w = workers.reduce((a, b) => ((load.get(a) ?? 0) <= (load.get(b) ?? 0) ? a : b));
      load.set(w, (load.get(w) ?? 0) + 1);
      return new Promise((resolve, reject) => {
        waiting.set(input.chunk, { resolve, reject });
        w.postMessage(input);
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
