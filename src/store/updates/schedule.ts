import { InputError } from '../../domain/index.js';
import type { Store } from '../types.js';
import { loadSources, sourcesFilePath } from './sources.js';
import { updateLists, type UpdateReport } from './update.js';

/** Default: every six hours (the CSL is rebuilt many times a day; the others change less often). */
export const DEFAULT_LIST_UPDATE_INTERVAL_MS = 6 * 60 * 60 * 1000;
export const LIST_UPDATE_INTERVAL_ENV = 'REDLINE_LIST_UPDATE_INTERVAL';

/** `6h`, `30m`, `90s`, `1d`, a number of seconds, or `0` / `off` (no scheduled updates): milliseconds, 0 = off. */
export function parseInterval(value: string | undefined, flag = '--list-update-interval'): number {
  const v = (value ?? process.env[LIST_UPDATE_INTERVAL_ENV] ?? '').trim().toLowerCase();
  if (v === '') return DEFAULT_LIST_UPDATE_INTERVAL_MS;
  if (v === '0' || v === 'off' || v === 'never' || v === 'false') return 0;
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$/.exec(v);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
  const ms = m ? Number(m[1]) * unit[(m[2] ?? 's') as keyof typeof unit] : NaN;
  if (!Number.isFinite(ms) || ms < 1000) {
    throw new InputError([{ path: flag, message: `"${value ?? process.env[LIST_UPDATE_INTERVAL_ENV]}" is not an interval such as 6h, 30m or 90s (at least 1s), or 0/off` }]);
  }
  return Math.round(ms);
}

export interface ListUpdateSchedule {
  /** Runs an update now unless one is running (then waits for that one). */
  runNow(): Promise<UpdateReport | undefined>;
  stop(): Promise<void>;
}

export interface ScheduleOptions {
  intervalMs: number;
  /** The first run, after start (default one minute: let the server come up first). */
  firstRunMs?: number | undefined;
  sourcesFile?: string | undefined;
  /** After each run (serve rebuilds its screener here). */
  onReport?: ((report: UpdateReport) => void | Promise<void>) | undefined;
  onError?: ((err: unknown) => void) | undefined;
}

/**
 * `lists update` on a timer inside a long-running process (serve, worker). Runs never overlap;
 * a run that fails is reported and the next one is tried on time. The timer does not keep the
 * process alive.
 */
export function scheduleListUpdates(store: Store, o: ScheduleOptions): ListUpdateSchedule {
  let running: Promise<UpdateReport | undefined> | undefined;
  let stopped = false;
  // Aborted by stop(): a run in flight gives up its downloads rather than hold a shutdown for minutes.
  const stopping = new AbortController();
  const run = (): Promise<UpdateReport | undefined> =>
    (running ??= (async () => {
      try {
        const { sources } = await loadSources(sourcesFilePath(o.sourcesFile));
        const report = await updateLists(store, sources, { fetch: { signal: stopping.signal } });
        if (!stopped) await o.onReport?.(report);
        return report;
      } catch (err) {
        o.onError?.(err);
        return undefined;
      }
    })().finally(() => {
      running = undefined;
    }));
  const timers: NodeJS.Timeout[] = [];
  if (o.intervalMs > 0) {
    const first = setTimeout(() => void (stopped ? undefined : run()), o.firstRunMs ?? 60_000);
    const every = setInterval(() => void (stopped ? undefined : run()), o.intervalMs);
    first.unref();
    every.unref();
    timers.push(first, every);
  }
  return {
    runNow: run,
    async stop() {
      stopped = true;
      for (const t of timers) clearTimeout(t);
      stopping.abort();
      await running;
    },
  };
}
