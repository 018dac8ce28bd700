// npm run bench:screen-file — `redline screen --file names.txt --json` over a seeded file of
// 1,000,000 names (BENCH_NAMES to change), run as a user would: names/s, peak RSS of the
// screening process (sampled as it runs, to show memory stays flat), and a check that the
// JSON Lines come back one per name, in input order. The names file is written to a temporary
// folder and removed afterwards (never committed). Figures go to bench/README.md (## Screening a file).
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBundledLists } from '../dist/bundle/lists.js';
import { seededRandom } from '../dist/domain/index.js';

const N = Number(process.env.BENCH_NAMES ?? 1_000_000);
const STEMS = ['Northwind', 'Blue River', 'Summit', 'Lotus', 'Pacific Rim', 'Golden Gate', 'Orion', 'Meridian', 'Harbour', 'Cedar', 'Granite', 'Aurora', 'Silver Peak', 'Redwood'];
const TRADES = ['Compute', 'Research', 'AI Labs', 'Semiconductor Trading', 'Logistics', 'Analytics', 'Datacenters', 'Electronics', 'Optics', 'Systems'];
const SUFFIXES = ['Ltd', 'GmbH', 'Co., Ltd.', 'Pte. Ltd.', 'Inc.', 'B.V.', 'S.A.', 'LLC'];

/** 3% listed names (as listed, upper-cased, or with a suffix dropped), the rest made-up companies. */
async function writeNames(path) {
  const { entries } = await loadBundledLists();
  const listed = entries.map((e) => e.name).filter(Boolean);
  const rnd = seededRandom(20261204);
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const out = createWriteStream(path);
  for (let i = 0; i < N; i++) {
    let name;
    if (rnd() < 0.03) {
      const l = pick(listed);
      name = rnd() < 0.5 ? l : l.toUpperCase();
    } else name = `${pick(STEMS)} ${pick(TRADES)} ${Math.floor(rnd() * 100_000)} ${pick(SUFFIXES)}`;
    if (!out.write(`${name}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** Resident set of a live process, in MB (VmRSS now, VmHWM the peak so far). */
function rssOf(pid) {
  try {
    const s = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k) => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(s)?.[1] ?? 0);
    return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

const dir = mkdtempSync(join(tmpdir(), 'redline-bench-screen-file-'));
try {
  const path = join(dir, 'names.txt');
  await writeNames(path);
  const t0 = performance.now();
  const child = spawn(process.execPath, ['bin/redline.js', 'screen', '--file', path, '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const samples = [];
  let peak = 0;
  let lines = 0;
  let inOrder = true;
  let hits = 0;
  let firstLineAt;
  const sampler = setInterval(() => {
    const r = rssOf(child.pid);
    if (!r) return;
    peak = Math.max(peak, r.hwm);
    samples.push({ names: lines, rss_mb: Math.round(r.rss) });
  }, 250);
  for await (const line of createInterface({ input: child.stdout, crlfDelay: Infinity })) {
    if (lines === 0) firstLineAt = performance.now();
    lines++;
    const r = JSON.parse(line);
    if (r.line !== lines) inOrder = false;
    if (r.hits.length) hits++;
    if (lines % 100_000 === 0) {
      const s = (performance.now() - firstLineAt) / 1000;
      console.error(`${lines} names, ${Math.round(lines / s)} names/s so far, RSS ${Math.round(rssOf(child.pid)?.rss ?? 0)} MB, load ${readFileSync('/proc/loadavg', 'utf8').split(' ')[0]}`);
    }
  }
  const [code] = await once(child, 'exit');
  clearInterval(sampler);
  const t1 = performance.now();
  const screeningS = (t1 - firstLineAt) / 1000;
  // RSS at each tenth of the run, to see whether memory grows with the names screened.
  const tenths = Array.from({ length: 10 }, (_, k) => samples.find((s) => s.names >= ((k + 1) * N) / 10 - N / 20)).filter(Boolean);
  console.log(
    JSON.stringify(
      {
        date: new Date().toISOString().slice(0, 10),
        names: N,
        file_mb: Math.round(statSync(path).size / 1e5) / 10,
        exit_code: code,
        output_lines: lines,
        one_line_per_name_in_input_order: inOrder && lines === N,
        names_with_hits: hits,
        wall_s: Math.round((t1 - t0) / 100) / 10,
        startup_s: Math.round((firstLineAt - t0) / 100) / 10,
        names_per_s: Math.round(N / screeningS),
        peak_rss_mb: Math.round(peak),
        rss_by_progress: tenths,
        load_average: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '),
      },
      null,
      2,
    ),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
