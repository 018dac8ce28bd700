import { z } from 'zod';
import {
  isoDateSchema,
  OUTCOMES,
  REVIEW_POLICIES,
  type Determination,
  type ListEntry,
  type ScreeningHit,
  type Screener,
} from '../domain/index.js';
import type { SourceFile } from '../rules/index.js';
import { determine, type Engines } from './determine.js';
import { registerFromEdges } from '../ownership/index.js';

/** A simulated list hit, so pack scenarios do not depend on the bundled list snapshots. */
const simulatedHitSchema = z.strictObject({
  /** The party whose name matches; or `owner`: an owner's name (ownership scenarios). */
  party: z.number().int().nonnegative().optional(),
  owner: z.string().min(1).optional(),
  list: z.string(),
  name: z.string(),
  citation: z.string().optional(),
  footnotes: z.array(z.number().int()).optional(),
  licenseRequirement: z.string().optional(),
  licensePolicy: z.string().optional(),
  status: z.enum(['active', 'suspended', 'removed']).optional(),
  startDate: isoDateSchema.optional(),
  suspendedFrom: isoDateSchema.optional(),
  suspendedTo: isoDateSchema.optional(),
  score: z.number().min(0).max(1).default(1),
}).refine((h) => (h.party === undefined) !== (h.owner === undefined), { message: 'a simulated hit names either a party (index) or an owner (name)' });

const outcome = z.enum(OUTCOMES);
export const scenarioSchema = z.strictObject({
  name: z.string().min(1),
  ref: z.string().optional(),
  asOf: isoDateSchema.optional(),
  options: z.strictObject({ enforceAiDiffusion: z.boolean().optional() }).default({}),
  screening: z.array(simulatedHitSchema).optional(),
  /** Ownership register rows the scenario's determination reads (as `redline owners import` stores them). */
  register: z
    .array(z.strictObject({ entity: z.string().min(1), owner: z.string().min(1), share: z.number().min(0).max(100).optional(), asOf: isoDateSchema, source: z.string().optional() }))
    .optional(),
  given: z.unknown(),
  expect: z.strictObject({
    outcome: outcome.optional(),
    jurisdictions: z.record(z.string(), outcome).optional(),
    fires: z.array(z.string()).optional(),
    notFires: z.array(z.string()).optional(),
    notApplied: z.array(z.string()).optional(),
    /** Measures whose finding must be marked `assumed` (a status the pack does not know on the date). */
    assumed: z.array(z.string()).optional(),
    reviewPolicy: z.record(z.string(), z.enum(REVIEW_POLICIES).nullable()).optional(),
    exceptions: z.record(z.string(), z.boolean().nullable()).optional(),
    missing: z.array(z.string()).optional(),
    classification: z.record(z.string(), z.string()).optional(),
  }),
});
export const scenarioFileSchema = z.strictObject({ scenarios: z.array(scenarioSchema).min(1) });
export type Scenario = z.output<typeof scenarioSchema>;

export interface ScenarioResult {
  file: string;
  line?: number | undefined;
  name: string;
  ref?: string | undefined;
  passed: boolean;
  failures: string[];
  determination?: Determination;
}

function simulatedScreener(scenario: Scenario, alertThreshold = 0.85): Screener {
  const given = scenario.given as { parties?: { name?: string }[] };
  const byName = new Map<string, ScreeningHit[]>();
  for (const h of scenario.screening ?? []) {
    const partyName = h.owner ?? (h.party !== undefined ? given.parties?.[h.party]?.name : undefined);
    if (!partyName) continue;
    const entry: ListEntry = {
      id: `sim:${h.list}:${h.name}`,
      list: h.list,
      name: h.name,
      altNames: [],
      countries: [],
      addresses: [],
      citation: h.citation,
      footnotes: h.footnotes,
      licenseRequirement: h.licenseRequirement,
      licensePolicy: h.licensePolicy,
      status: h.status,
      startDate: h.startDate,
      suspendedFrom: h.suspendedFrom,
      suspendedTo: h.suspendedTo,
    };
    const hits = byName.get(partyName) ?? [];
    hits.push({ list: h.list, entryId: entry.id, name: h.name, matchedName: h.name, score: h.score, citation: h.citation, explanation: ['simulated hit (scenario)'], entry });
    byName.set(partyName, hits);
  }
  return {
    alertThreshold,
    versions: [],
    screen: (name) => ({ query: name, hits: byName.get(name) ?? [] }),
  };
}

