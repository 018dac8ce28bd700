import { DEFAULT_ALERT_THRESHOLD } from '../screening/index.js';
import { factLabel, missingLabel, type Determination, type ScreeningHit } from '../domain/index.js';
import { entryContentHash } from './canonical.js';
import type { CaseSource, ReviewCase } from './cases.js';
import type { Store } from './types.js';

/**
 * Opens the review cases a determination calls for (issue 15): one per potential match at or
 * above the alert threshold (per counterparty and entry), and one for a `review` answer with the
 * facts it is missing. Cases already open for the same thing are reused, not duplicated.
 */
export async function openCasesForDetermination(
  store: Store,
  d: Determination,
  input: unknown,
  o: { source: CaseSource; sourceRef?: string | undefined; alertThreshold?: number | undefined; actor?: string | undefined },
): Promise<ReviewCase[]> {
  const threshold = o.alertThreshold ?? DEFAULT_ALERT_THRESHOLD;
  const parties = ((input as { parties?: { name?: string; country?: string }[] } | null)?.parties ?? []) as { name?: string; country?: string }[];
  const opened: ReviewCase[] = [];
  for (const s of d.screening) {
    const party = parties[s.party];
    for (const hit of s.hits.filter((h) => h.score >= threshold)) {
      const c = await openMatchCase(store, { name: s.query, country: party?.country }, hit, { ...o, orderRef: d.id ?? (input as { id?: string })?.id });
      if (c) opened.push(c);
    }
  }
  if (d.outcome === 'review') {
    const orderRef = (input as { id?: string } | null)?.id;
    const first = parties.find((p) => p?.name);
    const { case: c } = await store.reviewQueue.open({
      kind: 'missing_facts',
      orderRef,
      counterparty: first?.name ? { name: first.name, country: first.country } : undefined,
      missing: (d.missing.length ? d.missing : ['a rule’s status on this date']).map((m) => ({ path: m, label: missingLabel(m, d.listTitles) || factLabel(m) })),
      outcome: d.outcome,
      source: o.source,
      sourceRef: o.sourceRef,
      actor: o.actor,
    });
    opened.push(c);
  }
  return opened;
}

export async function openMatchCase(
  store: Store,
  counterparty: { name: string; country?: string | undefined },
  hit: ScreeningHit,
  o: { source: CaseSource; sourceRef?: string | undefined; orderRef?: string | undefined; actor?: string | undefined },
): Promise<ReviewCase | undefined> {
  // A hit without its entry cannot be cleared against the entry's content: it is still shown, never queued half-known.
  if (!hit.entry) return undefined;
  const { case: c } = await store.reviewQueue.open({
    kind: 'potential_match',
    orderRef: o.orderRef,
    counterparty,
    hit: { list: hit.list, listTitle: hit.listTitle, entryId: hit.entryId, name: hit.name, entryHash: entryContentHash(hit.entry), score: hit.score, citation: hit.citation },
    source: o.source,
    sourceRef: o.sourceRef,
    actor: o.actor,
  });
  return c;
}
