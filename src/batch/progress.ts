import cliProgress from 'cli-progress';

/** Progress of a batch on stderr: a bar with rate and ETA on a terminal, a plain line every few seconds otherwise. */
export interface Progress {
  update(done: number, total?: number): void;
  stop(): void;
}

const PLAIN_EVERY_MS = 5000;

export function stderrProgress(label: string, estimatedTotal: number, startAt = 0): Progress {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream: process.stderr,
        format: `${label} [{bar}] {percentage}% | {value}/{total} rows | {rate} rows/s | ETA {eta_formatted}`,
        etaBuffer: 50,
        fps: 5,
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    // The rate counts from the first finished chunk, so loading the lists does not drag it down.
    let first: { at: number; done: number } | undefined;
    bar.start(Math.max(estimatedTotal, startAt), startAt, { rate: 0 });
    return {
      update(done, total) {
        if (total !== undefined) bar.setTotal(total);
        first ??= { at: Date.now(), done };
        const secs = (Date.now() - first.at) / 1000;
        bar.update(done, { rate: secs > 0 ? Math.round((done - first.done) / secs) : 0 });
      },
      stop() {
        bar.stop();
      },
    };
  }
  // Without a chunk finished before the last one, the rate counts from the start (never "0 rows/s" for a short run).
  const started = { at: Date.now(), done: startAt };
  let first: { at: number; done: number } | undefined;
  let last = Date.now();
  let total = estimatedTotal;
  let latest = startAt;
  const line = (done: number): void => {
    const from = first && done > first.done ? first : started;
    const secs = (Date.now() - from.at) / 1000;
    const rate = secs > 0 ? (done - from.done) / secs : 0;
    const eta = rate > 0 && total > done ? `, ETA ${Math.ceil((total - done) / rate)} s` : '';
    process.stderr.write(`${label}: ${done}/${total} rows (${Math.round(rate)} rows/s${eta})\n`);
  };
  return {
    update(done, t) {
      if (t !== undefined) total = t;
      first ??= { at: Date.now(), done };
      latest = done;
      const now = Date.now();
      if (now - last >= PLAIN_EVERY_MS) {
        last = now;
        line(done);
      }
    },
    stop() {
      line(latest);
    },
  };
}

export const silentProgress: Progress = { update() {}, stop() {} };
