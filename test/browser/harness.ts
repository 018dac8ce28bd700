import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { findChromium } from './find-chromium.js';

/**
 * What the browser tests run against: a real `redline serve` on an ephemeral 127.0.0.1 port
 * with a temporary SQLite store and keys made by `redline keys create`, and a Chromium found by
 * find-chromium.ts (system, or the one the npm package @sparticuz/chromium carries) driven by
 * playwright-core (no browser download).
 */
export const ROOT = resolve(import.meta.dirname, '..', '..');
export const ARTIFACTS = join(ROOT, 'test-artifacts', 'browser');

const BIN = join(ROOT, 'bin', 'redline.js');

function redline(args: string[]): string {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (r.status !== 0) throw new Error(`redline ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

export interface Server {
  url: string;
  keys: { analyst: string; admin: string };
  dir: string;
  stop(): Promise<void>;
}

/** Starts `redline serve --port 0` and waits for the line that names its address. */
export async function startServer(): Promise<Server> {
  if (!existsSync(join(ROOT, 'dist', 'web', 'index.html'))) throw new Error('dist/web is missing: run npm run build first (npm test does)');
  const dir = mkdtempSync(join(tmpdir(), 'redline-browser-'));
  const db = join(dir, 'redline.sqlite');
  const key = (role: string) => (JSON.parse(redline(['keys', 'create', '--role', role, '--db', db, '--json'])) as { key: string }).key;
  const keys = { analyst: key('analyst'), admin: key('admin') };
  // No scheduled list update from the official sources: no internet in tests, and an update in
  // flight (a minute after start) kept the server from stopping on SIGTERM, past the hook timeout.
  const child: ChildProcess = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--host', '127.0.0.1', '--db', db, '--list-update-interval', 'off'], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  const url = await new Promise<string>((resolvePromise, reject) => {
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      log += chunk;
      const m = /serving (http:\/\/127\.0\.0\.1:\d+)\/v1/.exec(log);
      if (m) resolvePromise(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`redline serve exited (${code}) before listening:\n${log}`)));
  });
  return {
    url,
    keys,
    dir,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Chromium with a fresh profile, nothing phoning home, downloads allowed. */
export async function startBrowser(options: { locale?: string } = {}): Promise<Browser> {
  const found = await findChromium(ROOT);
  mkdirSync(ARTIFACTS, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'redline-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: found.path,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
    // The browser's language (navigator.languages), which the app's first choice of language follows.
    ...(options.locale ? { locale: options.locale } : {}),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export const WIDTHS = [1280, 390] as const;

/**
 * Screenshots the page at both widths (saved under test-artifacts/browser) and returns how far
 * the page overflows the viewport sideways at each: a layout that holds overflows by 0.
 */
export async function shoot(page: Page, name: string): Promise<Record<number, number>> {
  const overflow: Record<number, number> = {};
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: width > 500 ? 900 : 844 });
    // From the top, so the sticky header is drawn once, where it belongs.
    await page.evaluate(() => window.scrollTo(0, 0));
    overflow[width] = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await page.screenshot({ path: join(ARTIFACTS, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  return overflow;
}
