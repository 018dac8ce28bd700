import type { Party, ResolvedItem } from '../domain/index.js';
import type { FactContext, FactResult } from './context.js';
import { TOPIC_FACTS } from './facts/index.js';

export type FactType = 'string' | 'number' | 'boolean' | 'country' | 'list' | 'countryList';

/** A named fact that conditions can test. Providers are small pure functions of the context. */
export interface FactDef {
  path: string;
  type: FactType;
  /** Words for people, used in traces: "destination", "US classification". */
  label: string;
  get(ctx: FactContext): FactResult;
  /** Custom words for a trace line, when the generic "<label> <value> <comparison>" reads badly. */
  describe?(ctx: FactContext, holds: boolean): string | undefined;
  /** The value is an internal identifier (measure tags): a labelled condition prints only its label. */
  internal?: boolean;
}

const known = (value: unknown): FactResult => ({ value });
const unknown = (...missing: string[]): FactResult => ({ value: undefined, missing });
const maybe = (value: unknown, path: string): FactResult => (value === undefined || value === null ? unknown(path) : known(value));

/** Parties other than the exporter: they receive, hold or use the item. */
export function receivingParties(ctx: FactContext): { party: Party; index: number }[] {
  const out: { party: Party; index: number }[] = [];
  ctx.tx.parties.forEach((party, index) => {
    if (party.role !== 'exporter') out.push({ party, index });
  });
  return out;
}

function listFact(values: { value: unknown; path: string }[]): FactResult {
  const value: unknown[] = [];
  const missing: string[] = [];
  for (const v of values) {
    if (v.value === undefined || v.value === null) missing.push(v.path);
    else value.push(v.value);
  }
  return missing.length ? { value, missing } : { value };
}

/** The tags of an item and, for computers, of the ICs inside it. */
export function itemTags(item: ResolvedItem): string[] {
  const tags = [...(item.catalogue?.tags ?? [])];
  if (item.kind === 'computer') for (const ic of item.ics) tags.push(...itemTags(ic));
  return tags;
}

const FOLD = /[^a-z0-9]+/g;
const fold = (s: string): string => s.toLowerCase().replace(FOLD, ' ').trim();

function usClassification(ctx: FactContext) {
  return ctx.classifications.find((c) => c.jurisdiction === 'US');
}

/** Advanced-computing level of the US classification: a (.a-type), b, c (HBM) or none. */
export function advancedComputingLevel(code: string, kind: string): 'a' | 'b' | 'c' | 'none' | undefined {
  if (code === 'INDETERMINATE') return kind === 'ic' || kind === 'computer' || kind === 'memory' ? undefined : 'none';
  if (code === '3A090.c') return 'c';
  if (/^(3A090|4A090)\.a\b/.test(code) || /\.z\b.*\.a$/.test(code) || /^(5A992\.z\.1|4A004\.z\.1|4A005\.z\.1)$/.test(code)) return 'a';
  if (/^(3A090|4A090)\.b\b/.test(code) || /\.z\b.*\.b$/.test(code) || /^(5A992\.z\.2|4A004\.z\.2|4A005\.z\.2)$/.test(code)) return 'b';
  return 'none';
}

function describeUsClassification(ctx: FactContext, holds: boolean): string | undefined {
  const cl = usClassification(ctx);
  if (!cl) return undefined;
  return `item ${ctx.itemIndex + 1} is ${cl.code}${holds ? '' : ', outside this condition'} (${cl.because})`;
}

function itemPath(ctx: FactContext, field: string): string {
  return `items[${ctx.itemIndex}].${field}`;
}

const numberFact = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

const icFacts = (ctx: FactContext): Record<string, unknown> => usClassification(ctx)?.facts ?? {};

