/**
 * Redline as a library:
 *
 *   import { createRedline } from 'redline';
 *   const redline = await createRedline();          // bundled rules, catalogue, lists
 *   const determination = redline.check(transaction);
 */
export * from './domain/index.js';
export { createRedline, today, type Redline, type RedlineOptions, type CheckOptions } from './bundle/redline.js';
export { loadDefaultScreener, loadBundledLists } from './bundle/lists.js';
export { loadRuleset } from './bundle/rules.js';
export { loadCatalogue } from './bundle/catalogue.js';
export { determine, runScenarioFiles } from './determine/index.js';
export { classifyItem, totalProcessingPerformance, applicableDieArea, performanceDensity } from './classify/index.js';
export { evaluateTransaction } from './rules/index.js';

import { createRedline } from './bundle/redline.js';
import { loadDefaultScreener } from './bundle/lists.js';
import type { Determination, ScreeningResult, ScreenOptions } from './domain/index.js';
import type { CheckOptions } from './bundle/redline.js';

/** One-call determination with the bundled data (architecture.md: `import { evaluate } from 'redline'`). */
export async function evaluate(transaction: unknown, options: CheckOptions = {}): Promise<Determination> {
  const redline = await createRedline({ screener: loadDefaultScreener });
  return redline.check(transaction, options);
}

/** Screens one name against the bundled restricted-party lists. */
export async function screen(name: string, options?: ScreenOptions): Promise<ScreeningResult> {
  return (await loadDefaultScreener()).screen(name, options);
}
