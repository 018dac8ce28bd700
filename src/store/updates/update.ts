import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { InputError, type IsoDate } from '../../domain/index.js';
import { DataGateError, DEFAULT_MAX_LOSS_SHARE, loadListFile, type LoadReport } from '../lifecycle/load.js';
import { ensureBundledLists } from '../lifecycle/bundled.js';
import type { ListSourceState, SourceDateKind, Store } from '../types.js';
import { fetchFile, FetchError, type FetchedFile, type FetchOptions } from './fetch.js';
import type { ListSource } from './sources.js';

export type SourceStatus = 'updated' | 'not_modified' | 'refused' | 'failed';

export interface ListChange {
  list: string;
  status: 'loaded' | 'unchanged';
  version: number | null;
  entries: number;
  added: number;
  changed: number;
  removed: number;
}

export interface SourceUpdate {
  source: string;
  format: string;
  url: string;
  status: SourceStatus;
  /** Why it was refused or failed. */
  reason?: string | undefined;
  sourceDate?: IsoDate | undefined;
  sourceDateKind?: SourceDateKind | undefined;
  lists: ListChange[];
  /** Stored counterparties re-screened and how many now hit an added or changed entry. */
  rescreened?: { screened: number; newHits: number } | undefined;
}

export interface UpdateReport {
  startedAt: string;
  finishedAt: string;
  sources: SourceUpdate[];
  /** True when every source is current (updated or not modified): exit code 0. */
  allCurrent: boolean;
}

export interface UpdateOptions {
  /** Read each source's file from this folder instead of its URL (air-gapped sites). */
  fromDir?: string | undefined;
  /** Only these source ids. */
  only?: readonly string[] | undefined;
  fetch?: Partial<FetchOptions> | undefined;
  maxLossShare?: number | undefined;
  force?: boolean | undefined;
  keyId?: string | undefined;
  /** Seed an empty store with the bundled snapshots first (default true), so the first update is a diff against them. */
  seedBundled?: boolean | undefined;
  /** The clock (tests). */
  now?: (() => Date) | undefined;
  /** Told when a source starts and ends (progress on stderr). */
  onSource?: ((event: { source: string; phase: 'start' | 'done'; result?: SourceUpdate }) => void) | undefined;
}

const utcDay = (d: Date): IsoDate => d.toISOString().slice(0, 10);

function fileNameOf(url: string): string {
  try {
    const u = new URL(url);
    return decodeURIComponent(basename(u.pathname)) || 'download';
  } catch {
    return basename(url);
  }
}

/** OFAC's side files are found beside the main file by name (sdn.csv → add.csv, cons_prim.csv → cons_add.csv). */
function sideFileName(main: string, kind: 'add' | 'alt' | 'comments'): string {
  if (/cons_prim/i.test(main)) return main.replace(/cons_prim/i, `cons_${kind}`);
  const sdn = kind === 'comments' ? 'sdn_comments' : kind;
  return /sdn/i.test(main) ? main.replace(/sdn/i, sdn) : `${sdn}.csv`;
}

/** A page of HTML where a list file should be is the commonest garbled download (an error or login page with status 200). */
function looksLikeHtml(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 1024).toString('utf8').replace(/^\uFEFF/, '').trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || /^<\?xml[^>]*>\s*<html/.test(head);
}

/** Where the publisher keeps the file under an address that changes per revision: the first matching link on its page. */
async function resolveFromPage(source: ListSource, fetchOptions: Partial<FetchOptions>): Promise<string> {
  const page = await fetchFile(source.page!, { ...fetchOptions, etag: null, lastModified: null });
  if (page.status !== 'fetched') throw new FetchError(`${source.page}: no page`, false);
  const html = page.file.bytes.toString('utf8');
  const pattern = new RegExp(source.link!, 'i');
  for (const m of html.matchAll(/href\s*=\s*["']([^"']+)["']/gi)) {
    if (pattern.test(m[1]!)) return new URL(m[1]!, source.page!).toString();
  }
  throw new FetchError(`${source.page}: no link on the page matches ${source.link} (the publisher may have changed the page; set url in the sources file)`, false);
}

interface Downloaded {
  main: FetchedFile;
  side: Partial<Record<'add' | 'alt' | 'comments', FetchedFile>>;
  url: string;
}

