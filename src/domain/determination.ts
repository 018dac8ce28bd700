import type { IsoDate } from './dates.js';
import type { Jurisdiction } from './jurisdiction.js';
import type { Effect, Outcome, ReviewPolicy } from './outcome.js';
import type { Classification } from './classification.js';
import type { ScreeningResult } from './screening.js';
import type { Confidence } from './measure.js';
import type { OwnershipRuleId, PartyOwnership } from './ownership.js';

export interface ExceptionResult {
  code: string;
  /** true: usable if `requires` is met; false: not usable (see why); null: cannot tell (missing facts). */
  available: boolean | null;
  why: string;
  citation?: string;
  requires?: string[];
  measure?: string;
  /**
   * The exception's conditions hold but a step must come first (NAC: BIS's reply to the 25-day
   * notification): what to do. `available` is then null and the finding `review`.
   */
  pending?: string;
}

export interface Finding {
  measure: string;
  /** The measure's title for people (`measure` stays the stable id). */
  title?: string;
  /** The measure's title in Chinese, where the rule pack gives one (shown in the zh interface and `--lang zh`). */
  titleZh?: string;
  effect: Effect;
  citation: string;
  summary: string;
  because: string[];
  /** The outcome this finding gives after licence exceptions. */
  outcome: Outcome;
  jurisdiction: Jurisdiction;
  instrument: string;
  confidence: Confidence;
  items?: number[];
  reviewPolicy?: ReviewPolicy;
  exceptions?: ExceptionResult[];
  /** Facts the measure needed and did not have (the finding is then a `review`). */
  missing?: string[];
  /** The 50 percent rule this finding comes from: the party is reached through its owners. */
  viaOwnership?: OwnershipRuleId;
  /**
   * The finding rests on a status the pack does not know on the date (a suspension that ended
   * with no word of an extension): the outcome assumes the measure applies, and says so.
   */
  assumed?: boolean;
  assumption?: string;
}

export interface JurisdictionResult {
  jurisdiction: Jurisdiction;
  outcome: Outcome;
  findings: Finding[];
  exceptions: ExceptionResult[];
  /** The strictest review policy that governs the licence application, when one is needed. */
  reviewPolicy?: ReviewPolicy;
  /** Measures on the books that did not apply on the date, and why (stayed, not enforced ...). */
  notApplied?: { measure: string; title?: string; titleZh?: string; citation: string; why: string }[];
  /** The assumptions this jurisdiction's outcome rests on (findings with `assumed`). */
  assumptions?: { measure: string; assumption: string }[];
}

export interface Determination {
  id?: string;
  outcome: Outcome;
  asOf: IsoDate;
  jurisdictions: JurisdictionResult[];
  classifications: Classification[];
  screening: ({ party: number } & ScreeningResult)[];
  redFlags: Finding[];
  missing: string[];
  ruleset: { version: string; hash: string };
  lists: Record<string, IsoDate>;
  /** The 50 percent rules computed for each party with known owners, with the paths (src/ownership). */
  ownership?: PartyOwnership[];
  /** The titles of the lists in `lists`, for people. */
  listTitles?: Record<string, string>;
  /** Options that changed evaluation (e.g. enforceAiDiffusion). */
  options?: Record<string, boolean>;
  /** Every assumption an outcome rests on, per jurisdiction (see Finding.assumed). */
  assumptions?: { jurisdiction: Jurisdiction; measure: string; assumption: string }[];
}
