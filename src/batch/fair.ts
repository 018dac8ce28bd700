import type { ChunkInput, ChunkRunner } from './chunks.js';
import type { ChunkRecord } from './job-store.js';

interface Task {
  input: ChunkInput;
  run: (input: ChunkInput) => Promise<ChunkRecord>;
  resolve: (r: ChunkRecord) => void;
  reject: (e: unknown) => void;
}

/**
 * Shares a fixed number of chunk slots (a worker pool's threads, a queue's chunks in flight)
 * among the jobs of several submitters, round-robin by submitter: each turn, the submitter
 * whose turn it is sends its oldest waiting chunk. A submitter with one small job therefore
 * waits for at most one chunk per other submitter, however many jobs those have queued.
 */
export class FairScheduler {
  /** Submitters with chunks waiting, in turn order (a Map keeps insertion order). */
  private readonly turns = new Map<string, Task[]>();
  private running = 0;

  constructor(readonly capacity: number) {
    if (!(capacity >= 1)) throw new Error('a scheduler needs at least one slot');
  }

  /** Chunks waiting for a slot. */
  get waiting(): number {
    let n = 0;
    for (const q of this.turns.values()) n += q.length;
    return n;
  }

  /** Which submitter's chunk goes next, then after it, and so on (a look ahead, for tests and status). */
  order(): string[] {
    const queues = [...this.turns.entries()].map(([k, q]) => ({ k, left: q.length }));
    const out: string[] = [];
    for (let more = true; more; ) {
      more = false;
      for (const q of queues) if (q.left > 0) {
        out.push(q.k);
        q.left--;
        more = true;
      }
    }
    return out;
  }

  /** A runner for one job of `submitter`, sending its chunks through `run` when their turn comes. */
  runner(submitter: string, run: (input: ChunkInput) => Promise<ChunkRecord>, parallelism = this.capacity): ChunkRunner {
    return {
      parallelism,
      run: (input) =>
        new Promise<ChunkRecord>((resolve, reject) => {
          const q = this.turns.get(submitter);
          if (q) q.push({ input, run, resolve, reject });
          else this.turns.set(submitter, [{ input, run, resolve, reject }]);
          this.pump();
        }),
      close: async () => {},
    };
  }

  private pump(): void {
    while (this.running < this.capacity) {
      const next = this.turns.entries().next();
      if (next.done) return;
      const [submitter, q] = next.value;
      const task = q.shift()!;
      // This submitter had its turn: to the back of the line, if it has more.
      this.turns.delete(submitter);
      if (q.length) this.turns.set(submitter, q);
      this.running++;
      let p: Promise<ChunkRecord>;
      try {
        p = task.run(task.input);
      } catch (err) {
        p = Promise.reject(err);
      }
      p.then(task.resolve, task.reject).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }
}
