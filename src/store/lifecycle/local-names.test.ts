import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LISTS_DIR } from '../../bundle/paths.js';
import { openTestStore, type TestStore } from '../testing.js';
import { screenerFromStore } from './bundled.js';
import { loadListFile } from './load.js';

/**
 * A newer file of a list keeps the curated Chinese names the bundled snapshot carried
 * (data/lists/cn/cn_names_curated.csv): the official files print those entries in English only,
 * so without them an update would show every curated entry as changed and a party screened by
 * its Chinese name would no longer be found.
 */
const EL = join(LISTS_DIR, 'us/nsfreg_bis_entity_list_2026-07-09.json');
const MEU = join(LISTS_DIR, 'us/nsfreg_bis_meu_2026-07-09.json');

describe('curated local names across list versions', () => {
  let t: TestStore;
  let dir: string;
  beforeAll(async () => {
    t = await openTestStore('sqlite');
    dir = mkdtempSync(join(tmpdir(), 'redline-local-names-'));
  }, 120_000);
  afterAll(async () => {
    await t?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('re-loading the very file a snapshot came from is unchanged', async () => {
    const r = await loadListFile(t.store, MEU);
    expect(r.lists.map((l) => [l.list, l.status])).toEqual([['us.bis.meu', 'unchanged']]);
  }, 120_000);

  it('a newer file with one more party is +1 ~0 −0, and the curated Chinese names still screen', async () => {
    const el = JSON.parse(readFileSync(EL, 'utf8')) as { extracted: string; count: number; entities: Record<string, unknown>[] };
    el.extracted = '2026-12-01';
    el.entities.push({ name: 'Example Added Party Co., Ltd.', aliases: [], country: 'China', address: 'Hefei, China', status: null, effective_date: '2026-12-01', federal_register: '91 FR 99999', notes: 'For all items subject to the EAR.' });
    el.count = el.entities.length;
    const file = join(dir, 'entity_list_2026-12-01.json');
    writeFileSync(file, JSON.stringify(el));
    const r = await loadListFile(t.store, file);
    const l = r.lists.find((x) => x.list === 'us.bis.entity-list')!;
    expect(l.status).toBe('loaded');
    expect([l.diff.added.length, l.diff.changed.length, l.diff.removed.length]).toEqual([1, 0, 0]);
    const screener = await screenerFromStore(t.store);
    expect(screener.versions.find((v) => v.list === 'us.bis.entity-list')?.sourceDate).toBe('2026-12-01');
    // 航天动力技术研究院 is the MEU's AASPT; 中芯国际集成电路制造有限公司 is SMIC on the Entity List: both only by their curated names.
    for (const [name, list] of [['航天动力技术研究院', 'us.bis.meu'], ['中芯国际集成电路制造有限公司', 'us.bis.entity-list']] as const) {
      const top = screener.screen(name).hits[0];
      expect({ name, list: top?.list, score: top?.score }).toEqual({ name, list, score: 1 });
    }
  }, 120_000);
});
