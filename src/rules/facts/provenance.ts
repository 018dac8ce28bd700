import type { FactContext, FactResult } from '../context.js';
import { advancedComputingLevel, isActiveOn, itemTags, type FactDef } from '../facts.js';
import { allOf, anyOf, fromMaybe, no, toFactResult, unknownTri, yes, type TriValue } from './tri.js';
import { SME_MACAU_D5, codeIn, inFn5FdpScope } from './sme-lists.js';

/**
 * Is a foreign-made item outside the United States subject to the EAR? (15 CFR 734.3, 734.4,
 * 734.9; rules.md §1.9–1.10). Computed from the item's provenance fields — `origin`,
 * `usContentPct`, `usTechnologyDirectProduct`, `madeWithUsTools`, `containsUsOriginIc` — and,
 * for the foreign-direct-product tests, from the destination, parties and facility. Any fact the
 * answer turns on and nobody gave makes it unknown, listing the input to fill in.
 *
 * Simplifications (each stated in the fact label): `madeWithUsTools` stands for "made by a
 * plant, or a major component of a plant, that is itself a direct product of US technology";
 * `containsUsOriginIc` also stands for "contains an IC made by such a plant" (§734.9(e)(3), (k));
 * the country the item was first exported from (§734.4(a)(3)) is taken to be its origin.
 */

const US = 'US';
const item = (ctx: FactContext, field: string) => `items[${ctx.itemIndex}].${field}`;
const inGroup = (ctx: FactContext, country: string, group: string) => ctx.groups.isMember(country, group, ctx.date, 'US');

function usCode(ctx: FactContext): string | undefined {
  const c = ctx.classifications.find((x) => x.jurisdiction === 'US');
  return c && c.code !== 'INDETERMINATE' ? c.code : undefined;
}

function codeTest(ctx: FactContext, test: (code: string) => boolean, what: string): TriValue {
  const code = usCode(ctx);
  if (code === undefined) {
    const c = ctx.classifications.find((x) => x.jurisdiction === 'US');
    return unknownTri(...(c?.missing ?? ['classification']).map((m) => `items[${ctx.itemIndex}]: ${m}`));
  }
  return test(code) ? yes(`${code} is ${what}`) : no(`${code} is not ${what}`);
}

/** Entity List footnotes of the parties' active hits (unknown when screening did not run). */
function footnote(ctx: FactContext, n: number): TriValue {
  if (!ctx.screening) return ctx.tx.parties.length ? unknownTri('screening (not run)') : no('no parties');
  for (const p of ctx.screening)
    for (const r of p.results)
      for (const h of r.hits)
        if (h.list === 'us.bis.entity-list' && h.score >= ctx.alertThreshold && isActiveOn(h.entry, ctx.date) && (h.entry?.footnotes ?? []).includes(n)) {
          return yes(`party ${p.party + 1} is a Footnote ${n} Entity List entity ("${h.name}")`);
        }
  return no(`no Footnote ${n} Entity List entity is a party`);
}

/** An entity at a Macau/D:5 facility where advanced-node ICs are produced is a party or end user. */
function atAdvancedNodeFacilityInD5(ctx: FactContext): TriValue {
  const country = ctx.tx.facility?.country ?? ctx.tx.to;
  if (!inGroup(ctx, country, 'MACAU_D5')) return no(`the facility (${country}) is not in Macau or D:5`);
  if (ctx.tx.endUse.includes('advanced_node_ic_production')) return yes(`for advanced-node IC production in ${country}`);
  return fromMaybe(ctx.tx.facility?.advancedNode, 'facility.advancedNode', `advanced-node ICs are produced at the ${country} facility`, `the ${country} facility does not produce advanced-node ICs`);
}

/** Destined for development or production of advanced-node logic ICs (§734.4(a)(3)). */
function forAdvancedNodeProduction(ctx: FactContext): TriValue {
  const uses = ctx.tx.endUse;
  if (uses.includes('advanced_node_ic_production')) return yes('declared end use: advanced-node IC production');
  if (!uses.includes('ic_production')) return no('no IC-production end use declared');
  return fromMaybe(ctx.tx.facility?.advancedNode, 'facility.advancedNode', 'IC production at a facility that makes advanced-node ICs', 'IC production at a facility that makes no advanced-node ICs');
}

