import type { FactContext, FactResult } from '../context.js';
import type { FactDef } from '../facts.js';

/**
 * Facts China's extraterritorial rules turn on (rules.md §4.2–4.3): whether an item is of
 * Chinese origin, how much China-origin listed rare earth it contains, and whether it was made
 * with Chinese rare-earth technology (MOFCOM No. 61 of 2025). Hong Kong and Macau count as China.
 */

const CHINA = new Set(['CN', 'HK', 'MO']);
const path = (ctx: FactContext, field: string) => `items[${ctx.itemIndex}].${field}`;
const maybe = (v: unknown, p: string): FactResult => (v === undefined ? { value: undefined, missing: [p] } : { value: v });

export const CHINA_FACTS: FactDef[] = [
  {
    path: 'item.cn.chinaOrigin',
    type: 'boolean',
    label: 'China-origin item',
    get: (ctx) => (ctx.item.origin === undefined ? { value: undefined, missing: [path(ctx, 'origin')] } : { value: CHINA.has(ctx.item.origin) }),
  },
  {
    path: 'item.cn.chinaOriginContentPct',
    type: 'number',
    label: 'China-origin listed rare-earth content (% of value)',
    get: (ctx) => {
      if (ctx.item.origin !== undefined && CHINA.has(ctx.item.origin)) return { value: 100 };
      return maybe(ctx.item.chinaOriginContentPct, path(ctx, 'chinaOriginContentPct'));
    },
  },
  {
    path: 'item.cn.chinaRareEarthTechnology',
    type: 'boolean',
    label: 'made abroad with Chinese rare-earth extraction, separation, smelting, magnet or recycling technology',
    get: (ctx) => maybe(ctx.item.chinaRareEarthTechnology, path(ctx, 'chinaRareEarthTechnology')),
  },
];
