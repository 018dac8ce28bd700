import { z } from 'zod';
import { isoDateSchema } from '../domain/index.js';

/** Request shapes of the review queue and saved counterparties (issue 15). */
export const caseQuerySchema = z.strictObject({
  status: z.enum(['open', 'in_review', 'cleared', 'confirmed', 'escalated', 'revoked']).optional(),
  owner: z.string().min(1).max(200).optional(),
  kind: z.enum(['potential_match', 'missing_facts']).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});

export const assignRequestSchema = z.strictObject({ owner: z.string().trim().min(1).max(200) });
export const commentRequestSchema = z.strictObject({ text: z.string().trim().min(1, 'say something').max(4000) });
export const decisionRequestSchema = z.strictObject({
  decision: z.enum(['cleared', 'confirmed', 'escalated']),
  reason: z.string().trim().min(1, 'say why').max(4000),
  expiresAt: isoDateSchema.optional(),
});
export const revokeRequestSchema = z.strictObject({ reason: z.string().trim().min(1, 'say why').max(4000) });
export const expiryRequestSchema = z.strictObject({ expiresAt: isoDateSchema });

const country = z.string().regex(/^[A-Za-z]{2}$/, 'an ISO 3166-1 alpha-2 code such as CN').optional();
export const savedCounterpartySchema = z.strictObject({
  id: z.string().min(1).max(100).optional(),
  name: z.string().trim().min(1).max(500),
  names: z.array(z.string().trim().min(1).max(500)).max(50).optional(),
  country,
  headquarters: country,
  ultimateParent: country,
  type: z.string().min(1).max(100).optional(),
  owners: z.array(z.string().trim().min(1).max(500)).max(50).optional(),
});
