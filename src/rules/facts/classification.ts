import type { Classification, Jurisdiction } from '../../domain/index.js';
import type { FactContext, FactResult } from '../context.js';
import type { FactDef } from '../facts.js';
import { SME_FN5_ONLY, SME_GOV_ONLY, SME_MACAU_D5, SME_WORLDWIDE, codeIn, inCategory3BCDE, inFn5FdpScope, onCcl } from './sme-lists.js';

/**
 * Facts about an item's place on the control lists beyond 3A090: the Category 3B/3D/3E lists
 * the EAR names (sme-lists.ts), and the Japanese, Dutch and Chinese entries (src/classify/sme.ts,
 * materials.ts). An INDETERMINATE classification makes these unknown only for kinds that could
 * be on the list (an IC is never Category 3B equipment), so chips do not turn into reviews.
 */

function classificationOf(ctx: FactContext, j: Jurisdiction): Classification[] {
  return ctx.classifications.filter((c) => c.jurisdiction === j);
}

function missingOf(ctx: FactContext, c: Classification | undefined): string[] {
  return (c?.missing ?? ['classification']).map((m) => `items[${ctx.itemIndex}]: ${m}`);
}

const EQUIPMENT_KINDS = ['sme', 'software', 'technology'];
const CATEGORY3_KINDS = ['sme', 'material', 'software', 'technology'];

/** A yes/no about the US code, unknown only when the code is unknown and the item kind could qualify. */
function usCodeTest(kinds: string[], test: (code: string) => boolean | undefined) {
  return (ctx: FactContext): FactResult => {
    const cl = classificationOf(ctx, 'US')[0];
    const code = cl?.code;
    if (code === undefined || code === 'INDETERMINATE') {
      return kinds.includes(ctx.item.kind) ? { value: undefined, missing: missingOf(ctx, cl) } : { value: false };
    }
    const v = test(code);
    return v === undefined ? { value: undefined, missing: [`items[${ctx.itemIndex}]: eccn (whether ${code} is on the Commerce Control List)`] } : { value: v };
  };
}

function describeUs(words: string) {
  return (ctx: FactContext, holds: boolean): string | undefined => {
    const cl = classificationOf(ctx, 'US')[0];
    if (!cl) return undefined;
    return `item ${ctx.itemIndex + 1} is ${cl.code}${holds ? ', ' : ', not '}${words} (${cl.because})`;
  };
}

/** The codes of one jurisdiction's entries; unknown when any entry is INDETERMINATE. */
function codesOf(j: Jurisdiction, modelledKinds: string[], why: string) {
  return (ctx: FactContext): FactResult => {
    const cls = classificationOf(ctx, j);
    if (!modelledKinds.includes(ctx.item.kind)) return { value: [] };
    const open = cls.filter((c) => c.code === 'INDETERMINATE');
    const codes = cls.map((c) => c.code).filter((c) => c !== 'INDETERMINATE' && c !== 'NOT_LISTED');
    if (open.length) return { value: codes, missing: open.flatMap((c) => missingOf(ctx, c)) };
    if (cls.length === 0) return { value: [], missing: [`items[${ctx.itemIndex}]: ${why}`] };
    return { value: codes };
  };
}

function describeCodes(j: Jurisdiction, name: string) {
  return (ctx: FactContext, holds: boolean): string | undefined => {
    const cls = classificationOf(ctx, j);
    if (!cls.length) return undefined;
    const shown = cls.map((c) => `${c.code} (${c.because})`).join('; ');
    return `item ${ctx.itemIndex + 1} ${holds ? 'is' : 'is not'} in ${name}: ${shown}`;
  };
}

