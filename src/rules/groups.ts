import { inInterval, isCountryCode, type GroupsFile, type IsoDate, type Jurisdiction } from '../domain/index.js';

interface Membership {
  country: string;
  from?: IsoDate | undefined;
  to?: IsoDate | undefined;
}

interface GroupDef {
  name: string;
  title: string;
  citation: string;
  members: Membership[];
  union: string[];
  minus: string[];
}

/**
 * Country groups with effective dates (rules.md §1.4). A group is either a dated member list
 * or derived from others ((D:1 ∪ D:4 ∪ D:5) − (A:5 ∪ A:6)), evaluated on the as-of date, never
 * from a "current" table. Aliases map a destination to another (Hong Kong is China for EAR
 * purposes since 2020-12-23).
 */
export class CountryGroups {
  private readonly defs = new Map<string, GroupDef>();
  private readonly aliases: { jurisdiction: Jurisdiction; country: string; as: string; from?: IsoDate | undefined }[] = [];
  private readonly cache = new Map<string, ReadonlySet<string>>();

  constructor(files: GroupsFile[]) {
    for (const file of files) {
      for (const a of file.aliases) this.aliases.push({ jurisdiction: file.jurisdiction, country: a.country, as: a.as, from: a.from });
      for (const [name, g] of Object.entries(file.groups)) {
        if (this.defs.has(name)) throw new Error(`country group ${name} is defined twice`);
        const members: Membership[] = [...(g.members ?? []), ...(g.plus ?? [])].map((m) =>
          typeof m === 'string' ? { country: m } : { country: m.country, from: m.from, to: m.to },
        );
        this.defs.set(name, { name, title: g.title, citation: g.citation, members, union: g.union ?? [], minus: g.minus ?? [] });
      }
    }
  }

  has(name: string): boolean {
    return this.defs.has(name);
  }

  names(): string[] {
    return [...this.defs.keys()];
  }

  title(name: string): string {
    return this.defs.get(name)?.title ?? name;
  }

  /** Problems with the definitions: unknown codes, unknown referenced groups, cycles. */
  validate(): string[] {
    const problems: string[] = [];
    for (const def of this.defs.values()) {
      for (const m of def.members) {
        if (!isCountryCode(m.country)) problems.push(`group ${def.name}: ${m.country} is not an ISO country code`);
      }
      for (const ref of [...def.union, ...def.minus]) {
        if (!this.defs.has(ref)) problems.push(`group ${def.name}: refers to unknown group ${ref}`);
      }
    }
    const visiting = new Set<string>();
    const visit = (name: string): void => {
      if (visiting.has(name)) throw new Error(`country group ${name} refers to itself`);
      visiting.add(name);
      const def = this.defs.get(name);
      for (const ref of [...(def?.union ?? []), ...(def?.minus ?? [])]) if (this.defs.has(ref)) visit(ref);
      visiting.delete(name);
    };
    for (const name of this.defs.keys()) {
      try {
        visit(name);
      } catch (e) {
        problems.push((e as Error).message);
      }
    }
    return problems;
  }

  /** The members of `name` on `date`, memoised per (group, date): batches repeat dates. */
  members(name: string, date: IsoDate): ReadonlySet<string> {
    const key = `${name}@${date}`;
    let set = this.cache.get(key);
    if (set) return set;
    const def = this.defs.get(name);
    if (!def) throw new Error(`unknown country group ${name}`);
    const out = new Set<string>();
    for (const ref of def.union) for (const c of this.members(ref, date)) out.add(c);
    for (const m of def.members) if (inInterval(date, m)) out.add(m.country);
    for (const ref of def.minus) for (const c of this.members(ref, date)) out.delete(c);
    if (this.cache.size > 50_000) this.cache.clear();
    this.cache.set(key, out);
    set = out;
    return set;
  }

  /** The country a jurisdiction treats `country` as on `date` (HK → CN under the EAR). */
  canonical(country: string, jurisdiction: Jurisdiction, date: IsoDate): string {
    for (const a of this.aliases) {
      if (a.country === country && a.jurisdiction === jurisdiction && (a.from === undefined || date >= a.from)) return a.as;
    }
    return country;
  }

  isMember(country: string, name: string, date: IsoDate, jurisdiction: Jurisdiction): boolean {
    const set = this.members(name, date);
    return set.has(country) || set.has(this.canonical(country, jurisdiction, date));
  }

  /** The group's jurisdiction prefix: groups are named like `us:D:5` or by bare names owned by one file. */
  citation(name: string): string {
    return this.defs.get(name)?.citation ?? '';
  }
}
