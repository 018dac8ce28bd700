import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../bundle/catalogue.js';
import type { ResolvedItem } from '../domain/index.js';
import { resolveItem } from './resolve.js';
import { classifyUS } from './us.js';

/**
 * The rules engine classifies once per order line and must reach 50,000 lines/s overall, so
 * resolving and classifying have to be a small share of that. A loose bound: it only catches
 * an accidental slow path (validation, regex or a catalogue scan per line), not noise.
 */
describe('speed', () => {
  it('resolves and classifies 50,000 catalogue lines well inside a second', () => {
    const catalogue = loadCatalogue();
    const names = catalogue.entries.map((e) => e.name.toLowerCase());
    const start = performance.now();
    let controlled = 0;
    for (let i = 0; i < 50_000; i++) {
      const item: ResolvedItem = resolveItem({ kind: 'catalogue', model: names[i % names.length]!, quantity: 1 }, catalogue, 'items[0]');
      if (classifyUS(item, 0, '2026-09-30').code !== 'NOT_3A090') controlled++;
    }
    const ms = performance.now() - start;
    expect(controlled).toBeGreaterThan(0);
    expect(ms).toBeLessThan(1000);
  });
});
