import { z } from 'zod';
import { itemSchema, transactionSchema } from '../domain/index.js';
import {
  auditRecordJson,
  batchJobJson,
  classificationJson,
  determinationJson,
  errorJson,
  matchResultJson,
  screeningResultJson,
} from './json-schemas.js';
import { assignRequestSchema, caseQuerySchema, commentRequestSchema, decisionRequestSchema, expiryRequestSchema, revokeRequestSchema, savedCounterpartySchema } from './review-schemas.js';
import { auditQuerySchema, matchRequestSchema, pageQuerySchema, reviewRequestSchema, rulesQuerySchema, screenRequestSchema, timelineQuerySchema } from './schemas.js';

/**
 * The OpenAPI 3.1 document served at GET /v1/openapi.json, built from the same zod schemas that
 * validate requests (so the document cannot drift from what the server accepts) and the JSON
 * Schemas that serialise responses.
 */

type Json = Record<string, unknown>;
const components: Record<string, Json> = {};

/** A zod schema as a component; its own `$defs` are hoisted into components under prefixed names. */
function component(name: string, schema: z.ZodType): Json {
  const js = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Json;
  delete js.$schema;
  const defs = (js.$defs ?? {}) as Record<string, Json>;
  delete js.$defs;
  const rename = (text: string): string => text.replace(/"#\/\$defs\/([^"]+)"/g, (_m, d: string) => `"#/components/schemas/${name}_${d}"`);
  for (const [d, def] of Object.entries(defs)) components[`${name}_${d}`] = JSON.parse(rename(JSON.stringify(def))) as Json;
  components[name] = JSON.parse(rename(JSON.stringify(js))) as Json;
  return ref(name);
}

function plain(name: string, schema: Json): Json {
  components[name] = JSON.parse(JSON.stringify(schema)) as Json;
  return ref(name);
}

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });

/** Query parameters from a zod object schema: one parameter per field. */
function queryParams(schema: z.ZodObject): Json[] {
  const js = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({ name, in: 'query', required: (js.required ?? []).includes(name), schema: s }));
}

const json = (schema: Json, description: string): Json => ({ description, content: { 'application/json': { schema } } });
const oneOrArray = (s: Json): Json => ({ oneOf: [s, { type: 'array', items: s, minItems: 1, maxItems: 1000 }] });
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };

function errors(...codes: number[]): Record<string, Json> {
  const text: Record<number, string> = {
    400: 'bad input: `problems` names each field and what is wrong',
    401: 'no API key, or an unknown or revoked one',
    403: 'the key lacks the role this needs',
    404: 'no such thing',
    409: 'not allowed now: a closed case, or the same person twice under four eyes',
    413: 'the body is larger than this endpoint accepts',
    429: 'too many requests for this key in the window',
  };
  return Object.fromEntries(codes.map((c) => [String(c), json(ref('Error'), text[c] ?? 'error')]));
}

function op(summary: string, role: string | null, extra: Json): Json {
  const secured = role ? { security: [{ apiKey: [] }], 'x-redline-role': role } : { security: [] };
  const codes = role ? [400, 401, 403, 413, 429] : [];
  const responses = { ...(extra.responses as Json), ...errors(...codes), '500': json(ref('Error'), 'internal error (the body is only `{ "error": "internal" }`)') };
  return { summary, description: role ? `Needs the ${role} role or above.` : 'Public.', ...secured, ...extra, responses };
}

const asOf = { name: 'asOf', in: 'query', required: false, schema: { type: 'string', format: 'date' }, description: 'evaluate under the rules in force on this date' };
const object = { type: 'object' };

function evaluatePaths(): Json {
  const tx = component('Transaction', transactionSchema);
  const item = component('Item', itemSchema);
  const determination = plain('Determination', determinationJson);
  const classification = plain('Classification', classificationJson);
  const screening = plain('ScreeningResult', screeningResultJson);
  const match = plain('MatchResult', matchResultJson);
  const screenReq = component('ScreenRequest', screenRequestSchema);
  const matchReq = component('MatchRequest', matchRequestSchema);
  return {
    '/healthz': { get: op('Liveness and what is loaded', null, { responses: { '200': json(object, 'up') } }) },
    '/v1/openapi.json': { get: op('This document', null, { responses: { '200': json(object, 'the OpenAPI 3.1 document') } }) },
    '/v1/health': {
      get: op('ok, or degraded with the reasons: a list past the maximum age, or a list source whose last update failed', null, {
        responses: { '200': json({ type: 'object', properties: { status: { type: 'string', enum: ['ok', 'degraded'] }, reasons: { type: 'array', items: { type: 'string' } } } }, 'health (200 also when degraded)') },
      }),
    },
    '/v1/lists': {
      get: op('Per list: version, source date and where it came from, age, last successful update, last failure; and each configured source', 'viewer', {
        responses: { '200': json({ type: 'object', properties: { status: { type: 'string', enum: ['ok', 'degraded'] }, reasons: { type: 'array', items: { type: 'string' } }, lists: { type: 'array', items: object }, sources: { type: 'array', items: object } } }, 'list status') },
      }),
    },
    '/v1/check': {
      post: op('Determine one transaction or an array of them', 'viewer', {
        parameters: [asOf],
        requestBody: { required: true, content: { 'application/json': { schema: oneOrArray(tx) } } },
        responses: { '200': json(oneOrArray(determination), 'the determination (an array for array input), each recorded in the audit log') },
      }),
    },
    '/v1/classify': {
      post: op('Classify one item or an array of items', 'viewer', {
        parameters: [asOf],
        requestBody: { required: true, content: { 'application/json': { schema: oneOrArray(item) } } },
        responses: { '200': json(oneOrArray(classification), 'the classification (an array for array input)') },
      }),
    },
    '/v1/screen': {
      post: op('Screen a name against the restricted-party lists', 'viewer', {
        requestBody: { required: true, content: { 'application/json': { schema: screenReq } } },
        responses: { '200': json(screening, 'hits best first, each explained; recorded in the audit log') },
      }),
    },
    '/v1/match': {
      post: op('Score how alike two names are, with the explanation', 'viewer', {
        requestBody: { required: true, content: { 'application/json': { schema: matchReq } } },
        responses: { '200': json(match, 'score in [0, 1] and why') },
      }),
    },
  };
}

