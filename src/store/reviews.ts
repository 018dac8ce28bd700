import type { Screener, ScreeningHit, ScreeningResult, ScreenOptions } from '../domain/index.js';
import { entryContentHash } from './canonical.js';
import { counterpartyKey } from './counterparty-key.js';
import type { CounterpartyRef, ReviewRecord, Store } from './types.js';

/**
 * Cleared hits: an officer decided that a counterparty is not the listed
 * entry. The decision holds for that counterparty and that entry only while
 * the entry is unchanged: a hit is suppressed when the newest review of
 * (counterparty, list, entry) is `cleared` and the entry's content hash now is
 * the hash the officer saw. A changed entry (new address, new alias, new
 * licence policy) comes back for review; a hit without its entry attached
 * cannot be checked and is never suppressed (fail closed).
 */
export class ClearedHits {
  private readonly byKey = new Map<string, ReviewRecord>();

  /** `today` (YYYY-MM-DD) makes expired clearances lapse; replay leaves it out (the reviews applied then). */
  constructor(reviews: readonly ReviewRecord[], private readonly today?: string) {
    for (const r of reviews) {
      const k = ClearedHits.key(r.counterpartyKey, r.list, r.entryId);
      const seen = this.byKey.get(k);
      if (!seen || r.auditSeq > seen.auditSeq) this.byKey.set(k, r);
    }
  }

  private static key(cp: string, list: string, entryId: string): string {
    return `${cp}\u0000${list}\u0000${entryId}`;
  }

  get size(): number {
    return [...this.byKey.values()].filter((r) => r.decision === 'cleared').length;
  }

  /** The cleared review that suppresses this hit for this counterparty, if any. */
  clearing(counterparty: CounterpartyRef, hit: ScreeningHit): ReviewRecord | undefined {
    const r = this.byKey.get(ClearedHits.key(counterpartyKey(counterparty), hit.list, hit.entryId));
    if (!r || r.decision !== 'cleared' || !hit.entry) return undefined;
    if (this.today && r.expiresAt && this.today >= r.expiresAt) return undefined;
    return entryContentHash(hit.entry) === r.entryHash ? r : undefined;
  }

  /** Splits hits into those that stand and those a cleared review suppresses. */
  filter(counterparty: CounterpartyRef, hits: readonly ScreeningHit[]): { hits: ScreeningHit[]; suppressed: { hit: ScreeningHit; reviewId: string }[] } {
    const kept: ScreeningHit[] = [];
    const suppressed: { hit: ScreeningHit; reviewId: string }[] = [];
    for (const hit of hits) {
      const r = this.clearing(counterparty, hit);
      if (r) suppressed.push({ hit, reviewId: r.id });
      else kept.push(hit);
    }
    return { hits: kept, suppressed };
  }
}

/** The review decisions for these counterparties (all stored decisions when omitted). */
export async function loadClearedHits(store: Store, counterparties?: readonly CounterpartyRef[]): Promise<ClearedHits> {
  const keys = counterparties?.map(counterpartyKey);
  return new ClearedHits(await store.latestReviews(keys), new Date().toISOString().slice(0, 10));
}

/** One-shot: the hits that stand for this counterparty after its cleared reviews. */
export async function suppressClearedHits(
  store: Store,
  counterparty: CounterpartyRef,
  hits: readonly ScreeningHit[],
): Promise<{ hits: ScreeningHit[]; suppressed: { hit: ScreeningHit; reviewId: string }[] }> {
  return (await loadClearedHits(store, [counterparty])).filter(counterparty, hits);
}

/** A screener that drops cleared hits, so a determination does not fire on them; `applied` collects the reviews used (recorded for replay). */
export interface ReviewedScreener extends Screener {
  readonly applied: Set<string>;
}

export function screenerWithReviews(screener: Screener, cleared: ClearedHits): ReviewedScreener {
  const applied = new Set<string>();
  return {
    alertThreshold: screener.alertThreshold,
    versions: screener.versions,
    applied,
    screen(name: string, options?: ScreenOptions): ScreeningResult {
      const result = screener.screen(name, options);
      const { hits, suppressed } = cleared.filter({ name, country: options?.country }, result.hits);
      for (const s of suppressed) applied.add(s.reviewId);
      return suppressed.length ? { ...result, hits } : result;
    },
  };
}
