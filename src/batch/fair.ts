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
 * among the jobs of several submitters, round-robin by submitter: each free slot goes to the
 * submitter served longest ago (one never served first), which sends its oldest waiting chunk. A submitter with one small job therefore
 * waits for at most one chunk per other submitter, however many jobs those have queued.
 */
export class FairScheduler {
  /** Submitters with chunks waiting, in order of arrival. */
  private readonly pending = new Map<string, Task[]>();
  /** When each submitter with work here (waiting or running) last had its turn. */
  private readonly lastTurn = new Map<string, number>();
  private readonly runningOf = new Map<string, number>();
  private turn = 0;
  private running = 0;

  constructor(readonly capacity: number) {
    if (!(capacity >= 1)) throw new Error('a scheduler needs at least one slot');
  }

  /** Chunks waiting for a slot. */
  get waiting(): number {
    let n = 0;
    for (const q of this.pending.values()) n += q.length;
    return n;
  }

  /** A runner for one job of `submitter`, sending its chunks through `run` when their turn comes. */
  runner(submitter: string, run: (input: ChunkInput) => Promise<ChunkRecord>, parallelism = this.capacity): ChunkRunner {
    return {
      parallelism,
      run: (input) =>
        new Promise<ChunkRecord>((resolve, reject) => {
          const q = this.pending.get(submitter);
          if (q) q.push({ input, run, resolve, reject });
          else this.pending.set(submitter, [{ input, run, resolve, reject }]);
          this.pump();
        }),
      close: async () => {},
    };
  }

  /** The submitter served longest ago (one never served first, then in order of arrival). */
  private next(): string | undefined {
    let best: string | undefined;
    let bestTurn = Infinity;
    for (const who of this.pending.keys()) {
      const t = this.lastTurn.get(who) ?? -1;
      if (t < bestTurn) {
        best = who;
        bestTurn = t;
      }
    }
    return best;
  }

  private pump(): void {
    while (this.running < this.capacity) {
      const who = this.next();
      if (who === undefined) return;
      const q = this.pending.get(who)!;
      const task = q.shift()!;
      if (!q.length) this.pending.delete(who);
      this.lastTurn.set(who, this.turn++);
      this.runningOf.set(who, (this.runningOf.get(who) ?? 0) + 1);
      this.running++;
      let p: Promise<ChunkRecord>;
      try {
        p = task.run(task.input);
      } catch (err) {
        p = Promise.reject(err);
      }
      p.then(task.resolve, task.reject).finally(() => {
        this.running--;
        const left = (this.runningOf.get(who) ?? 1) - 1;
        if (left > 0) this.runningOf.set(who, left);
        else {
          this.runningOf.delete(who);
          // Nothing of theirs here any more: forget them (the map stays as small as the submitters at work).
          if (!this.pending.has(who)) this.lastTurn.delete(who);
        }
        this.pump();
      });
    }
  }
}
