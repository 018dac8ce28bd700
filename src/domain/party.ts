import { z } from 'zod';
import { boundedText, countrySchema, nameSchema, TEXT_LIMITS } from './schema-helpers.js';
import { ownersSchema } from './ownership.js';

export const PARTY_ROLES = ['buyer', 'intermediate_consignee', 'ultimate_consignee', 'end_user', 'exporter'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

/** What kind of business a party is; several rules turn on it (NAC excludes distributors). */
export const PARTY_TYPES = [
  'distributor',
  'reseller',
  'retailer',
  'manufacturer',
  'cloud_provider',
  'datacenter_operator',
  'fab',
  'osat',
  'research_institute',
  'university',
  'government',
  'military',
  'individual',
  'other',
] as const;
export type PartyType = (typeof PARTY_TYPES)[number];

export const partySchema = z.strictObject({
  role: z.enum(PARTY_ROLES),
  name: nameSchema(),
  country: countrySchema.optional(),
  headquarters: countrySchema.optional(),
  ultimateParent: countrySchema.optional(),
  address: boundedText(TEXT_LIMITS.address).optional(),
  type: z.enum(PARTY_TYPES).optional(),
  /** Other names the party is known by; each is screened too. */
  aliases: z.array(nameSchema()).max(100).optional(),
  /**
   * Ownership by restricted parties that the exporter knows of (BIS Affiliates rule, 90 FR 47201):
   * `pct` is the aggregate direct or indirect share held by Entity List / MEU List parties;
   * `owners` names them. Owners named without a share is Red Flag 29 (ownership not determined).
   */
  listedOwnership: z
    .strictObject({
      pct: z.number().finite().min(0).max(100).optional(),
      owners: z.array(nameSchema()).max(100).optional(),
    })
    .optional(),
  /**
   * Who owns the party, nested to any depth: `[{ name, pct, country?, owners?: [...] }]`.
   * Redline screens every owner and computes the 50 percent rules from it (src/ownership).
   */
  owners: ownersSchema.optional(),
});
export type Party = z.infer<typeof partySchema>;

export const exporterSchema = z.strictObject({
  name: nameSchema().optional(),
  country: countrySchema.optional(),
  headquarters: countrySchema.optional(),
  ultimateParent: countrySchema.optional(),
  /** The exporter is a U.S. person (§772.1), for the §744.6 support rules. */
  usPerson: z.boolean().optional(),
});
export type Exporter = z.infer<typeof exporterSchema>;
