import { z } from 'zod';
import { countrySchema, isoDateSchema, nonNegative } from './schema-helpers.js';
import { itemSchema } from './item.js';
import { exporterSchema, partySchema } from './party.js';

/** Declared end uses. Rules in Part 744 and elsewhere turn on them. */
export const END_USES = [
  'commercial',
  'consumer',
  'resale',
  'research',
  'datacenter',
  'cloud_iaas',
  'ai_training',
  'ai_inference',
  'supercomputer',
  'ic_production',
  'advanced_node_ic_production',
  'sme_development',
  'ic_design',
  'servicing',
  'technical_analysis',
  'military',
  'military_intelligence',
  'wmd',
] as const;
export type EndUse = (typeof END_USES)[number];

/** Certifications or documents the applicant holds for this shipment. */
export const CERTIFICATIONS = [
  /** 15 CFR 748 Supp. 2 ¶(dd) certification for the Jan-2026 case-by-case lane (91 FR 1684). */
  'supp2_dd',
  /** A written purchase order (a condition of License Exceptions NAC and ACA, §740.8). */
  'purchase_order',
] as const;
export type Certification = (typeof CERTIFICATIONS)[number];

/** The facility where the items will be used, when the end use is IC or SME production. */
export const facilitySchema = z.strictObject({
  country: countrySchema.optional(),
  /** Advanced-node ICs are produced there (§772.1); absent = unknown. */
  advancedNode: z.boolean().optional(),
  /** Headquarters country of the facility's owner. */
  ownerHeadquarters: countrySchema.optional(),
  name: z.string().optional(),
});

export const transactionSchema = z.strictObject({
  id: z.string().optional(),
  date: isoDateSchema.optional(),
  from: countrySchema.optional(),
  to: countrySchema,
  exporter: exporterSchema.optional(),
  items: z.array(itemSchema).min(1),
  parties: z.array(partySchema).default([]),
  endUse: z.array(z.enum(END_USES)).default([]),
  facility: facilitySchema.optional(),
  certifications: z.array(z.enum(CERTIFICATIONS)).default([]),
  value: nonNegative.optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be a 3-letter ISO 4217 code such as USD').optional(),
});

export type Facility = z.infer<typeof facilitySchema>;
export type TransactionInput = z.input<typeof transactionSchema>;
export type Transaction = z.output<typeof transactionSchema>;
