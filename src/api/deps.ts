import type { Redline } from '../bundle/redline.js';
import type { RedlineScreener } from '../screening/index.js';
import type { Store } from '../store/types.js';
import type { BatchService } from './batch-service.js';
import type { ScreeningRecorder } from './screen-recorder.js';
import type { ClearedCache } from './cleared-cache.js';
import type { ScreenCache } from './screen-cache.js';
import type { Uploads } from './uploads.js';

/** What the API is built from; tests build it with their own store and limits. */
export interface ApiDeps {
  store: Store;
  redline: Redline;
  screener: RedlineScreener;
  recorder: ScreeningRecorder;
  batches: BatchService;
  cleared: ClearedCache;
  screenCache: ScreenCache;
  /** The uploads folder's quota and retention (absent: unbounded, as in tests that build deps by hand). */
  uploads?: Uploads | undefined;
  /** Clearing and confirming a case need a second person (default: REDLINE_FOUR_EYES=1). */
  fourEyes?: boolean | undefined;
  /** The list age past which answers are review (and /v1/health is degraded). */
  maxListAgeDays?: number | undefined;
}
