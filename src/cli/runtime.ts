import { createRedline, type Redline } from '../bundle/redline.js';
import type { Screener } from '../domain/index.js';
import type { RedlineScreener } from '../screening/index.js';
import { ensureBundledLists, loadClearedHits, screenerFromStore, screenerWithReviews, StoreUnavailableError, withStore, type StoreScreener } from '../store/index.js';
import { ExitError } from './errors.js';
import { EXIT_INTERNAL } from './exit-codes.js';

/**
 * The screener every command uses, opened the same way as the API and batch: the newest list
 * versions in the store (`--db`, default the one `serve` uses). The bundled snapshots only seed
 * an empty store. Cleared reviews are applied, as in the API.
 */
export async function openStoreScreener(db: string | undefined, options: { quiet?: boolean } = {}): Promise<{ base: StoreScreener; reviewed: Screener }> {
  try {
    return await withStore(db, async (store) => {
      const { added } = await ensureBundledLists(store);
      if (added.length && !options.quiet) process.stderr.write(`redline: loaded ${added.length} bundled list snapshots into ${store.location} (first start; \`redline lists update\` fetches current lists)\n`);
      const base = await screenerFromStore(store);
      return { base, reviewed: screenerWithReviews(base, await loadClearedHits(store)) };
    });
  } catch (err) {
    if (err instanceof StoreUnavailableError) throw new ExitError(EXIT_INTERNAL, err.message);
    throw err;
  }
}

/** The store's lists with the matcher and index (screen, match): reviews do not apply to a bare name. */
export async function openListScreener(db: string | undefined): Promise<RedlineScreener> {
  return (await openStoreScreener(db)).base;
}

/** The Redline instance a CLI command works with: bundled rules and catalogue, the store's lists (unless screening is off). */
export function openRedline(opts: { screening?: boolean; enforceAiDiffusion?: boolean; maxListAgeDays?: number; db?: string | undefined } = {}): Promise<Redline> {
  return createRedline({
    screener: opts.screening === false ? false : async () => (await openStoreScreener(opts.db)).reviewed,
    enforceAiDiffusion: opts.enforceAiDiffusion,
    ...(opts.maxListAgeDays !== undefined ? { maxListAgeDays: opts.maxListAgeDays } : {}),
  });
}
