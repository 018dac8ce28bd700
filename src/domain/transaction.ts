import { z } from 'zod';
import { boundedText, countrySchema, isoDateSchema, nameSchema, nonNegative, TEXT_LIMITS } from './schema-helpers.js';
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
  name: nameSchema().optional(),
});

/**
 * U.S.-person support (15 CFR 744.6): who ships, transmits, transfers, facilitates or services
 * items — including items not subject to the EAR — for the transaction. Absent = not stated.
 */
export const SUPPORT_ACTIVITIES = ['ship', 'transmit', 'transfer', 'facilitate', 'service', 'install'] as const;
export const servicesSchema = z.strictObject({
  /** U.S. persons (§772.1: citizens, permanent residents, US-organised entities, anyone in the US) take part. */
  usPersons: z.boolean().optional(),
  activities: z.array(z.enum(SUPPORT_ACTIVITIES)).optional(),
  /** Headquarters of the U.S. persons' employer: natural persons working for a US/A:5/A:6-headquartered company are excluded from §744.6(c)(2). */
  employerHeadquarters: countrySchema.optional(),
  /** The employer is majority-owned by an entity headquartered in Macau or D:5 (which removes that exclusion). */
  employerMajorityOwnedFromMacauD5: z.boolean().optional(),
});

/**
 * Diversion red flags the exporter observed (BIS industry guidance of 2025-05-13, rules.md
 * §1.14 item 3). Each one present becomes a `red_flag` finding for advanced-computing items.
 */
export const OBSERVED_RED_FLAGS = [
  'thin_online_presence',
  'newly_formed_entity',
  'residential_or_shared_address',
  'quantity_inconsistent_with_business',
  'cash_or_third_party_payment',
  'reluctant_end_use_information',
  'inadequate_datacenter_power_or_cooling',
  'iaas_customer_seeks_anonymity',
  'transshipment_via_third_country',
  'ultimate_parent_unknown',
] as const;
export type ObservedRedFlag = (typeof OBSERVED_RED_FLAGS)[number];

/**
 * Prior notifications a licence exception needs before shipping (NAC, 15 CFR 740.8: notify BIS
 * via SNAP-R at least 25 calendar days ahead; BIS answers via STELA with a confirmation number or
 * "apply for a licence"). Until BIS has confirmed, NAC is not the headline: the answer is review.
 */
export const NOTIFICATION_REPLIES = ['awaiting_reply', 'confirmed', 'apply_for_licence'] as const;
export const notificationSchema = z.strictObject({
  exception: z.enum(['NAC']),
  submittedOn: isoDateSchema.optional(),
  bisReply: z.enum(NOTIFICATION_REPLIES),
  confirmationNumber: z.string().regex(/^A\d{6}$/, 'a NAC confirmation number looks like A123456').optional(),
});

export const transactionSchema = z.strictObject({
  id: boundedText(TEXT_LIMITS.id).optional(),
  date: isoDateSchema.optional(),
  from: countrySchema.optional(),
  to: countrySchema,
  exporter: exporterSchema.optional(),
  items: z.array(itemSchema).min(1),
  parties: z.array(partySchema).default([]),
  endUse: z.array(z.enum(END_USES)).default([]),
  facility: facilitySchema.optional(),
  certifications: z.array(z.enum(CERTIFICATIONS)).default([]),
  services: servicesSchema.optional(),
  observedRedFlags: z.array(z.enum(OBSERVED_RED_FLAGS)).default([]),
  notifications: z.array(notificationSchema).default([]),
  value: nonNegative.optional(),
  currency: boundedText(3).regex(/^[A-Z]{3}$/, 'must be a 3-letter ISO 4217 code such as USD').optional(),
});

export type Facility = z.infer<typeof facilitySchema>;
export type Services = z.infer<typeof servicesSchema>;
export type Notification = z.infer<typeof notificationSchema>;
export type TransactionInput = z.input<typeof transactionSchema>;
export type Transaction = z.output<typeof transactionSchema>;