function batchPaths(): Json {
  const batch = plain('BatchStatus', batchJobJson);
  return {
    '/v1/batches': {
      post: op('Upload an order book (CSV or JSON Lines) to determine every row', 'analyst', {
        parameters: [asOf, { name: 'format', in: 'query', required: false, schema: { type: 'string', enum: ['csv', 'jsonl'] } }],
        requestBody: {
          required: true,
          description: 'CSV columns as in docs/batch.md, or one transaction per line',
          content: { 'text/csv': { schema: { type: 'string' } }, 'application/x-ndjson': { schema: { type: 'string' } } },
        },
        responses: { '202': json({ type: 'object', properties: { id: { type: 'string' }, status: { type: 'string' }, links: object } }, 'accepted: poll the job') },
      }),
    },
    '/v1/batches/{id}': { get: op('A batch job and its progress', 'viewer', { parameters: [idParam], responses: { '200': json(batch, 'the job'), ...errors(404) } }) },
    '/v1/batches/{id}/results': {
      get: op('Row answers in row order, a page at a time', 'viewer', {
        parameters: [idParam, ...queryParams(pageQuerySchema)],
        responses: { '200': json({ type: 'object', properties: { job: batch, rows: { type: 'array', items: object }, next: { type: ['integer', 'null'] } } }, 'rows; error rows carry `error` and `problems`'), ...errors(404) },
      }),
    },
    '/v1/batches/{id}/errors': {
      get: op('Only the rows that could not be answered', 'viewer', {
        parameters: [idParam, ...queryParams(pageQuerySchema)],
        responses: { '200': json({ type: 'object', properties: { job: batch, rows: { type: 'array', items: object }, next: { type: ['integer', 'null'] } } }, 'error rows of the page'), ...errors(404) },
      }),
    },
    '/v1/exposure': {
      post: op("An order book's exposure under one or two as-of dates (docs/exposure.md)", 'analyst', {
        parameters: [asOf, { name: 'compareAsOf', in: 'query', required: false, schema: { type: 'string', format: 'date' } }, { name: 'format', in: 'query', required: false, schema: { type: 'string', enum: ['csv', 'jsonl'] } }],
        requestBody: { required: true, content: { 'text/csv': { schema: { type: 'string' } }, 'application/x-ndjson': { schema: { type: 'string' } } } },
        responses: { '200': json(object, 'the exposure report, or the comparison of the two dates') },
      }),
    },
  };
}

function rulesAndAuditPaths(): Json {
  const audit = plain('AuditRecord', auditRecordJson);
  const reviewReq = component('ReviewRequest', reviewRequestSchema);
  return {
    '/v1/rules': { get: op('The measures in force on a date', 'viewer', { parameters: queryParams(rulesQuerySchema), responses: { '200': json(object, '{ asOf, ruleset, measures }') } }) },
    '/v1/rules/timeline': { get: op('Every dated change of the rule packs, oldest first', 'viewer', { parameters: queryParams(timelineQuerySchema), responses: { '200': json(object, '{ asOf, ruleset, measures (each with its dated changes and status on asOf), events (every change, oldest first) }') } }) },
    '/v1/rules/{id}': { get: op('One measure', 'viewer', { parameters: [idParam, asOf], responses: { '200': json(object, 'the measure with its status on the date'), ...errors(404) } }) },
    '/v1/audit': {
      get: op('Audit records, newest first, filtered and paged', 'viewer', {
        parameters: queryParams(auditQuerySchema),
        responses: { '200': json({ type: 'object', properties: { records: { type: 'array', items: audit }, next: { type: ['object', 'null'] } } }, 'records and the cursor of the next page') },
      }),
    },
    '/v1/audit/verify': {
      post: op('Check the whole hash chain and its seals (the audit key), and a signed anchor when the body carries one', 'admin', {
        requestBody: { required: false, content: { 'application/json': { schema: { type: 'object', properties: { anchor: { type: 'object', description: 'a signed anchor from POST /v1/audit/anchor or `redline audit anchor`' } } } } } },
        responses: { '200': json(object, '{ ok, records, head, firstBad?, keyed, unkeyed, keyId, keySource, anchor? }'), ...errors(400) },
      }),
    },
    '/v1/audit/anchor': {
      post: op('Sign the head of the audit log (Ed25519, from the audit key) for keeping outside the database', 'admin', {
        responses: { '200': json(object, '{ format, seq, hash, at, store, keyId, algorithm, publicKey, signature }'), '409': json(object, 'the log does not verify, so it is not anchored') },
      }),
    },
    '/v1/reviews': {
      post: op('Record an officer clearing or confirming a hit', 'analyst', {
        requestBody: { required: true, content: { 'application/json': { schema: reviewReq } } },
        responses: { '201': json(object, 'the review record') },
      }),
    },
  };
}

