import type { ScreeningHit } from '../../domain/index.js';
import { loadClearedHits } from '../reviews.js';
import { openMatchCase } from '../open-cases.js';
import type { Counterparty, Store } from '../types.js';
import type { StoreScreener } from './bundled.js';

export interface RescreenHit {
  list: string;
  entryId: string;
  name: string;
  matchedName: string;
  score: number;
}

export interface RescreenReport {
  /** Counterparties screened again. */
  screened: number;
  /** Counterparties with hits on entries that were added or changed by the load. */
  newHits: { counterparty: { id: string; name: string; country: string | null }; hits: RescreenHit[]; screeningId: string; auditSeq: number }[];
}

const PAGE = 500;

function screenCounterparty(screener: StoreScreener, cp: Counterparty): ScreeningHit[] {
  const opts = { country: cp.country ?? undefined, address: cp.address ?? undefined };
  const best = new Map<string, ScreeningHit>();
  for (const name of [cp.name, ...cp.aliases]) {
    for (const h of screener.screen(name, opts).hits) {
      const k = `${h.list}\u0000${h.entryId}`;
      const seen = best.get(k);
      if (!seen || h.score > seen.score) best.set(k, h);
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.list.localeCompare(b.list) || a.entryId.localeCompare(b.entryId));
}

/**
 * After a list load: screens every stored counterparty again and records (and
 * audits) a screening for each one that now hits an entry the load added or
 * changed, at or above the alert threshold. Cleared reviews still hold for
 * unchanged entries; a changed entry is, by its new hash, not cleared.
 */
export async function rescreenCounterparties(
  store: Store,
  screener: StoreScreener,
  changed: ReadonlyMap<string, ReadonlySet<string>>,
  options: { keyId?: string | undefined; loadId?: string | undefined } = {},
): Promise<RescreenReport> {
  const report: RescreenReport = { screened: 0, newHits: [] };
  if (![...changed.values()].some((s) => s.size > 0)) return report;
  let after: string | undefined;
  for (;;) {
    const page = await store.listCounterparties({ after, limit: PAGE });
    if (!page.length) break;
    after = page.at(-1)!.id;
    const cleared = await loadClearedHits(store, page.map((c) => ({ name: c.name, country: c.country ?? undefined })));
    for (const cp of page) {
      report.screened++;
      const ref = { name: cp.name, country: cp.country ?? undefined };
      const { hits, suppressed } = cleared.filter(ref, screenCounterparty(screener, cp));
      const fresh = hits.filter((h) => h.score >= screener.alertThreshold && changed.get(h.list)?.has(h.entryId));
      if (!fresh.length) continue;
      const newHits = fresh.map((h) => ({ list: h.list, entryId: h.entryId, name: h.name, matchedName: h.matchedName, score: h.score }));
      const rec = await store.recordScreening({
        query: cp.name,
        country: cp.country ?? undefined,
        address: cp.address ?? undefined,
        result: { query: cp.name, hits },
        lists: screener.versions,
        keyId: options.keyId,
        reason: 'list_load',
        suppressed,
        context: { listLoad: options.loadId ?? null, newHits: newHits.map((h) => ({ list: h.list, entryId: h.entryId, score: h.score })) },
      });
      for (const h of fresh) await openMatchCase(store, ref, h, { source: 'rescreen', sourceRef: rec.id });
      report.newHits.push({ counterparty: { id: cp.id, name: cp.name, country: cp.country }, hits: newHits, screeningId: rec.id, auditSeq: rec.auditSeq });
    }
    if (page.length < PAGE) break;
  }
  return report;
}