const defs: FactDef[] = [
  // — the transaction
  { path: 'tx.date', type: 'string', label: 'ship date', get: (c) => known(c.date) },
  { path: 'tx.from', type: 'country', label: 'shipped from', get: (c) => maybe(c.tx.from, 'from') },
  { path: 'tx.to', type: 'country', label: 'destination', get: (c) => known(c.tx.to) },
  { path: 'tx.endUse', type: 'list', label: 'declared end use', get: (c) => known(c.tx.endUse) },
  { path: 'tx.certifications', type: 'list', label: 'certifications held', get: (c) => known(c.tx.certifications) },
  {
    // Never unknown: no notification given is "none", which a NAC prerequisite reads as "not yet".
    path: 'tx.notifications.nac',
    type: 'string',
    label: "BIS's reply to the NAC notification",
    get: (c) => known(c.tx.notifications?.find((n) => n.exception === 'NAC')?.bisReply ?? 'none'),
  },
  { path: 'tx.value', type: 'number', label: 'value', get: (c) => maybe(c.tx.value, 'value') },
  { path: 'facility.country', type: 'country', label: 'facility country', get: (c) => maybe(c.tx.facility?.country, 'facility.country') },
  { path: 'facility.advancedNode', type: 'boolean', label: 'advanced-node ICs are produced at the facility', get: (c) => maybe(c.tx.facility?.advancedNode, 'facility.advancedNode') },
  { path: 'facility.ownerHeadquarters', type: 'country', label: 'facility owner headquarters', get: (c) => maybe(c.tx.facility?.ownerHeadquarters, 'facility.ownerHeadquarters') },
  // — the exporter
  { path: 'exporter.name', type: 'string', label: 'exporter', get: (c) => maybe(c.tx.exporter?.name, 'exporter.name') },
  { path: 'exporter.country', type: 'country', label: 'exporter country', get: (c) => maybe(c.tx.exporter?.country ?? c.tx.from, 'exporter.country') },
  { path: 'exporter.headquarters', type: 'country', label: 'exporter headquarters', get: (c) => maybe(c.tx.exporter?.headquarters, 'exporter.headquarters') },
  { path: 'exporter.ultimateParent', type: 'country', label: "exporter's ultimate parent", get: (c) => maybe(c.tx.exporter?.ultimateParent, 'exporter.ultimateParent') },
  { path: 'exporter.usPerson', type: 'boolean', label: 'exporter is a U.S. person', get: (c) => maybe(c.tx.exporter?.usPerson, 'exporter.usPerson') },
  {
    path: 'exporter.isItemVendor',
    type: 'boolean',
    label: "the exporter is the item's vendor",
    get: (c) => {
      const vendor = c.item.catalogue?.vendor ?? ('vendor' in c.item ? c.item.vendor : undefined);
      const name = c.tx.exporter?.name;
      if (!name) return unknown('exporter.name');
      if (!vendor) return unknown(itemPath(c, 'vendor'));
      return known(` ${fold(name)} `.includes(` ${fold(vendor)} `));
    },
  },
  // — the receiving parties
  { path: 'parties.count', type: 'number', label: 'number of receiving parties', get: (c) => known(receivingParties(c).length) },
  {
    path: 'parties.countries',
    type: 'countryList',
    label: 'party countries',
    get: (c) => listFact(receivingParties(c).map(({ party, index }) => ({ value: party.country, path: `parties[${index}].country` }))),
  },
  {
    path: 'parties.hqCountries',
    type: 'countryList',
    label: 'party headquarters and ultimate parents',
    get: (c) =>
      listFact(
        receivingParties(c).flatMap(({ party, index }) => [
          { value: party.headquarters, path: `parties[${index}].headquarters` },
          { value: party.ultimateParent, path: `parties[${index}].ultimateParent` },
        ]),
      ),
  },
  {
    path: 'parties.endUserCountries',
    type: 'countryList',
    label: 'end-user locations',
    get: (c) => {
      const users = receivingParties(c).filter(({ party }) => party.role === 'end_user' || party.role === 'ultimate_consignee');
      if (users.length === 0) return known([c.tx.to]);
      return listFact(users.map(({ party, index }) => ({ value: party.country, path: `parties[${index}].country` })));
    },
  },
  {
    path: 'parties.types',
    type: 'list',
    label: 'party types',
    get: (c) => listFact(receivingParties(c).map(({ party, index }) => ({ value: party.type, path: `parties[${index}].type` }))),
  },
  {
    path: 'parties.allSupp8Approved',
    type: 'boolean',
    label: 'every consignee and end user is a Supp. 8 approved UAE entity',
    get: (c) => {
      const parties = receivingParties(c);
      if (parties.length === 0) return unknown('parties');
      const missing: string[] = [];
      for (const { party, index } of parties) {
        const inSet = c.partySets.contains('us.supp8-approved-uae', party.name, c.date);
        if (inSet === false) return known(false);
        if (inSet === undefined) missing.push(`parties[${index}]: Supp. 8 approval after its expiry`);
      }
      return missing.length ? unknown(...missing) : known(true);
    },
  },
  // — the item
  { path: 'item.kind', type: 'string', label: 'item kind', get: (c) => known(c.item.kind) },
  {
    path: 'item.us.code',
    type: 'string',
    label: 'US classification',
    describe: describeUsClassification,
    get: (c) => {
      const cl = usClassification(c);
      if (!cl || cl.code === 'INDETERMINATE') return unknown(...(cl?.missing ?? ['classification']).map((m) => `items[${c.itemIndex}]: ${m}`));
      return known(cl.code);
    },
  },
  {
    path: 'item.us.acLevel',
    type: 'string',
    label: 'advanced-computing level (3A090/4A090 .a, .b, .c)',
    describe: describeUsClassification,
    get: (c) => {
      const cl = usClassification(c);
      const level = cl ? advancedComputingLevel(cl.code, c.item.kind) : undefined;
      if (level === undefined) return unknown(...(cl?.missing ?? ['classification']).map((m) => `items[${c.itemIndex}]: ${m}`));
      return known(level);
    },
  },
  { path: 'item.tpp', type: 'number', label: 'TPP', get: (c) => maybe(icFacts(c).tpp, itemPath(c, 'performance')) },
  { path: 'item.pd', type: 'number', label: 'performance density', get: (c) => maybe(icFacts(c).pd, itemPath(c, 'dies')) },
  {
    path: 'item.datacenter',
    type: 'boolean',
    label: 'designed or marketed for datacenters',
    get: (c) => maybe('datacenter' in c.item ? c.item.datacenter : undefined, itemPath(c, 'datacenter')),
  },
  {
    path: 'item.dramBandwidthGBs',
    type: 'number',
    label: 'total DRAM bandwidth (GB/s)',
    // A computer carries the highest figure among its ICs (the classifier puts it in the facts).
    get: (c) => maybe(c.item.kind === 'ic' ? c.item.memoryBandwidthGBs : numberFact(icFacts(c).memoryBandwidthGBs), itemPath(c, 'memoryBandwidthGBs')),
  },
  {
    path: 'item.interconnectGBs',
    type: 'number',
    label: 'interconnect bandwidth (GB/s)',
    get: (c) => maybe(c.item.kind === 'ic' ? c.item.interconnectGBs : numberFact(icFacts(c).interconnectGBs), itemPath(c, 'interconnectGBs')),
  },
  {
    path: 'item.hbmDensity',
    type: 'number',
    label: 'memory bandwidth density (GB/s/mm²)',
    get: (c) => {
      if (c.item.kind !== 'memory') return unknown(itemPath(c, 'kind'));
      if (c.item.bandwidthGBs === undefined) return unknown(itemPath(c, 'bandwidthGBs'));
      if (c.item.packageAreaMm2 === undefined) return unknown(itemPath(c, 'packageAreaMm2'));
      return known(c.item.bandwidthGBs / c.item.packageAreaMm2);
    },
  },
  {
    path: 'item.vendor',
    type: 'string',
    label: 'item vendor',
    get: (c) => maybe(c.item.catalogue?.vendor ?? ('vendor' in c.item ? c.item.vendor : undefined), itemPath(c, 'vendor')),
  },
  {
    path: 'item.dramPlusInterconnectGBs',
    type: 'number',
    label: 'DRAM plus interconnect bandwidth (GB/s)',
    get: (c) => {
      if (c.item.kind !== 'ic') return unknown(itemPath(c, 'memoryBandwidthGBs'));
      if (c.item.memoryBandwidthGBs === undefined) return unknown(itemPath(c, 'memoryBandwidthGBs'));
      if (c.item.interconnectGBs === undefined) return unknown(itemPath(c, 'interconnectGBs'));
      return known(c.item.memoryBandwidthGBs + c.item.interconnectGBs);
    },
  },
  { path: 'item.tags', type: 'list', label: 'catalogue facts', get: (c) => known(itemTags(c.item)) },
  { path: 'item.name', type: 'string', label: 'item', get: (c) => maybe(c.item.catalogue?.name ?? ('name' in c.item ? c.item.name : undefined) ?? ('model' in c.item ? c.item.model : undefined), itemPath(c, 'name')) },
  { path: 'item.origin', type: 'country', label: 'item origin', get: (c) => maybe(c.item.origin, itemPath(c, 'origin')) },
  { path: 'item.usContentPct', type: 'number', label: 'US-controlled content (% of value)', get: (c) => maybe(c.item.usContentPct, itemPath(c, 'usContentPct')) },
  { path: 'item.usTechnologyDirectProduct', type: 'boolean', label: 'direct product of US technology or software', get: (c) => maybe(c.item.usTechnologyDirectProduct, itemPath(c, 'usTechnologyDirectProduct')) },
  { path: 'item.madeWithUsTools', type: 'boolean', label: 'made with US-origin tools', get: (c) => maybe(c.item.madeWithUsTools, itemPath(c, 'madeWithUsTools')) },
  // — screening
  {
    path: 'screening.lists',
    type: 'list',
    label: 'lists with a hit on a party',
    get: (c) => {
      if (!c.screening) return c.tx.parties.length ? unknown('screening (not run)') : known([]);
      const lists = new Set<string>();
      for (const p of c.screening) for (const r of p.results) for (const h of r.hits) if (h.score >= c.alertThreshold && isActiveOn(h.entry, c.date)) lists.add(h.list);
      return known([...lists]);
    },
  },
  {
    path: 'screening.entityListFootnotes',
    type: 'list',
    label: 'Entity List footnotes of hit entries',
    get: (c) => {
      if (!c.screening) return c.tx.parties.length ? unknown('screening (not run)') : known([]);
      const fns = new Set<number>();
      for (const p of c.screening)
        for (const r of p.results)
          for (const h of r.hits)
            if (h.list === 'us.bis.entity-list' && h.score >= c.alertThreshold && isActiveOn(h.entry, c.date)) for (const f of h.entry?.footnotes ?? []) fns.add(f);
      return known([...fns]);
    },
  },
  // — the evaluation itself
  { path: 'options.enforceAiDiffusion', type: 'boolean', label: 'AI Diffusion enforcement option', get: (c) => known(c.options.enforceAiDiffusion === true) },
  { path: 'fired.tags', type: 'list', label: 'tags of the measures that apply', internal: true, get: (c) => known([...(c.fired?.tags ?? [])]) },
  { path: 'fired.measures', type: 'list', label: 'measures that apply', get: (c) => known([...(c.fired?.measures ?? [])]) },
];

