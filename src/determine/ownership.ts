import type { IsoDate, OwnerListing, OwnershipRegister, PartyOwnership, Screener, Transaction } from '../domain/index.js';
import { computeOwnership, listLabel, ownerGraphOf, OWNERSHIP_LISTS, type GraphNode } from '../ownership/index.js';
import { isActiveOn } from '../rules/index.js';

/**
 * The pipeline's half of the 50 percent rules: find each receiving party's owners (its tree, else
 * the register on the date), screen every owner's name with the same screener as the parties,
 * and let src/ownership compute the rules. Undefined when owners exist but there is no screener.
 */
export function partyOwnership(tx: Transaction, screener: Screener | undefined, register: OwnershipRegister | undefined, date: IsoDate): PartyOwnership[] | undefined {
  const out: PartyOwnership[] = [];
  const cache = new Map<string, OwnerListing[]>();
  const listingsOf = (node: GraphNode): OwnerListing[] => {
    const cacheKey = `${node.name}|${node.country ?? ''}`;
    let hit = cache.get(cacheKey);
    if (hit) return hit;
    hit = [];
    for (const h of screener!.screen(node.name, { country: node.country }).hits) {
      if (h.score < screener!.alertThreshold || !OWNERSHIP_LISTS.has(h.list) || !isActiveOn(h.entry, date)) continue;
      hit.push({ list: h.list, label: listLabel(h.list), name: h.name, citation: h.citation, licensePolicy: h.entry?.licensePolicy, footnotes: h.entry?.footnotes });
    }
    cache.set(cacheKey, hit);
    return hit;
  };
  for (const [index, party] of tx.parties.entries()) {
    if (party.role === 'exporter') continue;
    const found = ownerGraphOf(party, register, date);
    if (!found) continue;
    if (!screener) return undefined;
    out.push({ party: index, name: party.name, source: found.source, rules: computeOwnership(found.graph, listingsOf) });
  }
  return out;
}
