import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
}, 120_000);
afterAll(async () => t?.close());

async function call(method: 'GET' | 'POST', url: string, role: 'viewer' | 'analyst', payload?: unknown, headers: Record<string, string> = {}) {
  const res = await t.server.app.inject({ method, url, headers: { ...t.auth(role), ...headers }, ...(payload !== undefined ? { payload: payload as string } : {}) });
  return { status: res.statusCode, body: res.json() };
}

const csv = [
  'entity,owner,share,as_of,source',
  'Example Cloud Sdn. Bhd.,Example Holding (HK) Ltd.,50,2025-01-01,registry extract',
  'Example Holding (HK) Ltd.,"Huawei Technologies Co., Ltd.",50,2025-01-01,registry extract',
].join('\n');

describe('the ownership register over HTTP', () => {
  it('imports a CSV as a version (analyst), refuses a bad one with 400 naming the line, keeps the first', async () => {
    expect((await call('POST', '/v1/owners/import', 'viewer', csv, { 'content-type': 'text/csv' })).status).toBe(403);
    const ok = await call('POST', '/v1/owners/import', 'analyst', csv, { 'content-type': 'text/csv' });
    expect(ok.status).toBe(201);
    expect(ok.body.rows).toBe(2);
    const bad = await call('POST', '/v1/owners/import', 'analyst', 'entity,owner,share,as_of\nA,B,150,2025-01-01\n', { 'content-type': 'text/csv' });
    expect(bad.status).toBe(400);
    expect(bad.body.problems[0].path).toBe('line 2, share');
    const shown = await call('GET', '/v1/owners/EXAMPLE%20HOLDING%20(HK)%20LTD?asOf=2025-10-01', 'viewer');
    expect(shown.status).toBe(200);
    expect(shown.body.owners.map((e: { owner: string }) => e.owner)).toEqual(['Huawei Technologies Co., Ltd.']);
    expect(shown.body.holdings).toHaveLength(1);
  });

  it('POST /v1/check reads the register for a party sent without owners and shows the path', async () => {
    const tx = {
      date: '2025-10-01',
      from: 'US',
      to: 'MY',
      items: [{ kind: 'material', substance: 'process chemical', eccn: 'EAR99' }],
      parties: [{ role: 'end_user', name: 'Example Cloud Sdn Bhd', country: 'MY' }],
    };
    const r = await call('POST', '/v1/check', 'viewer', tx);
    expect(r.status).toBe(200);
    const f = r.body.jurisdictions.find((j: { jurisdiction: string }) => j.jurisdiction === 'US').findings.find((x: { measure: string }) => x.measure === 'us.ear.744.11.affiliates-50pct');
    expect(f.because.join(' ')).toContain('Example Cloud Sdn Bhd ← 50% Example Holding (HK) Ltd. ← 50% Huawei Technologies Co., Ltd. (Entity List');
    // Parties are numbered from 1 in the words, as the screening findings number them.
    expect(f.because.join(' ')).toContain('party 1 "Example Cloud Sdn Bhd" (owners from the register)');
    expect(r.body.ownership[0]).toMatchObject({ party: 0, source: 'register' });
  });
});
