import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from './testing.js';
import type { Counterparty, CounterpartyInput, StoreEngine } from './index.js';

async function allCounterparties(t: TestStore): Promise<Counterparty[]> {
  const out: Counterparty[] = [];
  for (let page = await t.store.listCounterparties({ limit: 10_000 }); page.length; page = await t.store.listCounterparties({ after: page.at(-1)!.id, limit: 10_000 })) out.push(...page);
  return out;
}

/** What a party looks like once stored, without what differs from run to run (id, time). */
function shape(c: Counterparty, tag: string) {
  return { key: c.key.replace(`${tag.toLowerCase()} `, ''), name: c.name.replace(`${tag} `, ''), country: c.country, address: c.address, aliases: c.aliases };
}

const spelling = fc.constantFrom('Acme Trading Co.', 'ACME trading co', 'acme  TRADING co', 'Blue River Ltd', 'Blue-River Ltd.', 'Orion B.V.');
const party = fc.record({
  name: spelling,
  country: fc.constantFrom(undefined, 'cn', 'CN', 'HK'),
  address: fc.constantFrom(undefined, '1 Road', '2 Street'),
  aliases: fc.constantFrom<string[] | undefined>(undefined, [], ['Acme'], ['AT Co', 'Acme']),
});

describe.each(['sqlite', 'postgres'] as StoreEngine[])('batch counterparty upsert on %s', (engine) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await openTestStore(engine);
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it('stores each new party once, however often and however spelt it comes', async () => {
    await t.store.upsertCounterparties([
      { name: 'Zed Photonics Ltd', country: 'cn' },
      { name: 'ZED photonics ltd.', country: 'CN', address: '9 Quay' },
      { name: 'Zed Photonics Ltd', country: 'HK' },
    ]);
    await t.store.upsertCounterparties([{ name: 'Zed  Photonics LTD', country: 'CN' }]);
    const zed = (await allCounterparties(t)).filter((c) => c.key.startsWith('zed photonics'));
    expect(zed.map((c) => [c.name, c.country, c.address]).sort()).toEqual([
      ['Zed Photonics Ltd', 'CN', '9 Quay'],
      ['Zed Photonics Ltd', 'HK', null],
    ]);
  });

  it('leaves the store as upserting one by one in the same order would', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(party, { minLength: 1, maxLength: 12 }), async (parties) => {
        run++;
        const tagged = (tag: string) => parties.map((p): CounterpartyInput => ({ ...p, name: `${tag} ${p.name}` }));
        const one = `one${run}x`;
        const many = `many${run}x`;
        for (const p of tagged(one)) await t.store.upsertCounterparty(p);
        await t.store.upsertCounterparties(tagged(many));
        const stored = await allCounterparties(t);
        const of = (tag: string) => stored.filter((c) => c.name.startsWith(`${tag} `)).map((c) => shape(c, tag)).sort((a, b) => a.key.localeCompare(b.key));
        expect(of(many)).toEqual(of(one));
      }),
      { numRuns: 25 },
    );
  });

  it('writes audit records and their counterparties together, or neither', async () => {
    const before = await t.store.verifyAudit();
    const [rec] = await t.store.appendAudits([{ kind: 'screening', input: { screenings: [{ query: 'Quill Optics' }] }, output: { results: [] } }], {
      counterparties: [{ name: 'Quill Optics', country: 'DE' }],
    });
    expect(rec!.seq).toBe(before.records + 1);
    expect((await t.store.findCounterparty({ name: 'quill optics', country: 'de' }))?.name).toBe('Quill Optics');

    // A party that cannot be stored (no name) fails after the audit append: the whole transaction is undone.
    const bad = { name: null, country: 'CN' } as unknown as CounterpartyInput;
    await expect(
      t.store.appendAudits([{ kind: 'screening', input: { screenings: [{ query: 'Lost' }] }, output: { results: [] } }], { counterparties: [{ name: 'Lost Party Ltd' }, bad] }),
    ).rejects.toThrow();
    const after = await t.store.verifyAudit();
    expect(after).toMatchObject({ ok: true, records: before.records + 1 });
    expect(await t.store.findCounterparty({ name: 'Lost Party Ltd' })).toBeUndefined();
  });
});
