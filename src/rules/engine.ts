import {
  factLabel,
  outcomeOfEffect,
  strictestPolicy,
  worseOf,
  worstOutcome,
  type Classification,
  type Determination,
  type ExceptionResult,
  type Finding,
  type IsoDate,
  type Jurisdiction,
  type JurisdictionResult,
  type OwnershipRuleId,
  type PartyOwnership,
  type Outcome,
  type ResolvedItem,
  type ReviewPolicy,
  type ScreeningHit,
  type Transaction,
} from '../domain/index.js';
import type { EvaluationOptions, FactContext, PartyScreening } from './context.js';
import { isActiveOn } from './facts.js';
import type { CompiledMeasure, Ruleset } from './ruleset.js';
import { applyExceptions, mergeException } from './exception-phase.js';

export interface EvaluationInput {
  tx: Transaction;
  asOf: IsoDate;
  items: ResolvedItem[];
  /** Classifications per item (index-aligned with items). */
  classifications: Classification[][];
  screening?: PartyScreening[] | undefined;
  /** The 50 percent rules per party (src/ownership), computed by the pipeline. */
  ownership?: PartyOwnership[] | undefined;
  alertThreshold?: number;
  options?: EvaluationOptions;
  lists?: Record<string, IsoDate>;
}

/** Why a measure on the books did not apply on the date, or could not be known to. */
interface StatusVerdict {
  applies: boolean;
  notAppliedWhy?: string;
  unknownFuture?: string;
}

function statusOn(m: CompiledMeasure, date: IsoDate, options: EvaluationOptions): StatusVerdict {
  for (const w of m.status) {
    if (w.unlessOption && (options as Record<string, unknown>)[w.unlessOption] === true) continue;
    if (date >= w.from && (w.to === undefined || date < w.to)) {
      return { applies: false, notAppliedWhy: `${w.status.replace('_', ' ')} from ${w.from}${w.to ? ` to ${w.to}` : ''} (${w.by})` };
    }
    if (w.to !== undefined && date >= w.to && w.then === 'unknown') {
      return {
        applies: true,
        unknownFuture: `the ${w.status.replace('_', ' ')} window (${w.by}) ended on ${w.to}; this rule pack does not know whether it was extended or the measure revived`,
      };
    }
  }
  if (m.knownUntil && date >= m.knownUntil.date) {
    return { applies: true, unknownFuture: `${m.knownUntil.why} (known to this rule pack until ${m.knownUntil.date})` };
  }
  return { applies: true };
}

function inForce(m: CompiledMeasure, date: IsoDate): boolean {
  return date >= m.effective.from && (m.effective.to === undefined || date < m.effective.to);
}

interface Draft {
  measure: CompiledMeasure;
  items: Set<number>;
  because: string[];
  missing: Set<string>;
  outcome: Outcome;
  exceptions: Map<string, ExceptionResult>;
  reviewPolicy?: ReviewPolicy | undefined;
  citations: string[];
  fired: boolean;
  assumption?: string;
}

function policyFromText(text: string | undefined): ReviewPolicy | undefined {
  if (!text) return undefined;
  const t = text.toLowerCase();
  // An entry that splits its policy by item class (SMIC: "presumption of denial for items
  // uniquely required for <= 10 nm ...; case-by-case for all other items") names no single
  // policy: leave it to the person reading the quoted text (rules.md §8 example 16).
  const named = [/presumption of denial/, /case[- ]by[- ]case/, /presumption of approval/, /(?<!presumption )policy of denial/].filter((re) => re.test(t));
  if (named.length > 1) return undefined;
  if (t.includes('policy of denial') && !t.includes('presumption')) return 'policy_of_denial';
  if (t.includes('presumption of denial')) return 'presumption_of_denial';
  if (t.includes('case-by-case') || t.includes('case by case')) return 'case_by_case';
  if (t.includes('presumption of approval')) return 'presumption_of_approval';
  return undefined;
}

