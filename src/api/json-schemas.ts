/**
 * JSON Schemas of response bodies: fastify serialises with them (fast, and fields not listed
 * never leak), and the OpenAPI document shows them. Request bodies are described from the
 * zod schemas that validate them (openapi.ts).
 */

const str = { type: 'string' } as const;
const num = { type: 'number' } as const;
const strings = { type: 'array', items: str } as const;

export const problemJson = {
  type: 'object',
  properties: { path: str, message: str, suggestions: strings },
  required: ['path', 'message'],
} as const;

export const errorJson = {
  type: 'object',
  properties: { error: str, message: str, problems: { type: 'array', items: problemJson } },
  required: ['error'],
} as const;

export const screeningHitJson = {
  type: 'object',
  properties: {
    list: str,
    entryId: str,
    name: str,
    matchedName: str,
    score: num,
    country: str,
    citation: str,
    explanation: strings,
  },
  required: ['list', 'entryId', 'name', 'matchedName', 'score', 'explanation'],
} as const;

export const screeningResultJson = {
  type: 'object',
  properties: {
    query: str,
    hits: { type: 'array', items: screeningHitJson },
    cleared: {
      type: 'array',
      description: 'hits left out because an officer cleared them for this counterparty and entry version (POST /v1/reviews)',
      items: { type: 'object', properties: { list: str, entryId: str, score: num, reviewId: str } },
    },
  },
  required: ['query', 'hits'],
} as const;

export const matchResultJson = {
  type: 'object',
  properties: { score: num, explanation: strings },
  required: ['score', 'explanation'],
} as const;

const outcome = { type: 'string', enum: ['prohibited', 'license_required', 'review', 'exception_available', 'no_license_required'] } as const;

/** The determination of contract.md (documented, not used to serialise: it has open-ended parts). */
export const determinationJson = {
  type: 'object',
  properties: {
    id: str,
    outcome,
    asOf: str,
    jurisdictions: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          jurisdiction: str,
          outcome,
          findings: {
            type: 'array',
            items: {
              type: 'object',
              properties: { measure: str, effect: str, citation: str, summary: str, because: strings, outcome },
              required: ['measure', 'effect', 'citation', 'summary', 'because'],
            },
          },
          exceptions: { type: 'array', items: { type: 'object', properties: { code: str, available: { type: ['boolean', 'null'] }, why: str } } },
        },
        required: ['jurisdiction', 'outcome', 'findings', 'exceptions'],
      },
    },
    classifications: { type: 'array', items: { type: 'object' } },
    screening: { type: 'array', items: { type: 'object', properties: { party: num, query: str, hits: { type: 'array', items: screeningHitJson } } } },
    redFlags: { type: 'array', items: { type: 'object' } },
    ownership: {
      type: 'array',
      description: 'the 50 percent rules per party with known owners (docs/ownership.md)',
      items: {
        type: 'object',
        properties: {
          party: num,
          name: str,
          source: { type: 'string', enum: ['transaction', 'register'] },
          rules: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                rule: { type: 'string', enum: ['bisAffiliates', 'ofac50', 'cn50'] },
                pct: num,
                restricted: { type: ['boolean', 'null'], description: 'absent when shares not known could bring it to 50 %' },
                chains: { type: 'array', items: { type: 'object' } },
                because: strings,
                missing: strings,
                cycles: { type: 'array', items: strings },
                terms: { type: 'object' },
              },
            },
          },
        },
      },
    },
    missing: strings,
    ruleset: { type: 'object', properties: { version: str, hash: str } },
    lists: { type: 'object', additionalProperties: str },
    recordId: { ...str, description: 'the stored determination (audit replay uses it)' },
    auditSeq: { ...num, description: 'its audit record' },
  },
  required: ['outcome', 'asOf', 'jurisdictions', 'classifications', 'screening', 'redFlags', 'missing', 'ruleset', 'lists'],
} as const;

export const classificationJson = {
  type: 'object',
  properties: { item: num, jurisdiction: str, code: str, because: str, facts: { type: 'object' }, all: { type: 'array', items: { type: 'object' } } },
  required: ['jurisdiction', 'code'],
} as const;

export const auditRecordJson = {
  type: 'object',
  properties: {
    seq: num,
    at: str,
    kind: str,
    input: {},
    output: {},
    ruleset: { type: ['object', 'null'] },
    lists: { type: ['object', 'null'] },
    keyId: { type: ['string', 'null'] },
    meta: { type: ['object', 'null'] },
    ref: { type: ['string', 'null'] },
    prevHash: str,
    hash: str,
    macKeyId: { type: ['string', 'null'], description: 'the id of the audit key whose HMAC `hash` is; null for a record from before audit keys (plain SHA-256)' },
  },
  required: ['seq', 'at', 'kind', 'prevHash', 'hash'],
} as const;

export const batchJobJson = {
  type: 'object',
  properties: {
    id: str,
    status: { type: 'string', enum: ['queued', 'running', 'done', 'failed', 'cancelled'] },
    format: str,
    rows: { type: ['number', 'null'], description: 'rows in the upload, once read' },
    done: { ...num, description: 'rows answered so far (ok + errors)' },
    ok: num,
    errors: num,
    asOf: { type: ['string', 'null'] },
    createdAt: str,
    updatedAt: str,
    error: { type: ['string', 'null'] },
    queuePosition: { type: ['number', 'null'], description: 'while the job waits its turn in this server: 1 = starts next (jobs start round-robin over the uploading keys); null once answering, finished, or held by another server' },
    results: str,
    errorRows: str,
  },
  required: ['id', 'status', 'done', 'ok', 'errors'],
} as const;
