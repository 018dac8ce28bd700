import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LISTS_DIR } from '../../bundle/paths.js';
import { openTestStore, type TestStore } from '../testing.js';
import { startFixtureServer, type FixtureServer } from './fixture-server.js';
import { parseSources, type ListSource } from './sources.js';
import { listsStatus } from './status.js';
import { updateLists } from './update.js';
import { LIST_FORMATS } from '../lifecycle/files.js';

const FIX = join(LISTS_DIR, 'fixtures');
const fixture = (name: string): Buffer => readFileSync(join(FIX, name));
const noSleep = { sleep: async () => undefined, backoffMs: 1, timeoutMs: 5_000 };

/** A plain CSV of `n` test parties (a stand-in for any one-list source). */
function plainCsv(names: string[]): string {
  // Each party's fields follow from its name, so the same party keeps its id when others change.
  return ['name,country,citation', ...names.map((n) => `${n},${['IR', 'RU', 'KP'][n.length % 3]},Test Regulation ${n.length}`)].join('\n') + '\n';
}
const NAMES = Array.from({ length: 20 }, (_, i) => `Example Trading Company ${String.fromCharCode(65 + i)}${i} LLC`);

function source(s: Partial<ListSource> & Pick<ListSource, 'id' | 'format'>): ListSource {
  return { enabled: true, ...s } as ListSource;
}

let srv: FixtureServer;
let ts: TestStore;
let sources: ListSource[];

beforeAll(async () => {
  srv = await startFixtureServer();
});
afterAll(async () => {
  await srv.close();
});

beforeEach(async () => {
  ts = await openTestStore('sqlite');
  srv.routes.clear();
  srv.requests.length = 0;
  srv.routes.set('/eu/fsf.csv', { body: plainCsv(NAMES), etag: true, contentType: 'text/csv' });
  srv.routes.set('/ofac/cons_prim.csv', { body: fixture('ofac_consolidated_nonsdn_legacy_2025-12_cons_prim.csv'), lastModified: new Date('2026-12-01T10:00:00Z') });
  srv.routes.set('/ofac/cons_add.csv', { body: fixture('ofac_consolidated_nonsdn_legacy_2025-12_cons_add.csv') });
  srv.routes.set('/ofac/cons_alt.csv', { body: fixture('ofac_consolidated_nonsdn_legacy_2025-12_cons_alt.csv') });
  srv.routes.set('/ofac/cons_comments.csv', { body: fixture('ofac_consolidated_nonsdn_legacy_2025-12_cons_comments.csv') });
  srv.routes.set('/csl/consolidated.csv', { body: fixture('us_csl_format_sample_2025-06.csv'), etag: true });
  sources = [
    source({ id: 'eu.fsf', format: 'plain-csv', list: 'eu.fsf', url: `${srv.url}/eu/fsf.csv` }),
    source({
      id: 'us.ofac.consolidated',
      format: 'ofac-legacy',
      url: `${srv.url}/ofac/cons_prim.csv`,
      side: { add: `${srv.url}/ofac/cons_add.csv`, alt: `${srv.url}/ofac/cons_alt.csv`, comments: `${srv.url}/ofac/cons_comments.csv` },
    }),
    source({ id: 'us.csl', format: 'csl-csv', url: `${srv.url}/csl/consolidated.csv` }),
  ];
});
afterEach(async () => {
  await ts.cleanup();
});

const now = () => new Date('2026-12-04T12:00:00Z');
const run = (o: Parameters<typeof updateLists>[2] = {}) => updateLists(ts.store, sources, { seedBundled: false, fetch: noSleep, now, ...o });

