import type { Determination, Finding, JurisdictionResult } from './determination.js';
import type { Outcome, ReviewPolicy } from './outcome.js';
import { missingLabel } from './labels.js';

/**
 * The answer of a determination in a few lines, for the top of every page and CLI output
 * (issue 15, "a determination that leads with the answer"): the outcome, the rules that
 * decided it (title and citation, one line each) and what to do next. Pure: the CLI and the
 * web app print the same summary.
 */
export interface DeterminationSummary {
  outcome: Outcome;
  deciding: { jurisdiction: string; title: string; citation: string; outcome: Outcome; measure: string; reviewPolicy?: ReviewPolicy | undefined }[];
  nextSteps: string[];
}

/** The languages human output is written in (the CLI's `--lang`, the web app's switch). */
export type HumanLang = 'en' | 'zh';

const POLICY_WORDS_ZH: Record<ReviewPolicy, string> = {
  policy_of_denial: '拒绝政策',
  presumption_of_denial: '推定拒绝',
  de_facto_denial: '事实上拒绝',
  case_by_case: '逐案审查',
  presumption_of_approval: '推定批准',
};

const POLICY_WORDS: Record<ReviewPolicy, string> = {
  policy_of_denial: 'policy of denial',
  presumption_of_denial: 'presumption of denial',
  de_facto_denial: 'de facto denial',
  case_by_case: 'case-by-case review',
  presumption_of_approval: 'presumption of approval',
};

export function policyWords(p: ReviewPolicy, lang: HumanLang = 'en'): string {
  return (lang === 'zh' ? POLICY_WORDS_ZH[p] : POLICY_WORDS[p]) ?? p.replace(/_/g, ' ');
}

const AUTHORITY_ZH: Record<string, string> = {
  US: '美国商务部工业与安全局（BIS）',
  JP: '日本经济产业省（METI）',
  NL: '荷兰进出口中央办公室（CDIU）',
  CN: '中国商务部（MOFCOM）',
};

/** The next-step sentences in each language; `{x}` are filled in. */
const STEP: Record<HumanLang, Record<string, string>> = {
  en: {
    prohibited: 'Do not ship: {authority} prohibits this export (see the deciding rule).',
    licence: 'Apply to {authority} for a licence before shipping{policy}.',
    licencePolicy: ' — the application is judged under a {policy}',
    exception: 'Licence exception {code} can be used{requires}.',
    exceptionRequires: ', provided: {requires}',
    hits: 'Resolve the potential list matches in the review queue (clear or confirm each one) — {n} part{ies} matched.',
    lists: 'Fetch current lists (redline lists update, which serve also runs on its schedule) and check again.',
    fact: 'Give {fact}, then check again.',
    uncertain: 'A rule’s status is uncertain on this date: have a trade-compliance officer decide, and record why.',
    clear: 'No licence is needed under the rules Redline holds: keep this record with the order.',
  },
  zh: {
    prohibited: '不得发货：{authority}禁止此项出口（见决定性规则）。',
    licence: '发货前向{authority}申请许可证{policy}。',
    licencePolicy: '——申请将按“{policy}”审查',
    exception: '可以使用许可例外 {code}{requires}。',
    exceptionRequires: '，条件是：{requires}',
    hits: '在复核队列中处理潜在的名单匹配（逐一排除或确认）——有 {n} 方被匹配。',
    lists: '获取最新名单（redline lists update；serve 也会按计划自动更新）后重新审查。',
    fact: '请提供{fact}，然后重新审查。',
    uncertain: '某条规则在该日期的状态不确定：请由贸易合规人员决定，并记录理由。',
    clear: '按 Redline 所掌握的规则无需许可证：请将此记录与订单一并保存。',
  },
};

function step(lang: HumanLang, key: string, vars: Record<string, string | number> = {}): string {
  return STEP[lang][key]!.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}

function authority(j: string, lang: HumanLang): string {
  return (lang === 'zh' ? AUTHORITY_ZH[j] : AUTHORITY[j]) ?? j;
}

const AUTHORITY: Record<string, string> = {
  US: 'BIS (US Commerce Department)',
  JP: 'METI (Japan)',
  NL: 'the Dutch Central Import and Export Office (CDIU)',
  CN: 'MOFCOM (China)',
};

/** A finding is a review-policy note (how a licence is judged), not a requirement. */
export function isPolicyNote(f: Finding): boolean {
  return f.effect === 'informational' && f.reviewPolicy !== undefined;
}

/** The findings that make a jurisdiction's outcome what it is. */
function decidingFindings(j: JurisdictionResult): Finding[] {
  return j.findings.filter((f) => !isPolicyNote(f) && f.outcome === j.outcome);
}

function licenceStep(j: JurisdictionResult, lang: HumanLang): string {
  const policy = j.reviewPolicy ? step(lang, 'licencePolicy', { policy: policyWords(j.reviewPolicy, lang) }) : '';
  return step(lang, 'licence', { authority: authority(j.jurisdiction, lang), policy });
}

/** What the person should do next, worst problem first; never empty. */
export function nextSteps(d: Determination, lang: HumanLang = 'en'): string[] {
  const steps: string[] = [];
  const push = (s: string): void => {
    if (!steps.includes(s)) steps.push(s);
  };
  for (const j of d.jurisdictions) {
    if (j.outcome === 'prohibited') push(step(lang, 'prohibited', { authority: authority(j.jurisdiction, lang) }));
    if (j.outcome === 'license_required') push(licenceStep(j, lang));
    if (j.outcome === 'exception_available') {
      const usable = j.exceptions.filter((e) => e.available === true);
      for (const e of usable) push(step(lang, 'exception', { code: e.code, requires: e.requires?.length ? step(lang, 'exceptionRequires', { requires: e.requires.join('; ') }) : '' }));
    }
  }
  const hits = d.screening.filter((s) => s.hits.length > 0);
  if (hits.length) push(step(lang, 'hits', { n: hits.length, ies: hits.length === 1 ? 'y' : 'ies' }));
  const staleLists = d.missing.filter((m) => /^current \S+ list$/.test(m));
  if (staleLists.length) push(step(lang, 'lists'));
  const facts = d.missing.filter((m) => !/^current \S+ list$/.test(m));
  for (const m of facts) push(step(lang, 'fact', { fact: missingLabel(m, d.listTitles, lang) }));
  if (d.outcome === 'review' && !steps.length) push(step(lang, 'uncertain'));
  if (!steps.length) push(step(lang, 'clear'));
  return steps;
}

export function summarise(d: Determination, lang: HumanLang = 'en'): DeterminationSummary {
  const deciding = d.jurisdictions.flatMap((j) =>
    j.outcome === 'no_license_required'
      ? []
      : decidingFindings(j).map((f) => ({
          jurisdiction: j.jurisdiction,
          title: (lang === 'zh' ? f.titleZh : undefined) ?? f.title ?? f.summary,
          citation: f.citation,
          outcome: f.outcome,
          measure: f.measure,
          reviewPolicy: j.reviewPolicy,
        })),
  );
  return { outcome: d.outcome, deciding, nextSteps: nextSteps(d, lang) };
}