/** A list designation counts on a date when it has started and is neither removed nor suspended then. */
export function isActiveOn(entry: { status?: string | undefined; startDate?: string | undefined; suspendedFrom?: string | undefined; suspendedTo?: string | undefined; endDate?: string | undefined } | undefined, date: string): boolean {
  if (!entry) return true;
  if (entry.status === 'removed') return false;
  if (entry.startDate && date < entry.startDate) return false;
  if (entry.endDate && date >= entry.endDate) return false;
  if (entry.status === 'suspended' || entry.suspendedFrom) {
    const from = entry.suspendedFrom ?? '0000-00-00';
    if (date >= from && (entry.suspendedTo === undefined || date < entry.suspendedTo)) return false;
  }
  return true;
}

export class FactRegistry {
  private readonly byPath = new Map<string, FactDef>();

  constructor(extra: FactDef[] = []) {
    for (const d of [...defs, ...TOPIC_FACTS, ...extra]) {
      if (this.byPath.has(d.path)) throw new Error(`fact ${d.path} is defined twice`);
      this.byPath.set(d.path, d);
    }
  }

  has(path: string): boolean {
    return this.byPath.has(path);
  }

  def(path: string): FactDef {
    const d = this.byPath.get(path);
    if (!d) throw new Error(`unknown fact ${path}`);
    return d;
  }

  paths(): string[] {
    return [...this.byPath.keys()];
  }

  read(path: string, ctx: FactContext): FactResult {
    // `fired.*` changes between the two evaluation phases, so it is never memoised.
    if (path.startsWith('fired.')) return this.def(path).get(ctx);
    let r = ctx.memo.get(path);
    if (r === undefined) {
      r = this.def(path).get(ctx);
      ctx.memo.set(path, r);
    }
    return r;
  }
}
