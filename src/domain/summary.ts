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

const POLICY_WORDS: Record<ReviewPolicy, string> = {
  policy_of_denial: 'policy of denial',
  presumption_of_denial: 'presumption of denial',
  de_facto_denial: 'de facto denial',
  case_by_case: 'case-by-case review',
  presumption_of_approval: 'presumption of approval',
};

export function policyWords(p: ReviewPolicy): string {
  return POLICY_WORDS[p] ?? p.replace(/_/g, ' ');
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

function licenceStep(j: JurisdictionResult): string {
  const authority = AUTHORITY[j.jurisdiction] ?? j.jurisdiction;
  const policy = j.reviewPolicy ? ` — the application is judged under a ${policyWords(j.reviewPolicy)}` : '';
  return `Apply to ${authority} for a licence before shipping${policy}.`;
}

/** What the person should do next, worst problem first; never empty. */
export function nextSteps(d: Determination): string[] {
  const steps: string[] = [];
  const push = (s: string): void => {
    if (!steps.includes(s)) steps.push(s);
  };
  for (const j of d.jurisdictions) {
    if (j.outcome === 'prohibited') push(`Do not ship: ${AUTHORITY[j.jurisdiction] ?? j.jurisdiction} prohibits this export (see the deciding rule).`);
    if (j.outcome === 'license_required') push(licenceStep(j));
    if (j.outcome === 'exception_available') {
      const usable = j.exceptions.filter((e) => e.available === true);
      for (const e of usable) push(`Licence exception ${e.code} can be used${e.requires?.length ? `, provided: ${e.requires.join('; ')}` : ''}.`);
    }
  }
  const hits = d.screening.filter((s) => s.hits.length > 0);
  if (hits.length) push(`Resolve the potential list matches in the review queue (clear or confirm each one) — ${hits.length} part${hits.length === 1 ? 'y' : 'ies'} matched.`);
  const staleLists = d.missing.filter((m) => /^current \S+ list$/.test(m));
  if (staleLists.length) push('Fetch current lists (redline lists update, which serve also runs on its schedule) and check again.');
  const facts = d.missing.filter((m) => !/^current \S+ list$/.test(m));
  for (const m of facts) push(`Give ${missingLabel(m, d.listTitles)}, then check again.`);
  if (d.outcome === 'review' && !steps.length) push('A rule’s status is uncertain on this date: have a trade-compliance officer decide, and record why.');
  if (!steps.length) push('No licence is needed under the rules Redline holds: keep this record with the order.');
  return steps;
}

export function summarise(d: Determination): DeterminationSummary {
  const deciding = d.jurisdictions.flatMap((j) =>
    j.outcome === 'no_license_required'
      ? []
      : decidingFindings(j).map((f) => ({
          jurisdiction: j.jurisdiction,
          title: f.title ?? f.summary,
          citation: f.citation,
          outcome: f.outcome,
          measure: f.measure,
          reviewPolicy: j.reviewPolicy,
        })),
  );
  return { outcome: d.outcome, deciding, nextSteps: nextSteps(d) };
}