describe('lists update against a local HTTP server', () => {
  it('loads every source, then a second run is not modified and creates no version', async () => {
    const first = await run();
    expect(first.sources.map((s) => [s.source, s.status])).toEqual([
      ['eu.fsf', 'updated'],
      ['us.ofac.consolidated', 'updated'],
      ['us.csl', 'updated'],
    ]);
    expect(first.allCurrent).toBe(true);
    const eu = first.sources[0]!;
    expect(eu.lists).toEqual([expect.objectContaining({ list: 'eu.fsf', status: 'loaded', added: 20, removed: 0 })]);
    const versions = (await ts.store.listVersions()).length;
    expect(versions).toBeGreaterThan(3);

    const second = await run();
    expect(second.sources.map((s) => s.status)).toEqual(['not_modified', 'not_modified', 'not_modified']);
    expect((await ts.store.listVersions()).length).toBe(versions);
    // The conditional GET carried the validators of the first download.
    const conditional = srv.requests.filter((r) => r.path === '/eu/fsf.csv');
    expect(conditional[1]?.ifNoneMatch).toMatch(/^"/);
    expect(srv.requests.filter((r) => r.path === '/ofac/cons_prim.csv')[1]?.ifModifiedSince).toBe(new Date('2026-12-01T10:00:00Z').toUTCString());
    const audit = await ts.store.listAudit({ kind: 'list_update' });
    expect(audit).toHaveLength(6);
  });

  it('dates a version by the publisher, else Last-Modified, else the fetch time — and says which', async () => {
    const r = await run();
    const bySource = Object.fromEntries(r.sources.map((s) => [s.source, s]));
    expect(bySource['us.ofac.consolidated']).toMatchObject({ sourceDate: '2026-12-01', sourceDateKind: 'http-last-modified' });
    expect(bySource['eu.fsf']).toMatchObject({ sourceDate: '2026-12-04', sourceDateKind: 'fetched' });
    const eu = (await ts.store.latestListVersions()).find((v) => v.list === 'eu.fsf')!;
    expect(eu).toMatchObject({ sourceDateKind: 'fetched', currentAsOf: '2026-12-04' });
  });

  it('the same bytes without validators are not modified; a later day only confirms the version current', async () => {
    srv.routes.set('/eu/fsf.csv', { body: plainCsv(NAMES) });
    await run();
    const before = await ts.store.listVersions('eu.fsf');
    const later = await run({ now: () => new Date('2026-12-20T08:00:00Z') });
    expect(later.sources[0]!.status).toBe('not_modified');
    const after = await ts.store.listVersions('eu.fsf');
    expect(after).toHaveLength(before.length);
    expect(after.at(-1)!.currentAsOf).toBe('2026-12-20');
  });

  it('a changed file is a new version with the diff counts', async () => {
    await run();
    srv.routes.set('/eu/fsf.csv', { body: plainCsv([...NAMES.slice(1), 'Brand New Listed Party GmbH']), etag: true });
    const r = await run({ only: ['eu.fsf'] });
    expect(r.sources[0]).toMatchObject({ status: 'updated', lists: [expect.objectContaining({ list: 'eu.fsf', version: 2, added: 1, removed: 1 })] });
  });

  it('refuses a truncated file and an HTML page served with 200; the previous version stays in force', async () => {
    await run();
    const v1 = (await ts.store.latestListVersions()).find((v) => v.list === 'eu.fsf')!;
    const full = plainCsv(NAMES);
    // Cut mid-row: the last record is short.
    srv.routes.set('/eu/fsf.csv', { body: full.slice(0, Math.floor(full.length / 3)), etag: true });
    const cut = await run({ only: ['eu.fsf'] });
    expect(cut.sources[0]!.status).toBe('refused');
    expect(cut.allCurrent).toBe(false);
    // Cut at a row boundary: it parses, and the data gate refuses the loss.
    srv.routes.set('/eu/fsf.csv', { body: full.split('\n').slice(0, 5).join('\n') + '\n', etag: true });
    const short = await run({ only: ['eu.fsf'] });
    expect(short.sources[0]).toMatchObject({ status: 'refused', reason: expect.stringMatching(/would remove 16 of its 20 entries/) });
    srv.routes.set('/eu/fsf.csv', { body: '<!DOCTYPE html><html><body>Service temporarily unavailable</body></html>', contentType: 'text/html' });
    const html = await run({ only: ['eu.fsf'] });
    expect(html.sources[0]).toMatchObject({ status: 'refused', reason: expect.stringMatching(/HTML page, not a list file in the plain-csv format/) });
    const still = (await ts.store.latestListVersions()).find((v) => v.list === 'eu.fsf')!;
    expect(still.id).toBe(v1.id);
    expect(still.entries).toBe(20);
    const status = await listsStatus(ts.store, '2026-12-04');
    expect(status.status).toBe('degraded');
    expect(status.reasons.join('\n')).toMatch(/eu\.fsf was refused/);
    expect(status.lists.find((l) => l.list === 'eu.fsf')).toMatchObject({ lastError: expect.stringMatching(/HTML/), stale: false });
    // The good file again: the refusal did not poison the validators, so it loads as not modified and health recovers.
    srv.routes.set('/eu/fsf.csv', { body: full, etag: true });
    expect((await run({ only: ['eu.fsf'] })).sources[0]!.status).toBe('not_modified');
    expect((await listsStatus(ts.store, '2026-12-04')).status).toBe('ok');
  });

  it('fails on HTTP errors after retrying, retries 503 until it answers, and caps the size', async () => {
    srv.routes.delete('/eu/fsf.csv');
    const missing = await run({ only: ['eu.fsf'] });
    expect(missing.sources[0]).toMatchObject({ status: 'failed', reason: expect.stringMatching(/HTTP 404/) });
    srv.routes.set('/eu/fsf.csv', { body: plainCsv(NAMES), failFirst: 2 });
    expect((await run({ only: ['eu.fsf'] })).sources[0]!.status).toBe('updated');
    srv.routes.set('/eu/fsf.csv', { body: plainCsv([...NAMES, 'One More Party Ltd']), failFirst: 9 });
    const down = await run({ only: ['eu.fsf'], fetch: { ...noSleep, retries: 2 } });
    expect(down.sources[0]).toMatchObject({ status: 'failed', reason: expect.stringMatching(/HTTP 503 \(after 3 attempts\)/) });
    srv.routes.set('/eu/fsf.csv', { body: plainCsv([...NAMES, 'One More Party Ltd']) });
    const big = await run({ only: ['eu.fsf'], fetch: { ...noSleep, maxBytes: 100 } });
    expect(big.sources[0]).toMatchObject({ status: 'failed', reason: expect.stringMatching(/larger than the size cap/) });
    expect((await ts.store.listVersions('eu.fsf')).at(-1)!.entries).toBe(20);
  });

  it('--from-dir reads the same file names from a folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'redline-fromdir-'));
    try {
      writeFileSync(join(dir, 'fsf.csv'), plainCsv(NAMES));
      for (const f of ['prim', 'add', 'alt', 'comments']) writeFileSync(join(dir, `cons_${f}.csv`), fixture(`ofac_consolidated_nonsdn_legacy_2025-12_cons_${f}.csv`));
      writeFileSync(join(dir, 'consolidated.csv'), fixture('us_csl_format_sample_2025-06.csv'));
      const r = await run({ fromDir: dir });
      expect(r.sources.map((s) => s.status)).toEqual(['updated', 'updated', 'updated']);
      expect(r.sources[0]!.sourceDateKind).toBe('file-modified');
      expect(srv.requests).toHaveLength(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('every list format over HTTP (issue 11)', () => {
  /** One route per format, each fixture in its publisher's layout (data/lists/fixtures/README.md). */
  function serveEveryFormat(): ListSource[] {
    const put = (path: string, body: Buffer | string, contentType = 'application/octet-stream') => srv.routes.set(path, { body, etag: true, lastModified: new Date('2026-12-03T08:00:00Z'), contentType });
    put('/csl/consolidated.csv', fixture('us_csl_format_sample_2025-06.csv'), 'text/csv');
    put('/csl/consolidated.json', fixture('us_csl_format_sample_2025-06.json'), 'application/json');
    for (const f of ['prim', 'add', 'alt', 'comments']) put(`/ofac/cons_${f}.csv`, fixture(`ofac_consolidated_nonsdn_legacy_2025-12_cons_${f}.csv`), 'text/csv');
    put('/ofac/consolidated.xml', fixture('ofac_consolidated_nonsdn_2025-12.xml'), 'application/xml');
    put('/eu/fsf.xml', fixture('eu_fsf_full_list_layout_sample.xml'), 'application/xml');
    put('/uk/UK-Sanctions-List.csv', fixture('uk_sanctions_list_layout_sample.csv'), 'text/csv');
    put('/un/consolidated.xml', readFileSync(join(LISTS_DIR, 'un/un_sc_consolidated_2026-02-27.xml')), 'application/xml');
    put('/meti/eul_r7.xlsx', fixture('jp_meti_end_user_list_layout_sample.xlsx'));
    srv.routes.set('/meti/law05.html', { body: '<html><body><p>外国ユーザーリスト</p><a href="eul_r7.xlsx">Excel</a> <a href="/other.pdf">PDF</a></body></html>', contentType: 'text/html' });
    put('/cn/cn_mofcom_lists.csv', readFileSync(join(LISTS_DIR, 'cn/cn_mofcom_lists.csv')), 'text/csv');
    const u = srv.url;
    return [
      source({ id: 'us.csl', format: 'csl-csv', url: `${u}/csl/consolidated.csv` }),
      source({ id: 'us.csl-json', format: 'csl-json', url: `${u}/csl/consolidated.json` }),
      source({ id: 'us.ofac.consolidated', format: 'ofac-legacy', url: `${u}/ofac/cons_prim.csv`, side: { add: `${u}/ofac/cons_add.csv`, alt: `${u}/ofac/cons_alt.csv`, comments: `${u}/ofac/cons_comments.csv` } }),
      source({ id: 'us.ofac.consolidated-xml', format: 'ofac-xml', url: `${u}/ofac/consolidated.xml` }),
      source({ id: 'eu.fsf', format: 'eu-fsf-xml', url: `${u}/eu/fsf.xml` }),
      source({ id: 'uk.sanctions-list', format: 'uk-sanctions-csv', url: `${u}/uk/UK-Sanctions-List.csv` }),
      source({ id: 'un.sc.consolidated', format: 'un-xml', url: `${u}/un/consolidated.xml` }),
      source({ id: 'jp.meti.end-user-list', format: 'meti-xlsx', page: `${u}/meti/law05.html`, link: '\\.xlsx$' }),
      source({ id: 'cn.lists', format: 'china-csv', url: `${u}/cn/cn_mofcom_lists.csv` }),
    ];
  }

  it('loads a fixture of each format; the same content in another format of the same lists is unchanged; a second run is not modified', async () => {
    const all = serveEveryFormat();
    const first = await updateLists(ts.store, all, { seedBundled: false, fetch: noSleep, now });
    expect(first.sources.map((s) => [s.source, s.status])).toEqual([
      ['us.csl', 'updated'],
      // Built from the CSV's rows: the same entries, so the same ids and content — no new version.
      ['us.csl-json', 'not_modified'],
      ['us.ofac.consolidated', 'updated'],
      ['us.ofac.consolidated-xml', 'not_modified'],
      ['eu.fsf', 'updated'],
      ['uk.sanctions-list', 'updated'],
      ['un.sc.consolidated', 'updated'],
      ['jp.meti.end-user-list', 'updated'],
      ['cn.lists', 'updated'],
    ]);
    expect(first.allCurrent).toBe(true);
    const listed = new Set((await ts.store.latestListVersions()).map((v) => v.list));
    for (const l of ['us.bis.entity-list', 'us.ofac.sdn', 'us.ofac.consolidated', 'eu.fsf', 'uk.sanctions-list', 'un.sc.consolidated', 'jp.meti.end-user-list', 'cn.mofcom.unreliable-entity-list']) expect(listed).toContain(l);
    // METI: the download link was found on the page, relative to it.
    expect(srv.requests.map((r) => r.path)).toContain('/meti/eul_r7.xlsx');
    const versions = (await ts.store.listVersions()).length;

    const second = await updateLists(ts.store, all, { seedBundled: false, fetch: noSleep, now });
    expect(second.sources.map((s) => s.status)).toEqual(all.map(() => 'not_modified'));
    expect((await ts.store.listVersions()).length).toBe(versions);
  });

  it('METI moves its file with each revision: the update follows the page to the new name; a page without the link fails', async () => {
    const meti = serveEveryFormat().filter((s) => s.id === 'jp.meti.end-user-list');
    await updateLists(ts.store, meti, { seedBundled: false, fetch: noSleep, now });
    const before = (await ts.store.latestListVersions()).find((v) => v.list === 'jp.meti.end-user-list')!;
    // The same workbook re-published under the next revision's name: fetched from there, and no new version.
    srv.routes.set('/meti/eul_r8.xlsx', { body: fixture('jp_meti_end_user_list_layout_sample.xlsx'), etag: true });
    srv.routes.set('/meti/law05.html', { body: '<html><body><a href="https://example.invalid/old.pdf">old</a><a href="/meti/eul_r8.xlsx">Excel</a></body></html>', contentType: 'text/html' });
    const r = await updateLists(ts.store, meti, { seedBundled: false, fetch: noSleep, now });
    expect(srv.requests.map((q) => q.path)).toContain('/meti/eul_r8.xlsx');
    expect(r.sources[0]).toMatchObject({ status: 'not_modified' });
    expect((await ts.store.latestListVersions()).find((v) => v.list === 'jp.meti.end-user-list')!.id).toBe(before.id);
    // A page with no matching link fails, naming the pattern, and the list stays.
    srv.routes.set('/meti/law05.html', { body: '<html><body>moved</body></html>', contentType: 'text/html' });
    const gone = await updateLists(ts.store, meti, { seedBundled: false, fetch: noSleep, now });
    expect(gone.sources[0]).toMatchObject({ status: 'failed', reason: expect.stringMatching(/no link on the page matches/) });
    expect((await ts.store.latestListVersions()).find((v) => v.list === 'jp.meti.end-user-list')!.id).toBe(before.id);
  });
});

describe('sources file', () => {
  it('names the line and field of a bad source', () => {
    const text = 'sources:\n  - id: eu.fsf\n    format: plain-csv\n    url: http://127.0.0.1/x.csv\n  - id: us.csl\n    format: csl-csvv\n    url: ftp://x\n';
    expect(() => parseSources(text, 's.yaml')).toThrow(/s\.yaml:7 sources\.1\.url: must be an http/);
    expect(() => parseSources(text.replace('ftp://x', 'https://x.example/c.csv'), 's.yaml')).toThrow(/s\.yaml:6 sources\.1\.format: "csl-csvv" is not a list format/);
    expect(() => parseSources('sources:\n  - id: x\n    format: csl-csv\n', 's.yaml')).toThrow(/give url, or page and link/);
  });

  it('the bundled sources file is valid, with the official addresses', () => {
    const text = readFileSync(join(LISTS_DIR, 'sources.yaml'), 'utf8');
    // The formats registered by the new parsers (issue 11, other branch) are accepted by name here.
    const parsed = parseSources(text, 'sources.yaml', [...LIST_FORMATS]);
    const ids = parsed.sources.map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining(['us.csl', 'us.ofac.sdn', 'us.ofac.consolidated', 'eu.fsf', 'uk.sanctions-list', 'un.sc.consolidated', 'jp.meti.end-user-list']));
    for (const s of parsed.sources) expect(s.url ?? s.page).toMatch(/^https:\/\//);
  });
});

describe.each(['sqlite', 'postgres'] as const)('list update state on %s', (engine) => {
  it('updates, remembers validators, confirms and reports not modified', async () => {
    const t = await openTestStore(engine);
    try {
      const src = [source({ id: 'eu.fsf', format: 'plain-csv', list: 'eu.fsf', url: `${srv.url}/eu/fsf.csv` })];
      const first = await updateLists(t.store, src, { seedBundled: false, fetch: noSleep, now });
      expect(first.sources[0]!.status).toBe('updated');
      const [state] = await t.store.listSourceStates();
      expect(state).toMatchObject({ id: 'eu.fsf', lists: ['eu.fsf'], lastStatus: 'updated', etag: expect.stringMatching(/^"/), lastError: null });
      const later = await updateLists(t.store, src, { seedBundled: false, fetch: noSleep, now: () => new Date('2026-12-10T00:00:00Z') });
      expect(later.sources[0]!.status).toBe('not_modified');
      const v = (await t.store.latestListVersions()).find((x) => x.list === 'eu.fsf')!;
      expect(v).toMatchObject({ version: 1, currentAsOf: '2026-12-10', sourceDateKind: 'fetched' });
      expect((await t.store.verifyAudit()).ok).toBe(true);
    } finally {
      await t.cleanup();
    }
  });
});

describe('a shutdown waited for a stalled list download (serve ignored SIGTERM for minutes)', () => {
  it('an aborted update gives up the download in flight and leaves the sources not reached for next time', async () => {
    srv.routes.set('/eu/fsf.csv', { body: plainCsv(NAMES), stallAfter: 10 });
    const stop = new AbortController();
    const run = updateLists(
      ts.store,
      [source({ id: 'eu.fsf', format: 'plain-csv', list: 'eu.fsf', url: `${srv.url}/eu/fsf.csv` }), source({ id: 'us.csl', format: 'csl-csv', url: `${srv.url}/csl/consolidated.csv` })],
      // Without the abort the stalled body would hold this run for ten minutes, past the test's time.
      { fetch: { signal: stop.signal, timeoutMs: 600_000, retries: 3, backoffMs: 600_000 } },
    );
    await expect.poll(() => srv.requests.length, { timeout: 60_000 }).toBe(1);
    stop.abort();
    const report = await run;
    expect(report.sources.map((s) => [s.source, s.status])).toEqual([['eu.fsf', 'failed']]);
    expect(report.sources[0]!.reason).toMatch(/stopped/);
    expect(srv.requests.map((r) => r.path)).toEqual(['/eu/fsf.csv']);
  });

  it('an abort during the wait before a retry stops at once', async () => {
    srv.routes.set('/eu/fsf.csv', { body: plainCsv(NAMES), failFirst: 10 });
    const stop = new AbortController();
    const run = updateLists(ts.store, [source({ id: 'eu.fsf', format: 'plain-csv', list: 'eu.fsf', url: `${srv.url}/eu/fsf.csv` })], {
      fetch: { signal: stop.signal, retries: 5, backoffMs: 600_000 },
    });
    await expect.poll(() => srv.requests.length, { timeout: 60_000 }).toBe(1);
    stop.abort();
    const report = await run;
    expect(report.sources[0]).toMatchObject({ status: 'failed', reason: expect.stringMatching(/stopped/) });
  });
});
