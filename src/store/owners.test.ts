import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InputError, ownershipKey } from '../domain/index.js';
import { openTestStore, type TestStore } from './testing.js';
import { checkAndRecord, ensureBundledLists, importRegisterCsv, loadOwnershipRegister, ownershipRegisterCache, parseRegisterCsv, replayDetermination, screenerFromStore, type StoreEngine } from './index.js';
import { loadRuleset } from '../bundle/rules.js';
import { loadCatalogue } from '../bundle/catalogue.js';

const FIRST = 'entity,owner,share,as_of,source\nSub Ltd,Holding Ltd,50,2025-01-01,registry\nHolding Ltd,"Listed Co., Ltd.",50,2025-01-01,registry\n';
const LATER = 'Entity,Owner,Share,As-of,Source\nHolding Ltd,"Listed Co., Ltd.",10,2025-10-15,filing\nHolding Ltd,Fund LP,90,2025-10-15,filing\n';

for (const engine of ['sqlite', 'postgres'] as StoreEngine[]) {
  describe(`ownership register on ${engine}`, () => {
    let t: TestStore;
    beforeAll(async () => {
      t = await openTestStore(engine);
    });
    afterAll(async () => {
      await t?.cleanup();
    });

    it('stores each import as a version and keeps the history; the date picks the statement', async () => {
      const a = await importRegisterCsv(t.store, FIRST, { source: 'first.csv' });
      const b = await importRegisterCsv(t.store, LATER, { source: 'later.csv' });
      expect([a.id < b.id, a.rows, b.rows]).toEqual([true, 2, 2]);
      const reg = await loadOwnershipRegister(t.store);
      expect(reg.version).toBe(b.id);
      expect(reg.ownersOf('HOLDING LTD', '2025-10-14').map((e) => [e.owner, e.share])).toEqual([['Listed Co., Ltd.', 50]]);
      expect(reg.ownersOf('Holding Ltd', '2025-10-15').map((e) => [e.owner, e.share])).toEqual([['Listed Co., Ltd.', 10], ['Fund LP', 90]]);
      const show = await t.store.ownerEdgesFor(ownershipKey('Holding Ltd.'));
      expect([show.asEntity.length, show.asOwner.length]).toEqual([3, 1]);
      const audit = await t.store.listAudit({ kind: 'owners_import' });
      expect(audit.length).toBe(2);
    });

    it('a file with a bad row is refused whole, naming the line, and what was imported stays', async () => {
      const before = await t.store.latestOwnersImport();
      const bad = 'entity,owner,share,as_of,source\nX,Y,40,2025-01-01,a\nX,Z,70,2025-01-01,a\n';
      await expect(importRegisterCsv(t.store, bad)).rejects.toThrow(/line 3: the owners of "X" as of 2025-01-01 \(lines 2, 3\) hold 110 %/);
      expect(await t.store.latestOwnersImport()).toBe(before);
      expect((await loadOwnershipRegister(t.store)).ownersOf('Holding Ltd', '2026-01-01').length).toBe(2);
    });

    it('a determination that read the register replays with the register as it stood, after later imports', async () => {
      await ensureBundledLists(t.store);
      await importRegisterCsv(t.store, 'entity,owner,share,as_of\nReplay Sub Ltd,Replay Holding Ltd,60,2025-01-01\nReplay Holding Ltd,"Huawei Technologies Co., Ltd.",50,2025-01-01\n');
      const engines = { ruleset: await loadRuleset(), catalogue: loadCatalogue(), screener: await screenerFromStore(t.store), owners: await loadOwnershipRegister(t.store) };
      const tx = { date: '2025-10-01', from: 'US', to: 'MY', items: [{ kind: 'material', substance: 'process chemical', eccn: 'EAR99' }], parties: [{ role: 'end_user', name: 'Replay Sub Ltd', country: 'MY' }] };
      const { determination, record } = await checkAndRecord(t.store, engines, tx, { today: '2025-10-01' });
      expect(determination.ownership?.[0]?.rules[0]?.restricted).toBe(true);
      // The holding is sold down later (same as-of date: a correction); replay still reads version it used.
      await importRegisterCsv(t.store, 'entity,owner,share,as_of\nReplay Holding Ltd,"Huawei Technologies Co., Ltd.",10,2025-01-01\n');
      expect((await loadOwnershipRegister(t.store)).ownersOf('Replay Holding Ltd', '2025-10-01')[0]!.share).toBe(10);
      const replay = await replayDetermination(t.store, record.id);
      expect(replay.differences).toEqual([]);
      expect(replay.reproduced).toBe(true);
    }, 120_000);

    it('the server cache reloads only when another import landed', async () => {
      const cached = ownershipRegisterCache(t.store);
      const one = await cached();
      expect(await cached()).toBe(one);
      await importRegisterCsv(t.store, 'entity,owner,share,as_of\nNew Co,Old Co,100,2026-01-01\n');
      const two = await cached();
      expect(two).not.toBe(one);
      expect(two!.ownersOf('New Co', '2026-02-01').length).toBe(1);
    });
  });
}

describe('parseRegisterCsv', () => {
  it('names an unknown or missing column and a short row', () => {
    expect(() => parseRegisterCsv('entity,owner,share,date\nA,B,1,2025-01-01\n')).toThrow(/unknown column "date".*the column "as_of" is missing/);
    try {
      parseRegisterCsv('entity,owner,share,as_of\nA,B,1\n');
      expect.unreachable();
    } catch (e) {
      expect((e as InputError).problems[0]!.path).toBe('line 2');
    }
  });

  it('reads back any names it is given, quoted or not, with the right line numbers (property)', () => {
    const field = fc.string({ maxLength: 12 }).filter((x) => !/[\r\n]/.test(x) && x.trim() === x && x.length > 0);
    const quote = (x: string) => (/[",]/.test(x) ? `"${x.replace(/"/g, '""')}"` : x);
    fc.assert(
      fc.property(fc.array(fc.record({ entity: field, owner: field, share: fc.integer({ min: 0, max: 100 }) }), { minLength: 1, maxLength: 8 }), (rows) => {
        const text = ['entity,owner,share,as_of', ...rows.map((r) => `${quote(r.entity)},${quote(r.owner)},${r.share},2025-01-01`)].join('\n');
        const parsed = parseRegisterCsv(text);
        expect(parsed.map((r) => [r.line, r.entity, r.owner, r.share])).toEqual(rows.map((r, i) => [i + 2, r.entity, r.owner, String(r.share)]));
      }),
      { numRuns: 200 },
    );
  });
});
