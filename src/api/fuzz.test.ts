import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../domain/index.js';
import { createRedline, type Redline } from '../bundle/redline.js';
import { parseJsonText } from '../cli/io.js';
import { parseAsOf, parseMaxListAge } from '../cli/options.js';
import { screenOptions } from '../cli/commands/screen.js';
import { processRow } from '../batch/rows.js';
import { csvRecord, jsonText, junk, transaction } from './fuzz-arbitraries.js';
import { startTestServer, type TestServer } from './test-server.js';

/**
 * 100,000 random and malformed inputs by default (FUZZ_RUNS scales it): 70% through the
 * in-process parsers behind the CLI (`check`/`classify` input, JSON text, batch CSV and JSON
 * Lines rows, flags), 30% through the HTTP API with fastify.inject. Every one must end in a
 * valid answer or a bad-input error naming its problem: never a crash, never a 500.
 */
const TOTAL = Number(process.env.FUZZ_RUNS ?? 100_000);
const CLI_RUNS = Math.round(TOTAL * 0.7);
const HTTP_RUNS = TOTAL - CLI_RUNS;
const SEED = Number(process.env.FUZZ_SEED ?? 20261127);
let counted = 0;

/** Runs `fn` (one input counts once, however many parsers it goes through); an InputError must name at least one problem, each with a path and a message. Anything else thrown fails. */
function answered(fn: () => unknown): void {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    expect(e.problems.length).toBeGreaterThan(0);
    for (const p of e.problems) {
      expect(typeof p.path).toBe('string');
      expect(p.message.length).toBeGreaterThan(0);
    }
  }
}

let redline: Redline;
beforeAll(async () => {
  // Screening off keeps 70,000 determinations fast; parsing and validation are the same either way.
  redline = await createRedline({ screener: false });
});

describe(`fuzz: ${CLI_RUNS} inputs through the CLI input parsers`, () => {
  const share = Math.floor(CLI_RUNS / 5);
  const runs = [share, share, share, share, CLI_RUNS - 4 * share];

  it('check and classify input: a determination or an InputError naming the field', () => {
    fc.assert(
      fc.property(transaction, (tx) => {
        counted++;
        answered(() => {
          const d = redline.check(tx, { path: '' });
          expect(['prohibited', 'license_required', 'review', 'exception_available', 'no_license_required']).toContain(d.outcome);
        });
        answered(() => redline.classify((tx as { items?: unknown[] } | null)?.items?.[0] ?? tx));
      }),
      { numRuns: runs[0], seed: SEED },
    );
  });

  it('JSON text from a file or stdin: a value or an InputError with the line and column', () => {
    fc.assert(
      fc.property(jsonText, (text) => {
        counted++;
        answered(() => redline.check(parseJsonText(text, 'stdin')));
      }),
      { numRuns: runs[1], seed: SEED + 1 },
    );
  });

  it('batch CSV rows: an answer row or an error row naming the column, never a throw', () => {
    fc.assert(
      fc.property(csvRecord, fc.nat(), (csv, row) => {
        counted++;
        const r = processRow({ row, csv }, redline, undefined);
        expect(r.row).toBe(row);
        if ('error' in r) expect(r.problems.length).toBeGreaterThan(0);
        else expect(r.outcome).toBeTruthy();
      }),
      { numRuns: runs[2], seed: SEED + 2 },
    );
  });

  it('batch JSON Lines rows: an answer row or an error row, never a throw', () => {
    fc.assert(
      fc.property(fc.oneof(jsonText, fc.string({ maxLength: 60 })), (json) => {
        counted++;
        const r = processRow({ row: 1, json }, redline, undefined);
        if ('error' in r) expect(r.problems.length).toBeGreaterThan(0);
        else expect(r.outcome).toBeTruthy();
      }),
      { numRuns: runs[3], seed: SEED + 3 },
    );
  });

  it('flags (--as-of, --max-list-age, screen --country/--limit/--threshold): a value or an InputError naming the flag', () => {
    const flag = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('2026-09-30', '2026-02-29', '30', '-1', '1e3', 'CN', 'cn', '0.5', '1001'));
    fc.assert(
      fc.property(flag, flag, flag, flag, (a, b, c, d) => {
        counted++;
        answered(() => parseAsOf(a));
        answered(() => parseMaxListAge(b));
        answered(() => screenOptions({ country: c, limit: d, threshold: a, address: b }));
      }),
      { numRuns: runs[4], seed: SEED + 4 },
    );
  });
});

