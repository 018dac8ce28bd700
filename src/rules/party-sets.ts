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
        this.sets.set(name, { title: s.title, citation: s.citation, names: new Set(s.names.map(foldPartyName)), from: s.from, to: s.to });
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

  contains(set: string, partyName: string, date: IsoDate): boolean {
    const s = this.sets.get(set);
    if (!s || !inInterval(date, s)) return false;
    const folded = foldPartyName(partyName);
    if (s.names.has(folded)) return true;
    for (const n of s.names) if (folded.startsWith(`${n} `)) return true;
    return false;
  }
}
