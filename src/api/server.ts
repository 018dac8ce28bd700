import { dirname, join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createRedline } from '../bundle/redline.js';
import { DATA_DIR, PACKAGE_ROOT } from '../bundle/paths.js';
import { ensureBundledLists, scheduleListUpdates, screenerFromStore, type ListUpdateSchedule, type StoreScreener, type UpdateReport } from '../store/index.js';
import type { Store } from '../store/types.js';
import { parseStoreUrl } from '../store/open.js';
import { buildApp, type ApiLimits } from './app.js';
import { BatchService } from './batch-service.js';
import { ClearedCache } from './cleared-cache.js';
import type { ApiDeps } from './deps.js';
import { ScreeningRecorder } from './screen-recorder.js';
import { ScreenCache } from './screen-cache.js';
import { activeUploads, Uploads, uploadsPolicyFor, type UploadsPolicy } from './uploads.js';

export interface ServerOptions {
  store: Store;
  /** The URL the store was opened with (batch worker threads open their own connection). */
  db?: string | undefined;
  limits?: Partial<ApiLimits> | undefined;
  /** Where uploaded batch files are kept (default: uploadsDirFor(db)). */
  uploadsDir?: string | undefined;
  /** The uploads folder's quota and retention (default: REDLINE_UPLOADS_QUOTA_MB, REDLINE_UPLOADS_RETENTION_DAYS; uploads.ts). */
  uploads?: Partial<Omit<UploadsPolicy, 'dir'>> | undefined;
  /** `inline` answers batch rows on the event loop (tests); default a worker thread. */
  batchMode?: 'thread' | 'inline' | 'queue' | undefined;
  /** Uploaded books' chunks go on this BullMQ queue for `redline worker` processes (sets batchMode `queue`). */
  batchQueue?: { redis: string; prefix?: string | undefined; inFlight?: number | undefined } | undefined;
  /** Worker threads for uploaded books (batchMode `thread`). */
  batchThreads?: number | undefined;
  webDir?: string | undefined;
  logger?: boolean | NodeJS.WritableStream | undefined;
  maxListAgeDays?: number | undefined;
  /** How often to look for list versions loaded by another process (`redline lists load`); 0 = never. Default 30 s. */
  listRefreshMs?: number | undefined;
  /** How often to run `lists update` from the official sources; 0 = never (the default here; `serve` passes 6 h). */
  listUpdateIntervalMs?: number | undefined;
  /** The sources file for scheduled updates (default: REDLINE_LIST_SOURCES, else the bundled one). */
  listSources?: string | undefined;
  /** The first scheduled update, this long after start (default one minute). */
  listUpdateFirstRunMs?: number | undefined;
  /** Told after each scheduled update. */
  onListUpdate?: ((report: UpdateReport) => void) | undefined;
}

export interface RedlineServer {
  app: FastifyInstance;
  deps: ApiDeps;
  /** Lists added to the store on this start (the bundled snapshots on the first one). */
  listsAdded: number;
  /** Rebuilds the screener when the store's newest list versions changed; true when it did. */
  refreshLists(): Promise<boolean>;
  /** The scheduled list updates (runNow for tests and an admin trigger). */
  listUpdates: ListUpdateSchedule;
  close(): Promise<void>;
}

// A confirmation (`currentAsOf`) changes freshness without a new version, so it is part of the key.
const versionKey = (vs: readonly { id: number; currentAsOf?: string | undefined }[]): string =>
  [...vs]
    .sort((a, b) => a.id - b.id)
    .map((v) => `${v.id}@${v.currentAsOf ?? ''}`)
    .join(',');

/**
 * A list loaded by `redline lists load` (in any process) takes effect here without a restart:
 * when the store's newest versions differ from the screener's, a new screener replaces it.
 */
