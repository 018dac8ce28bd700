import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createRedline } from '../bundle/redline.js';
import { DATA_DIR, PACKAGE_ROOT } from '../bundle/paths.js';
import { ensureBundledLists, screenerFromStore } from '../store/index.js';
import type { Store } from '../store/types.js';
import { buildApp, type ApiLimits } from './app.js';
import { BatchService } from './batch-service.js';
import { ClearedCache } from './cleared-cache.js';
import type { ApiDeps } from './deps.js';
import { ScreeningRecorder } from './screen-recorder.js';
import { ScreenCache } from './screen-cache.js';

export interface ServerOptions {
  store: Store;
  /** The URL the store was opened with (batch worker threads open their own connection). */
  db?: string | undefined;
  limits?: Partial<ApiLimits> | undefined;
  /** Where uploaded batch files are kept (default data/runtime/uploads). */
  uploadsDir?: string | undefined;
  /** `inline` answers batch rows on the event loop (tests); default a worker thread. */
  batchMode?: 'thread' | 'inline' | undefined;
  webDir?: string | undefined;
  logger?: boolean | undefined;
  maxListAgeDays?: number | undefined;
}

export interface RedlineServer {
  app: FastifyInstance;
  deps: ApiDeps;
  /** Lists added to the store on this start (the bundled snapshots on the first one). */
  listsAdded: number;
  close(): Promise<void>;
}

/** Everything `redline serve` needs: bundled lists in the store on first start, a screener over the stored lists, the app. */
export async function createServer(o: ServerOptions): Promise<RedlineServer> {
  const { added } = await ensureBundledLists(o.store);
  const screener = await screenerFromStore(o.store);
  const redline = await createRedline({ screener, ...(o.maxListAgeDays !== undefined ? { maxListAgeDays: o.maxListAgeDays } : {}) });
  const batches = new BatchService({
    store: o.store,
    uploadsDir: o.uploadsDir ?? join(DATA_DIR, 'runtime', 'uploads'),
    mode: o.batchMode ?? 'thread',
    redline,
    db: o.db,
  });
  const deps: ApiDeps = {
    store: o.store,
    redline,
    screener,
    recorder: new ScreeningRecorder(o.store, () => screener.versions),
    batches,
    cleared: new ClearedCache(o.store),
    screenCache: new ScreenCache(screener),
  };
  const app = await buildApp(deps, { limits: o.limits, webDir: o.webDir ?? join(PACKAGE_ROOT, 'dist', 'web'), logger: o.logger });
  await batches.resumeUnfinished();
  return {
    app,
    deps,
    listsAdded: added.length,
    async close() {
      await app.close();
      await batches.close();
    },
  };
}
