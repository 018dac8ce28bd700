import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListEntry, ScreeningHit } from '../domain/index.js';
import { entryContentHash } from './canonical.js';
import { CaseConflict } from './cases.js';
import { openMatchCase } from './open-cases.js';
import { loadClearedHits } from './reviews.js';
import { openTestStore, type TestStore } from './testing.js';

const entry: ListEntry = { id: 'el-1', list: 'us.bis.entity-list', name: 'Shenzhen Example Tech Co., Ltd.', altNames: [], countries: ['CN'], addresses: [] };
const hit = (e: ListEntry = entry): ScreeningHit => ({ list: e.list, entryId: e.id, name: e.name, matchedName: e.name, score: 0.91, explanation: [], entry: e });

for (const engine of ['sqlite', 'postgres'] as const) {
  describe(`review queue (${engine})`, () => {
    let t: TestStore;
    beforeAll(async () => {
      t = await openTestStore(engine);
    }, 60_000);
    afterAll(async () => t?.cleanup());

    it('opens one case per counterparty and entry, and reuses it while open', async () => {
      const a = await openMatchCase(t.store, { name: 'Shenzhen Example Trading', country: 'CN' }, hit(), { source: 'check', orderRef: 'SO-1' });
      const b = await openMatchCase(t.store, { name: 'Shenzhen Example Trading', country: 'CN' }, hit(), { source: 'batch' });
      expect(a?.id).toBe(b?.id);
      expect(a).toMatchObject({ status: 'open', orderRef: 'SO-1', kind: 'potential_match' });
      const listed = await t.store.reviewQueue.list({ status: 'open' });
      expect(listed.map((c) => c.id)).toContain(a!.id);
    });

    it('four eyes: one person proposes, the same person cannot approve, a second one clears — under every name', async () => {
      const q = t.store.reviewQueue;
      await q.saveCounterparty({ name: 'Example Optics Ltd', names: ['示例光学有限公司'], country: 'CN', headquarters: 'CN', type: 'manufacturer' });
      const c = (await openMatchCase(t.store, { name: 'Example Optics Ltd', country: 'CN' }, hit(), { source: 'check', orderRef: 'SO-2' }))!;
      await q.assign(c.id, 'alice', 'alice');
      await q.comment(c.id, 'different address, different business', 'alice');
      const proposed = await q.decide(c.id, 'cleared', { actor: 'alice', reason: 'not the listed company', fourEyes: true });
      expect(proposed.status).toBe('in_review');
      expect(proposed.pending).toMatchObject({ decision: 'cleared', by: 'alice' });
      await expect(q.decide(c.id, 'cleared', { actor: 'alice', reason: 'again', fourEyes: true })).rejects.toBeInstanceOf(CaseConflict);
      const cleared = await q.decide(c.id, 'cleared', { actor: 'bob', reason: 'agreed', fourEyes: true });
      expect(cleared).toMatchObject({ status: 'cleared', decidedBy: 'bob' });
      expect(cleared.events!.map((e) => e.action)).toEqual(['opened', 'assigned', 'comment', 'proposed cleared', 'cleared']);

      const hits = await loadClearedHits(t.store);
      for (const name of ['Example Optics Ltd', '示例光学有限公司', '示例光學有限公司']) {
        expect(hits.filter({ name, country: 'CN' }, [hit()]).suppressed).toHaveLength(1);
      }
      // Another counterparty, or a changed entry, is not covered.
      expect(hits.filter({ name: 'Other Co', country: 'CN' }, [hit()]).suppressed).toHaveLength(0);
      expect(hits.filter({ name: 'Example Optics Ltd', country: 'CN' }, [hit({ ...entry, addresses: ['new address'] })]).suppressed).toHaveLength(0);
      expect(entryContentHash(entry)).toBe(cleared.hit!.entryHash);
    });

    it('a clearance can expire and be revoked; the hit then stands again', async () => {
      const q = t.store.reviewQueue;
      const c = (await openMatchCase(t.store, { name: 'Lapse Co', country: 'CN' }, hit(), { source: 'check' }))!;
      await q.decide(c.id, 'cleared', { actor: 'carol', reason: 'not them', fourEyes: false });
      expect((await loadClearedHits(t.store)).filter({ name: 'Lapse Co', country: 'CN' }, [hit()]).suppressed).toHaveLength(1);
      await q.setExpiry(c.id, '2000-01-01', 'carol');
      expect((await loadClearedHits(t.store)).filter({ name: 'Lapse Co', country: 'CN' }, [hit()]).suppressed).toHaveLength(0);
      await q.setExpiry(c.id, '2999-01-01', 'carol');
      expect((await loadClearedHits(t.store)).filter({ name: 'Lapse Co', country: 'CN' }, [hit()]).suppressed).toHaveLength(1);
      const revoked = await q.revoke(c.id, 'dave', 'new information');
      expect(revoked.status).toBe('revoked');
      expect((await loadClearedHits(t.store)).filter({ name: 'Lapse Co', country: 'CN' }, [hit()]).suppressed).toHaveLength(0);
      await expect(q.revoke(c.id, 'dave', 'twice')).rejects.toBeInstanceOf(CaseConflict);
    });

    it('opening many at once reuses an open case and a case opened earlier in the same call, as one by one would', async () => {
      const before = await openMatchCase(t.store, { name: 'Many Co', country: 'CN' }, hit(), { source: 'check' });
      const facts = (orderRef: string) => ({ kind: 'missing_facts' as const, orderRef, counterparty: { name: 'Many Co', country: 'CN' }, missing: [{ path: 'parties[0].type', label: 'type' }], outcome: 'review', source: 'batch' as const });
      const match = { kind: 'potential_match' as const, counterparty: { name: 'many co', country: 'cn' }, hit: { list: entry.list, entryId: entry.id, name: entry.name, entryHash: entryContentHash(entry), score: 0.91 }, source: 'batch' as const };
      const audit = (await t.store.verifyAudit()).records;
      const out = await t.store.reviewQueue.openMany([facts('B-1'), match, facts('B-2'), facts('B-1')]);
      expect(out.map((o) => o.created)).toEqual([true, false, true, false]);
      expect(out[1]!.case.id).toBe(before!.id);
      expect(out[3]!.case.id).toBe(out[0]!.case.id);
      // Two cases opened: two "opened" events, each with its audit record, chained.
      const v = await t.store.verifyAudit();
      expect(v).toMatchObject({ ok: true, records: audit + 2 });
      const opened = (await t.store.reviewQueue.get(out[2]!.case.id))!;
      expect(opened.events?.map((e) => e.action)).toEqual(['opened']);
      expect(opened.events?.[0]?.auditSeq).toBe(audit + 2);
    });

    it('each step is in the audit log and the chain still verifies', async () => {
      const v = await t.store.verifyAudit();
      expect(v.ok).toBe(true);
      const recs = await t.store.listAudit({ kind: 'review_case' } as never);
      expect(recs.length).toBeGreaterThan(5);
    });
  });
}
