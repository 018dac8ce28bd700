import type { IsoDate } from './dates.js';

/** One entry of a restricted-party list, whatever list format it came from (watchman's model). */
export interface ListEntry {
  /** Stable id: the same entry keeps it across loads of new versions of its list. */
  id: string;
  /** List id, e.g. `us.bis.entity-list`, `cn.mofcom.unreliable-entity-list`. */
  list: string;
  name: string;
  altNames: string[];
  type?: 'entity' | 'individual' | 'vessel' | 'aircraft' | undefined;
  /** ISO alpha-2 countries of the entry's addresses (first = main). */
  countries: string[];
  addresses: string[];
  /** Federal Register notice(s) or announcement number(s) that listed it. */
  citation?: string | undefined;
  startDate?: IsoDate | undefined;
  endDate?: IsoDate | undefined;
  programs?: string[] | undefined;
  /** Entity List: licence requirement text and parsed footnote numbers (1, 3, 4, 5). */
  licenseRequirement?: string | undefined;
  licensePolicy?: string | undefined;
  footnotes?: number[] | undefined;
  /** Designations that are active, suspended (with a window) or removed. */
  status?: 'active' | 'suspended' | 'removed' | undefined;
  suspendedFrom?: IsoDate | undefined;
  suspendedTo?: IsoDate | undefined;
  remarks?: string | undefined;
  /** The id the source list gives the entry (CSL `_id`, OFAC `ent_num`), when it has one. */
  sourceId?: string | undefined;
  /** Where the entry's facts come from, for lists compiled by hand (announcement pages). */
  source?: string | undefined;
  /**
   * Names the list itself does not print but that the entity is publicly known by
   * (the Chinese legal name of a listed Chinese company), each with its source.
   * Screening matches them like aliases.
   */
  localNames?: LocalName[] | undefined;
}

/** A curated name of a listed entity in its own script, with where it is published. */
export interface LocalName {
  name: string;
  source: string;
  /** How sure the curator is of the name and its registered form. */
  confidence?: 'high' | 'medium' | 'low' | undefined;
  /** What kind of publication `source` is: exchange-listing, parent-filing, official-site, registry, ... */
  sourceType?: string | undefined;
  /** A short form the entity itself uses (stock short name, brand); indexed as a name of the entry beside `name`. */
  brand?: string | undefined;
}

/** A version of a loaded list: its source date and a hash of its content. */
export interface ListVersion {
  list: string;
  title: string;
  sourceDate: IsoDate;
  hash: string;
  entries: number;
  /** Bundled snapshots are flagged so outputs never pass them off as live data. */
  bundledSnapshot?: boolean;
  /**
   * The last day an update from the official source found this content still current (a 304,
   * or the same entries again). Freshness counts from this when it is later than `sourceDate`:
   * a list the publisher has not changed for months is current, not stale.
   */
  currentAsOf?: IsoDate;
}

export interface ScreeningHit {
  list: string;
  /** The list's title for people (`list` stays the stable id). */
  listTitle?: string | undefined;
  entryId: string;
  name: string;
  matchedName: string;
  score: number;
  country?: string | undefined;
  citation?: string | undefined;
  explanation: string[];
  /** The facts of the entry that rules need (footnotes, licence policy, dates, status). */
  entry?: ListEntry | undefined;
}

export interface ScreeningResult {
  query: string;
  hits: ScreeningHit[];
}

export interface ScreenOptions {
  country?: string | undefined;
  address?: string | undefined;
  limit?: number | undefined;
  /** Minimum score to return (default: the candidate floor, below the alert threshold). */
  minScore?: number | undefined;
}

/** What the rules engine needs from screening: a function from a name to ranked hits. */
export interface Screener {
  screen(name: string, options?: ScreenOptions): ScreeningResult;
  /** Score at or above which a hit becomes a finding in a determination. */
  readonly alertThreshold: number;
  readonly versions: ListVersion[];
}