/** The alert-level, active hits on the given lists, with the party each belongs to. */
function listHits(ctx: FactContext, lists: string[]): { party: number; hit: ScreeningHit }[] {
  const out: { party: number; hit: ScreeningHit }[] = [];
  for (const p of ctx.screening ?? []) {
    for (const r of p.results) {
      for (const hit of r.hits) {
        if (lists.includes(hit.list) && hit.score >= ctx.alertThreshold && isActiveOn(hit.entry, ctx.date)) out.push({ party: p.party, hit });
      }
    }
  }
  return out;
}

/**
 * Evaluates every measure in force on the as-of date against each item line, then combines:
 * findings per jurisdiction, licence exceptions, review policies, and the worst outcome.
 * Pure: the same input and ruleset give the same determination, whatever the clock says.
 */
export function evaluateTransaction(ruleset: Ruleset, input: EvaluationInput): Omit<Determination, 'screening' | 'ruleset' | 'lists'> {
  const options = input.options ?? {};
  const date = input.asOf;
  const results: JurisdictionResult[] = [];
  const allMissing = new Set<string>();
  const redFlags: Finding[] = [];

  const classifications: Classification[] = [];
  for (const perItem of input.classifications) {
    for (const cl of perItem) {
      classifications.push(cl);
      if (cl.missing) for (const m of cl.missing) allMissing.add(`items[${cl.item}]: ${m}`);
    }
  }

  // One context per item line, shared by every jurisdiction: facts do not depend on it.
  const contexts = input.items.map((item, i) => makeContext(ruleset, input, item, i, 'US', options));
  const plan = planFor(ruleset, date, options);
  for (const jurisdiction of ruleset.jurisdictions) {
    const drafts = new Map<string, Draft>();
    const notApplied = new Map<string, { measure: string; title?: string; citation: string; why: string }>();
    for (const ctx of contexts) {
      ctx.jurisdiction = jurisdiction;
      ctx.fired = undefined;
    }
    const { requirements, policies } = plan.get(jurisdiction)!;

    // Phase 1: which requirements apply, per item line. Each line tests only the measures its
    // kind of line can meet (candidatesFor); the others are false whatever the rest of the line says.
    const unscreenedLists: CompiledMeasure[] = [];
    const candidates = contexts.map((ctx) => candidatesFor(ruleset, requirements, ctx));
    for (let k = 0; k < requirements.length; k++) {
      const { measure: m, verdict } = requirements[k]!;
      if (m.lists.length && input.screening === undefined && input.tx.parties.length) {
        unscreenedLists.push(m);
        continue;
      }
      const lines = m.per === 'transaction' ? Math.min(1, contexts.length) : contexts.length;
      for (let c = 0; c < lines; c++) {
        if (candidates[c]![k] === 0) continue;
        const ctx = contexts[c]!;
        const v = m.test.test(ctx);
        if (v === false) continue;
        if (!verdict.applies) {
          if (v === true) notApplied.set(m.id, { measure: m.id, title: m.title ?? m.summary, ...(m.titleZh ? { titleZh: m.titleZh } : {}), citation: m.citation, why: verdict.notAppliedWhy ?? 'not applied' });
          continue;
        }
        const draft = drafts.get(m.id) ?? newDraft(m);
        drafts.set(m.id, draft);
        if (m.per === 'item') draft.items.add(ctx.itemIndex);
        if (v === undefined) {
          const missing = new Set<string>();
          m.test.missing(ctx, missing);
          for (const x of missing) draft.missing.add(x);
          draft.outcome = worseOf(draft.outcome, 'review');
          pushUnique(draft.because, `cannot tell whether this applies: ${[...missing].map((m) => factLabel(m)).join(', ') || 'a fact'} unknown`);
          continue;
        }
        draft.fired = true;
        // A list measure is explained by its hits (who matched which entry), not by the list fact.
        if (m.lists.length) addListDetails(draft, ctx, m.lists);
        else {
          const lines: string[] = [];
          m.test.explain(ctx, lines);
          for (const l of lines) pushUnique(draft.because, l);
          if (m.ownershipRule) addOwnershipTerms(draft, ctx, m.ownershipRule);
        }
        const base = m.confidence === 'low' ? worseOf(outcomeOfEffect(m.effect), 'review') : outcomeOfEffect(m.effect);
        draft.outcome = worseOf(draft.outcome, verdict.unknownFuture ? worseOf(base, 'review') : base);
        if (verdict.unknownFuture) {
          pushUnique(draft.because, verdict.unknownFuture);
          draft.assumption = `${verdict.unknownFuture}: this answer assumes the measure applies (${m.effect.replace(/_/g, ' ')}); confirm its status before relying on it`;
        }
      }
    }

    if (unscreenedLists.length) drafts.set(NOT_SCREENED, notScreenedDraft(unscreenedLists));

    // Phase 2: licence exceptions, now that we know which measures (and tags) apply.
    const firedMeasures = new Set<string>();
    const firedTags = new Set<string>();
    for (const d of drafts.values()) {
      if (!d.fired) continue;
      firedMeasures.add(d.measure.id);
      for (const t of d.measure.tags) firedTags.add(t);
    }
    for (const ctx of contexts) ctx.fired = { measures: firedMeasures, tags: firedTags };
    for (const d of drafts.values()) applyExceptions(d, contexts);

    // Phase 3: review policies for the licences still required.
    const licensedIds = new Set<string>();
    const licensedTags = new Set<string>();
    for (const d of drafts.values()) {
      if (!d.fired || d.outcome !== 'license_required') continue;
      licensedIds.add(d.measure.id);
      for (const t of d.measure.tags) licensedTags.add(t);
    }
    const policyDrafts: Draft[] = [];
    if (licensedIds.size) {
      for (const m of policies) {
        if (m.governs.length && !m.governs.some((g) => licensedIds.has(g) || licensedTags.has(g))) continue;
        for (const ctx of contexts) {
          if (m.test.test(ctx) !== true) continue;
          const draft = policyDrafts.find((p) => p.measure.id === m.id) ?? newDraft(m);
          if (!policyDrafts.includes(draft)) policyDrafts.push(draft);
          draft.fired = true;
          draft.items.add(ctx.itemIndex);
          draft.reviewPolicy = m.reviewPolicy;
          const lines: string[] = [];
          m.test.explain(ctx, lines);
          for (const l of lines) pushUnique(draft.because, l);
        }
      }
      // A specific lane displaces a default only for the item lines the lane covers.
      for (let i = policyDrafts.length - 1; i >= 0; i--) {
        const p = policyDrafts[i]!;
        const covering = policyDrafts.filter((o) => o.measure.overrides.includes(p.measure.id));
        if (!covering.length) continue;
        const covered = new Set(covering.flatMap((o) => [...o.items]));
        if ([...p.items].every((item) => covered.has(item))) policyDrafts.splice(i, 1);
      }
    }

    const findings = [...drafts.values(), ...policyDrafts].map(toFinding);
    for (const f of findings) {
      for (const m of f.missing ?? []) allMissing.add(m);
      if (f.effect === 'red_flag' && !f.missing) redFlags.push(f);
    }
    const outcome = worstOutcome(findings.map((f) => f.outcome));
    const exceptions = new Map<string, ExceptionResult>();
    for (const f of findings) for (const e of f.exceptions ?? []) mergeException(exceptions, e);
    const result: JurisdictionResult = { jurisdiction, outcome, findings, exceptions: [...exceptions.values()] };
    if (outcome === 'license_required') {
      const policy = strictestPolicy(findings.flatMap((f) => (f.reviewPolicy ? [f.reviewPolicy] : [])));
      if (policy) result.reviewPolicy = policy;
    }
    if (notApplied.size) result.notApplied = [...notApplied.values()];
    const assumptions = findings.filter((f) => f.assumed && f.assumption).map((f) => ({ measure: f.measure, assumption: f.assumption! }));
    if (assumptions.length) result.assumptions = assumptions;
    results.push(result);
  }

  // Written field by field, in this order: an object literal that starts with a spread went
  // megamorphic in V8 and cost a tenth of an evaluation.
  const out = {} as Omit<Determination, 'screening' | 'ruleset' | 'lists'>;
  if (input.tx.id !== undefined) out.id = input.tx.id;
  out.outcome = worstOutcome(results.map((r) => r.outcome));
  out.asOf = date;
  out.jurisdictions = results;
  out.classifications = classifications;
  out.redFlags = redFlags;
  out.missing = [...allMissing];
  if (options.enforceAiDiffusion) out.options = { enforceAiDiffusion: true };
  if (results.some((r) => r.assumptions)) {
    out.assumptions = results.flatMap((r) => (r.assumptions ?? []).map((a) => ({ jurisdiction: r.jurisdiction, ...a })));
  }
  return out;
}