function direct(ctx: FactContext): TriValue {
  return anyOf(
    fromMaybe(ctx.item.usTechnologyDirectProduct, item(ctx, 'usTechnologyDirectProduct'), 'a direct product of US technology or software', 'not a direct product of US technology or software'),
    fromMaybe(ctx.item.madeWithUsTools, item(ctx, 'madeWithUsTools'), 'made by a plant that is a direct product of US technology (US tools)', 'not made with US tools'),
  );
}

function directOrIc(ctx: FactContext): TriValue {
  return anyOf(direct(ctx), fromMaybe(ctx.item.containsUsOriginIc, item(ctx, 'containsUsOriginIc'), 'contains a US-origin IC (or one made by a US-technology plant)', 'contains no US-origin IC'));
}

/** Exports by entities in Supp. 4 to Part 742 countries not headquartered in Macau/D:5 are outside §734.9(k). */
function supp4Excluded(ctx: FactContext): TriValue {
  const where = ctx.tx.exporter?.country ?? ctx.tx.from;
  if (where === undefined) return unknownTri('exporter.country');
  if (!inGroup(ctx, where, 'SUPP4_742')) return no(`the exporter is in ${where}, not a Supp. 4 to Part 742 country`);
  const hq = ctx.tx.exporter?.headquarters;
  if (hq === undefined) return unknownTri('exporter.headquarters');
  return inGroup(ctx, hq, 'MACAU_D5') ? no(`the exporter is headquartered in ${hq}`) : yes(`the exporter is in ${where} (Supp. 4 to Part 742) and not headquartered in Macau/D:5`);
}

/** A foreign-made item outside the US: the only case where de minimis and FDP matter. */
function foreignAbroad(ctx: FactContext): TriValue {
  if (ctx.tx.from === US) return no('the item is in the United States');
  if (ctx.item.origin === US) return no('the item is of US origin');
  if (ctx.item.origin === undefined || ctx.tx.from === undefined) {
    return unknownTri(...(ctx.item.origin === undefined ? [item(ctx, 'origin')] : []), ...(ctx.tx.from === undefined ? ['from'] : []));
  }
  return yes(`a ${ctx.item.origin}-made item shipped from ${ctx.tx.from}`);
}

const FDP_DATES = { e1: '2020-08-17', e2: '2022-10-21', e3: '2024-12-02', h: '2022-10-21', i: '2022-10-21', k: '2024-12-02' } as const;
export type FdpParagraph = keyof typeof FDP_DATES;