function ownersPaths(): Json {
  const edge = plain('OwnershipEdge', {
    type: 'object',
    properties: { entity: { type: 'string' }, owner: { type: 'string' }, share: { type: 'number', minimum: 0, maximum: 100, description: 'absent: not known' }, asOf: { type: 'string', format: 'date' }, source: { type: 'string' }, importId: { type: 'integer' }, line: { type: 'integer' } },
    required: ['entity', 'owner', 'asOf'],
  });
  const edges = { type: 'array', items: edge };
  return {
    '/v1/owners/import': {
      post: op('Import an ownership register CSV as a new version (docs/ownership.md); any bad row rejects the file, naming its line', 'analyst', {
        requestBody: { required: true, description: 'columns entity, owner, share (0–100, empty = not known), as_of (YYYY-MM-DD), source', content: { 'text/csv': { schema: { type: 'string' } } } },
        responses: { '201': json({ type: 'object', properties: { id: { type: 'integer' }, importedAt: { type: 'string' }, source: { type: ['string', 'null'] }, rows: { type: 'integer' }, hash: { type: 'string' } } }, 'the import (register version)') },
      }),
    },
    '/v1/owners/{name}': {
      get: op('Who owns a name on a date (the statement in force), its history and its holdings', 'viewer', {
        parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string' } }, asOf],
        responses: { '200': json({ type: 'object', properties: { name: { type: 'string' }, asOf: { type: 'string' }, owners: edges, history: edges, holdings: edges } }, 'the register statements about the name') },
      }),
    },
  };
}

/** The review queue and saved counterparties (issue 15). */
function reviewQueuePaths(): Json {
  const body = (name: string, schema: z.ZodType): Json => ({ required: true, content: { 'application/json': { schema: component(name, schema) } } });
  const step = (summary: string, name: string, schema: z.ZodType): Json => ({
    post: op(summary, 'analyst', { parameters: [idParam], requestBody: body(name, schema), responses: { '200': json(object, 'the case with its history'), ...errors(404, 409) } }),
  });
  return {
    '/v1/review-cases': { get: op('Review cases, newest first: potential matches and review answers waiting for a person', 'viewer', { parameters: queryParams(caseQuerySchema), responses: { '200': json(object, '{ cases, fourEyes, you }') } }) },
    '/v1/review-cases/{id}': { get: op('One review case with its history', 'viewer', { parameters: [idParam], responses: { '200': json(object, 'the case and its events'), ...errors(404) } }) },
    '/v1/review-cases/{id}/assign': step('Give the case an owner', 'AssignRequest', assignRequestSchema),
    '/v1/review-cases/{id}/comment': step('Comment on the case', 'CommentRequest', commentRequestSchema),
    '/v1/review-cases/{id}/decision': step('Clear, confirm or escalate (under four eyes the first clear/confirm is a proposal a second person decides)', 'DecisionRequest', decisionRequestSchema),
    '/v1/review-cases/{id}/revoke': step('Revoke a clearance: the hit stands again under every name', 'RevokeRequest', revokeRequestSchema),
    '/v1/review-cases/{id}/expiry': step('Give a clearance an expiry', 'ExpiryRequest', expiryRequestSchema),
    '/v1/saved-counterparties': {
      get: op('Saved counterparties: every name, country, headquarters, ultimate parent, type, owners', 'viewer', { responses: { '200': json(object, '{ counterparties }') } }),
      post: op('Save a counterparty (or update the one known by its name)', 'analyst', { requestBody: body('SavedCounterparty', savedCounterpartySchema), responses: { '201': json(object, 'the saved counterparty') } }),
    },
  };
}

export function openApiDocument(): Json {
  plain('Error', errorJson);
  const paths: Json = { ...evaluatePaths(), ...batchPaths(), ...rulesAndAuditPaths(), ...ownersPaths(), ...reviewQueuePaths() };
  return {
    openapi: '3.1.0',
    info: { title: 'Redline API', version: '1.0.0', description: 'Export-control compliance for semiconductors. Shapes follow docs/contract.md; roles and limits in docs/api.md.' },
    servers: [{ url: '/' }],
    components: { schemas: components, securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'redline keys create --role viewer|analyst|admin' } } },
    paths,
  };
}
