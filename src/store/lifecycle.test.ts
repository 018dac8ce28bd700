import { mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from './testing.js';
import {
  DataGateError,
  diffVersions,
  entryContentHash,
  loadClearedHits,
  loadListFile,
  screenerFromStore,
  suppressClearedHits,
  type StoreEngine,
} from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'redline-lists-'));
const HEADER = 'list,name,aliases,country,citation,start_date,addresses';

/** A plain-CSV list file of `test.watch` with the given rows (name, aliases, address). */
function listFile(name: string, rows: [string, string, string][]): string {
  const path = join(dir, name);
  writeFileSync(path, [HEADER, ...rows.map(([n, a, addr]) => `test.watch,"${n}","${a}",CN,"99 FR 1, 1/2/26",2026-01-02,"${addr}"`)].join('\n'));
  return path;
}

const BASE: [string, string, string][] = Array.from({ length: 10 }, (_, i) => [`Quorvane Optics ${String.fromCharCode(65 + i)} Ltd`, '', `${i} Harbour Road, Ningbo`]);

describe.each(['sqlite', 'postgres'] as StoreEngine[])('list lifecycle and reviews on %s', (engine) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await openTestStore(engine);
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it('loads a file as version 1, then diffs version 2 by stable entry id', async () => {
    const first = await loadListFile(t.store, listFile('v1_2026-02-01.csv', BASE), { ensureBundled: false });
    expect(first.sourceDate).toBe('2026-02-01');
    expect(first.lists[0]).toMatchObject({ list: 'test.watch', status: 'loaded' });
    expect(first.lists[0]!.diff.added).toHaveLength(10);

    const v2rows = BASE.slice(1).map((r, i) => (i === 0 ? ([r[0], 'QO-B', r[2]] as [string, string, string]) : r));
    v2rows.push(['Zentrix Photonics Ltd', '', '7 Science Ave, Wuxi']);
    const second = await loadListFile(t.store, listFile('v2_2026-03-01.csv', v2rows), { ensureBundled: false });
    const d = second.lists[0]!.diff;
    expect(d.added.map((e) => e.name)).toEqual(['Zentrix Photonics Ltd']);
    expect(d.changed.map((c) => [c.after.name, c.fields])).toEqual([['Quorvane Optics B Ltd', ['altNames']]]);
    expect(d.removed.map((e) => e.name)).toEqual(['Quorvane Optics A Ltd']);
    expect(d.changed[0]!.before.id).toBe(d.changed[0]!.after.id);

    const versions = await t.store.listVersions('test.watch');
    expect(versions.map((v) => [v.version, v.sourceDate, v.entries])).toEqual([[1, '2026-02-01', 10], [2, '2026-03-01', 10]]);
    const again = await diffVersions(t.store, versions[0], versions[1]!);
    expect([again.added.length, again.changed.length, again.removed.length]).toEqual([1, 1, 1]);
  });

  it('makes no new version when the content is unchanged', async () => {
    const v2 = await readFile(join(dir, 'v2_2026-03-01.csv'), 'utf8');
    writeFileSync(join(dir, 'same.csv'), v2);
    const r = await loadListFile(t.store, join(dir, 'same.csv'), { ensureBundled: false, sourceDate: '2026-03-05' });
    expect(r.lists[0]!.status).toBe('unchanged');
    expect(await t.store.listVersions('test.watch')).toHaveLength(2);
  });

  it('refuses a load that loses more than 20 % of a list, records the refusal, and loads it with force', async () => {
    const v2 = (await t.store.latestListVersions()).find((v) => v.list === 'test.watch')!;
    const entries = (await t.store.listEntries([v2.id])).map((s) => s.entry);
    const kept = entries.slice(0, 7).map((e) => [e.name, e.altNames.join(';'), e.addresses.join(';')] as [string, string, string]);
    const file = listFile('short_2026-03-10.csv', kept);
    const err = await loadListFile(t.store, file, { ensureBundled: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataGateError);
    expect((err as Error).message).toMatch(/test\.watch: this load would remove 3 of its 10 entries \(30 %\), more than the data gate allows \(20 %\).*--force/);
    expect(await t.store.listVersions('test.watch')).toHaveLength(2);
    const [refusal] = await t.store.listAudit({ kind: 'list_load', limit: 1 });
    expect(refusal!.output).toMatchObject({ refused: 'data gate' });

    expect((await loadListFile(t.store, file, { ensureBundled: false, maxLossShare: 0.5 })).lists[0]!.status).toBe('loaded');
    await expect(loadListFile(t.store, listFile('tiny_2026-03-11.csv', kept.slice(0, 2)), { ensureBundled: false })).rejects.toThrow(DataGateError);
    const forced = await loadListFile(t.store, listFile('tiny_2026-03-11.csv', kept.slice(0, 2)), { ensureBundled: false, force: true });
    expect(forced.forced).toBe(true);
    expect(forced.lists[0]!.diff.removed).toHaveLength(5);
  });

  it('re-screens stored counterparties against what a load added, and audits the new hits', async () => {
    await t.store.upsertCounterparty({ name: 'Zentrix Photonics Limited', country: 'CN' });
    await t.store.upsertCounterparty({ name: 'Unrelated Farm Supplies', country: 'NZ' });
    const r = await loadListFile(t.store, listFile('v5_2026-04-01.csv', [['Zentrix Photonics Ltd', '', '7 Science Ave, Wuxi']]), { ensureBundled: false, force: true });
    expect(r.rescreen.screened).toBeGreaterThanOrEqual(2);
    expect(r.rescreen.newHits.map((n) => n.counterparty.name)).toEqual(['Zentrix Photonics Limited']);
    const audit = await t.store.getAudit(r.rescreen.newHits[0]!.auditSeq);
    expect(audit).toMatchObject({ kind: 'screening', input: { query: 'Zentrix Photonics Limited', reason: 'list_load' } });
    expect((audit!.meta as { newHits: unknown[] }).newHits).toHaveLength(1);
    expect((await t.store.findCounterparty({ name: 'Zentrix Photonics Limited', country: 'CN' }))?.lastScreening?.hits[0]?.name).toBe('Zentrix Photonics Ltd');
  });

  it('suppresses a cleared hit for that counterparty until the entry changes', async () => {
    const party = { name: 'Zentrix Photonics Limited', country: 'CN' };
    const screener = await screenerFromStore(t.store);
    const [hit] = screener.screen(party.name, { country: party.country }).hits;
    expect(hit?.name).toBe('Zentrix Photonics Ltd');
    const review = await t.store.recordReview({ counterparty: party, list: hit!.list, entryId: hit!.entryId, entryHash: entryContentHash(hit!.entry), decision: 'cleared', reason: 'different company: Wuxi registry no. 123', keyId: 'k-officer' });
    expect((await t.store.getAudit(review.auditSeq))?.kind).toBe('review');

    const now = await suppressClearedHits(t.store, party, [hit!]);
    expect(now.hits).toEqual([]);
    expect(now.suppressed.map((s) => s.reviewId)).toEqual([review.id]);
    // Another party with the same hit is not covered by this decision.
    expect((await suppressClearedHits(t.store, { name: 'Zentrix Photonics Ltd', country: 'CN' }, [hit!])).hits).toHaveLength(1);

    // The entry changes (a new address): the old clearance no longer holds, and the re-screen reports it.
    const r = await loadListFile(t.store, listFile('v6_2026-05-01.csv', [['Zentrix Photonics Ltd', '', '9 New Street, Suzhou']]), { ensureBundled: false, force: true });
    expect(r.rescreen.newHits.map((n) => n.counterparty.name)).toContain('Zentrix Photonics Limited');
    const changedHit = (await screenerFromStore(t.store)).screen(party.name, { country: 'CN' }).hits[0]!;
    expect(changedHit.entryId).toBe(hit!.entryId);
    expect((await suppressClearedHits(t.store, party, [changedHit])).hits).toHaveLength(1);
  });

  it('lets a later confirmation undo a clearance', async () => {
    const party = { name: 'Zentrix Photonics Limited', country: 'CN' };
    const hit = (await screenerFromStore(t.store)).screen(party.name, { country: 'CN' }).hits[0]!;
    const base = { counterparty: party, list: hit.list, entryId: hit.entryId, entryHash: entryContentHash(hit.entry) };
    await t.store.recordReview({ ...base, decision: 'cleared', reason: 'checked again' });
    expect((await loadClearedHits(t.store, [party])).filter(party, [hit]).hits).toHaveLength(0);
    await t.store.recordReview({ ...base, decision: 'confirmed', reason: 'registry shows the same company' });
    expect((await loadClearedHits(t.store, [party])).filter(party, [hit]).hits).toHaveLength(1);
    expect((await t.store.verifyAudit()).ok).toBe(true);
  });
});