export const CLASSIFICATION_FACTS: FactDef[] = [
  {
    path: 'item.us.smeMacauD5List',
    type: 'boolean',
    label: 'SME listed for Macau/D:5 (3B001.a.4, c, d, f.1, f.5, f.6, k–n, p.2, p.4, r, 3B002.c, 3D992/3E992)',
    get: usCodeTest(EQUIPMENT_KINDS, (c) => codeIn(c, SME_MACAU_D5)),
    describe: describeUs('in the §742.4(a)(4) / §742.6(a)(6)(i)(A) SME list'),
  },
  {
    path: 'item.us.smeGovOnlyList',
    type: 'boolean',
    label: 'SME for which only License Exception GOV is available to Macau/D:5 (§740.2(a)(9)(i))',
    get: usCodeTest(EQUIPMENT_KINDS, (c) => codeIn(c, SME_GOV_ONLY)),
    describe: describeUs('in the §740.2(a)(9)(i) list'),
  },
  {
    path: 'item.us.smeWorldwideList',
    type: 'boolean',
    label: 'SME controlled worldwide (3B001.c.1.a, c.1.c, .q)',
    get: usCodeTest(EQUIPMENT_KINDS, (c) => codeIn(c, SME_WORLDWIDE)),
    describe: describeUs('in the worldwide 3B001.c.1.a / c.1.c / .q list'),
  },
  {
    path: 'item.us.smeFn5OnlyList',
    type: 'boolean',
    label: 'SME licensed only to Footnote-5 entities (3B993, 3B994, 3D/3E993-994)',
    get: usCodeTest(EQUIPMENT_KINDS, (c) => codeIn(c, SME_FN5_ONLY)),
    describe: describeUs('3B993/3B994 (or related software/technology)'),
  },
  {
    path: 'item.us.fn5FdpProductScope',
    type: 'boolean',
    label: 'in the §734.9(e)(3) product list (3B001 other than the Macau/D:5 list, 3B002 other than .c, 3B903, 3B991, 3B992, 3B993, 3B994)',
    get: usCodeTest(EQUIPMENT_KINDS, inFn5FdpScope),
    describe: describeUs('in the §734.9(e)(3) product list'),
  },
  {
    path: 'item.us.category3BCDE',
    type: 'boolean',
    label: 'in Category 3 product group B, C, D or E',
    get: usCodeTest(CATEGORY3_KINDS, inCategory3BCDE),
    describe: describeUs('in Category 3 product group B, C, D or E'),
  },
  {
    path: 'item.us.onCcl',
    type: 'boolean',
    label: 'on the Commerce Control List (not EAR99)',
    get: usCodeTest(['ic', 'memory', 'computer', 'sme', 'material', 'software', 'technology'], (c) => onCcl(c)),
    describe: describeUs('on the Commerce Control List'),
  },
  {
    path: 'item.jp.codes',
    type: 'list',
    label: "Japan's control-list entries (METI)",
    get: codesOf('JP', ['sme'], "Japan's classification"),
    describe: describeCodes('JP', "Japan's list"),
  },
  {
    path: 'item.nl.codes',
    type: 'list',
    label: 'Dutch national and EU Annex I entries',
    get: codesOf('NL', ['sme'], 'Dutch classification'),
    describe: describeCodes('NL', 'the Dutch / EU list'),
  },
  {
    path: 'item.cn.codes',
    type: 'list',
    label: "China's control-list entries (MOFCOM announcements)",
    get: codesOf('CN', ['sme', 'material', 'technology'], "China's classification"),
    describe: describeCodes('CN', "China's list"),
  },
  {
    path: 'item.cn.dualUse',
    type: 'boolean',
    label: "a dual-use item on China's list",
    get: (ctx) => {
      const cls = classificationOf(ctx, 'CN');
      if (!['sme', 'material'].includes(ctx.item.kind) || cls.length === 0) {
        return { value: undefined, missing: [`items[${ctx.itemIndex}]: China's dual-use classification (modelled for materials and equipment only)`] };
      }
      if (cls.some((c) => c.code !== 'NOT_LISTED' && c.code !== 'INDETERMINATE')) return { value: true };
      const open = cls.filter((c) => c.code === 'INDETERMINATE');
      return open.length ? { value: undefined, missing: open.flatMap((c) => missingOf(ctx, c)) } : { value: false };
    },
    describe: describeCodes('CN', "China's dual-use list"),
  },
];