interface JurisdictionPlan {
  requirements: { measure: CompiledMeasure; verdict: StatusVerdict }[];
  policies: CompiledMeasure[];
}

/**
 * The measures in force on a date with their status, per jurisdiction. Order books repeat a
 * handful of dates, so plans are memoised per ruleset, date and options (bounded).
 */
const plans = new WeakMap<Ruleset, Map<string, Map<Jurisdiction, JurisdictionPlan>>>();

function planFor(ruleset: Ruleset, date: IsoDate, options: EvaluationOptions): Map<Jurisdiction, JurisdictionPlan> {
  let byKey = plans.get(ruleset);
  if (!byKey) plans.set(ruleset, (byKey = new Map()));
  const key = `${date}|${options.enforceAiDiffusion === true}`;
  let plan = byKey.get(key);
  if (plan) return plan;
  plan = new Map();
  for (const j of ruleset.jurisdictions) {
    const requirements: JurisdictionPlan['requirements'] = [];
    const policies: CompiledMeasure[] = [];
    for (const m of ruleset.measures) {
      if (m.jurisdiction !== j || !inForce(m, date)) continue;
      if (m.kind === 'requirement') requirements.push({ measure: m, verdict: statusOn(m, date, options) });
      else if (m.kind === 'review_policy' && statusOn(m, date, options).applies) policies.push(m);
    }
    plan.set(j, { requirements, policies });
  }
  if (byKey.size > 10_000) byKey.clear();
  byKey.set(key, plan);
  return plan;
}