async function download(source: ListSource, prev: ListSourceState | undefined, o: UpdateOptions): Promise<Downloaded | 'not_modified'> {
  const fetchOptions = { ...o.fetch, ...(source.maxBytes ? { maxBytes: source.maxBytes } : {}) };
  if (o.fromDir) {
    const name = source.file ?? fileNameOf(source.url ?? source.link ?? source.id);
    const got = await fetchFile(join(o.fromDir, name), fetchOptions);
    if (got.status !== 'fetched') throw new FetchError(`${name}: not read`, false);
    const side: Downloaded['side'] = {};
    for (const kind of ['add', 'alt', 'comments'] as const) {
      const u = source.side?.[kind];
      if (!u) continue;
      const s = await fetchFile(join(o.fromDir, fileNameOf(u)), fetchOptions);
      if (s.status === 'fetched') side[kind] = s.file;
    }
    return { main: got.file, side, url: join(o.fromDir, name) };
  }
  const url = source.url ?? (await resolveFromPage(source, fetchOptions));
  // The validators only hold for the address they came from.
  const same = prev && prev.url === url && prev.format === source.format;
  const got = await fetchFile(url, { ...fetchOptions, etag: same ? prev.etag : null, lastModified: same ? prev.lastModified : null });
  if (got.status === 'not_modified') return 'not_modified';
  const side: Downloaded['side'] = {};
  for (const kind of ['add', 'alt', 'comments'] as const) {
    const u = source.side?.[kind];
    if (!u) continue;
    const s = await fetchFile(u, { ...fetchOptions, etag: null, lastModified: null });
    if (s.status === 'fetched') side[kind] = s.file;
  }
  return { main: got.file, side, url };
}

function contentHash(d: Downloaded): string {
  const h = createHash('sha256').update(d.main.bytes);
  for (const kind of ['add', 'alt', 'comments'] as const) if (d.side[kind]) h.update(`\u0000${kind}\u0000`).update(d.side[kind]!.bytes);
  return h.digest('hex');
}

/** The date to use when the file itself carries none: Last-Modified, a local file's time, else now. */
function fallbackDate(d: Downloaded, now: Date): { date: IsoDate; kind: SourceDateKind } {
  if (d.main.lastModified) {
    const t = Date.parse(d.main.lastModified);
    if (Number.isFinite(t)) return { date: utcDay(new Date(t)), kind: 'http-last-modified' };
  }
  if (d.main.fileModified) return { date: d.main.fileModified.slice(0, 10), kind: 'file-modified' };
  return { date: utcDay(now), kind: 'fetched' };
}

/** Marks the newest versions of the lists a source holds as still current on `day`. */
async function confirmCurrent(store: Store, lists: readonly string[], day: IsoDate): Promise<ListChange[]> {
  const latest = (await store.latestListVersions()).filter((v) => lists.includes(v.list));
  await store.confirmListVersions(
    latest.map((v) => v.id),
    day,
  );
  return latest.map((v) => ({ list: v.list, status: 'unchanged', version: v.version, entries: v.entries, added: 0, changed: 0, removed: 0 }));
}

function changesOf(report: LoadReport): ListChange[] {
  return report.lists.map((l) => ({
    list: l.list,
    status: l.status,
    version: l.version?.version ?? null,
    entries: l.diff.to.entries,
    added: l.diff.added.length,
    changed: l.diff.changed.length,
    removed: l.diff.removed.length,
  }));
}

