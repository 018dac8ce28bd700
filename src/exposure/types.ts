import type { IsoDate, Jurisdiction, Outcome } from '../domain/index.js';

/**
 * One line of an order book as exposure analysis sees it: where it goes, what it is and what
 * it is worth. The transaction itself is evaluated elsewhere; this is what the breakdowns key on.
 */
export interface BookLine {
  /** 1-based position in the book (the CSV data row or the JSONL line), for messages. */
  row: number;
  /** The caller's reference, or `row-N` when the book gives none. */
  id: string;
  date?: IsoDate | undefined;
  from?: string | undefined;
  /** Destination country. */
  to: string;
  /** A label for the item: catalogue model, tool name, or substance and form. */
  item: string;
  /** Item kind (`ic`, `sme`, `material`, ...), for the chips / tools / materials split. */
  kind: string;
  value: number;
  currency: string;
  quantity?: number | undefined;
}

/** What one determination says about one line, reduced to what the breakdowns need. */
export interface LineOutcome {
  outcome: Outcome;
  /** Each jurisdiction's outcome for the line. */
  jurisdictions: Partial<Record<Jurisdiction, Outcome>>;
  /** Measures that weigh on the line (outcome other than clear) → the worst outcome they give it. */
  measures: Record<string, Outcome>;
  /**
   * The 50 percent measures that alone give the line its outcome: without them the line would be
   * better off, so the rule reaches it only through the party's owners (docs/ownership.md).
   */
  throughOwnership?: string[];
}

export type EvaluatedLine =
  | { line: BookLine; result: LineOutcome; error?: undefined }
  | { line: BookLine; result?: undefined; error: string };

/** A measure as the report names it, so a reader sees the rule and not just its id. */
export interface MeasureInfo {
  jurisdiction: string;
  /** The measure's title for people (the id stays the key). */
  title?: string;
  titleZh?: string;
  summary: string;
  citation: string;
}

export interface Tally {
  count: number;
  value: number;
}

export type OutcomeTally = Record<Outcome, Tally>;

/** One row of a breakdown: the lines sharing `key`, split by outcome. */
export interface Group {
  key: string;
  outcomes: OutcomeTally;
  total: Tally;
}

export const DIMENSIONS = ['jurisdiction', 'measure', 'destination', 'item', 'kind', 'month'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface ExposureReport {
  /** The date whose rules were applied to every line; `null` = each line under its own date. */
  asOf: IsoDate | null;
  currency: string;
  /** Every evaluated line, split by overall outcome. */
  total: Group;
  /**
   * Breakdowns. `destination`, `item`, `kind` and `month` partition the book by overall outcome;
   * `jurisdiction` has every line once per jurisdiction (that jurisdiction's outcome); `measure`
   * has a line under each measure that weighs on it (so its rows overlap and do not add up).
   */
  by: Record<Dimension, Group[]>;
  measures: Record<string, MeasureInfo>;
  /** Lines that could not be evaluated (bad input, unknown item): never dropped silently. */
  errors: { row: number; id: string; value: number; message: string }[];
  errorTotal: Tally;
  /** Things that hold for the whole analysis and that a reader must know (e.g. old screening lists). */
  caveats: string[];
  /** Lines whose outcome comes only from a 50 percent rule (reached through ownership), by measure. */
  throughOwnership: { total: Tally; byMeasure: Group[] };
}

export type Direction = 'stricter' | 'looser';

/** A line whose overall outcome differs between the two dates, and the measures that explain it. */
export interface LineFlip {
  row: number;
  id: string;
  item: string;
  destination: string;
  month: string;
  value: number;
  before: Outcome;
  after: Outcome;
  direction: Direction;
  /** Measures weighing on the line only under the later analysis. */
  added: string[];
  /** Measures weighing on the line only under the earlier analysis. */
  removed: string[];
  /** Measures on both sides whose outcome for the line changed (e.g. an exception came or went). */
  changed: { measure: string; before: Outcome; after: Outcome }[];
}

export interface MeasureChange {
  measure: string;
  jurisdiction: string;
  title?: string;
  titleZh?: string;
  summary: string;
  citation: string;
  /** Lines the measure weighs on under the compared date and not under the base date. */
  newlyApplying: Tally;
  /** Lines the measure weighed on under the base date and no longer does. */
  noLongerApplying: Tally;
}

/** How a breakdown row moved: value and count newly restricted or released. */
export interface GroupShift {
  key: string;
  stricter: Tally;
  looser: Tally;
}

export interface ExposureComparison {
  base: ExposureReport;
  compare: ExposureReport;
  /** Lines and value moving from one outcome to another (only the cells that are not empty). */
  transitions: { before: Outcome; after: Outcome; count: number; value: number }[];
  stricter: Tally;
  looser: Tally;
  unchanged: Tally;
  /** Per outcome: compared minus base. */
  delta: OutcomeTally;
  flips: LineFlip[];
  /** Lines whose outcome stayed the same while the measures behind it changed. */
  reasonChanges: number;
  measureChanges: MeasureChange[];
  shifts: Record<'destination' | 'item' | 'kind' | 'month', GroupShift[]>;
}