function listRefresher(store: Store, deps: ApiDeps, engineOptions: { maxListAgeDays?: number }, initial: StoreScreener): () => Promise<boolean> {
  let current = versionKey(initial.storeVersions);
  let refreshing: Promise<boolean> | undefined;
  return () =>
    (refreshing ??= (async () => {
      const latest = versionKey(await store.latestListVersions());
      if (latest === current) return false;
      const next = await screenerFromStore(store);
      deps.screener = next;
      deps.redline = await createRedline({ screener: next, ...engineOptions });
      deps.screenCache = new ScreenCache(next);
      current = versionKey(next.storeVersions);
      return true;
    })().finally(() => {
      refreshing = undefined;
    }));
}

/**
 * Where uploads live: beside the store's data (the SQLite file's folder, `<folder>/uploads`),
 * so `--db` elsewhere keeps them elsewhere too; REDLINE_UPLOADS overrides; PostgreSQL stores,
 * having no folder, use data/runtime/uploads.
 */
export function uploadsDirFor(db: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (env.REDLINE_UPLOADS?.trim()) return resolve(env.REDLINE_UPLOADS.trim());
  const target = parseStoreUrl(db);
  if (target.engine === 'sqlite' && target.connection !== ':memory:') return join(dirname(target.connection), 'uploads');
  return join(DATA_DIR, 'runtime', 'uploads');
}

/** Everything `redline serve` needs: bundled lists in the store on first start, a screener over the stored lists, the app. */
export async function createServer(o: ServerOptions): Promise<RedlineServer> {
  const { added } = await ensureBundledLists(o.store);
  const screener = await screenerFromStore(o.store);
  const engineOptions = o.maxListAgeDays !== undefined ? { maxListAgeDays: o.maxListAgeDays } : {};
  const redline = await createRedline({ screener, ...engineOptions });
  const uploadsDir = o.uploadsDir ?? uploadsDirFor(o.db);
  const uploads = new Uploads(uploadsPolicyFor(uploadsDir, process.env, o.uploads), () => activeUploads(o.store));
  const batches = new BatchService({
    store: o.store,
    uploadsDir,
    mode: o.batchMode ?? (o.batchQueue ? 'queue' : 'thread'),
    queue: o.batchQueue,
    threads: o.batchThreads,
    redline,
    db: o.db,
    versions: () => deps.screener.versions,
  });
  const deps: ApiDeps = {
    store: o.store,
    redline,
    screener,
    recorder: new ScreeningRecorder(o.store, () => deps.screener.versions),
    batches,
    cleared: new ClearedCache(o.store),
    screenCache: new ScreenCache(screener),
    uploads,
    maxListAgeDays: o.maxListAgeDays,
  };
  const app = await buildApp(deps, { limits: o.limits, webDir: o.webDir ?? join(PACKAGE_ROOT, 'dist', 'web'), logger: o.logger });
  await batches.resumeUnfinished();
  const refreshLists = listRefresher(o.store, deps, engineOptions, screener);
  const every = o.listRefreshMs ?? 30_000;
  const timer = every > 0 ? setInterval(() => void refreshLists().catch((err) => app.log.error({ err }, 'list refresh failed')), every) : undefined;
  timer?.unref();
  // Finished uploads past their retention go at start and every hour after.
  const sweepUploads = () => void uploads.sweep().catch((err) => app.log.error({ err }, 'uploads sweep failed'));
  sweepUploads();
  const sweeper = setInterval(sweepUploads, 3_600_000);
  sweeper.unref();
  // A new version switches in only once the screener over it is built; requests meanwhile use the old one.
  const listUpdates = scheduleListUpdates(o.store, {
    intervalMs: o.listUpdateIntervalMs ?? 0,
    firstRunMs: o.listUpdateFirstRunMs,
    sourcesFile: o.listSources,
    onReport: async (report) => {
      await refreshLists();
      o.onListUpdate?.(report);
    },
    onError: (err) => app.log.error({ err }, 'scheduled list update failed'),
  });
  return {
    app,
    deps,
    listsAdded: added.length,
    refreshLists,
    listUpdates,
    async close() {
      if (timer) clearInterval(timer);
      clearInterval(sweeper);
      await listUpdates.stop();
      await app.close();
      await batches.close();
    },
  };
}