/** Checks one scenario's expectations against the determination; every mismatch is reported. */
export function checkScenario(scenario: Scenario, engines: Engines): { failures: string[]; determination?: Determination } {
  const failures: string[] = [];
  let d: Determination;
  try {
    const owners = scenario.register ? registerFromEdges(scenario.register.map((r, i) => ({ ...r, importId: 1, line: i + 1 })), 1) : engines.owners;
    d = determine(scenario.given, { ...engines, owners, screener: simulatedScreener(scenario, engines.screener?.alertThreshold) }, {
      asOf: scenario.asOf,
      today: scenario.asOf ?? '2026-09-30',
      enforceAiDiffusion: scenario.options.enforceAiDiffusion,
    });
  } catch (e) {
    return { failures: [`determination failed: ${(e as Error).message}`] };
  }
  const e = scenario.expect;
  const all = d.jurisdictions.flatMap((j) => j.findings);
  const fired = new Set(all.map((f) => f.measure));
  const notApplied = new Set(d.jurisdictions.flatMap((j) => (j.notApplied ?? []).map((n) => n.measure)));
  if (e.outcome && d.outcome !== e.outcome) failures.push(`outcome ${d.outcome}, expected ${e.outcome}`);
  for (const [j, o] of Object.entries(e.jurisdictions ?? {})) {
    const got = d.jurisdictions.find((r) => r.jurisdiction === j)?.outcome;
    if (got !== o) failures.push(`${j} outcome ${got ?? 'absent'}, expected ${o}`);
  }
  for (const id of e.fires ?? []) if (!fired.has(id)) failures.push(`expected ${id} to apply; applied: ${[...fired].join(', ') || 'none'}`);
  for (const id of e.notFires ?? []) if (fired.has(id)) failures.push(`expected ${id} not to apply`);
  for (const id of e.assumed ?? []) {
    const f = all.find((x) => x.measure === id);
    if (!f?.assumed || !f.assumption) failures.push(`expected ${id} to apply as an assumption (assumed: true with the assumption text); got ${f ? 'a plain finding' : 'no finding'}`);
    else if (!d.assumptions?.some((a) => a.measure === id)) failures.push(`expected ${id} among the determination's assumptions`);
  }
  for (const id of e.notApplied ?? []) if (!notApplied.has(id)) failures.push(`expected ${id} among measures not applied on the date; got: ${[...notApplied].join(', ') || 'none'}`);
  for (const [j, p] of Object.entries(e.reviewPolicy ?? {})) {
    const got = d.jurisdictions.find((r) => r.jurisdiction === j)?.reviewPolicy ?? null;
    if (got !== p) failures.push(`${j} review policy ${got ?? 'none'}, expected ${p ?? 'none'}`);
  }
  for (const [code, available] of Object.entries(e.exceptions ?? {})) {
    const found = d.jurisdictions.flatMap((j) => j.exceptions).filter((x) => x.code === code);
    if (!found.length) failures.push(`expected licence exception ${code} to be considered`);
    else if (!found.some((x) => x.available === available)) failures.push(`${code} available=${found.map((x) => x.available).join('/')}, expected ${available}: ${found.map((x) => x.why).join(' | ')}`);
  }
  for (const m of e.missing ?? []) if (!d.missing.some((x) => x.includes(m))) failures.push(`expected missing to mention "${m}"; missing: ${d.missing.join(', ') || 'none'}`);
  for (const [k, code] of Object.entries(e.classification ?? {})) {
    const [item, jur = 'US'] = k.split(':');
    const got = d.classifications.find((c) => String(c.item) === item && c.jurisdiction === jur)?.code;
    if (got !== code) failures.push(`item ${item} ${jur} classification ${got ?? 'absent'}, expected ${code}`);
  }
  return { failures, determination: d };
}

/** Runs every scenario of the given scenario files. */
export function runScenarioFiles(files: SourceFile[], engines: Engines): ScenarioResult[] {
  const results: ScenarioResult[] = [];
  for (const file of files) {
    const parsed = scenarioFileSchema.safeParse(file.data);
    if (!parsed.success) {
      results.push({ file: file.file, name: '(file)', passed: false, failures: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
      continue;
    }
    parsed.data.scenarios.forEach((s, i) => {
      const { failures, determination } = checkScenario(s, engines);
      results.push({
        file: file.file,
        line: file.locate?.(['scenarios', i]),
        name: s.name,
        ref: s.ref,
        passed: failures.length === 0,
        failures,
        ...(determination ? { determination } : {}),
      });
    });
  }
  return results;
}
