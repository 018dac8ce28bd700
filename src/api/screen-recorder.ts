import type { ListVersion, ScreeningResult } from '../domain/index.js';
import { counterpartyKey } from '../store/index.js';
import type { AuditInput, CounterpartyInput, Store } from '../store/types.js';

/**
 * Records API screenings in the audit log by group commit: requests that arrive while a write
 * is under way wait for the next one, which writes them all as one audit record per API key
 * (kind `screening`, input `{ screenings: [...] }`, output `{ results: [...] }` in the same
 * order). A request is answered only after its record is written, so nothing answered is
 * unrecorded; under load a write carries hundreds of screenings for the price of one.
 * New counterparties are added to the store in the same transaction (once per process), for
 * re-screening on list loads: one commit per group, not one per new party.
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
          await this.write(batch);
        } catch (err) {
          for (const p of batch) p.done(err as Error);
          continue;
        }
        for (const p of batch) p.done();
      }
    } finally {
      this.writing = false;
    }
  }

  /**
   * One transaction: the audit records and the counterparties this process has not seen yet.
   * Should the counterparties fail the transaction, the audit records are written alone: a
   * failed upsert must never cost an answer or its record, and the parties, not remembered as
   * known, are tried again when next screened.
   */
  private async write(batch: Pending[]): Promise<void> {
    const audits = this.auditsOf(batch);
    const fresh = this.newCounterparties(batch);
    if (!fresh.size) {
      await this.store.appendAudits(audits);
      return;
    }
    try {
      await this.store.appendAudits(audits, { counterparties: [...fresh.values()] });
    } catch {
      await this.store.appendAudits(audits);
      return;
    }
    if (this.known.size + fresh.size > KNOWN_MAX) this.known.clear();
    for (const key of fresh.keys()) this.known.add(key);
  }

  /** One audit record per API key, its screenings in arrival order. */
  private auditsOf(batch: Pending[]): AuditInput[] {
    const byKey = new Map<string, Pending[]>();
    for (const p of batch) {
      const items = byKey.get(p.keyId);
      if (items) items.push(p);
      else byKey.set(p.keyId, [p]);
    }
    const lists = Object.fromEntries(this.versions().map((v) => [v.list, { sourceDate: v.sourceDate, hash: v.hash }]));
    return [...byKey].map(([keyId, items]) => ({
      kind: 'screening' as const,
      input: { screenings: items.map((p) => ({ query: p.query, country: p.country ?? null, address: p.address ?? null })) },
      output: { results: items.map((p) => p.result) },
      lists,
      keyId,
      meta: { via: 'api', count: items.length },
    }));
  }

  /** The batch's counterparties this process has not stored yet, by key (first spelling, later address). */
  private newCounterparties(batch: Pending[]): Map<string, CounterpartyInput> {
    const fresh = new Map<string, CounterpartyInput>();
    for (const p of batch) {
      const key = counterpartyKey({ name: p.query, country: p.country });
      if (this.known.has(key)) continue;
      const seen = fresh.get(key);
      if (!seen) fresh.set(key, { name: p.query, country: p.country, address: p.address });
      else if (p.address) seen.address = p.address;
    }
    return fresh;
  }
}
