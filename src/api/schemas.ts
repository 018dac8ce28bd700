import { z } from 'zod';
import { boundedText, countrySchema, isoDateSchema, JURISDICTIONS, nameSchema, TEXT_LIMITS } from '../domain/index.js';
import { ROLES } from '../store/types.js';

/** Request shapes of the API that contract.md does not already define (those reuse the domain schemas). */

/** Arrays larger than this go through POST /v1/batches instead. */
export const MAX_ARRAY = 1000;

export const screenRequestSchema = z.strictObject({
  name: nameSchema(),
  country: countrySchema.optional(),
  address: boundedText(TEXT_LIMITS.address).optional(),
  limit: z.number().int().min(1).max(100).optional(),
});

export const matchRequestSchema = z.strictObject({
  a: nameSchema(),
  b: nameSchema(),
});

export const reviewRequestSchema = z.strictObject({
  counterparty: z.strictObject({ name: nameSchema(), country: countrySchema.optional() }),
  list: boundedText(200).min(1),
  entryId: boundedText(200).min(1),
  /** The entry's content hash as the officer saw it; default: the current version's. */
  entryHash: z.string().regex(/^[0-9a-f]{64}$/, 'must be the 64-hex-digit content hash of the entry').optional(),
  decision: z.enum(['cleared', 'confirmed']),
  reason: boundedText(4000).trim().min(1, 'say why'),
});

export const evaluateQuerySchema = z.strictObject({ asOf: isoDateSchema.optional() });

export const rulesQuerySchema = z.strictObject({
  asOf: isoDateSchema.optional(),
  jurisdiction: z.enum(JURISDICTIONS).optional(),
  all: z.enum(['true', 'false']).optional(),
});

export const timelineQuerySchema = z.strictObject({
  asOf: isoDateSchema.optional(),
  jurisdiction: z.enum(JURISDICTIONS).optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
});

const seq = z.coerce.number().int().min(0);
export const AUDIT_KINDS = ['determination', 'screening', 'list_load', 'review', 'key', 'batch'] as const;
/** `from`/`to` take a date (YYYY-MM-DD) or a full ISO time; `to` is exclusive. */
const timeBound = z.string().refine((s) => /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/.test(s) && !Number.isNaN(Date.parse(s)), 'must be a date YYYY-MM-DD or an ISO time');
export const auditQuerySchema = z.strictObject({
  kind: z.enum(AUDIT_KINDS).optional(),
  keyId: boundedText(100).optional(),
  from: timeBound.optional(),
  to: timeBound.optional(),
  /** Paging: records after this seq (oldest first) or before it (newest first). */
  after: seq.optional(),
  before: seq.optional(),
  order: z.enum(['asc', 'desc']).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

export const batchQuerySchema = z.strictObject({
  asOf: isoDateSchema.optional(),
  format: z.enum(['csv', 'jsonl']).optional(),
});

export const pageQuerySchema = z.strictObject({
  fromRow: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(100_000).optional(),
});

export const idParamSchema = z.strictObject({ id: boundedText(200).min(1) });

export { ROLES };
