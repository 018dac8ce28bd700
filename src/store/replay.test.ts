import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { determine } from '../determine/index.js';
import { loadCatalogue } from '../bundle/catalogue.js';
import { loadRuleset } from '../bundle/rules.js';
import { DATA_DIR } from '../bundle/paths.js';
import type { Determination } from '../domain/index.js';
import { openTestStore, type TestStore } from './testing.js';
import {
  bundledRulesetSnapshot,
  checkAndRecord,
  ensureBundledLists,
  entryContentHash,
  replayDetermination,
  screenerFromStore,
  type StoreEngine,
} from './index.js';

const TODAY = '2026-08-01';

describe.each(['sqlite', 'postgres'] as StoreEngine[])('recording and replay on %s', (engine) => {
  let t: TestStore;
  let tx: Record<string, unknown>;
  beforeAll(async () => {
    t = await openTestStore(engine);
    tx = JSON.parse(await readFile(join(DATA_DIR, 'examples', 'order-h100-shanghai.json'), 'utf8')) as Record<string, unknown>;
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it('loads the bundled snapshots once, flagged as such', async () => {
    const first = await ensureBundledLists(t.store);
    expect(first.added.length).toBeGreaterThan(10);
    expect(first.added.every((v) => v.bundledSnapshot)).toBe(true);
    expect((await ensureBundledLists(t.store)).added).toEqual([]);
  });

  it('replays a recorded determination exactly, even after the lists have moved on', async () => {
    const engines = { ruleset: await loadRuleset(), catalogue: loadCatalogue(), screener: await screenerFromStore(t.store) };
    const { determination, record } = await checkAndRecord(t.store, engines, tx, { today: TODAY, keyId: 'k-erp' });
    expect(determination.id).toBe(record.id);
    expect(determination.screening.some((s) => s.hits.some((h) => h.list === 'us.bis.entity-list'))).toBe(true);
    expect(await t.store.getRulesetSnapshot(engines.ruleset.hash)).toBeDefined();
    const parties = await t.store.listCounterparties();
    expect(parties.map((p) => p.name)).toContain('华为技术有限公司');

    // A new Entity List version without the hit entry: today's answer would differ, the replay must not.
    const el = (await t.store.latestListVersions()).find((v) => v.list === 'us.bis.entity-list')!;
    const hitIds = new Set(determination.screening.flatMap((s) => s.hits.map((h) => h.entryId)));
    const entries = (await t.store.listEntries([el.id])).map((s) => s.entry).filter((e) => !hitIds.has(e.id));
    await t.store.addListVersion({ list: el.list, title: el.title, sourceDate: '2026-07-30', entries });

    const byId = await replayDetermination(t.store, record.id);
    expect(byId.reproduced).toBe(true);
    expect(byId.sameInputs).toBe(true);
    expect(byId.ruleset.used).toBe('current');
    expect(byId.today).toBe(TODAY);
    expect(byId.lists.every((l) => l.found)).toBe(true);
    expect((await replayDetermination(t.store, String(record.auditSeq))).reproduced).toBe(true);
  });

  it('replays with the cleared reviews that applied at the time', async () => {
    const screener = await screenerFromStore(t.store);
    const huawei = { name: '华为技术有限公司', country: 'CN' };
    const hit = screener.screen(huawei.name, { country: 'CN' }).hits.find((h) => h.score >= screener.alertThreshold)!;
    const review = await t.store.recordReview({ counterparty: huawei, list: hit.list, entryId: hit.entryId, entryHash: entryContentHash(hit.entry), decision: 'cleared', reason: 'test clearance' });
    const { determination, record } = await checkAndRecord(t.store, { ruleset: await loadRuleset(), catalogue: loadCatalogue(), screener }, tx, { today: TODAY });
    expect(record.options.reviewIds).toEqual([review.id]);
    expect(determination.screening.find((s) => s.party === 0)!.hits.some((h) => h.entryId === hit.entryId)).toBe(false);
    // Confirming the hit later changes today's answers, not the replay of the old one.
    await t.store.recordReview({ counterparty: huawei, list: hit.list, entryId: hit.entryId, entryHash: entryContentHash(hit.entry), decision: 'confirmed', reason: 'on second look' });
    expect((await replayDetermination(t.store, record.id)).reproduced).toBe(true);
  });

  it('says plainly when the rule set differs and the store does not hold it', async () => {
    const engines = { ruleset: await loadRuleset(), catalogue: loadCatalogue(), screener: undefined };
    const output: Determination = { ...determine(tx, engines, { today: TODAY }), ruleset: { version: 'old', hash: 'sha256:0000' } };
    const rec = await t.store.recordDetermination({ input: tx, output, options: { today: TODAY } });
    const r = await replayDetermination(t.store, rec.id);
    expect(r.sameInputs).toBe(false);
    expect(r.ruleset.used).toBe('current (recorded rule set not available)');
    expect(r.reproduced).toBe(false);
    expect(r.differences).toContain('ruleset.hash');
    expect(r.message).toMatch(/rule set differs.*replay is exact only with the same rule set/);
  });

  it('replays under an older rule set kept in the store', async () => {
    const current = await loadRuleset();
    const snap = (await bundledRulesetSnapshot(current.hash))!;
    const older = mkdtempSync(join(tmpdir(), 'redline-old-packs-'));
    const files = snap.files.map((f, i) => ({ path: f.path, text: i === 0 ? `# an edit made after the answer was given\n${f.text}` : f.text }));
    for (const f of files) {
      mkdirSync(dirname(join(older, f.path)), { recursive: true });
      writeFileSync(join(older, f.path), f.text);
    }
    const oldRuleset = await loadRuleset(older);
    expect(oldRuleset.hash).not.toBe(current.hash);
    await t.store.saveRulesetSnapshot({ hash: oldRuleset.hash, version: oldRuleset.version, files });
    const output = determine(tx, { ruleset: oldRuleset, catalogue: loadCatalogue() }, { today: TODAY });
    const rec = await t.store.recordDetermination({ input: tx, output, options: { today: TODAY } });
    const r = await replayDetermination(t.store, rec.id);
    expect(r.ruleset.used).toBe('stored snapshot');
    expect(r.reproduced).toBe(true);
    expect(r.message).toMatch(/rule set has changed since/);
  });

  it('names what it cannot replay', async () => {
    await expect(replayDetermination(t.store, 'det_nope')).rejects.toThrow(/no audit record or determination/);
    const key = await t.store.listAudit({ kind: 'review', limit: 1 });
    await expect(replayDetermination(t.store, String(key[0]!.seq))).rejects.toThrow(/is a review, not a determination/);
  });
});
