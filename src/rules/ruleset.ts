import {
  groupsFileSchema,
  packFileSchema,
  problemsFromZod,
  type ExceptionDef,
  type GroupsFile,
  type Jurisdiction,
  type Measure,
  type PackFile,
} from '../domain/index.js';
import { compileCondition, ConditionError, type CompiledCondition } from './condition.js';
import { FactRegistry, type FactDef } from './facts.js';
import { CountryGroups } from './groups.js';
import { PartySets } from './party-sets.js';

/** A parsed data file and a way to turn a JSON path inside it into a line number. */
export interface SourceFile {
  file: string;
  data: unknown;
  locate?: (path: (string | number)[]) => number | undefined;
}

export interface CompiledException extends ExceptionDef {
  test: CompiledCondition;
  prerequisiteTest?: CompiledCondition;
}

export interface CompiledMeasure extends Measure {
  test: CompiledCondition;
  compiledExceptions: CompiledException[];
}

/** Every problem in the rule packs, each as `file:line: message`. Loading fails on any. */
export class RulesetError extends Error {
  constructor(readonly problems: string[]) {
    super(`rule packs are invalid:\n  ${problems.join('\n  ')}`);
    this.name = 'RulesetError';
  }
}

export interface Ruleset {
  version: string;
  hash: string;
  measures: CompiledMeasure[];
  byId: Map<string, CompiledMeasure>;
  packs: PackFile[];
  groups: CountryGroups;
  partySets: PartySets;
  facts: FactRegistry;
  jurisdictions: Jurisdiction[];
}

const JURISDICTION_ORDER: Jurisdiction[] = ['US', 'JP', 'NL', 'CN', 'EU'];

function where(src: SourceFile, path: (string | number)[]): string {
  const line = src.locate?.(path);
  return line ? `${src.file}:${line}` : src.file;
}

/**
 * Validates and compiles rule packs and country groups. Like Cedar's schema check, a typo in a
 * pack (an unknown fact, group or field) is a load error naming the file and line, never a
 * silent "no".
 */
export function compileRuleset(input: {
  packs: SourceFile[];
  groups: SourceFile[];
  version: string;
  hash: string;
  extraFacts?: FactDef[];
}): Ruleset {
  const problems: string[] = [];
  const groupFiles: GroupsFile[] = [];
  for (const src of input.groups) {
    const r = groupsFileSchema.safeParse(src.data);
    if (!r.success) {
      for (const p of problemsFromZod(r.error)) problems.push(`${where(src, pathOf(p.path))}: ${p.path}: ${p.message}`);
      continue;
    }
    groupFiles.push(r.data);
  }
  const groups = new CountryGroups(groupFiles);
  problems.push(...groups.validate());
  const partySets = new PartySets(groupFiles);
  const facts = new FactRegistry(input.extraFacts);

  const packs: PackFile[] = [];
  const measures: CompiledMeasure[] = [];
  const byId = new Map<string, CompiledMeasure>();
  for (const src of input.packs) {
    const r = packFileSchema.safeParse(src.data);
    if (!r.success) {
      for (const p of problemsFromZod(r.error)) problems.push(`${where(src, pathOf(p.path))}: ${p.path}: ${p.message}`);
      continue;
    }
    packs.push(r.data);
    r.data.measures.forEach((m, i) => {
      const base: (string | number)[] = ['measures', i];
      if (m.jurisdiction !== r.data.jurisdiction) problems.push(`${where(src, [...base, 'jurisdiction'])}: measure ${m.id} is ${m.jurisdiction} in a ${r.data.jurisdiction} pack`);
      if (byId.has(m.id)) problems.push(`${where(src, [...base, 'id'])}: measure id ${m.id} is used twice`);
      if (m.effective.to && m.effective.to <= m.effective.from) problems.push(`${where(src, [...base, 'effective'])}: ${m.id} ends before it starts`);
      try {
        const test = compileCondition(m.when, { facts, groups }, [...base, 'when']);
        const compiledExceptions = m.exceptions.map((e, j) => ({
          ...e,
          test: compileCondition(e.when, { facts, groups }, [...base, 'exceptions', j, 'when']),
          ...(e.prerequisite ? { prerequisiteTest: compileCondition(e.prerequisite.when, { facts, groups }, [...base, 'exceptions', j, 'prerequisite', 'when']) } : {}),
        }));
        const line = src.locate?.(base);
        const cm: CompiledMeasure = { ...m, pack: r.data.pack, source: { file: src.file, line: line ?? 0 }, test, compiledExceptions };
        measures.push(cm);
        byId.set(m.id, cm);
      } catch (e) {
        if (e instanceof ConditionError) problems.push(`${where(src, e.path)}: ${m.id}: ${e.message}`);
        else throw e;
      }
    });
  }
  for (const m of measures) {
    for (const ref of [...m.overrides]) {
      if (!byId.has(ref)) problems.push(`${m.source?.file}:${m.source?.line}: ${m.id} overrides unknown measure ${ref}`);
    }
  }
  if (problems.length) throw new RulesetError(problems);
  const present = new Set(measures.map((m) => m.jurisdiction));
  return {
    version: input.version,
    hash: input.hash,
    measures,
    byId,
    packs,
    groups,
    partySets,
    facts,
    jurisdictions: JURISDICTION_ORDER.filter((j) => present.has(j)),
  };
}

/** "measures[3].when.all[1].fact" → ['measures', 3, 'when', 'all', 1, 'fact'] */
function pathOf(p: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const part of p.split('.')) {
    const m = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) {
      out.push(part);
      continue;
    }
    if (m[1]) out.push(m[1]);
    for (const idx of (m[2] ?? '').matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}