/** One §734.9 paragraph: product scope and destination/end-user scope, both needed (rules.md §1.9). */
export function fdpTest(ctx: FactContext, para: FdpParagraph): TriValue {
  if (ctx.date < FDP_DATES[para]) return no(`§734.9 paragraph ${para} in its current form applies from ${FDP_DATES[para]}`);
  switch (para) {
    case 'e1':
      return allOf(footnote(ctx, 1), direct(ctx));
    case 'e2':
      return allOf(footnote(ctx, 4), direct(ctx));
    case 'e3':
      return allOf(anyOf(footnote(ctx, 5), atAdvancedNodeFacilityInD5(ctx)), codeTest(ctx, inFn5FdpScope, 'in the §734.9(e)(3) product list'), directOrIc(ctx));
    case 'h': {
      const code = usCode(ctx);
      const level = code ? advancedComputingLevel(code, ctx.item.kind) : undefined;
      // 3A090.c (HBM) joined the advanced-computing FDP product scope with 89 FR 96790 (2024-12-02).
      const inScope = level === 'a' || level === 'b' || (level === 'c' && ctx.date >= '2024-12-02');
      const product = level === undefined ? codeTest(ctx, () => false, '') : inScope ? yes(`${code} is an advanced-computing item`) : no(`${code} is not a 3A090/4A090 item`);
      const hq = [...ctx.tx.parties.filter((p) => p.role !== 'exporter').flatMap((p) => [p.headquarters, p.ultimateParent])].filter((c): c is string => c !== undefined);
      const dest = inGroup(ctx, ctx.tx.to, 'AC_DESTS') || hq.some((c) => inGroup(ctx, c, 'MACAU_D5'))
        ? yes('destined to a D:1/D:4/D:5 (not A:5/A:6) destination, Macau or a Macau/D:5-headquartered party')
        : no('not destined to the advanced-computing destinations or parties');
      return allOf(dest, product, direct(ctx));
    }
    case 'i': {
      if (!ctx.tx.endUse.includes('supercomputer')) return no('no supercomputer end use');
      const where = ctx.tx.facility?.country ?? ctx.tx.to;
      const dest = inGroup(ctx, where, 'CN_MO') ? yes(`for a supercomputer in ${where}`) : no(`the supercomputer is not in China or Macau (${where})`);
      return allOf(dest, direct(ctx));
    }
    case 'k': {
      const dest = inGroup(ctx, ctx.tx.to, 'MACAU_D5') ? yes(`destined to ${ctx.tx.to} (Macau/D:5)`) : no(`${ctx.tx.to} is not Macau or D:5`);
      const excluded = supp4Excluded(ctx);
      const notExcluded: TriValue = excluded.value === undefined ? excluded : excluded.value ? no(...excluded.why) : yes(...excluded.why);
      return allOf(dest, codeTest(ctx, (c) => codeIn(c, SME_MACAU_D5), 'in the §734.9(k) SME list'), directOrIc(ctx), notExcluded);
    }
  }
}

/** §734.4: the de minimis threshold for the destination and item (25 %, 10 % for E:1/E:2, 0 % in three cases). */
export function deMinimisThreshold(ctx: FactContext): { pct: number | undefined; why: string; missing: string[] } {
  const after = (d: string) => ctx.date >= d;
  // (a)(3): 3B993.f.1 for advanced-node logic, unless the first-exporting country lists it
  // (Japan from 2023-07-23, the Netherlands from 2024-09-09 per the EAR footnote).
  const code = usCode(ctx);
  const zero: TriValue[] = [];
  if (code !== undefined && codeIn(code, ['3B993.f.1'])) {
    const listedAbroad = (ctx.item.origin === 'JP' && after('2023-07-23')) || (ctx.item.origin === 'NL' && after('2024-09-09'));
    if (!listedAbroad) zero.push(allOf(forAdvancedNodeProduction(ctx), yes('no de minimis for 3B993.f.1 for advanced-node logic (§734.4(a)(3))')));
  }
  if (code !== undefined && after('2024-12-02')) {
    const usIc = fromMaybe(ctx.item.containsUsOriginIc, item(ctx, 'containsUsOriginIc'), 'contains a US-origin IC', 'no US-origin IC');
    if (codeIn(code, SME_MACAU_D5)) {
      const excluded = supp4Excluded(ctx);
      const notExcluded: TriValue = excluded.value === undefined ? excluded : excluded.value ? no(...excluded.why) : yes();
      if (inGroup(ctx, ctx.tx.to, 'MACAU_D5')) zero.push(allOf(usIc, notExcluded, yes('no de minimis for the SME list with a US-origin IC to Macau/D:5 (§734.4(a)(8))')));
    } else if (code.startsWith('3B')) {
      zero.push(allOf(usIc, anyOf(footnote(ctx, 5), atAdvancedNodeFacilityInD5(ctx)), yes('no de minimis for Category 3B items with a US-origin IC for FN5 entities or advanced-node facilities in Macau/D:5 (§734.4(a)(9))')));
    }
  }
  const z = anyOf(...zero);
  if (z.value === true) return { pct: 0, why: z.why.join('; '), missing: [] };
  if (inGroup(ctx, ctx.tx.to, 'E1_E2')) {
    return { pct: z.value === undefined ? undefined : 10, why: 'destination in E:1/E:2: 10 % (§734.4(c))', missing: z.missing };
  }
  return { pct: z.value === undefined ? undefined : 25, why: '25 % (§734.4(d))', missing: z.missing };
}

