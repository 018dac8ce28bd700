import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { PACKAGE_ROOT } from '../bundle/paths.js';
import type { ChunkInput, ChunkRunner, ChunkSettings } from './chunks.js';
import type { BatchEngineOptions, JobContext } from './engine.js';
import type { ChunkRecord } from './job-store.js';
import type { ThreadMessage } from './thread.js';

/** The compiled thread script; tests run from src/ (TypeScript), so they use dist/ (npm test builds first). */
function threadScript(): string {
  const here = fileURLToPath(new URL('./thread.js', import.meta.url));
  return existsSync(here) ? here : join(PACKAGE_ROOT, 'dist', 'batch', 'thread.js');
}

/** Contexts kept in the threads after their last job ended. */
const KEEP_UNUSED_CONTEXTS = 2;

type Reply = { ok: true; id: number; result: ChunkRecord } | { ok: false; id: number; chunk: number; message: string };

export interface WorkerPoolOptions {
  size: number;
  engine?: BatchEngineOptions | undefined;
  /** What each thread loads as it starts: a CLI run's Redline (`plain`), or the lists for job contexts. */
  warm?: { plain: true } | { listsKey: string } | undefined;
}

/**
 * A fixed set of long-lived worker threads, each with its own Redline, handing chunks to the
 * idlest one. Starting a thread costs about two seconds (rules, catalogue, lists), so a process
 * keeps one pool for all its jobs. A job's context (its cleared hits) is sent to every thread
 * once and dropped when the last job using it ends.
 */
export class WorkerPool {
  readonly size: number;
  private readonly workers: Worker[] = [];
  private readonly load = new Map<Worker, number>();
  private readonly waiting = new Map<number, { resolve: (r: ChunkRecord) => void; reject: (e: Error) => void; worker: Worker }>();
  private readonly contexts = new Map<string, number>();
  private nextId = 1;
  private failed: Error | undefined;

  constructor(o: WorkerPoolOptions) {
    this.size = Math.max(1, o.size);
    const script = threadScript();
    for (let i = 0; i < this.size; i++) {
      const w = new Worker(script, { workerData: { engine: o.engine ?? {}, warm: o.warm } });
      this.load.set(w, 0);
      w.on('message', (reply: Reply) => {
        this.load.set(w, (this.load.get(w) ?? 1) - 1);
        const p = this.waiting.get(reply.id);
        this.waiting.delete(reply.id);
        if (reply.ok) p?.resolve(reply.result);
        else p?.reject(new Error(`batch worker failed on chunk ${reply.chunk}: ${reply.message}`));
      });
      w.on('error', (err) => this.failAll(err));
      w.on('exit', (code) => {
        if (code !== 0 && !this.closing) this.failAll(new Error(`batch worker thread exited with code ${code}`));
      });
      this.workers.push(w);
    }
  }

  private closing = false;

  private failAll(err: Error): void {
    this.failed ??= err;
    for (const w of this.waiting.values()) w.reject(err);
    this.waiting.clear();
  }

  /** Chunks being answered now, over all threads. */
  get busy(): number {
    return this.waiting.size;
  }

  /** Registers a job's context with every thread; returns its key (the same for the same context). */
  useContext(context: JobContext): string {
    const key = createHash('sha256').update(JSON.stringify(context)).digest('base64url').slice(0, 22);
    const n = this.contexts.get(key);
    if (n === undefined) for (const w of this.workers) w.postMessage({ type: 'context', key, context } satisfies ThreadMessage);
    this.contexts.set(key, (n ?? 0) + 1);
    return key;
  }

  /** A job using the context ended. The last few contexts no job uses stay with the threads (the next job likely has the same). */
  releaseContext(key: string): void {
    const n = (this.contexts.get(key) ?? 1) - 1;
    this.contexts.set(key, Math.max(0, n));
    if (n > 0) return;
    const unused = [...this.contexts.entries()].filter(([, uses]) => uses === 0).map(([k]) => k);
    // Map order is first registration: the oldest unused go first.
    for (const k of unused.slice(0, Math.max(0, unused.length - KEEP_UNUSED_CONTEXTS))) {
      this.contexts.delete(k);
      for (const w of this.workers) w.postMessage({ type: 'forget', key: k } satisfies ThreadMessage);
    }
  }

  run(input: ChunkInput, settings: ChunkSettings, context?: string): Promise<ChunkRecord> {
    if (this.failed) return Promise.reject(this.failed);
    if (this.closing) return Promise.reject(new Error('the batch worker pool is closed'));
    const w = this.workers.reduce((a, b) => ((this.load.get(a) ?? 0) <= (this.load.get(b) ?? 0) ? a : b));
    this.load.set(w, (this.load.get(w) ?? 0) + 1);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, worker: w });
      w.postMessage({ type: 'chunk', id, input, settings, context } satisfies ThreadMessage);
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    this.failAll(new Error('the batch worker pool is closed'));
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** A CLI run's pool: its own threads, closed with the run. */
export function threadPoolRunner(size: number, settings: ChunkSettings, engine: BatchEngineOptions = {}): ChunkRunner {
  const pool = new WorkerPool({ size, engine, warm: { plain: true } });
  return {
    parallelism: pool.size,
    run: (input) => pool.run(input, settings),
    close: () => pool.close(),
  };
}
