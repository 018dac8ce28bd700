import { DEFAULT_ALERT_THRESHOLD } from '../screening/index.js';
import { factLabel, missingLabel, type Determination, type ScreeningHit } from '../domain/index.js';
import { entryContentHash } from './canonical.js';
import type { CaseSource, NewCase, ReviewCase } from './cases.js';
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
  return (await store.reviewQueue.openMany(casesForDetermination(d, input, o))).map((r) => r.case);
}

/** The cases of many determinations (a batch chunk), opened in one transaction. */
export async function openCasesForDeterminations(
  store: Store,
  ds: readonly { output: Determination; input: unknown; sourceRef?: string | undefined }[],
  o: { source: CaseSource; alertThreshold?: number | undefined },
): Promise<void> {
  await store.reviewQueue.openMany(ds.flatMap((d) => casesForDetermination(d.output, d.input, { ...o, sourceRef: d.sourceRef })));
}

/** What a determination puts in the queue (pure). */
export function casesForDetermination(
  d: Determination,
  input: unknown,
  o: { source: CaseSource; sourceRef?: string | undefined; alertThreshold?: number | undefined; actor?: string | undefined },
): NewCase[] {
  const threshold = o.alertThreshold ?? DEFAULT_ALERT_THRESHOLD;
  const tx = (input ?? {}) as { id?: string; parties?: { name?: string; country?: string }[] };
  const parties = tx.parties ?? [];
  const out: NewCase[] = [];
  for (const s of d.screening) {
    const party = parties[s.party];
    for (const hit of s.hits) {
      const c = hit.score >= threshold ? matchCase({ name: s.query, country: party?.country }, hit, { ...o, orderRef: tx.id ?? d.id }) : undefined;
      if (c) out.push(c);
    }
  }
  if (d.outcome === 'review') {
    const first = parties.find((p) => p?.name);
    out.push({
      kind: 'missing_facts',
      orderRef: tx.id,
      counterparty: first?.name ? { name: first.name, country: first.country } : undefined,
      missing: (d.missing.length ? d.missing : ['a rule’s status on this date']).map((m) => ({ path: m, label: missingLabel(m, d.listTitles) || factLabel(m) })),
      outcome: d.outcome,
      source: o.source,
      sourceRef: o.sourceRef,
      actor: o.actor,
    });
  }
  return out;
}

function matchCase(
  counterparty: { name: string; country?: string | undefined },
  hit: ScreeningHit,
  o: { source: CaseSource; sourceRef?: string | undefined; orderRef?: string | undefined; actor?: string | undefined },
): NewCase | undefined {
  // A hit without its entry cannot be cleared against the entry's content: it is still shown, never queued half-known.
  if (!hit.entry) return undefined;
  return {
    kind: 'potential_match',
    orderRef: o.orderRef,
    counterparty,
    hit: { list: hit.list, listTitle: hit.listTitle, entryId: hit.entryId, name: hit.name, entryHash: entryContentHash(hit.entry), score: hit.score, citation: hit.citation },
    source: o.source,
    sourceRef: o.sourceRef,
    actor: o.actor,
  };
}

export async function openMatchCase(
  store: Store,
  counterparty: { name: string; country?: string | undefined },
  hit: ScreeningHit,
  o: { source: CaseSource; sourceRef?: string | undefined; orderRef?: string | undefined; actor?: string | undefined },
): Promise<ReviewCase | undefined> {
  const c = matchCase(counterparty, hit, o);
  return c ? (await store.reviewQueue.open(c)).case : undefined;
}
