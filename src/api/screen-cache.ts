import type { ScreeningResult, ScreenOptions } from '../domain/index.js';
import type { RedlineScreener } from '../screening/index.js';

/**
 * Screening is a pure function of the name, its country/address/limit and the loaded list
 * versions, and services screen the same counterparties again and again (an ERP asks per
 * order). So the API keeps the latest answers for one screener: a repeat is answered from
 * memory, byte for byte what the screener said. Every request is still recorded in the audit
 * log. Bounded; the oldest answer goes first.
 */
export class ScreenCache {
  private readonly map = new Map<string, ScreeningResult>();
  hits = 0;
  misses = 0;

  constructor(
    private readonly screener: RedlineScreener,
    private readonly max = 20_000,
  ) {}

  screen(name: string, options: ScreenOptions): ScreeningResult {
    const key = `${name}\u0000${options.country ?? ''}\u0000${options.address ?? ''}\u0000${options.limit ?? ''}`;
    const found = this.map.get(key);
    if (found) {
      this.hits++;
      return found;
    }
    this.misses++;
    const r = this.screener.screen(name, options);
    if (this.map.size >= this.max) this.map.delete(this.map.keys().next().value!);
    this.map.set(key, r);
    return r;
  }
}
