import { z } from 'zod';
import type { IsoDate } from './dates.js';
import { countrySchema } from './schema-helpers.js';

/**
 * Who owns a party, as the exporter knows it: each owner with its share and, nested to any
 * depth, its own owners. The 50 percent rules (BIS Affiliates rule, OFAC, MOFCOM No. 61) are
 * computed from this by src/ownership; an owner without `pct` is a share not known (Red Flag 29).
 */
export interface Owner {
  name: string;
  /** Percent of the entity this owner holds, 0–100; absent = not known. */
  pct?: number | undefined;
  country?: string | undefined;
  owners?: Owner[] | undefined;
}

/** Bounds that keep a hand-written tree from becoming a denial of service. */
export const OWNERSHIP_LIMITS = { maxDepth: 12, maxOwners: 2000 } as const;

/** Shares are compared with this slack so 33.33 + 33.33 + 33.34 is not "over 100". */
export const SHARE_EPSILON = 1e-9;

/** One owner; its own owners have the same shape, to any depth (one object, so walkers can tell they met it). */
export const ownerSchema: z.ZodType<Owner> = z.strictObject({
  name: z.string().trim().min(1, 'must name the owner'),
  pct: z.number().finite().min(0, 'a share is 0–100 percent').max(100, 'a share is 0–100 percent').optional(),
  country: countrySchema.optional(),
  owners: z.array(z.lazy(() => ownerSchema)).optional(),
});

/** Adds one issue per entity whose owners add up to more than 100 %, and for trees past the bounds. */
function checkOwnerTree(owners: Owner[], ctx: z.RefinementCtx): void {
  let count = 0;
  const walk = (list: Owner[], path: (string | number)[], of: string, depth: number): void => {
    if (depth > OWNERSHIP_LIMITS.maxDepth) {
      ctx.addIssue({ code: 'custom', path, message: `ownership is nested more than ${OWNERSHIP_LIMITS.maxDepth} levels deep; put deep chains in the ownership register` });
      return;
    }
    count += list.length;
    const sum = list.reduce((s, o) => s + (o.pct ?? 0), 0);
    if (sum > 100 + SHARE_EPSILON) {
      ctx.addIssue({ code: 'custom', path, message: `the owners of ${of} hold ${round(sum)} % together, more than 100 %` });
    }
    list.forEach((o, i) => {
      if (o.owners?.length) walk(o.owners, [...path, i, 'owners'], `"${o.name}"`, depth + 1);
    });
  };
  walk(owners, [], 'the party', 1);
  if (count > OWNERSHIP_LIMITS.maxOwners) {
    ctx.addIssue({ code: 'custom', path: [], message: `${count} owners in one tree, more than ${OWNERSHIP_LIMITS.maxOwners}; use the ownership register` });
  }
}

export const ownersSchema = z.array(ownerSchema).superRefine(checkOwnerTree);

export function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/**
 * The key a name is stored and looked up by in the ownership register: case, width, accents,
 * punctuation and common legal-form words folded, so "Acme Holdings Co., Ltd." and "ACME HOLDINGS
 * CO LTD" meet. Deliberately simpler than screening's normaliser: the register is the user's own
 * data, keyed the way they write it.
 */
export function ownershipKey(name: string): string {
  // Plain ASCII (most register rows) needs no Unicode folding, which is the costly part.
  const folded = /^[\x20-\x7e]*$/.test(name) ? name : name.normalize('NFKD').replace(/\p{M}+/gu, '');
  return folded
    .toLowerCase()
    .replace(/[.,'’"()&/\\\-_:;]+/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/\b(inc|incorporated|llc|ltd|limited|co|company|corp|corporation|plc|gmbh|sa|ag|bv|nv|pte|sdn bhd|bhd|kk)\b/g, ' ')
    .replace(/(有限责任公司|有限公司|股份有限公司|公司)$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Owner names that stand for "we do not know who": a chain that stops there cannot be closed. */
const UNKNOWN_OWNER = /^(unknown|undisclosed|not disclosed|unidentified|n\/?a|\?+|未知|不详)$/i;
export function isUnknownOwnerName(name: string): boolean {
  return UNKNOWN_OWNER.test(name.trim());
}

/** One ownership edge as the register holds it: `owner` holds `share` % of `entity` from `asOf`. */
export interface OwnershipEdge {
  entity: string;
  owner: string;
  /** Undefined: the share is not known. */
  share?: number | undefined;
  asOf: IsoDate;
  source?: string | undefined;
  /** Which import (register version) stated it. */
  importId?: number | undefined;
  line?: number | undefined;
}

/**
 * The ownership register as the pipeline sees it (passed in, like the screener, so `determine`
 * stays pure): the owners of an entity as stated on a date — the latest statement dated on or
 * before it.
 */
export interface OwnershipRegister {
  ownersOf(entity: string, date: IsoDate): OwnershipEdge[];
  /** The latest import the snapshot includes (recorded with each determination). */
  readonly version: number;
}

/** The three 50 percent rules Redline computes. */
export const OWNERSHIP_RULES = ['bisAffiliates', 'ofac50', 'cn50'] as const;
export type OwnershipRuleId = (typeof OWNERSHIP_RULES)[number];

/** Why an owner counts as restricted under a rule: the list entry it matched. */
export interface OwnerListing {
  list: string;
  /** Words for people: "Entity List", "SDN". */
  label: string;
  /** The list entry's name. */
  name: string;
  /** The owner's name as the user gave it (on `terms`: which owner's terms apply). */
  owner?: string | undefined;
  citation?: string | undefined;
  licensePolicy?: string | undefined;
  footnotes?: number[] | undefined;
}

/** One chain from the party up to a listed owner: each step's share, then the listing. */
export interface OwnershipChain {
  /** Names from the party upwards: steps[0] is the party, the last one is the listed owner. */
  names: string[];
  /** pcts[i] is the share names[i + 1] holds of names[i]. */
  pcts: number[];
  listing: OwnerListing;
}

export interface OwnershipRuleResult {
  rule: OwnershipRuleId;
  /** Aggregate share held by restricted owners (a restricted owner's holding counts in full). */
  pct: number;
  /** pct >= 50; undefined when shares not known could bring it to 50. */
  restricted: boolean | undefined;
  /** The chains that make up `pct`, one per listed owner reached. */
  chains: OwnershipChain[];
  /** Human explanation: `A ← 40% B (Entity List, 89 FR …) ← …; aggregate 65% ≥ 50%`. */
  because: string[];
  /** What a person would fill in to settle it (shares not known, owners not identified). */
  missing: string[];
  /** Ownership cycles met (each a list of names, first = last); they are counted once, never looped on. */
  cycles: string[][];
  /** The most restrictive restricted owner's listing (BIS: its terms apply). */
  terms?: OwnerListing | undefined;
}

export interface PartyOwnership {
  party: number;
  name: string;
  /** Where the owners came from: the transaction's `owners` tree or the stored register. */
  source: 'transaction' | 'register';
  rules: OwnershipRuleResult[];
}
