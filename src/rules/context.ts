import type {
  Classification,
  IsoDate,
  Jurisdiction,
  PartyOwnership,
  ResolvedItem,
  ScreeningResult,
  Transaction,
} from '../domain/index.js';
import type { CountryGroups } from './groups.js';
import type { PartySets } from './party-sets.js';

/** Screening as the engine sees it: per party index, the results for its names; absent = not screened. */
export interface PartyScreening {
  party: number;
  results: ScreeningResult[];
}

export interface EvaluationOptions {
  /** Enforce the AI Diffusion rule's worldwide .a licence text (rules.md §1.13). Default false. */
  enforceAiDiffusion?: boolean;
}

/** Everything a fact provider may read for one item line of one transaction. */
export interface FactContext {
  date: IsoDate;
  tx: Transaction;
  item: ResolvedItem;
  itemIndex: number;
  classifications: Classification[];
  /** Screening per party, or undefined when screening was not run. */
  screening: PartyScreening[] | undefined;
  alertThreshold: number;
  /** The 50 percent rules per party, or undefined when owners could not be screened. */
  ownership?: PartyOwnership[] | undefined;
  options: EvaluationOptions;
  groups: CountryGroups;
  partySets: PartySets;
  jurisdiction: Jurisdiction;
  /** Filled in the second phase, for exceptions and review policies. */
  fired?: { measures: Set<string>; tags: Set<string> };
  /** Per-context memo of fact values (facts are read by many measures). */
  memo: Map<string, FactResult>;
  /** The line-kind facts' values as one key (engine.ts), computed on first need. */
  lineKind?: string;
}

/** A fact's value, and where it is unknown: the input paths a person would fill in. */
export interface FactResult {
  value: unknown;
  /** For a scalar: present when the value is unknown. For a list: the unknown elements. */
  missing?: string[];
}
