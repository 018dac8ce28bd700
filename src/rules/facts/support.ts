import type { FactContext, FactResult } from '../context.js';
import type { FactDef } from '../facts.js';

/**
 * Facts about who does what around a shipment: U.S.-person support (§744.6), the facility's
 * location, ownership by listed parties (Affiliates rule), observed diversion red flags, and
 * Japan's bulk-licence destinations. Each is read from optional inputs; absent ones are unknown
 * only where a rule needs them.
 */

const known = (value: unknown): FactResult => ({ value });
const unknown = (...missing: string[]): FactResult => ({ value: undefined, missing });

function receiving(ctx: FactContext) {
  return ctx.tx.parties.map((party, index) => ({ party, index })).filter(({ party }) => party.role !== 'exporter');
}

export const SUPPORT_FACTS: FactDef[] = [
  {
    path: 'services.usPersons',
    type: 'boolean',
    label: 'U.S. persons ship, transmit, transfer, facilitate or service the items',
    // Without a `services` statement the exporter is the one acting: a US-located exporter is a
    // U.S. person (§772.1), a non-US company is not (its staff's citizenship is then unstated).
    get: (ctx) => {
      const v = ctx.tx.services?.usPersons ?? ctx.tx.exporter?.usPerson;
      if (v !== undefined) return known(v);
      const where = ctx.tx.exporter?.country ?? ctx.tx.from;
      return where === undefined ? unknown('services.usPersons') : known(where === 'US');
    },
  },
  {
    path: 'services.activities',
    type: 'list',
    label: 'support activities',
    get: (ctx) => known(ctx.tx.services?.activities ?? []),
  },
  {
    // §744.6(c)(2): natural U.S. persons working for a company headquartered in the US or A:5/A:6
    // and not majority-owned by a Macau/D:5-headquartered entity are outside (c)(2)(i)–(iii).
    path: 'services.employerExcluded',
    type: 'boolean',
    label: "the U.S. persons' employer is US/A:5/A:6-headquartered and not majority-owned from Macau/D:5",
    get: (ctx) => {
      const s = ctx.tx.services;
      if (s?.employerHeadquarters === undefined) return unknown('services.employerHeadquarters');
      if (!ctx.groups.isMember(s.employerHeadquarters, 'US_A5_A6', ctx.date, 'US')) return known(false);
      if (s.employerMajorityOwnedFromMacauD5 === undefined) return unknown('services.employerMajorityOwnedFromMacauD5');
      return known(!s.employerMajorityOwnedFromMacauD5);
    },
  },
  {
    path: 'facility.location',
    type: 'country',
    label: 'facility location (the facility country, else the destination)',
    get: (ctx) => known(ctx.tx.facility?.country ?? ctx.tx.to),
  },
  {
    path: 'exporter.location',
    type: 'country',
    label: 'exporter location (its country, else where the item leaves from)',
    get: (ctx) => {
      const v = ctx.tx.exporter?.country ?? ctx.tx.from;
      return v === undefined ? unknown('exporter.country') : known(v);
    },
  },
  {
    // Redline holds no ownership data (the CSL has none, rules.md §5.2): the rule acts on what the
    // exporter states. A listed owner named without a share is Red Flag 29 — unknown here.
    path: 'parties.listedOwnershipPct',
    type: 'number',
    label: 'largest aggregate share of a party held by Entity List / MEU List parties (%)',
    get: (ctx) => {
      let max = 0;
      const missing: string[] = [];
      for (const { party, index } of receiving(ctx)) {
        const o = party.listedOwnership;
        if (!o) continue;
        if (o.pct === undefined) {
          if (o.owners?.length) missing.push(`parties[${index}].listedOwnership.pct`);
          continue;
        }
        max = Math.max(max, o.pct);
      }
      if (max >= 50 || missing.length === 0) return known(max);
      return unknown(...missing);
    },
  },
  {
    // VEU authorisation exempted these fabs from §744.23(a)(1)-(a)(2) until 2025-12-31 (90 FR 42321).
    path: 'parties.veuFab',
    type: 'boolean',
    label: 'a party is a Validated End-User fab in China (VEU authorisation)',
    get: (ctx) => {
      let result: boolean | undefined = false;
      for (const { party } of receiving(ctx)) {
        const inSet = ctx.partySets.contains('us.veu-china-fabs', party.name, ctx.date);
        if (inSet === true) return known(true);
        if (inSet === undefined) result = undefined;
      }
      return result === undefined ? unknown('parties: VEU status') : known(false);
    },
  },
  {
    path: 'parties.militaryCountries',
    type: 'countryList',
    label: 'countries of the military parties',
    get: (ctx) => {
      const out: string[] = [];
      const missing: string[] = [];
      for (const { party, index } of receiving(ctx)) {
        if (party.type !== 'military') continue;
        if (party.country === undefined) missing.push(`parties[${index}].country`);
        else out.push(party.country);
      }
      return missing.length ? { value: out, missing } : known(out);
    },
  },
  {
    path: 'tx.observedRedFlags',
    type: 'list',
    label: 'diversion red flags observed',
    get: (ctx) => known(ctx.tx.observedRedFlags ?? []),
  },
  {
    // Japan's 42 "friendly" bulk-licence destinations are not public (rules.md §2.2): the pack
    // knows some members and some non-members; anything else is unknown.
    path: 'tx.jp.bulkLicenceDestination',
    type: 'boolean',
    label: "the destination is among Japan's 42 bulk-licence countries and regions",
    get: (ctx) => {
      const to = ctx.tx.to;
      if (ctx.groups.isMember(to, 'JP_FRIENDLY_42', ctx.date, 'JP')) return known(true);
      if (ctx.groups.isMember(to, 'JP_NOT_FRIENDLY_42', ctx.date, 'JP')) return known(false);
      return unknown(`whether ${to} is among Japan's 42 bulk-licence destinations (the list is not public; rules.md §2.2)`);
    },
  },
];
