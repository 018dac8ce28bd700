import {
  parseTransaction,
  type Classification,
  type Determination,
  type IsoDate,
  type ListVersion,
  type OwnershipRegister,
  type ResolvedItem,
  type Screener,
  type Transaction,
} from '../domain/index.js';
import { classifyItem, resolveItem, type Catalogue } from '../classify/index.js';
import { applyListFreshness, staleLists } from './list-freshness.js';
import { partyOwnership } from './ownership.js';
import { evaluationKey, evaluationMemoFor, type Evaluation } from './evaluation-memo.js';
import { evaluateTransaction, type EvaluationOptions, type PartyScreening, type Ruleset } from '../rules/index.js';

/** What a determination is made with: the rule set, the catalogue and (optionally) a screener. */
export interface Engines {
  ruleset: Ruleset;
  catalogue: Catalogue;
  /** Without a screener parties are not screened and list-based measures answer `review`. */
  screener?: Screener | undefined;
  /**
   * A snapshot of the stored ownership register, read for parties the transaction gives no
   * `owners` for (passed in like the screener, so determination stays pure).
   */
  owners?: OwnershipRegister | undefined;
}

export interface DetermineOptions extends EvaluationOptions {
  /** Evaluate under the rules of this date instead of the transaction's date. */
  asOf?: IsoDate | undefined;
  /** The date used when neither `asOf` nor the transaction's `date` is given (the caller reads the clock). */
  today: IsoDate;
  /** Base of error paths, e.g. `[3]` for the fourth transaction of an array. */
  path?: string;
  /** Lists older than this many days past their source date make answers `review` (default 30). */
  maxListAgeDays?: number | undefined;
  /** `false` evaluates every line afresh instead of sharing the answer of an identical line (evaluation-memo.ts). */
  memo?: boolean | undefined;
}

/** Validate → resolve items → classify → screen → evaluate → combine (architecture.md). */
export function determine(input: unknown, engines: Engines, options: DetermineOptions): Determination {
  const tx = parseTransaction(input, options.path ?? '');
  return determineParsed(tx, engines, options);
}

export function determineParsed(tx: Transaction, engines: Engines, options: DetermineOptions): Determination {
  const asOf = options.asOf ?? tx.date ?? options.today;
  const prefix = options.path ? `${options.path}.` : '';
  // Resolved first, as always: an unknown model is an input error before any screening.
  const items: ResolvedItem[] = tx.items.map((item, i) => resolveItem(item, engines.catalogue, `${prefix}items[${i}]`));
  const screening = engines.screener ? screenParties(tx, engines.screener) : undefined;
  const ownership = partyOwnership(tx, engines.screener, engines.owners, asOf);
  const alertThreshold = engines.screener?.alertThreshold;
  const memo = options.memo === false ? undefined : evaluationMemoFor(engines.ruleset, engines.catalogue);
  const key = memo?.active() && evaluationKey({ tx, asOf, enforceAiDiffusion: options.enforceAiDiffusion, alertThreshold, screening, ownership });
  let shared = key ? memo!.get(key) : undefined;
  // Without the memo the engine's answer, which carries the line's id first, is used as it is;
  // an answer to share is kept without the id, and the line's own id is put back in front.
  let own: Evaluation | undefined;
  if (!shared) {
    const classifications: Classification[][] = items.map((item, i) => classifyItem(item, i, asOf));
    const evaluated = evaluateTransaction(engines.ruleset, {
      tx,
      asOf,
      items,
      classifications,
      screening,
      ownership,
      alertThreshold,
      options: { enforceAiDiffusion: options.enforceAiDiffusion },
    });
    if (key) {
      const { id: _id, ...withoutId } = evaluated;
      shared = memo!.set(key, withoutId);
    } else own = evaluated;
  }
  const versions = engines.screener?.versions ?? NO_VERSIONS;
  const { lists, listTitles } = listsOf(versions);
  const determination = lineDetermination(tx, own ?? shared!, {
    screening: (screening ?? []).flatMap((p) => p.results.map((r) => ({ party: p.party, ...r }))),
    ownership,
    ruleset: { version: engines.ruleset.version, hash: engines.ruleset.hash },
    lists,
    listTitles,
  });
  // Staleness is judged against the day of the run, not the as-of date: it is about the data we hold now.
  const stale = staleLists(versions, options.today, options.maxListAgeDays);
  return applyListFreshness(determination, stale, screening?.length ?? 0);
}

/**
 * The fields of an evaluation, in the order a determination prints them: every one the engine
 * writes, or tsc fails below (ownership and list titles are the line's own, added after).
 */
const EVALUATION_FIELDS = ['outcome', 'asOf', 'jurisdictions', 'classifications', 'redFlags', 'missing', 'options', 'assumptions'] as const;
type Unlisted = Exclude<keyof Evaluation, (typeof EVALUATION_FIELDS)[number] | 'ownership' | 'listTitles'>;
const everyFieldListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyFieldListed;

/**
 * One line's determination: its own id, the (possibly shared) evaluation, then what is the
 * line's own. Written field by field rather than spread: evaluations come in many shapes, and a
 * spread of them went megamorphic in V8 and cost a sixth of a determination.
 */
function lineDetermination(
  tx: Transaction,
  e: Evaluation,
  own: Pick<Determination, 'screening' | 'ownership' | 'ruleset' | 'lists' | 'listTitles'>,
): Determination {
  const d = {} as Record<string, unknown>;
  if (tx.id !== undefined) d.id = tx.id;
  for (const field of EVALUATION_FIELDS) if (e[field] !== undefined) d[field] = e[field];
  d.screening = own.screening;
  if (own.ownership?.length) d.ownership = own.ownership;
  d.ruleset = own.ruleset;
  d.lists = own.lists;
  if (own.listTitles) d.listTitles = own.listTitles;
  return d as unknown as Determination;
}

// One array for "no screener", so the per-versions memos below and in staleLists hit.
const NO_VERSIONS: readonly ListVersion[] = Object.freeze([]);
type ListMaps = { lists: Readonly<Record<string, IsoDate>>; listTitles: Readonly<Record<string, string>> | undefined };
const listMaps = new WeakMap<readonly ListVersion[], ListMaps>();

/** The lists a determination was screened against, by source date and title: the same for every line of a book. */
function listsOf(versions: readonly ListVersion[]): ListMaps {
  let maps = listMaps.get(versions);
  if (!maps) {
    const lists: Record<string, IsoDate> = {};
    const listTitles: Record<string, string> = {};
    for (const v of versions) {
      lists[v.list] = v.sourceDate;
      listTitles[v.list] = v.title;
    }
    maps = { lists: Object.freeze(lists), listTitles: versions.length ? Object.freeze(listTitles) : undefined };
    listMaps.set(versions, maps);
  }
  return maps;
}

/** Screens each party's name and aliases, using its country and address to weigh hits. */
export function screenParties(tx: Transaction, screener: Screener): PartyScreening[] {
  return tx.parties.map((party, index) => ({
    party: index,
    results: [party.name, ...(party.aliases ?? [])].map((name) =>
      screener.screen(name, { country: party.country, address: party.address }),
    ),
  }));
}
