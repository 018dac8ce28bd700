import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LISTS_DIR } from '../../bundle/paths.js';
import { InputError } from '../../domain/index.js';
import { openTestStore, type TestStore } from '../testing.js';
import { detectListFormat, LIST_FORMATS, parseListContent, parseListFile } from './files.js';
import { listTitle } from './bundled.js';
import { loadListFile } from './load.js';

const FIX = join(LISTS_DIR, 'fixtures');

/** Every format's fixture, the format it must be detected as, the lists it holds, and the date and kind it gives. */
const CASES: [file: string, format: string, lists: string[], date: string, kind: string][] = [
  ['us_csl_format_sample_2025-06.json', 'csl-json', ['us.bis.entity-list', 'us.bis.meu', 'us.ofac.sdn'], '2023-07-19', 'newest-entry'],
  ['ofac_consolidated_nonsdn_2025-12.xml', 'ofac-xml', ['us.ofac.consolidated'], '2025-12-01', 'publisher'],
  ['eu_fsf_full_list_layout_sample.xml', 'eu-fsf-xml', ['eu.fsf'], '2026-11-30', 'publisher'],
  ['uk_sanctions_list_layout_sample.csv', 'uk-sanctions-csv', ['uk.sanctions-list'], '2026-11-28', 'publisher'],
  ['jp_meti_end_user_list_layout_sample.xlsx', 'meti-xlsx', ['jp.meti.end-user-list'], '2025-09-29', 'publisher'],
  ['../un/un_sc_consolidated_2026-02-27.xml', 'un-xml', ['un.sc.consolidated'], '2026-02-27', 'publisher'],
];

describe('list format registry', () => {
  it.each(CASES)('detects and reads %s as %s', async (file, format, lists, date, kind) => {
    const path = join(FIX, file);
    const head = readFileSync(path, file.endsWith('.xlsx') ? 'latin1' : 'utf8').slice(0, 4000);
    expect(detectListFormat(path, head)).toBe(format);
    const parsed = await parseListFile(path);
    expect(parsed.format).toBe(format);
    expect([...parsed.lists.keys()]).toEqual(expect.arrayContaining(lists));
    expect([parsed.sourceDate, parsed.sourceDateKind]).toEqual([date, kind]);
    for (const l of lists) expect(listTitle(l)).not.toBe(l);
  });

  it('registers every new format and keeps the old ones', () => {
    expect(LIST_FORMATS).toEqual(expect.arrayContaining(['csl-csv', 'extract-json', 'ofac-legacy', 'plain-csv', 'china-csv', 'csl-json', 'ofac-xml', 'un-xml', 'eu-fsf-xml', 'uk-sanctions-csv', 'meti-xlsx']));
  });

  it('parses content handed over in memory (what a fetcher has), bytes or text', async () => {
    const xlsx = new Uint8Array(readFileSync(join(FIX, 'jp_meti_end_user_list_layout_sample.xlsx')));
    expect((await parseListContent('meti-xlsx', xlsx, 'eul.xlsx')).entries).toHaveLength(8);
    const eu = readFileSync(join(FIX, 'eu_fsf_full_list_layout_sample.xml'));
    expect((await parseListContent('eu-fsf-xml', new Uint8Array(eu), 'eu.xml')).sourceDate).toBe('2026-11-30');
  });

  it('refuses an HTML error page saved as .xml as a format it cannot tell, and a garbled file as bad input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'redline-formats-'));
    try {
      writeFileSync(join(dir, 'consolidated.xml'), '<!DOCTYPE html><html><body>503 Service Unavailable</body></html>');
      await expect(parseListFile(join(dir, 'consolidated.xml'))).rejects.toThrow(/cannot tell the list format/);
      await expect(parseListFile(join(dir, 'consolidated.xml'), { format: 'un-xml' })).rejects.toThrow(/not a valid un-xml file|expected CONSOLIDATED_LIST/);
      writeFileSync(join(dir, 'eul.xlsx'), 'not a zip');
      await expect(parseListFile(join(dir, 'eul.xlsx'))).rejects.toBeInstanceOf(InputError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('loading a new format into the store', () => {
  let t: TestStore;
  let dir: string;
  beforeAll(async () => {
    t = await openTestStore('sqlite');
    dir = mkdtempSync(join(tmpdir(), 'redline-formats-load-'));
  });
  afterAll(async () => {
    await t?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads the EU list as a version with its publisher date, and an unchanged reload makes no new version', async () => {
    const file = join(dir, 'eu.xml');
    copyFileSync(join(FIX, 'eu_fsf_full_list_layout_sample.xml'), file);
    const first = await loadListFile(t.store, file, { ensureBundled: false });
    expect(first.lists[0]).toMatchObject({ list: 'eu.fsf', status: 'loaded', title: listTitle('eu.fsf') });
    expect(first.sourceDate).toBe('2026-11-30');
    const again = await loadListFile(t.store, file, { ensureBundled: false });
    expect(again.lists[0]!.status).toBe('unchanged');
    expect(await t.store.listVersions('eu.fsf')).toHaveLength(1);
  });
});
