/**
 * Issue 15, done-when 1 at the API: a potential match from Check goes to the queue, two
 * different people clear it under four eyes, and the cleared hit is then suppressed in a later
 * check and batch — also for the Chinese form of the counterparty's name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test-server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  t.server.deps.fourEyes = true;
}, 120_000);
afterAll(async () => t?.close());

async function call(method: 'GET' | 'POST', url: string, role: 'viewer' | 'analyst' | 'admin', payload?: unknown, headers: Record<string, string> = {}) {
  const r = await t.server.app.inject({ method, url, headers: { ...t.auth(role), ...headers }, ...(payload !== undefined ? { payload: payload as string } : {}) });
  return { status: r.statusCode, body: r.headers['content-type']?.toString().includes('json') ? r.json() : r.body };
}

const order = (id: string, name: string) => ({
  id,
  date: '2026-09-30',
  from: 'US',
  to: 'MY',
  items: [{ model: 'NVIDIA L4' }],
  parties: [{ role: 'end_user', name, country: 'MY' }],
});

describe('review queue through the API', () => {
  it('check → case → proposed by one person, refused to the same person, cleared by a second → suppressed later under both names', async () => {
    const saved = await call('POST', '/v1/saved-counterparties', 'analyst', { name: 'Sugon Ltd', names: ['曙光有限公司'], country: 'MY', headquarters: 'MY', ultimateParent: 'MY', type: 'distributor' });
    expect(saved.status).toBe(201);
    const first = await call('POST', '/v1/check', 'viewer', order('SO-77', 'Sugon Ltd'));
    expect(first.status).toBe(200);
    const hits = first.body.screening.flatMap((s: { hits: { list: string; entryId: string; score: number }[] }) => s.hits);
    const el = hits.find((h: { list: string }) => h.list === 'us.bis.entity-list');
    expect(el?.score).toBeGreaterThanOrEqual(0.85);

    const list = await call('GET', '/v1/review-cases?kind=potential_match&status=open', 'viewer');
    const kase = list.body.cases.find((c: { hit: { entryId: string }; orderRef: string }) => c.hit.entryId === el.entryId && c.orderRef === 'SO-77');
    expect(kase).toMatchObject({ counterparty: { name: 'Sugon Ltd', country: 'MY' }, status: 'open', source: 'check' });
    expect(kase.counterparty.savedId).toBe(saved.body.id);

    expect((await call('POST', `/v1/review-cases/${kase.id}/assign`, 'analyst', { owner: 'analyst' })).body.status).toBe('in_review');
    const proposed = await call('POST', `/v1/review-cases/${kase.id}/decision`, 'analyst', { decision: 'cleared', reason: 'a Malaysian distributor, not the listed Sugon' });
    expect(proposed.body.pending).toMatchObject({ decision: 'cleared' });
    const again = await call('POST', `/v1/review-cases/${kase.id}/decision`, 'analyst', { decision: 'cleared', reason: 'me again' });
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/four eyes/);
    const cleared = await call('POST', `/v1/review-cases/${kase.id}/decision`, 'admin', { decision: 'cleared', reason: 'agreed: different registry number' });
    expect(cleared.body).toMatchObject({ status: 'cleared', decidedBy: t.keys.keyIds.admin });
    const shown = await call('GET', `/v1/review-cases/${kase.id}`, 'viewer');
    expect(shown.body.events.map((e: { action: string }) => e.action)).toEqual(['opened', 'assigned', 'proposed cleared', 'cleared']);

    const entryIn = (d: { screening: { hits: { list: string; entryId: string }[] }[] }) => d.screening.some((s) => s.hits.some((h) => h.list === el.list && h.entryId === el.entryId));
    for (const name of ['Sugon Ltd', '曙光有限公司']) {
      const later = await call('POST', '/v1/check', 'viewer', order(`SO-78-${name}`, name));
      expect({ name, stillThere: entryIn(later.body) }).toEqual({ name, stillThere: false });
    }
    // And in a batch of the order book.
    const csv = `id,date,from,to,model,end_user_name,end_user_country\nB-1,2026-09-30,US,MY,NVIDIA L4,曙光有限公司,MY\nB-2,2026-09-30,US,MY,NVIDIA L4,Sugon Ltd,MY\n`;
    const up = await call('POST', '/v1/batches', 'analyst', csv, { 'content-type': 'text/csv' });
    expect(up.status).toBe(202);
    await t.server.deps.batches.idle();
    const dets = await t.ts.exec("select output_json from determinations where batch_job_id = ?", [up.body.id]);
    expect(dets).toHaveLength(2);
    for (const d of dets) expect(entryIn(JSON.parse(String(d.output_json)))).toBe(false);
    // No new case was opened for the cleared entry.
    const after = await call('GET', '/v1/review-cases?kind=potential_match&status=open', 'viewer');
    expect(after.body.cases.filter((c: { hit: { entryId: string } }) => c.hit.entryId === el.entryId)).toEqual([]);
  });
});
