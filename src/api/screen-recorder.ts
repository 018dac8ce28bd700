import type { ListVersion, ScreeningResult } from '../domain/index.js';
import { counterpartyKey } from '../store/index.js';
import type { Store } from '../store/types.js';

/**
 * Records API screenings in the audit log by group commit: requests that arrive while a write
 * is under way wait for the next one, which writes them all as one audit record per API key
 * (kind `screening`, input `{ screenings: [...] }`, output `{ results: [...] }` in the same
 * order). A request is answered only after its record is written, so nothing answered is
 * unrecorded; under load a write carries hundreds of screenings for the price of one.
 * New counterparties are added to the store once per process, for re-screening on list loads.
 */

export interface ScreeningToRecord {
  query: string;
  country?: string | undefined;
  address?: string | undefined;
  result: ScreeningResult;
  keyId: string;
}

interface Pending extends ScreeningToRecord {
  done: (err?: Error) => void;
}

/** Screenings per audit record at most (keeps one record's JSON a sensible size). */
const MAX_PER_RECORD = 500;
const KNOWN_MAX = 100_000;

export class ScreeningRecorder {
  private queue: Pending[] = [];
  private writing = false;
  private scheduled = false;
  private readonly known = new Set<string>();

  constructor(
    private readonly store: Store,
    private readonly versions: () => readonly ListVersion[],
  ) {}

  record(s: ScreeningToRecord): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ ...s, done: (err) => (err ? reject(err) : resolve()) });
      // The store's SQLite driver writes synchronously, so the write waits for the end of this turn of
      // the event loop: every request read in the same turn joins it.
      if (!this.writing && !this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          void this.drain();
        });
      }
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0, MAX_PER_RECORD);
        try {
          await this.writeAudit(batch);
        } catch (err) {
          for (const p of batch) p.done(err as Error);
          continue;
        }
        // Recorded: answer now; remembering the counterparties can follow the answer.
        for (const p of batch) p.done();
        // A failed upsert loses only the re-screening reminder, never an answer or its audit record.
        await this.rememberCounterparties(batch).catch(() => {});
      }
    } finally {
      this.writing = false;
    }
  }

  private async writeAudit(batch: Pending[]): Promise<void> {
    const byKey = new Map<string, Pending[]>();
    for (const p of batch) byKey.set(p.keyId, [...(byKey.get(p.keyId) ?? []), p]);
    const lists = Object.fromEntries(this.versions().map((v) => [v.list, { sourceDate: v.sourceDate, hash: v.hash }]));
    for (const [keyId, items] of byKey) {
      await this.store.appendAudit({
        kind: 'screening',
        input: { screenings: items.map((p) => ({ query: p.query, country: p.country ?? null, address: p.address ?? null })) },
        output: { results: items.map((p) => p.result) },
        lists,
        keyId,
        meta: { via: 'api', count: items.length },
      });
    }
  }

  /** Adds counterparties this process has not seen to the store, so a later list load re-screens them. */
  private async rememberCounterparties(batch: Pending[]): Promise<void> {
    for (const p of batch) {
      const key = counterpartyKey({ name: p.query, country: p.country });
      if (this.known.has(key)) continue;
      await this.store.upsertCounterparty({ name: p.query, country: p.country, address: p.address });
      if (this.known.size >= KNOWN_MAX) this.known.clear();
      this.known.add(key);
    }
  }
}