let t: TestServer;
describe(`fuzz: ${HTTP_RUNS} requests through the HTTP API`, () => {
  beforeAll(async () => {
    t = await startTestServer({ rateMax: 10_000_000, authFailureMax: 10_000_000 });
  }, 120_000);
  afterAll(async () => {
    await t?.server.deps.batches.idle();
    await t?.close();
  });

  const route = fc.constantFrom(
    ['POST', '/v1/check'], ['POST', '/v1/check?asOf=2026-13-01'], ['POST', '/v1/classify'], ['POST', '/v1/screen'], ['POST', '/v1/match'],
    ['POST', '/v1/reviews'], ['POST', '/v1/batches'], ['POST', '/v1/batches?format=csv'], ['GET', '/v1/rules?jurisdiction=US'],
    ['GET', '/v1/rules/us.ear.ac.license.d-groups'], ['GET', '/v1/rules/timeline?from=x'], ['GET', '/v1/audit?limit=2&kind=screening'],
    ['GET', '/v1/audit?limit=abc'], ['GET', '/v1/batches/x'], ['GET', '/v1/nowhere'], ['POST', '/v1/audit/verify'],
  ) as fc.Arbitrary<['GET' | 'POST', string]>;
  const body = fc.oneof(
    transaction.map((v) => JSON.stringify(v)),
    jsonText,
    fc.record({ name: fc.oneof(fc.string({ maxLength: 30 }), junk), country: junk, limit: junk }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
    fc.record({ a: fc.oneof(fc.string({ maxLength: 20 }), junk), b: fc.oneof(fc.string({ maxLength: 20 }), junk) }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
    fc.string({ maxLength: 80 }),
  );
  const contentType = fc.constantFrom('application/json', 'application/json', 'text/csv', 'application/x-ndjson', 'text/plain', 'application/xml', '');
  const who = fc.constantFrom('viewer', 'analyst', 'admin', 'none', 'bad');

  it('answers every request with a documented status and a JSON body; never 500', async () => {
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(route, body, contentType, who, async ([method, url], payload, ct, role) => {
        counted++;
        const headers: Record<string, string> = {};
        if (role === 'bad') headers.authorization = 'Bearer rl_0123456789ab_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx';
        else if (role !== 'none') headers.authorization = t.auth(role).authorization;
        if (ct && method === 'POST') headers['content-type'] = ct;
        const res = await t.server.app.inject({ method, url, headers, ...(method === 'POST' ? { payload } : {}) });
        seen.set(res.statusCode, (seen.get(res.statusCode) ?? 0) + 1);
        expect([200, 201, 202, 400, 401, 403, 404, 413, 415]).toContain(res.statusCode);
        const json = res.json() as { error?: string; problems?: { path: string; message: string }[] };
        if (res.statusCode === 400) {
          expect(json.error).toBe('bad_request');
          expect(json.problems?.length ?? (json as { message?: string }).message?.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: HTTP_RUNS, seed: SEED + 5 },
    );
    // The mix reached the handlers, not only the auth gate.
    expect(seen.get(200)).toBeGreaterThan(0);
    expect(seen.get(400)).toBeGreaterThan(0);
    expect(seen.get(401)).toBeGreaterThan(0);
  }, 900_000);

  it(`counted every input (${TOTAL} in all)`, () => {
    expect(counted).toBe(TOTAL);
  });
});
