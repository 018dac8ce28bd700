import type { EndUse } from '../../domain/transaction';
import type { PartyRole, PartyType } from '../../domain/party';
import type { Outcome } from '../../domain/outcome';

/**
 * Words for the domain's codes. Typed as complete records over the domain's unions, so a code
 * added in src/domain fails the web build until it has a label here (the domain modules are not
 * bundled: they carry the zod schemas, which the browser does not need).
 */
export const OUTCOME_LABEL: Record<Outcome, string> = {
  prohibited: 'Prohibited',
  license_required: 'Licence required',
  review: 'Review',
  exception_available: 'Exception available',
  no_license_required: 'No licence required',
};

/** Short forms for charts and table headers. */
export const OUTCOME_SHORT: Record<Outcome, string> = {
  prohibited: 'Prohibited',
  license_required: 'Licence',
  review: 'Review',
  exception_available: 'Exception',
  no_license_required: 'Clear',
};

export const OUTCOMES: readonly Outcome[] = ['prohibited', 'license_required', 'review', 'exception_available', 'no_license_required'];

/** Colours chosen to read apart for red–green colour blindness too (red, orange, amber, blue, grey-green). */
export const OUTCOME_COLOUR: Record<Outcome, string> = {
  prohibited: '#7a1010',
  license_required: '#c4320a',
  review: '#d99a06',
  exception_available: '#2563eb',
  no_license_required: '#4d7c57',
};

export const END_USE_LABEL: Record<EndUse, string> = {
  commercial: 'Commercial',
  consumer: 'Consumer',
  resale: 'Resale',
  research: 'Research',
  datacenter: 'Data centre',
  cloud_iaas: 'Cloud (IaaS)',
  ai_training: 'AI training',
  ai_inference: 'AI inference',
  supercomputer: 'Supercomputer',
  ic_production: 'IC production',
  advanced_node_ic_production: 'Advanced-node IC production',
  sme_development: 'SME development',
  ic_design: 'IC design',
  servicing: 'Servicing',
  technical_analysis: 'Technical analysis',
  military: 'Military',
  military_intelligence: 'Military intelligence',
  wmd: 'WMD',
};

export const ROLE_LABEL: Record<PartyRole, string> = {
  end_user: 'End user',
  ultimate_consignee: 'Ultimate consignee',
  intermediate_consignee: 'Intermediate consignee',
  buyer: 'Buyer',
  exporter: 'Exporter',
};

export const PARTY_TYPE_LABEL: Record<PartyType, string> = {
  distributor: 'Distributor',
  reseller: 'Reseller',
  retailer: 'Retailer',
  manufacturer: 'Manufacturer',
  cloud_provider: 'Cloud provider',
  datacenter_operator: 'Data-centre operator',
  fab: 'Fab',
  osat: 'OSAT',
  research_institute: 'Research institute',
  university: 'University',
  government: 'Government',
  military: 'Military',
  individual: 'Individual',
  other: 'Other',
};

export const JURISDICTION_LABEL: Record<string, string> = {
  US: 'United States (EAR)',
  JP: 'Japan (FEFTA)',
  NL: 'Netherlands',
  CN: 'China',
  EU: 'European Union',
};

export const KIND_LABEL: Record<string, string> = {
  ic: 'Chips',
  sme: 'Equipment',
  material: 'Materials',
  memory: 'Memory',
  computer: 'Computers',
  software: 'Software',
  technology: 'Technology',
  mixed: 'Mixed lines',
  unknown: 'Unknown',
};