/**
 * The facts that say what kind of line this is: where it goes from and to, what the item is and
 * how each jurisdiction classifies it. Cheap to read (every line reads them anyway), few distinct
 * values across an order book, and most measures test one of them before anything else.
 */
const LINE_KIND_FACTS: ReadonlySet<string> = new Set(['tx.from', 'tx.to', 'item.kind', 'item.us.acLevel', 'item.jp.codes', 'item.nl.codes', 'item.cn.codes']);

// Keyed by the plan's requirement list, which stands for its ruleset, jurisdiction, date and options.
const candidateMemo = new WeakMap<JurisdictionPlan['requirements'], Map<string, Uint8Array>>();

/**
 * Per requirement of the plan, 1 when the measure can apply to this line and 0 when its condition
 * is already false on the line-kind facts alone (condition.partial). The answer depends only on
 * those facts' values, the date, the jurisdiction and the options, so it is memoised on them.
 */
function candidatesFor(ruleset: Ruleset, requirements: JurisdictionPlan['requirements'], ctx: FactContext): Uint8Array {
  let byKey = candidateMemo.get(requirements);
  if (!byKey) candidateMemo.set(requirements, (byKey = new Map()));
  // One string per line, reused for every jurisdiction, so its hash is computed once.
  const key = (ctx.lineKind ??= lineKind(ruleset, ctx));
  let mask = byKey.get(key);
  if (mask) return mask;
  mask = new Uint8Array(requirements.length);
  for (let k = 0; k < requirements.length; k++) mask[k] = requirements[k]!.measure.test.partial(ctx, LINE_KIND_FACTS) === false ? 0 : 1;
  if (byKey.size > 10_000) byKey.clear();
  byKey.set(key, mask);
  return mask;
}

