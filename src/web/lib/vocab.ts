import type { EndUse } from '../../domain/transaction';
import type { PartyRole, PartyType } from '../../domain/party';
import type { Effect, Outcome, ReviewPolicy } from '../../domain/outcome';
import { i18n } from './i18n';

/**
 * Words for the domain's codes, in the interface language (../locales/*.json). The code lists
 * are complete records over the domain's unions, so a code added in src/domain fails the web
 * build until it is listed here — and test/words/i18n.test.ts until both languages have it.
 * Each label is read when it is used, so a language switch shows at the next render.
 */
function labels<K extends string>(prefix: string, codes: Record<K, true>): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const k of Object.keys(codes) as K[]) Object.defineProperty(out, k, { enumerable: true, get: () => i18n.t(`${prefix}.${k}`) });
  return out;
}

const OUTCOME_CODES: Record<Outcome, true> = { prohibited: true, license_required: true, review: true, exception_available: true, no_license_required: true };

export const OUTCOME_LABEL = labels('outcome', OUTCOME_CODES);

/** Short forms for charts and table headers. */
export const OUTCOME_SHORT = labels('outcomeShort', OUTCOME_CODES);

export const OUTCOMES: readonly Outcome[] = ['prohibited', 'license_required', 'review', 'exception_available', 'no_license_required'];

/** Colours chosen to read apart for red–green colour blindness too (red, orange, amber, blue, grey-green). */
export const OUTCOME_COLOUR: Record<Outcome, string> = {
  prohibited: '#7a1010',
  license_required: '#c4320a',
  review: '#d99a06',
  exception_available: '#2563eb',
  no_license_required: '#4d7c57',
};

const END_USES: Record<EndUse, true> = {
  commercial: true,
  consumer: true,
  resale: true,
  research: true,
  datacenter: true,
  cloud_iaas: true,
  ai_training: true,
  ai_inference: true,
  supercomputer: true,
  ic_production: true,
  advanced_node_ic_production: true,
  sme_development: true,
  ic_design: true,
  servicing: true,
  technical_analysis: true,
  military: true,
  military_intelligence: true,
  wmd: true,
};
export const END_USE_LABEL = labels('endUse', END_USES);

const ROLES: Record<PartyRole, true> = { end_user: true, ultimate_consignee: true, intermediate_consignee: true, buyer: true, exporter: true };
export const ROLE_LABEL = labels('role', ROLES);

const PARTY_TYPES: Record<PartyType, true> = {
  distributor: true,
  reseller: true,
  retailer: true,
  manufacturer: true,
  cloud_provider: true,
  datacenter_operator: true,
  fab: true,
  osat: true,
  research_institute: true,
  university: true,
  government: true,
  military: true,
  individual: true,
  other: true,
};
export const PARTY_TYPE_LABEL = labels('partyType', PARTY_TYPES);

export const JURISDICTION_LABEL: Record<string, string> = labels('jurisdiction', { US: true, JP: true, NL: true, CN: true, EU: true });

export const KIND_LABEL: Record<string, string> = labels('kind', { ic: true, sme: true, material: true, memory: true, computer: true, software: true, technology: true, mixed: true, unknown: true });

const POLICIES: Record<ReviewPolicy, true> = { policy_of_denial: true, presumption_of_denial: true, de_facto_denial: true, case_by_case: true, presumption_of_approval: true };
const POLICY_LABEL = labels('policy', POLICIES);
export function policyLabel(p: ReviewPolicy): string {
  return POLICY_LABEL[p] ?? p.replace(/_/g, ' ');
}

const EFFECTS: Record<Effect, true> = { prohibited: true, license_required: true, presumption_of_denial: true, notification_required: true, red_flag: true, informational: true };
const EFFECT_LABEL: Record<string, string> = labels('effect', EFFECTS);
export function effectLabel(e: string): string {
  return EFFECT_LABEL[e] ?? e.replace(/_/g, ' ');
}

/** A measure's title in the interface language: the pack's Chinese title in Chinese where it gives one. */
export function measureTitle(m: { title?: string | undefined; titleZh?: string | undefined; summary?: string | undefined }): string {
  if (i18n.language === 'zh-CN' && m.titleZh) return m.titleZh;
  return m.title ?? m.summary ?? '';
}

/** A measure's summary in the interface language, where the pack gives a Chinese one. */
export function measureSummary(m: { summary: string; summaryZh?: string | undefined }): string {
  return i18n.language === 'zh-CN' && m.summaryZh ? m.summaryZh : m.summary;
}