/** The foreign item incorporates more controlled US content than the de minimis level allows. */
export function deMinimisExceeded(ctx: FactContext): TriValue {
  const t = deMinimisThreshold(ctx);
  const pct = ctx.item.usContentPct;
  if (t.pct === 0 && pct !== undefined) return pct > 0 ? yes(`US-controlled content ${pct} % with no de minimis: ${t.why}`) : no('no US-controlled content');
  if (pct === undefined) return unknownTri(item(ctx, 'usContentPct'), ...t.missing);
  if (t.pct === undefined) {
    // The content is above even the general level: subject whichever level applies.
    if (pct > 25) return yes(`US-controlled content ${pct} % > 25 %`);
    return { value: undefined, missing: t.missing, why: [] };
  }
  return pct > t.pct ? yes(`US-controlled content ${pct} % > ${t.pct} % de minimis (${t.why})`) : no(`US-controlled content ${pct} % <= ${t.pct} % de minimis (${t.why})`);
}

const GP10_GUIDANCE = '2025-05-13';

/**
 * BIS's GP10 guidance of 2025-05-13 (rules.md §1.14): the PRC 3A090 ICs it names (Ascend
 * 910B/910C/910D, catalogue tag `prc_3a090_ic`) were very likely designed with US technology or
 * made on tools that are direct products of it, without licences — so they are presumed subject
 * to the EAR wherever they are. The transaction may say otherwise only with evidence: stating
 * both "no US technology" and "no US tools" answers review rather than a clean answer.
 */
function gp10Presumption(ctx: FactContext): TriValue {
  if (ctx.date < GP10_GUIDANCE || !itemTags(ctx.item).includes('prc_3a090_ic')) return no();
  if (ctx.item.usTechnologyDirectProduct === false && ctx.item.madeWithUsTools === false) {
    return unknownTri(`${item(ctx, 'usTechnologyDirectProduct')} / ${item(ctx, 'madeWithUsTools')}: evidence rebutting BIS's GP10 presumption (2025-05-13) that this PRC 3A090 IC was made with US technology or US-technology tools`);
  }
  return yes(`presumed made with US technology or US-technology tools without a licence: BIS's GP10 guidance of ${GP10_GUIDANCE} names this PRC 3A090 IC (§736.2(b)(10))`);
}

const FDP_PARAGRAPHS: FdpParagraph[] = ['e1', 'e2', 'e3', 'h', 'i', 'k'];
const fdpCite = (p: FdpParagraph): string => (p.startsWith('e') ? `§734.9(e)(${p[1]})` : `§734.9(${p})`);

/** "US content 0 % <= de minimis 25 %" and the like, for the not-subject explanation. */
function deMinimisWords(ctx: FactContext): string {
  const t = deMinimisThreshold(ctx);
  const pct = ctx.item.usContentPct;
  if (pct === undefined) return 'no US content stated';
  const cite = /§734\.4\([a-z]\)(\(\d+\))?/.exec(t.why)?.[0];
  return `US content ${pct} % <= de minimis ${t.pct ?? 25} %${cite ? ` (${cite})` : ''}`;
}

/** Why no §734.9 paragraph reaches the item: the product facts, or each paragraph's failed test. */
function noFdpWords(ctx: FactContext): string {
  const product = directOrIc(ctx);
  if (product.value === false) return `no foreign direct product rule met (§734.9): ${product.why.join('; ')}`;
  const why = FDP_PARAGRAPHS.map((p) => `${fdpCite(p)}: ${fdpTest(ctx, p).why[0] ?? 'not met'}`);
  return `no foreign direct product rule met (${product.why.join('; ') || 'US technology, tools or ICs'}, but no paragraph's destination or end-user test holds — ${why.join('; ')})`;
}

/**
 * The subject-to-the-EAR gate (15 CFR 734.3, 734.4, 734.9; rules.md §1.9–1.10): every US
 * measure about items passes through it. In the US or of US origin: subject. A foreign-made item
 * abroad: subject only above de minimis, as a foreign direct product a §734.9 paragraph reaches
 * (product and destination/end-user tests both), or under BIS's GP10 presumption. Otherwise not
 * subject, saying why in words; unknown provenance answers unknown, naming the missing inputs.
 */