/** The line-kind facts' values (and unknown parts), as one key; the same for every jurisdiction. */
function lineKind(ruleset: Ruleset, ctx: FactContext): string {
  let key = '';
  for (const path of LINE_KIND_FACTS) {
    if (!ruleset.facts.has(path)) continue;
    const r = ruleset.facts.read(path, ctx);
    key += `|${Array.isArray(r.value) ? `[${r.value.join(',')}]` : String(r.value)}${r.missing ? `?${r.missing.join(',')}` : ''}`;
  }
  return key;
}

const NOT_SCREENED = 'redline.screening.not-run';

/** One review finding in place of every list-based measure, when parties were not screened. */
function notScreenedDraft(measures: CompiledMeasure[]): Draft {
  return { ...newDraft(notScreenedMeasure(measures)), outcome: 'review', missing: new Set(['screening (not run)']), because: ['screening was not run for this determination'] };
}

// The stand-in measure is the same for the same list measures of one rule set: made once (a copy
// of a compiled measure per line was a seventh of a determination without a screener). Keyed by
// the first measure's object, so another rule set never meets this one's stand-ins.
const notScreenedMeasures = new WeakMap<CompiledMeasure, Map<string, CompiledMeasure>>();

function notScreenedMeasure(measures: CompiledMeasure[]): CompiledMeasure {
  const first = measures[0]!;
  let byIds = notScreenedMeasures.get(first);
  if (!byIds) notScreenedMeasures.set(first, (byIds = new Map()));
  const ids = measures.map((m) => m.id).join(', ');
  let measure = byIds.get(ids);
  if (measure) return measure;
  measure = {
    ...first,
    id: NOT_SCREENED,
    title: 'Parties not screened',
    instrument: 'Redline',
    citation: measures.map((m) => m.citation).join('; '),
    summary: `Parties were not screened, so these list rules could not be checked: ${ids}`,
    effect: 'informational',
    confidence: 'high',
    exceptions: [],
    compiledExceptions: [],
    tags: [],
  };
  byIds.set(ids, measure);
  return measure;
}

function newDraft(m: CompiledMeasure): Draft {
  return {
    measure: m,
    items: new Set(),
    because: [],
    missing: new Set(),
    outcome: m.kind === 'requirement' ? 'no_license_required' : 'no_license_required',
    exceptions: new Map(),
    reviewPolicy: m.reviewPolicy,
    citations: [],
    fired: false,
  };
}

function pushUnique(arr: string[], s: string): void {
  if (!arr.includes(s)) arr.push(s);
}

/** Adds, per party and list, the best-scoring hit with its entry's facts (and a count of the others). */
function addListDetails(draft: Draft, ctx: FactContext, lists: string[]): void {
  const best = new Map<string, { party: number; hit: ScreeningHit; others: number }>();
  for (const { party, hit } of listHits(ctx, lists)) {
    const key = `${party}|${hit.list}`;
    const prev = best.get(key);
    if (!prev) best.set(key, { party, hit, others: 0 });
    else if (hit.score > prev.hit.score) best.set(key, { party, hit, others: prev.others + 1 });
    else prev.others++;
  }
  for (const { party, hit, others } of best.values()) {
    const name = ctx.tx.parties[party]?.name ?? '?';
    pushUnique(
      draft.because,
      `party ${party + 1} "${name}" matches ${hit.listTitle ?? hit.list} entry "${hit.name}" (score ${hit.score.toFixed(2)}${hit.country ? `, ${hit.country}` : ''}${hit.citation ? `; ${hit.citation}` : ''})${others ? `; ${others} more entr${others === 1 ? 'y' : 'ies'} of the list also match` : ''}`,
    );
    if (hit.citation) pushUnique(draft.citations, hit.citation);
    const fns = hit.entry?.footnotes ?? [];
    if (fns.length) pushUnique(draft.because, `entry carries Entity List footnote ${fns.join(', ')}`);
    if (hit.entry?.licenseRequirement) pushUnique(draft.because, `licence requirement: ${hit.entry.licenseRequirement}`);
    const policy = policyFromText(hit.entry?.licensePolicy);
    if (hit.entry?.licensePolicy) pushUnique(draft.because, `licence review policy: ${hit.entry.licensePolicy}`);
    if (policy) draft.reviewPolicy = strictestPolicy([policy, ...(draft.reviewPolicy ? [draft.reviewPolicy] : [])]);
  }
}

