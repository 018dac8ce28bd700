import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FairScheduler } from './fair.js';
import type { ChunkInput } from './chunks.js';
import type { ChunkRecord } from './job-store.js';

const record = (input: ChunkInput): ChunkRecord => ({ chunk: input.chunk, firstRow: input.firstRow, rows: input.rows.length, ok: 0, errors: 0, out: '', err: '' });
const input = (chunk: number): ChunkInput => ({ chunk, firstRow: chunk + 1, rows: [] });

/** Runs chunks of several submitters through a scheduler whose slots finish one at a time, in order; returns who ran when. */
async function runOrder(capacity: number, chunks: { who: string; n: number }[]): Promise<string[]> {
  const s = new FairScheduler(capacity);
  const ran: string[] = [];
  const started: (() => void)[] = [];
  const all: Promise<ChunkRecord>[] = [];
  for (const { who, n } of chunks) {
    const r = s.runner(who, (i) => {
      ran.push(who);
      return new Promise((res) => started.push(() => res(record(i))));
    });
    for (let i = 0; i < n; i++) all.push(r.run(input(i)));
  }
  while (ran.length < all.length || started.length) {
    const next = started.shift();
    if (!next) break;
    next();
    await new Promise((r) => setImmediate(r));
  }
  await Promise.all(all);
  return ran;
}

describe('fair scheduling of chunks across keys', () => {
  it('a key with one chunk is not starved behind many chunks of another key', async () => {
    const ran = await runOrder(1, [{ who: 'A', n: 20 }, { who: 'B', n: 1 }]);
    expect(ran).toHaveLength(21);
    // A's first chunk had the slot already; B goes next.
    expect(ran.indexOf('B')).toBe(1);
  });

  it('turns alternate between keys, each key in its own order', async () => {
    const ran = await runOrder(1, [{ who: 'A', n: 3 }, { who: 'B', n: 2 }, { who: 'C', n: 1 }]);
    expect(ran).toEqual(['A', 'B', 'C', 'A', 'B', 'A']);
  });

  it('never runs more than its slots at once, runs every chunk exactly once, and a key waits at most one chunk per other key', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 4 }), fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 5 }), async (capacity, sizes) => {
        const s = new FairScheduler(capacity);
        let running = 0;
        let peak = 0;
        const ran: string[] = [];
        const all: Promise<ChunkRecord>[] = [];
        sizes.forEach((n, k) => {
          const r = s.runner(`k${k}`, async (i) => {
            running++;
            peak = Math.max(peak, running);
            ran.push(`k${k}`);
            await new Promise((res) => setImmediate(res));
            running--;
            return record(i);
          });
          for (let i = 0; i < n; i++) all.push(r.run(input(i)));
        });
        await Promise.all(all);
        expect(peak).toBeLessThanOrEqual(capacity);
        expect(ran).toHaveLength(sizes.reduce((a, b) => a + b, 0));
        // Bounded wait: each key's first chunk starts within the first (capacity + number of keys) chunks.
        for (let k = 0; k < sizes.length; k++) expect(ran.indexOf(`k${k}`)).toBeLessThan(capacity + sizes.length);
      }),
      { numRuns: 50 },
    );
  });

  it('a chunk whose run throws fails alone', async () => {
    const s = new FairScheduler(1);
    const bad = s.runner('A', () => {
      throw new Error('boom');
    });
    const good = s.runner('B', async (i) => record(i));
    await expect(bad.run(input(0))).rejects.toThrow('boom');
    await expect(good.run(input(1))).resolves.toMatchObject({ chunk: 1 });
    expect(() => new FairScheduler(0)).toThrow();
  });
});