export function subjectToEar(ctx: FactContext): TriValue {
  if (ctx.tx.from === US) return yes('the item is in the United States (§734.3(a)(1))');
  if (ctx.item.origin === US) return yes('US-origin item (§734.3(a)(2))');
  const abroad = foreignAbroad(ctx);
  const paths = anyOf(
    gp10Presumption(ctx),
    deMinimisExceeded(ctx),
    ...FDP_PARAGRAPHS.map((p) => {
      const r = fdpTest(ctx, p);
      return r.value === true ? yes(`foreign direct product under ${fdpCite(p)}: ${r.why.join('; ')}`) : r;
    }),
  );
  if (paths.value === true) return paths;
  if (abroad.value === undefined) return { value: undefined, missing: [...new Set([...abroad.missing, ...paths.missing])], why: [] };
  if (paths.value === false) return no(`foreign-made (${ctx.item.origin} origin, shipped from ${ctx.tx.from}), ${deMinimisWords(ctx)}, ${noFdpWords(ctx)}`);
  return paths;
}

function result(t: TriValue): FactResult {
  return toFactResult(t);
}

function describeTri(compute: (ctx: FactContext) => TriValue, subject: string) {
  return (ctx: FactContext, holds: boolean): string => {
    const t = compute(ctx);
    return `item ${ctx.itemIndex + 1} ${holds ? 'is' : 'is not'} ${subject}${t.why.length ? `: ${t.why.join('; ')}` : ''}`;
  };
}

const fdpFact = (para: FdpParagraph, label: string): FactDef => ({
  path: `item.us.fdp.${para}`,
  type: 'boolean',
  label,
  get: (ctx) => result(fdpTest(ctx, para)),
  describe: describeTri((ctx) => fdpTest(ctx, para), `a foreign direct product reached by ${label}`),
});

export const PROVENANCE_FACTS: FactDef[] = [
  {
    path: 'item.us.subjectToEar',
    type: 'boolean',
    label: 'subject to the EAR (in the US, US-origin, above de minimis, or a reached foreign direct product)',
    get: (ctx) => result(subjectToEar(ctx)),
    describe: describeTri(subjectToEar, 'subject to the EAR'),
  },
  {
    // Never unknown, so an informational note can say "not subject" without asking for facts.
    path: 'item.us.outsideEar',
    type: 'boolean',
    label: 'known not to be subject to the EAR',
    get: (ctx) => ({ value: subjectToEar(ctx).value === false }),
    describe: (ctx) => `item ${ctx.itemIndex} is not subject to the EAR: ${subjectToEar(ctx).why.join('; ')}`,
  },
  {
    path: 'item.us.foreignMadeAbroad',
    type: 'boolean',
    label: 'a foreign-made item outside the United States',
    get: (ctx) => result(foreignAbroad(ctx)),
    describe: describeTri(foreignAbroad, 'a foreign-made item outside the US'),
  },
  {
    path: 'item.us.deMinimisExceeded',
    type: 'boolean',
    label: 'US-controlled content above the de minimis level (§734.4)',
    get: (ctx) => result(allOf(foreignAbroad(ctx), deMinimisExceeded(ctx))),
    describe: describeTri(deMinimisExceeded, 'above de minimis'),
  },
  {
    path: 'item.us.deMinimisPct',
    type: 'number',
    label: 'de minimis level for this item and destination (%)',
    get: (ctx) => {
      const t = deMinimisThreshold(ctx);
      return t.pct === undefined ? { value: undefined, missing: t.missing } : { value: t.pct };
    },
  },
  fdpFact('e1', '§734.9(e)(1) (Footnote 1: Huawei)'),
  fdpFact('e2', '§734.9(e)(2) (Footnote 4: advanced computing / supercomputer entities)'),
  fdpFact('e3', '§734.9(e)(3) (Footnote 5 / advanced-node facility)'),
  fdpFact('h', '§734.9(h) (advanced computing)'),
  fdpFact('i', '§734.9(i) (supercomputer)'),
  fdpFact('k', '§734.9(k) (SME)'),
];
