import type { OwnershipRuleId } from '../domain/index.js';

/**
 * Which lists each 50 percent rule aggregates, and how it is cited. Sources: rules.md §1.11
 * (Affiliates rule: Entity List and MEU List owners, directly or indirectly, individually or in
 * aggregate; most restrictive owner's terms), §5.1 (OFAC's 50 percent rule always applies to SDN
 * blocking; 2014 revised guidance, FAQs 398–401), §4.2 (MOFCOM No. 61 of 2025: Control or Watch
 * List parties "and their 50 %-owned subsidiaries").
 *
 * Counting is the same for all three: a restricted owner's holding counts in full at the next
 * level, shares are never multiplied down a chain. That is OFAC's rule (FAQ 401: "indirectly"
 * means through entities 50 percent or more owned by blocked persons). The Affiliates rule reads
 * "directly or indirectly ... individually or in aggregate" (rules.md §1.11) and is read the same
 * way; China's announcement does not say how it aggregates, so the same counting is a reading,
 * and its findings sit in a review policy that is suspended to 2026-11-10 anyway.
 */
export interface OwnershipRuleDef {
  id: OwnershipRuleId;
  title: string;
  citation: string;
  lists: string[];
}

export const OWNERSHIP_RULE_DEFS: OwnershipRuleDef[] = [
  {
    id: 'bisAffiliates',
    title: 'BIS Affiliates rule (Entity List and MEU List owners)',
    citation: '15 CFR 744.11(a)(3); 90 FR 47201',
    lists: ['us.bis.entity-list', 'us.bis.meu'],
  },
  {
    id: 'ofac50',
    title: "OFAC's 50 percent rule (blocked persons)",
    citation: 'OFAC revised guidance on entities owned by blocked persons (2014-08-13), FAQs 398–401',
    lists: ['us.ofac.sdn'],
  },
  {
    id: 'cn50',
    title: "China: 50 %-owned subsidiaries of Control or Watch List parties (MOFCOM No. 61 of 2025)",
    citation: 'MOFCOM Announcement No. 61 of 2025',
    lists: ['cn.mofcom.export-control-list', 'cn.mofcom.watch-list'],
  },
];

/** Words for the lists in a path, so an officer reads "Entity List", not a list id. */
export const LIST_LABELS: Record<string, string> = {
  'us.bis.entity-list': 'Entity List',
  'us.bis.meu': 'MEU List',
  'us.ofac.sdn': 'SDN List',
  'cn.mofcom.export-control-list': 'MOFCOM Control List',
  'cn.mofcom.watch-list': 'MOFCOM Watch List',
};

export function listLabel(list: string): string {
  return LIST_LABELS[list] ?? list;
}

/** Every list some ownership rule reads: the owners the pipeline must screen against. */
export const OWNERSHIP_LISTS = new Set(OWNERSHIP_RULE_DEFS.flatMap((r) => r.lists));
