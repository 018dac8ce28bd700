import { loadClearedHits, type ClearedHits } from '../store/index.js';
import type { Store } from '../store/types.js';

/**
 * The officers' latest review decisions, held in memory for the screening hot path and read
 * again every few seconds (other API processes may record reviews) or at once after a review
 * through this process.
 */
const REFRESH_MS = 5_000;

export class ClearedCache {
  private current: Promise<ClearedHits> | undefined;
  private at = 0;

  constructor(private readonly store: Store) {}

  get(): Promise<ClearedHits> {
    const now = Date.now();
    if (!this.current || now - this.at > REFRESH_MS) {
      const next = loadClearedHits(this.store);
      // Keep answering with the last good set while a refresh is in flight.
      const previous = this.current;
      this.current = previous ? next.catch(() => previous) : next;
      this.at = now;
    }
    return this.current;
  }

  invalidate(): void {
    this.at = 0;
  }
}
