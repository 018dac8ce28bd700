import type { GroupsFile, IsoDate } from '../domain/index.js';
import { inInterval } from '../domain/index.js';

/** Folds a company name for set membership: case, punctuation and common legal forms. */
export function foldPartyName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[.,'’"()&/-]/g, ' ')
    .replace(/\b(inc|incorporated|llc|ltd|limited|co|company|corp|corporation|plc|pjsc|fz|fze|fzco|llp|gmbh|sa|ag|holdings?|group)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

interface PartySet {
  title: string;
  citation: string;
  names: Set<string>;
  from?: IsoDate | undefined;
  to?: IsoDate | undefined;
  knownUntil?: IsoDate | undefined;
}

/**
 * Named sets of parties that rules refer to (Supp. 8 to Part 740 approved UAE entities).
 * Matching is on folded names, including "X subsidiary" forms (a name that starts with a
 * member followed by a space), because Supp. 8 approves named companies and their subsidiaries.
 */
export class PartySets {
  private readonly sets = new Map<string, PartySet>();

  constructor(files: GroupsFile[]) {
    for (const f of files) {
      for (const [name, s] of Object.entries(f.partySets)) {
        this.sets.set(name, { title: s.title, citation: s.citation, names: new Set(s.names.map(foldPartyName)), from: s.from, to: s.to, knownUntil: s.knownUntil });
      }
    }
  }

  has(name: string): boolean {
    return this.sets.has(name);
  }

  names(): string[] {
    return [...this.sets.keys()];
  }

  title(name: string): string {
    return this.sets.get(name)?.title ?? name;
  }

  /**
   * Whether the party is in any set whose name is `family` or starts with `family.` on the date:
   * undefined when it is in a set whose membership the pack cannot vouch for after `knownUntil`.
   */
  contains(family: string, partyName: string, date: IsoDate): boolean | undefined {
    const folded = foldPartyName(partyName);
    let result: boolean | undefined = false;
    for (const [name, s] of this.sets) {
      if (name !== family && !name.startsWith(`${family}.`)) continue;
      if (!inInterval(date, s)) continue;
      const member = s.names.has(folded) || [...s.names].some((n) => folded.startsWith(`${n} `));
      if (!member) continue;
      if (s.knownUntil && date >= s.knownUntil) result = undefined;
      else return true;
    }
    return result;
  }
}
