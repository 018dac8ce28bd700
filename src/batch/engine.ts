import { createRedline, type Redline } from '../bundle/redline.js';
import { loadDefaultScreener } from '../bundle/lists.js';
import { ClearedHits, ensureBundledLists, loadClearedHits, openStore, screenerFromStore, screenerWithReviews } from '../store/index.js';
import type { ReviewRecord } from '../store/types.js';
import type { Screener } from '../domain/index.js';
import { memoizingScreener } from './chunks.js';

export interface BatchEngineOptions {
  /** Lists older than this many days past their source date make answers review (default 30). */
  maxListAgeDays?: number | undefined;
  /**
   * Screen against the newest list versions in this store (its --db; undefined db = the default
   * store), as `redline check` and the API do. Absent: the bundled snapshots (tests, benches).
   */
  listsFrom?: { db?: string | undefined } | undefined;
}

async function listsScreener(options: BatchEngineOptions): Promise<Screener> {
  if (!options.listsFrom) return loadDefaultScreener();
  const store = await openStore(options.listsFrom.db);
  try {
    // An empty store starts from the bundled snapshots, as check, screen and the API do.
    await ensureBundledLists(store);
    // Hits an officer cleared stay cleared in batches too, as in check and the API.
    return screenerWithReviews(await screenerFromStore(store), await loadClearedHits(store));
  } finally {
    await store.close();
  }
}

/**
 * The Redline a batch worker (thread or process) answers rows with: bundled rules and
 * catalogue, the restricted-party lists, and a screening cache for repeated counterparties.
 */
export async function openBatchRedline(options: BatchEngineOptions = {}): Promise<Redline> {
  const screener = memoizingScreener(await listsScreener(options));
  return createRedline({ screener, ...(options.maxListAgeDays !== undefined ? { maxListAgeDays: options.maxListAgeDays } : {}) });
}

/** The lists a long-lived batch thread screens against, without any review applied (the job brings its reviews). */
export async function openListsScreener(options: BatchEngineOptions): Promise<Screener> {
  if (!options.listsFrom) return loadDefaultScreener();
  const store = await openStore(options.listsFrom.db);
  try {
    await ensureBundledLists(store);
    return await screenerFromStore(store);
  } finally {
    await store.close();
  }
}

/** What a job asks a long-lived thread to answer with: the officers' decisions as they stood when the job started. */
export interface JobContext {
  /** Changes when the store's list versions change (the thread then reloads its lists). */
  listsKey: string;
  reviews: readonly ReviewRecord[];
  today: string;
}

/** A Redline over already loaded lists, with a job's cleared hits applied and a fresh screening cache. */
export function redlineWithReviews(lists: Screener, context: JobContext, options: BatchEngineOptions = {}): Promise<Redline> {
  const screener = memoizingScreener(screenerWithReviews(lists, new ClearedHits(context.reviews, context.today)));
  return createRedline({ screener, ...(options.maxListAgeDays !== undefined ? { maxListAgeDays: options.maxListAgeDays } : {}) });
}
