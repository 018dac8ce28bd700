import {
  InputError,
  itemSchema,
  parseInput,
  type Classification,
  type Determination,
  type IsoDate,
  type OwnershipRegister,
  type Screener,
} from '../domain/index.js';
import { classifyItem, resolveItem, type Catalogue } from '../classify/index.js';
import { determine } from '../determine/index.js';
import type { Ruleset } from '../rules/index.js';
import { loadCatalogue } from './catalogue.js';
import { loadRuleset } from './rules.js';

export interface RedlineOptions {
  packsDir?: string;
  catalogueDir?: string;
  /** A screener, or a function that builds one; `false` turns screening off (list rules then answer review). */
  screener?: Screener | (() => Promise<Screener>) | false;
  enforceAiDiffusion?: boolean;
  /** Lists older than this many days past their source date make answers `review` (default 30). */
  maxListAgeDays?: number;
}

export interface CheckOptions {
  asOf?: IsoDate | undefined;
  enforceAiDiffusion?: boolean | undefined;
  /** Base of error paths for arrays, e.g. `[3]`. */
  path?: string;
  /** The ownership register snapshot, read for parties without an `owners` tree. */
  owners?: OwnershipRegister | undefined;
}

/** The library's face: `const redline = await createRedline(); redline.check(tx)`. */
export interface Redline {
  readonly ruleset: Ruleset;
  readonly catalogue: Catalogue;
  readonly screener: Screener | undefined;
  check(transaction: unknown, options?: CheckOptions): Determination;
  classify(item: unknown, options?: CheckOptions): Classification[];
  /** The same rule set and catalogue with another screener (e.g. one that leaves cleared hits out). */
  withScreener?(screener: Screener | undefined): Redline;
}

/** Today's date in UTC: the default as-of date when a transaction gives none. */
export function today(): IsoDate {
  // Asked once per line of a book: the day is worked out again only when the clock leaves it.
  const now = Date.now();
  if (now >= day.from && now < day.to) return day.date;
  const date = new Date(now).toISOString().slice(0, 10);
  const from = Date.parse(`${date}T00:00:00Z`);
  day = { date, from, to: from + 86_400_000 };
  return date;
}
let day = { date: '', from: 0, to: 0 };

export async function createRedline(options: RedlineOptions = {}): Promise<Redline> {
  const [ruleset, screener] = await Promise.all([
    loadRuleset(options.packsDir),
    options.screener === false || options.screener === undefined
      ? Promise.resolve(undefined)
      : typeof options.screener === 'function'
        ? options.screener()
        : Promise.resolve(options.screener),
  ]);
  return buildRedline(ruleset, loadCatalogue(options.catalogueDir), screener, options);
}

function buildRedline(ruleset: Ruleset, catalogue: Catalogue, screener: Screener | undefined, options: RedlineOptions): Redline {
  const engines = { ruleset, catalogue, screener };
  return {
    withScreener: (s) => buildRedline(ruleset, catalogue, s, options),
    ruleset,
    catalogue,
    screener,
    check(transaction, opts = {}) {
      return determine(transaction, opts.owners ? { ...engines, owners: opts.owners } : engines, {
        asOf: opts.asOf,
        today: today(),
        enforceAiDiffusion: opts.enforceAiDiffusion ?? options.enforceAiDiffusion,
        maxListAgeDays: options.maxListAgeDays,
        path: opts.path,
      });
    },
    classify(item, opts = {}) {
      const base = opts.path ?? '';
      if (item === null || typeof item !== 'object' || Array.isArray(item)) {
        throw new InputError([{ path: base || 'item', message: 'must be a JSON object describing an item or naming a catalogue model' }]);
      }
      const parsed = parseInput(itemSchema, item, base);
      const resolved = resolveItem(parsed, catalogue, base || '');
      return classifyItem(resolved, 0, opts.asOf ?? today());
    },
  };
}