/**
 * For a 50 percent rule: cite the listed owners reached, and apply the most restrictive owner's
 * terms (rules.md §1.11: "most restrictive owner's terms apply") — its review policy.
 */
function addOwnershipTerms(draft: Draft, ctx: FactContext, rule: OwnershipRuleId): void {
  for (const p of ctx.ownership ?? []) {
    const r = p.rules.find((x) => x.rule === rule);
    if (!r || r.restricted !== true) continue;
    for (const c of r.chains) if (c.listing.citation) pushUnique(draft.citations, c.listing.citation);
    const t = r.terms;
    if (!t) continue;
    const policy = policyFromText(t.licensePolicy);
    pushUnique(draft.because, `party ${p.party + 1}: the most restrictive owner's terms apply — "${t.owner ?? t.name}" (${t.label} entry "${t.name}"${t.citation ? `, ${t.citation}` : ''})${t.licensePolicy ? `: licence review policy: ${t.licensePolicy}` : ''}`);
    if (policy) draft.reviewPolicy = strictestPolicy([policy, ...(draft.reviewPolicy ? [draft.reviewPolicy] : [])]);
  }
}

function toFinding(d: Draft): Finding {
  const m = d.measure;
  // Field by field, in this order (a spread inside the literal went megamorphic in V8).
  const f = { measure: m.id, title: m.title ?? m.summary } as Finding;
  if (m.titleZh) f.titleZh = m.titleZh;
  f.effect = m.kind === 'review_policy' ? 'informational' : m.effect;
  f.citation = d.citations.length ? `${m.citation}; ${d.citations.join('; ')}` : m.citation;
  f.summary = m.summary;
  f.because = d.because;
  f.outcome = m.kind === 'review_policy' ? 'no_license_required' : d.outcome;
  f.jurisdiction = m.jurisdiction;
  f.instrument = m.instrument;
  f.confidence = m.confidence;
  if (d.items.size) f.items = [...d.items].sort((a, b) => a - b);
  if (d.reviewPolicy) f.reviewPolicy = d.reviewPolicy;
  if (d.exceptions.size) f.exceptions = [...d.exceptions.values()];
  if (d.missing.size) f.missing = [...d.missing];
  if (m.ownershipRule) f.viaOwnership = m.ownershipRule;
  if (d.assumption && d.fired) {
    f.assumed = true;
    f.assumption = d.assumption;
  }
  return f;
}

function makeContext(
  ruleset: Ruleset,
  input: EvaluationInput,
  item: ResolvedItem,
  itemIndex: number,
  jurisdiction: Jurisdiction,
  options: EvaluationOptions,
): FactContext {
  return {
    date: input.asOf,
    tx: input.tx,
    item,
    itemIndex,
    classifications: input.classifications[itemIndex] ?? [],
    screening: input.screening,
    ownership: input.ownership,
    alertThreshold: input.alertThreshold ?? 0.85,
    options,
    groups: ruleset.groups,
    partySets: ruleset.partySets,
    jurisdiction,
    memo: new Map(),
  };
}
