/**
 * Issue 15, done when: the main walk in both interface languages — sign in, Check with its
 * summary card, Screen with a Chinese name, the review queue — with the labels of each
 * language's resource file (src/web/locales), and in Chinese every Chinese string drawn with the
 * shipped Noto Sans SC. The language follows the browser's on the first visit, the switch
 * changes it, and the choice is remembered.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS, ROOT, shoot, startBrowser, startServer, type Browser, type Server } from './harness.js';

type Tree = { [k: string]: string | Tree };
function flatten(tree: Tree, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else flatten(v, key, out);
  }
  return out;
}
const RESOURCES = {
  en: flatten(JSON.parse(readFileSync(join(ROOT, 'src/web/locales/en.json'), 'utf8')) as Tree),
  'zh-CN': flatten(JSON.parse(readFileSync(join(ROOT, 'src/web/locales/zh-CN.json'), 'utf8')) as Tree),
};
type Lang = keyof typeof RESOURCES;

const SLOW = { timeout: 300_000 };
let server: Server;

beforeAll(async () => {
  server = await startServer();
}, SLOW.timeout);

afterAll(async () => {
  await server?.stop();
});

describe.each(['en', 'zh-CN'] as const)('the main walk with the browser in %s', (lang: Lang) => {
  const T = (key: string, vars: Record<string, string | number> = {}): string => {
    const s = RESOURCES[lang].get(key) ?? RESOURCES[lang].get(`${key}_other`);
    if (s === undefined) throw new Error(`no ${key} in ${lang}`);
    return s.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k] ?? ''));
  };
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await startBrowser({ locale: lang });
    page = browser.page;
  }, SLOW.timeout);
  afterAll(async () => {
    await browser?.close();
  });

  it('signs in in the browser’s language', SLOW, async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { name: T('signIn.title') }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
    await page.getByLabel(T('signIn.keyLabel')).fill(server.keys.analyst);
    await page.getByRole('button', { name: T('signIn.submit') }).click();
    const nav = page.getByRole('navigation', { name: T('app.pagesNav') });
    await nav.waitFor();
    expect(await nav.getByRole('link').allTextContents()).toEqual(['check', 'screen', 'batch', 'reviews', 'rules', 'exposure', 'audit'].map((p) => T(`app.pages.${p}`)));
  });

  it('Check shows the summary card in this language', SLOW, async () => {
    await page.goto(`${server.url}/#/check`);
    await page.getByRole('heading', { name: T('check.title') }).waitFor();
    // The form opens blank; the worked example (an H100 to 华为技术有限公司) is one button away.
    expect(await page.getByLabel(T('check.itemCatalogue', { n: 1 })).inputValue()).toBe('');
    await page.getByRole('button', { name: T('check.loadExample') }).click();
    expect(await page.getByLabel(T('check.itemCatalogue', { n: 1 })).inputValue()).toBe('NVIDIA H100 SXM5 80GB');
    await page.getByRole('button', { name: T('check.submit'), exact: true }).click();
    const card = page.locator('[data-testid="determination-summary"]');
    await card.waitFor();
    await expect.poll(() => card.locator('.badge-large').textContent()).toBe(T('outcome.license_required'));
    const text = (await card.textContent()) ?? '';
    expect(text).toContain(T('determination.title'));
    expect(text).toContain(T('determination.deciding'));
    expect(text).toContain(T('determination.nextSteps'));
    expect(text).not.toMatch(/us\.ear\.|us\.bis\.|parties\[/);
    if (lang === 'zh-CN') {
      // The next steps are Chinese sentences, not the English ones.
      expect(text).toContain('复核队列');
      expect(text).not.toMatch(/What to do next|review queue|Apply to/);
    } else {
      expect(text).not.toMatch(/下一步|决定性规则/);
    }
    const overflow = await shoot(page, `check-${lang}`);
    expect(overflow).toEqual({ 1280: 0, 390: 0 });
  });

  it('Screen finds a Chinese name and says why, in this language', SLOW, async () => {
    await page.goto(`${server.url}/#/screen`);
    await page.getByRole('searchbox', { name: T('screen.name') }).fill('华为技术有限公司');
    await page.getByRole('button', { name: T('screen.submit'), exact: true }).click();
    const hits = page.locator('ul.hits > li.hit');
    await hits.first().waitFor();
    const all = (await page.locator('ul.hits').textContent()) ?? '';
    expect(all).toContain('Huawei Technologies Co., Ltd.');
    expect(all).toContain(T('determination.whyMatched'));
    const n = await hits.count();
    const key = n === 1 && RESOURCES[lang].has('screen.hits_one') ? 'screen.hits_one' : 'screen.hits_other';
    expect(await page.locator('#hits-title').textContent()).toContain(T(key, { count: n }));
  });

  it('the review queue lists the potential match from Check, in this language', SLOW, async () => {
    await page.goto(`${server.url}/#/reviews`);
    await page.getByRole('heading', { name: T('reviews.title') }).waitFor();
    const table = page.locator('table.cases');
    await table.waitFor();
    expect(await table.locator('thead th').allTextContents()).toEqual(['status', 'order', 'counterparty', 'what', 'owner'].map((k) => T(`reviews.${k}`)));
    const statuses = await table.locator('tbody td:first-child').allTextContents();
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses).toContain(T('reviews.statuses.open'));
  });

  if (lang === 'zh-CN') {
    it('Chinese text is drawn with the shipped Noto Sans SC', SLOW, async () => {
      const font = await page.evaluate(async () => {
        await document.fonts.ready;
        await document.fonts.load('16px "Noto Sans SC"', '华为');
        const shipped = [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'Noto Sans SC');
        const heading = document.getElementById('page-title')!;
        return {
          check: document.fonts.check('16px "Noto Sans SC"', '华为'),
          statuses: shipped.map((f) => f.status),
          // The face is the app's own asset, not a system font of the same name.
          sources: performance.getEntriesByType('resource').map((r) => r.name).filter((n) => /noto-sans-sc/.test(n)),
          headingFont: getComputedStyle(heading).fontFamily,
          bodyFont: getComputedStyle(document.body).fontFamily,
        };
      });
      expect(font.check).toBe(true);
      expect(font.statuses).toContain('loaded');
      expect(font.sources.length).toBeGreaterThan(0);
      expect(font.sources.every((u) => u.startsWith(server.url))).toBe(true);
      expect(font.headingFont.replace(/"/g, '')).toMatch(/^Noto Sans SC\b/);
      expect(font.bodyFont.replace(/"/g, '')).toMatch(/^Noto Sans SC\b/);
      await page.screenshot({ path: join(ARTIFACTS, 'reviews-zh-CN-1280.png') });
    });

    it('the switch changes the language, and the choice outlives a reload', SLOW, async () => {
      await page.getByTestId('language').selectOption('en');
      await page.getByRole('heading', { name: RESOURCES.en.get('reviews.title')! }).waitFor();
      expect(await page.evaluate(() => [document.documentElement.lang, localStorage.getItem('redline.lang')])).toEqual(['en', 'en']);
      await page.reload();
      await page.getByRole('heading', { name: RESOURCES.en.get('reviews.title')! }).waitFor();
      await page.getByTestId('language').selectOption('zh-CN');
      await page.getByRole('heading', { name: T('reviews.title') }).waitFor();
      await page.reload();
      await page.getByRole('heading', { name: T('reviews.title') }).waitFor();
      expect(await page.evaluate(() => localStorage.getItem('redline.lang'))).toBe('zh-CN');
    });
  }
});
