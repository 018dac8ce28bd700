import type { Classification, ListEntry, ResolvedItem, Transaction, TransactionInput } from '../../domain/index.js';
import { transactionSchema } from '../../domain/index.js';
import { loadRuleset } from '../../bundle/rules.js';
import type { FactContext, PartyScreening } from '../context.js';

/** For fact-provider tests: a context over the bundled country groups, with simulated hits. */
export async function testContext(opts: {
  tx: Partial<TransactionInput>;
  item: ResolvedItem;
  classifications?: Omit<Classification, 'item' | 'because' | 'facts'>[];
  hits?: { party: number; list: string; footnotes?: number[] }[];
  date?: string;
}): Promise<FactContext> {
  const rs = await loadRuleset();
  const tx: Transaction = transactionSchema.parse({ to: 'CN', items: [{ kind: 'ic' }], ...opts.tx });
  const screening: PartyScreening[] = tx.parties.map((_, party) => ({
    party,
    results: [
      {
        query: tx.parties[party]!.name,
        hits: (opts.hits ?? [])
          .filter((h) => h.party === party)
          .map((h) => {
            const entry: ListEntry = { id: 'x', list: h.list, name: 'Listed Co', altNames: [], countries: [], addresses: [], footnotes: h.footnotes };
            return { list: h.list, entryId: 'x', name: 'Listed Co', matchedName: 'Listed Co', score: 1, explanation: [], entry };
          }),
      },
    ],
  }));
  return {
    date: opts.date ?? tx.date ?? '2026-09-30',
    tx,
    item: opts.item,
    itemIndex: 0,
    classifications: (opts.classifications ?? []).map((c) => ({ item: 0, because: 'test', facts: {}, ...c })),
    screening,
    alertThreshold: 0.85,
    options: {},
    groups: rs.groups,
    partySets: rs.partySets,
    jurisdiction: 'US',
    memo: new Map(),
  };
}
