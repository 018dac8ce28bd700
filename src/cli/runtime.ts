import { createRedline, type Redline } from '../bundle/redline.js';
import { loadDefaultScreener } from '../bundle/lists.js';

/** The Redline instance a CLI command works with: bundled rules, catalogue and (unless turned off) lists. */
export function openRedline(opts: { screening?: boolean; enforceAiDiffusion?: boolean; maxListAgeDays?: number } = {}): Promise<Redline> {
  return createRedline({
    screener: opts.screening === false ? false : loadDefaultScreener,
    enforceAiDiffusion: opts.enforceAiDiffusion,
    ...(opts.maxListAgeDays !== undefined ? { maxListAgeDays: opts.maxListAgeDays } : {}),
  });
}
