import { createRedline, type Redline } from '../bundle/redline.js';
import { loadDefaultScreener } from '../bundle/lists.js';
import { memoizingScreener } from './chunks.js';

export interface BatchEngineOptions {
  /** Lists older than this many days past their source date make answers review (default 30). */
  maxListAgeDays?: number | undefined;
}

/**
 * The Redline a batch worker (thread or process) answers rows with: bundled rules and
 * catalogue, the restricted-party lists, and a screening cache for repeated counterparties.
 */
export async function openBatchRedline(options: BatchEngineOptions = {}): Promise<Redline> {
  const screener = memoizingScreener(await loadDefaultScreener());
  return createRedline({ screener, ...(options.maxListAgeDays !== undefined ? { maxListAgeDays: options.maxListAgeDays } : {}) });
}