/** Writes the download where the list loaders expect it (OFAC side files beside the main file) and loads it through the data gate. */
async function parseAndLoad(store: Store, source: ListSource, d: Downloaded, o: UpdateOptions, now: Date): Promise<LoadReport> {
  const dir = await mkdtemp(join(tmpdir(), 'redline-update-'));
  try {
    const main = join(dir, source.file ?? fileNameOf(d.url));
    await writeFile(main, d.main.bytes);
    for (const kind of ['add', 'alt', 'comments'] as const) if (d.side[kind]) await writeFile(join(dir, sideFileName(basename(main), kind)), d.side[kind]!.bytes);
    return await loadListFile(store, main, {
      format: source.format,
      list: source.list,
      include: source.include,
      exclude: source.exclude,
      fallbackSourceDate: fallbackDate(d, now),
      currentAsOf: utcDay(now),
      sourceName: `${source.id} ${d.url}`,
      maxLossShare: o.maxLossShare ?? DEFAULT_MAX_LOSS_SHARE,
      force: o.force,
      keyId: o.keyId,
      ensureBundled: false,
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Brings one source up to date. The current versions stay in force throughout: a new version
 * is stored (one transaction per list) only after the whole download parsed and passed the
 * data gate, so a failed, truncated or garbled download never removes or blanks a list.
 */
export async function updateSource(store: Store, source: ListSource, prev: ListSourceState | undefined, o: UpdateOptions = {}): Promise<SourceUpdate> {
  const now = (o.now ?? (() => new Date()))();
  const day = utcDay(now);
  const base = { source: source.id, format: source.format, url: source.url ?? source.page ?? '' };
  let result: SourceUpdate;
  let validators: Pick<ListSourceState, 'etag' | 'lastModified' | 'contentHash' | 'url'> = {
    etag: prev?.etag ?? null,
    lastModified: prev?.lastModified ?? null,
    contentHash: prev?.contentHash ?? null,
    url: prev?.url ?? base.url,
  };
  let lists = prev?.lists ?? [];
  try {
    const d = await download(source, prev, o);
    if (d === 'not_modified') {
      result = { ...base, status: 'not_modified', lists: await confirmCurrent(store, lists, day) };
    } else {
      const hash = contentHash(d);
      if (!o.fromDir) validators = { etag: d.main.etag, lastModified: d.main.lastModified, contentHash: hash, url: d.url };
      if (prev?.contentHash === hash && lists.length && !o.force) {
        result = { ...base, url: d.url, status: 'not_modified', lists: await confirmCurrent(store, lists, day) };
      } else if (looksLikeHtml(d.main.bytes) && source.format !== 'html') {
        result = { ...base, url: d.url, status: 'refused', reason: `the server sent an HTML page, not a list file in the ${source.format} format (an error or sign-in page, or the file has moved); nothing was loaded`, lists: [] };
      } else {
        const report = await parseAndLoad(store, source, d, o, now);
        lists = report.lists.map((l) => l.list);
        const changes = changesOf(report);
        const unchanged = report.lists.filter((l) => l.status === 'unchanged' && l.version).map((l) => l.version!.id);
        await store.confirmListVersions(unchanged, day);
        result = {
          ...base,
          url: d.url,
          status: changes.some((c) => c.status === 'loaded') ? 'updated' : 'not_modified',
          sourceDate: report.sourceDate,
          sourceDateKind: report.sourceDateKind,
          lists: changes,
          rescreened: { screened: report.rescreen.screened, newHits: report.rescreen.newHits.length },
        };
      }
    }
  } catch (err) {
    if (err instanceof DataGateError || err instanceof InputError) {
      result = { ...base, status: 'refused', reason: err.message, lists: [] };
    } else {
      result = { ...base, status: 'failed', reason: err instanceof FetchError ? err.message : `${(err as Error).message ?? String(err)}`, lists: [] };
    }
  }
  const ok = result.status === 'updated' || result.status === 'not_modified';
  const at = now.toISOString();
  // A refused or failed download keeps the validators of the last good one, so the next run downloads again.
  const keep = ok ? validators : { etag: prev?.etag ?? null, lastModified: prev?.lastModified ?? null, contentHash: prev?.contentHash ?? null, url: prev?.url ?? base.url };
  await store.putListSourceState({
    id: source.id,
    format: source.format,
    ...keep,
    lists,
    lastStatus: result.status,
    lastCheckedAt: at,
    lastSuccessAt: ok ? at : (prev?.lastSuccessAt ?? null),
    lastFailureAt: ok ? (prev?.lastFailureAt ?? null) : at,
    lastError: ok ? null : (result.reason ?? null),
  });
  await store.appendAudit({
    kind: 'list_update',
    input: { source: source.id, format: source.format, url: result.url, fromDir: o.fromDir ? true : undefined },
    output: { status: result.status, reason: result.reason ?? null, sourceDate: result.sourceDate ?? null, sourceDateKind: result.sourceDateKind ?? null, lists: result.lists },
    keyId: o.keyId,
    ref: source.id,
  });
  return result;
}

/** Updates every enabled source (or those named), one after the other. */
export async function updateLists(store: Store, sources: readonly ListSource[], o: UpdateOptions = {}): Promise<UpdateReport> {
  const startedAt = new Date().toISOString();
  // The first update is diffed against the bundled snapshots, so identical content is not a new version.
  if (o.seedBundled !== false) await ensureBundledLists(store);
  const states = new Map((await store.listSourceStates()).map((s) => [s.id, s]));
  const chosen = sources.filter((s) => (o.only?.length ? o.only.includes(s.id) : s.enabled));
  const unknown = (o.only ?? []).filter((id) => !sources.some((s) => s.id === id));
  if (unknown.length) throw new InputError(unknown.map((id) => ({ path: '--source', message: `no source "${id}" in the sources file (sources: ${sources.map((s) => s.id).join(', ')})` })));
  const results: SourceUpdate[] = [];
  for (const source of chosen) {
    // Stopped (serve shutting down): the sources not yet reached keep their state and are tried next time.
    if (o.fetch?.signal?.aborted) break;
    o.onSource?.({ source: source.id, phase: 'start' });
    const r = await updateSource(store, source, states.get(source.id), o);
    results.push(r);
    o.onSource?.({ source: source.id, phase: 'done', result: r });
  }
  return { startedAt, finishedAt: new Date().toISOString(), sources: results, allCurrent: results.every((r) => r.status === 'updated' || r.status === 'not_modified') };
}
