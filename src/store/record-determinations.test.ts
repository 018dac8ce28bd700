import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from './testing.js';
import type { DeterminationRecordInput, StoreEngine } from './index.js';

/**
 * recordDeterminations (and a batch chunk) write many determinations with a few multi-row
 * statements. They must leave the store as recording them one by one in the same order does:
 * the same audit records in the same order, chained; the same determinations; the same
 * counterparties, each with the last screening it was given.
 */

const spelling = fc.constantFrom('Acme Trading Co.', 'ACME trading co', 'Blue River Ltd', 'Orion B.V.', '华为技术有限公司');
const party = fc.record({
  role: fc.constant('end_user'),
  name: spelling,
  country: fc.constantFrom(undefined, 'CN', 'HK'),
  address: fc.constantFrom(undefined, '1 Road'),
});
const line = fc.record({
  parties: fc.array(party, { maxLength: 2 }),
  screened: fc.boolean(),
  outcome: fc.constantFrom('no_license_required', 'review', 'license_required'),
  hit: fc.constantFrom(undefined, 'Entry A', 'Entry B'),
});

type Line = typeof line extends fc.Arbitrary<infer T> ? T : never;

function determination(tag: string, k: number, l: Line): DeterminationRecordInput {
  const parties = l.parties.map((p) => ({ ...p, name: `${tag} ${p.name}` }));
  return {
    input: { id: `L${k}`, to: 'CN', items: [{ model: 'NVIDIA L4' }], parties },
    output: {
      id: `L${k}`,
      outcome: l.outcome,
      asOf: '2026-09-30',
      ruleset: { version: 't', hash: 'h' },
      screening: l.screened ? parties.map((p, i) => ({ party: i, query: p.name, hits: l.hit ? [{ list: 'us.entity', entryId: 'e1', name: l.hit, score: 0.9 }] : [] })) : [],
      jurisdictions: [],
      classifications: [],
      redFlags: [],
      missing: [],
      lists: {},
    },
    options: { today: '2026-09-30' },
  } as unknown as DeterminationRecordInput;
}

describe.each(['sqlite', 'postgres'] as StoreEngine[])('recording many determinations at once on %s', (engine) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await openTestStore(engine);
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it('leaves the same audit records, determinations and counterparties (last screening included) as one by one', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 8 }), async (lines) => {
        run++;
        const one = `one${run}x`;
        const many = `many${run}x`;
        const start = (await t.store.verifyAudit()).records;
        const singly = [];
        for (const [k, l] of lines.entries()) singly.push(await t.store.recordDetermination(determination(one, k, l)));
        const together = await t.store.recordDeterminations(lines.map((l, k) => determination(many, k, l)));

        // Audit records: consecutive, in order, each pointing at its determination.
        expect(together.map((d) => d.auditSeq)).toEqual(lines.map((_, k) => start + lines.length + k + 1));
        const strip = (tag: string) => (v: unknown) => JSON.parse(JSON.stringify(v).replaceAll(`${tag} `, ''));
        for (const [k, d] of together.entries()) {
          const rec = (await t.store.getAudit(d.auditSeq))!;
          expect(rec.ref).toBe(d.id);
          const single = (await t.store.getAudit(singly[k]!.auditSeq))!;
          expect(strip(many)({ kind: rec.kind, input: rec.input, output: rec.output, meta: rec.meta })).toEqual(
            strip(one)({ kind: single.kind, input: single.input, output: single.output, meta: single.meta }),
          );
          expect(strip(many)((await t.store.getDetermination(d.id))!.output)).toEqual(strip(one)((await t.store.getDetermination(singly[k]!.id))!.output));
        }

        // Counterparties: the same ones, each with the same address and last screening.
        const shape = async (tag: string) => {
          const out = [];
          for (const name of new Set(lines.flatMap((l) => l.parties.map((p) => `${p.name}|${p.country ?? ''}`)))) {
            const [n, country] = name.split('|');
            const c = await t.store.findCounterparty({ name: `${tag} ${n}`, country: country || undefined });
            out.push(c ? strip(tag)({ name: c.name, country: c.country, address: c.address, lastScreening: c.lastScreening }) : null);
          }
          return out;
        };
        expect(await shape(many)).toEqual(await shape(one));
        expect((await t.store.verifyAudit()).ok).toBe(true);
      }),
      { numRuns: 15 },
    );
  });
});
