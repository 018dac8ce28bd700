import type { Determination, IsoDate, PartyOwnership, ScreeningHit, Transaction } from '../domain/index.js';
import type { PartyScreening, Ruleset } from '../rules/index.js';

/** What the rules engine answers for one line, without the line's own id. */
export type Evaluation = Omit<Determination, 'screening' | 'ruleset' | 'lists' | 'id'>;

/**
 * Order books repeat themselves: the same model to the same place on the same day for the same
 * parties, line after line, with other quantities and values. Classification and the rules read
 * neither an item's quantity nor its value ("reported, not used by any rule", docs/transaction.md;
 * src/determine/evaluation-memo.test.ts holds every pack scenario to it), so two lines that differ
 * only there, and in their ids, get the same evaluation: it is computed once and shared.
 *
 * The key is everything else the engine reads: the transaction, the as-of date, the options,
 * what screening found (list, entry, name, score, country, citation of every hit) and the
 * ownership results. A cached evaluation is frozen, so a caller that tried to change a shared
 * answer would fail loudly instead of changing another line's.
 */
export class EvaluationMemo {
  private readonly byKey = new Map<string, Evaluation>();
  private lookups = 0;
  private hits = 0;
  private paused = 0;

  /**
   * `window` lookups are judged together: when fewer than `minHitRate` of them found their line
   * (a book whose lines hardly repeat, such as one party per order), keys cost more than they
   * save, so the memo steps aside for the next `pause` lines, then tries again.
   */
  constructor(
    private readonly capacity = 10_000,
    private readonly window = 10_000,
    private readonly minHitRate = 0.3,
    private readonly pause = 50_000,
  ) {}

  /** Whether to look this line up at all (false while the memo has stepped aside). */
  active(): boolean {
    if (this.paused === 0) return true;
    this.paused--;
    return false;
  }

  get(key: string): Evaluation | undefined {
    const found = this.byKey.get(key);
    this.lookups++;
    if (found) this.hits++;
    if (this.lookups === this.window) {
      if (this.hits < this.window * this.minHitRate) {
        this.paused = this.pause;
        this.byKey.clear();
      }
      this.lookups = 0;
      this.hits = 0;
    }
    return found;
  }

  set(key: string, evaluation: Evaluation): Evaluation {
    // Bounded: a book with more distinct lines than this just starts over (the common lines
    // come back within a few thousand).
    if (this.byKey.size >= this.capacity) this.byKey.clear();
    deepFreeze(evaluation);
    this.byKey.set(key, evaluation);
    return evaluation;
  }
}

/** One memo per rule set and catalogue (weakly held, so a replaced rule set takes its answers along). */
const memos = new WeakMap<Ruleset, WeakMap<object, EvaluationMemo>>();

export function evaluationMemoFor(ruleset: Ruleset, catalogue: object): EvaluationMemo {
  let byCatalogue = memos.get(ruleset);
  if (!byCatalogue) memos.set(ruleset, (byCatalogue = new WeakMap()));
  let memo = byCatalogue.get(catalogue);
  if (!memo) byCatalogue.set(catalogue, (memo = new EvaluationMemo()));
  return memo;
}

export interface EvaluationKeyInput {
  tx: Transaction;
  asOf: IsoDate;
  enforceAiDiffusion: boolean | undefined;
  alertThreshold: number | undefined;
  screening: PartyScreening[] | undefined;
  ownership: PartyOwnership[] | undefined;
}

export function evaluationKey(input: EvaluationKeyInput): string {
  return [
    lineKey(input.tx),
    input.asOf,
    input.enforceAiDiffusion === true ? 'ai' : '',
    input.alertThreshold ?? '',
    screeningKey(input.screening),
    input.ownership === undefined ? 'u' : JSON.stringify(input.ownership),
  ].join('\u0000');
}

/** The transaction as the rules see it: without its id, and without item quantities and values. */
function lineKey(tx: Transaction): string {
  // A copy rather than a replacer function: JSON.stringify runs several times faster without one
  // (undefined members are left out either way).
  const items = tx.items.map((item) => ({ ...item, quantity: undefined, value: undefined }));
  return JSON.stringify({ ...tx, id: undefined, items });
}

// List entries are long-lived objects of a loaded list version; a number per object stands for
// all of an entry's facts (a new version brings new objects, so new numbers).
const entryNumbers = new WeakMap<object, number>();
let nextEntryNumber = 1;

function entryNumber(entry: object | undefined): number {
  if (!entry) return 0;
  let n = entryNumbers.get(entry);
  if (n === undefined) entryNumbers.set(entry, (n = nextEntryNumber++));
  return n;
}

function hitKey(h: ScreeningHit): string {
  return `${h.list}\u0001${h.listTitle ?? ''}\u0001${h.entryId}\u0001${h.name}\u0001${h.matchedName}\u0001${h.score}\u0001${h.country ?? ''}\u0001${h.citation ?? ''}\u0001${entryNumber(h.entry)}`;
}

function screeningKey(screening: PartyScreening[] | undefined): string {
  if (screening === undefined) return 'u';
  let key = '';
  for (const p of screening) {
    key += `\u0002${p.party}`;
    for (const r of p.results) {
      key += `\u0003${r.query}`;
      for (const h of r.hits) key += `\u0004${hitKey(h)}`;
    }
  }
  return key;
}

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v);
}
