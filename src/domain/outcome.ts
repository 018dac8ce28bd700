/** Outcomes, worst first (contract.md). The order is the combination rule: the worst wins. */
export const OUTCOMES = [
  'prohibited',
  'license_required',
  'review',
  'exception_available',
  'no_license_required',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

const RANK: Record<Outcome, number> = {
  prohibited: 0,
  license_required: 1,
  review: 2,
  exception_available: 3,
  no_license_required: 4,
};

export function worseOf(a: Outcome, b: Outcome): Outcome {
  return RANK[a] <= RANK[b] ? a : b;
}

export function worstOutcome(outcomes: Iterable<Outcome>): Outcome {
  let worst: Outcome = 'no_license_required';
  for (const o of outcomes) worst = worseOf(worst, o);
  return worst;
}

export function outcomeRank(o: Outcome): number {
  return RANK[o];
}

/** What a measure does when it applies (architecture.md, "Measure"). */
export const EFFECTS = [
  'prohibited',
  'license_required',
  'presumption_of_denial',
  'notification_required',
  'red_flag',
  'informational',
] as const;
export type Effect = (typeof EFFECTS)[number];

/**
 * How an effect weighs on the outcome. A notification or a red flag must be dealt with by a
 * person before shipping, so neither can leave a clean answer: both count as `review`.
 */
export function outcomeOfEffect(effect: Effect): Outcome {
  switch (effect) {
    case 'prohibited':
      return 'prohibited';
    case 'license_required':
    case 'presumption_of_denial':
      return 'license_required';
    case 'notification_required':
    case 'red_flag':
      return 'review';
    case 'informational':
      return 'no_license_required';
  }
}

/** Licence review policies, most restrictive first (§742.1(f): the strictest applicable one governs). */
export const REVIEW_POLICIES = [
  'policy_of_denial',
  'presumption_of_denial',
  'de_facto_denial',
  'case_by_case',
  'presumption_of_approval',
] as const;
export type ReviewPolicy = (typeof REVIEW_POLICIES)[number];

export function strictestPolicy(policies: Iterable<ReviewPolicy>): ReviewPolicy | undefined {
  let best: ReviewPolicy | undefined;
  for (const p of policies) {
    if (best === undefined || REVIEW_POLICIES.indexOf(p) < REVIEW_POLICIES.indexOf(best)) best = p;
  }
  return best;
}
