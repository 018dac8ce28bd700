import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS, shoot, startBrowser, startServer, type Browser, type Server } from './harness.js';

// Each page's main path, end to end: the built app in Chromium (find-chromium.ts) against a real
// `redline serve`. Screenshots at 1280 and 390 px go to test-artifacts/browser/.
let server: Server;
let browser: Browser;
let page: Page;

const SLOW = { timeout: 180_000 };

async function signIn(key: string): Promise<void> {
  await page.goto(`${server.url}/#/check`);
  const signOut = page.getByRole('button', { name: 'Sign out' });
  if (await signOut.isVisible()) await signOut.click();
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Pages' }).waitFor();
}

async function go(hash: string): Promise<void> {
  await page.goto(`${server.url}/${hash}`);
}

/** The Check page's JSON panel, opened (it stays open while the page is not left). */
async function openJsonPanel(): Promise<void> {
  const panel = page.getByTestId('json-panel');
  if ((await panel.getAttribute('open')) === null) await panel.locator('summary').click();
}

beforeAll(async () => {
  server = await startServer();
  browser = await startBrowser();
  page = browser.page;
}, SLOW.timeout);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the web app in a browser', SLOW, () => {
  it('refuses a wrong key, then signs in with a key from redline keys create', async () => {
    await page.goto(`${server.url}/`);
    await page.getByLabel('API key').fill('rl_nothing_wrong');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('unknown or revoked API key');
    const overflow = await shoot(page, 'sign-in');
    expect(overflow).toEqual({ 1280: 0, 390: 0 });
    await signIn(server.keys.analyst);
    expect(await page.getByRole('link', { name: 'Exposure' }).isVisible()).toBe(true);
    // The key lives in this tab's sessionStorage only.
    expect(await page.evaluate(() => [sessionStorage.getItem('redline.apiKey')?.slice(0, 3), localStorage.length])).toEqual(['rl_', 0]);
  });

  it('moves between pages by keyboard: skip link first, then the navigation', async () => {
    await go('#/check');
    await page.locator('body').press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    let focused = '';
    for (let i = 0; i < 10 && focused !== 'Screen'; i++) {
      await page.keyboard.press('Tab');
      focused = (await page.evaluate(() => document.activeElement?.textContent)) ?? '';
    }
    expect(focused).toBe('Screen');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Screen a name' }).waitFor();
    expect(page.url()).toContain('#/screen');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('page-title');
  });

  it('Check: the form opens blank — today, one empty item and party, no destination, no end use', async () => {
    await go('#/check');
    await page.getByRole('heading', { name: 'Check a transaction' }).waitFor();
    expect(await page.getByLabel('Item 1 — catalogue product').inputValue()).toBe('');
    expect(await page.getByLabel('Name of party 1').inputValue()).toBe('');
    expect(await page.getByLabel('Order reference').inputValue()).toBe('');
    expect(await page.getByLabel('To (destination)').inputValue()).toBe('');
    expect(await page.getByLabel('Date').inputValue()).toBe(await page.evaluate(() => new Date().toISOString().slice(0, 10)));
    expect(await page.locator('.checks input[type="checkbox"]:checked').count()).toBe(0);
    expect(await page.locator('.item-row').count()).toBe(1);
    expect(await page.locator('.party-row').count()).toBe(1);
    // Nothing is sent without a destination: the browser asks for one.
    await page.getByLabel('Item 1 — catalogue product').fill('NVIDIA L4');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    expect(await page.getByLabel('To (destination)').evaluate((el) => (el as HTMLSelectElement).validity.valueMissing)).toBe(true);
    expect(await page.locator('section.determination').count()).toBe(0);
  });

  it('Check: a transaction gives the outcome per jurisdiction, each rule with citation and because, and the screening hits', async () => {
    await go('#/check');
    // The worked example, on request: an H100 to 华为技术有限公司 in China, with an order reference.
    await page.getByRole('button', { name: 'Load example' }).click();
    expect(await page.getByLabel('Item 1 — catalogue product').inputValue()).toBe('NVIDIA H100 SXM5 80GB');
    expect(await page.getByLabel('Name of party 1').inputValue()).toBe('华为技术有限公司');
    await page.getByLabel('Order reference').fill('SO-FORM-1');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    const result = page.locator('section.determination');
    await result.waitFor();
    await expect.poll(() => result.locator('.determination-head .badge').textContent()).toBe('Licence required');
    const text = (await result.textContent()) ?? '';
    expect(text).toContain('3A090.a');
    expect(text).toContain('us.ear.744.11.entity-list');
    expect(text).toContain('84 FR 22963');
    expect(text).toContain('742.6(a)(6)(iii)(A)');
    // The party's Chinese name is shown as typed, tagged for a CJK font.
    expect(await result.locator('.party-hits [lang="zh"]').first().textContent()).toBe('华为技术有限公司');
    expect(await result.locator('.hit').count()).toBeGreaterThan(0);
    // The order reference is sent and comes back with the answer.
    expect(await result.locator('.determination-head').textContent()).toContain('SO-FORM-1');
    const overflow = await shoot(page, 'check');
    expect(overflow).toEqual({ 1280: 0, 390: 0 });
  });

  it('Check: owners given on a party show each 50 percent rule with the path to the listed owner', async () => {
    await go('#/check');
    await page.getByRole('button', { name: 'Load example' }).click();
    await page.getByLabel('Owners of party 1 (optional)').fill('[{ "name": "Example Holding (HK) Ltd.", "pct": 60, "owners": [{ "name": "Huawei Technologies Co., Ltd.", "pct": 50 }] }]');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    const section = page.locator('section[aria-labelledby="ownership-title"]');
    await section.waitFor();
    const text = (await section.textContent()) ?? '';
    expect(text).toContain('BIS Affiliates rule');
    expect(text).toContain('60 % — 50 % or more');
    expect(text).toMatch(/Example Holding \(HK\) Ltd\. ← 50% Huawei Technologies Co\., Ltd\..*Entity List/);
  });

  it('Check: bad input is shown as an error naming the field, not a crash', async () => {
    await go('#/check');
    await page.getByRole('button', { name: 'Load example' }).click();
    await page.getByRole('button', { name: 'Describe it instead' }).click();
    await page.getByLabel('Item 1 — description (JSON)').fill('{ "kind": "ic", "colour": "red" }');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('colour');
  });

  it('Check: a transaction pasted as JSON is checked as it is, with its order reference', async () => {
    await go('#/check');
    await openJsonPanel();
    const json = page.getByLabel('Transaction as JSON');
    // Bad JSON: the place is named, nothing is sent.
    await json.fill('{\n  "to": "CN",\n  "items": [ }');
    await page.getByRole('button', { name: 'Check this JSON' }).click();
    const panelAlert = page.getByTestId('json-panel').getByRole('alert');
    await expect.poll(() => panelAlert.textContent()).toContain('line 3, column 14');
    await json.fill(JSON.stringify({ id: 'SO-JSON-1', date: '2026-09-30', from: 'US', to: 'CN', items: [{ model: 'NVIDIA H100 SXM5 80GB' }], parties: [{ role: 'end_user', name: '华为技术有限公司', country: 'CN' }], endUse: ['ai_training'] }, null, 2));
    await page.getByRole('button', { name: 'Check this JSON' }).click();
    const result = page.locator('section.determination');
    await result.waitFor();
    await expect.poll(() => result.locator('.determination-head').textContent()).toContain('SO-JSON-1');
    expect(await result.locator('.determination-head .badge').textContent()).toBe('Licence required');
    expect(await result.locator('.party-hits [lang="zh"]').first().textContent()).toBe('华为技术有限公司');
  });

  it('Check: a JSON transaction the server refuses names the field in the form’s words, and a suggested model fills the form', async () => {
    await go('#/check');
    await openJsonPanel();
    await page.getByLabel('Transaction as JSON').fill(JSON.stringify({ id: 'SO-JSON-2', to: 'CN', items: [{ model: 'NVIDIA H110 SXM5' }], parties: [{ role: 'end_user', name: 'Example Cloud Ltd', country: 'CN', address: '1 Example Road' }] }));
    await page.getByRole('button', { name: 'Check this JSON' }).click();
    const alert = page.locator('.result [role="alert"]');
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('Item 1 model');
    expect(text).toContain('unknown model');
    // The JSON path is there for whoever fixes the file, behind a toggle only.
    expect(await alert.locator('details code').first().textContent()).toBe('items[0].model');
    expect(await alert.locator('details').getAttribute('open')).toBeNull();
    await alert.getByRole('button', { name: 'Use NVIDIA H100 SXM5 80GB for item 1' }).click();
    // The transaction is now in the form, the suggestion in its model field, the order reference and the address carried.
    await expect.poll(() => page.getByLabel('Item 1 — catalogue product').inputValue()).toBe('NVIDIA H100 SXM5 80GB');
    expect(await page.getByLabel('Order reference').inputValue()).toBe('SO-JSON-2');
    expect(await page.getByLabel('Name of party 1').inputValue()).toBe('Example Cloud Ltd');
    expect(await page.locator('form .notice').first().textContent()).toContain('Party 1 address');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    const result = page.locator('section.determination');
    await result.waitFor();
    await expect.poll(() => result.locator('.determination-head').textContent()).toContain('SO-JSON-2');
  });

  it('Check: a .json file is uploaded and loaded into the form to edit; a list of transactions is taken one at a time', async () => {
    await go('#/check');
    await openJsonPanel();
    const one = { id: 'SO-FILE-1', date: '2026-09-30', from: 'US', to: 'JP', items: [{ model: 'NVIDIA L4', quantity: 4, value: 12000 }], parties: [{ role: 'buyer', name: 'Example KK', country: 'JP' }], endUse: ['commercial'] };
    await page.getByLabel('Or choose a .json file').setInputFiles({ name: 'order.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(one)) });
    await expect.poll(() => page.getByTestId('json-panel').locator('.notice-ok').textContent()).toContain('Read order.json');
    await page.getByRole('button', { name: 'Load into the form' }).click();
    await expect.poll(() => page.getByLabel('Order reference').inputValue()).toBe('SO-FILE-1');
    expect(await page.getByLabel('To (destination)').inputValue()).toBe('JP');
    expect(await page.getByLabel('Item 1 — catalogue product').inputValue()).toBe('NVIDIA L4');
    expect(await page.getByLabel('Quantity').inputValue()).toBe('4');
    expect(await page.getByLabel('Name of party 1').inputValue()).toBe('Example KK');
    expect(await page.getByRole('checkbox', { name: 'Commercial' }).isChecked()).toBe(true);
    // Edited in the form, then checked: the answer carries the edited order reference.
    await page.getByLabel('Order reference').fill('SO-FILE-1-EDITED');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    const result = page.locator('section.determination');
    await result.waitFor();
    await expect.poll(() => result.locator('.determination-head').textContent()).toContain('SO-FILE-1-EDITED');
    // A file of two: said plainly, each can be checked on its own.
    const two = [one, { ...one, id: 'SO-FILE-2', to: 'NL' }];
    await page.getByLabel('Or choose a .json file').setInputFiles({ name: 'two.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(two)) });
    await page.getByRole('button', { name: 'Check this JSON' }).click();
    await expect.poll(() => page.getByTestId('json-panel').locator('.notice-warn').textContent()).toContain('This holds 2 transactions. The Check page answers one at a time');
    await page.getByRole('button', { name: 'Check transaction 2' }).click();
    await expect.poll(() => result.locator('.determination-head').textContent()).toContain('SO-FILE-2');
    const overflow = await shoot(page, 'check-json');
    expect(overflow).toEqual({ 1280: 0, 390: 0 });
  });

  it('Screen: a Chinese name finds its listed entry with the reasons, and an officer clears a hit', async () => {
    await go('#/screen');
    await page.getByRole('searchbox', { name: 'Name' }).fill('華為技術有限公司');
    await page.getByRole('button', { name: 'Screen', exact: true }).click();
    const hits = page.locator('ul.hits > li.hit');
    await hits.first().waitFor();
    const all = (await page.locator('ul.hits').textContent()) ?? '';
    expect(all).toContain('Huawei Technologies Co., Ltd.');
    expect(all).toContain('us.bis.entity-list');
    expect(all).toContain('Why it matched');
    const overflow = await shoot(page, 'screen');
    expect(overflow).toEqual({ 1280: 0, 390: 0 });
    // Clear the last (weakest) hit with a reason.
    const last = hits.last();
    await last.getByText('Clear or confirm this hit').click();
    await last.getByLabel('Reason for your decision').fill('Different company: registration number and address do not match.');
    await last.getByRole('button', { name: 'Clear — not this party' }).click();
    await expect.poll(() => last.locator('.notice-ok').textContent()).toContain('cleared');
  });

  it('Batch: the example book runs with live progress and its results download', async () => {
    await go('#/batch');
    await page.getByRole('button', { name: /Run the example book/ }).click();
    await page.getByRole('heading', { name: /^Batch .* — / }).waitFor();
    await page.getByText(/^Done: /).waitFor({ timeout: 150_000 });
    expect(await page.locator('.progress').textContent()).toContain('3,000');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download results (CSV)' }).click()]);
    const saved = join(ARTIFACTS, 'batch-results.csv');
    await download.saveAs(saved);
    const lines = readFileSync(saved, 'utf8').trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^row,id,outcome,/);
    expect(lines.length).toBe(3001);
    // The answers as a table: counts by outcome that add up to the book, each one a filter.
    const counts = page.getByTestId('batch-counts');
    await counts.waitFor();
    const chips = await counts.getByRole('button').allTextContents();
    const numbers = chips.slice(1).map((c) => Number(/\(([\d,]+)\)$/.exec(c)![1]!.replace(/,/g, '')));
    expect(chips[0]).toBe('All rows (3000)');
    expect(numbers.reduce((a, b) => a + b, 0)).toBe(3000);
    const review = counts.getByRole('button', { name: /^Review \(/ });
    await review.click();
    const badges = await page.locator('table.batch-rows tbody .badge').allTextContents();
    expect(badges.length).toBeGreaterThan(0);
    expect(new Set(badges)).toEqual(new Set(['Review']));
    // The job stays listed: leave the page and come back, and it is still there, with its answers.
    await go('#/check');
    await go('#/batch');
    await page.getByRole('heading', { name: 'Batches in this session' }).waitFor();
    expect(await page.locator('ul.recent-jobs li').count()).toBe(1);
    await page.getByText(/^Done: /).waitFor();
    const overflow = await shoot(page, 'batch');
    expect(overflow).toEqual({ 1280: 0, 390: 0 });
  });

  it('Rules: the timeline by jurisdiction, and a measure with its conditions in words, citation and history', async () => {
    await go('#/rules');
    const timeline = page.getByRole('region', { name: 'Timeline of measures' });
    await timeline.waitFor();
    expect(await timeline.getByRole('heading', { name: /United States/ }).count()).toBe(1);
    await page.getByRole('heading', { name: 'What changed when' }).waitFor();
    const overflow = await shoot(page, 'rules');
    expect(overflow).toEqual({ 1280: 0, 390: 0 });
    await go('#/rules/us.ear.ac.license.d-groups');
    await page.getByRole('heading', { name: 'When it applies' }).waitFor();
    const text = (await page.locator('article.measure').textContent()) ?? '';
    expect(text).toContain('742.6(a)(6)(iii)(A)');
    expect(text).toContain('all of:');
    expect(await page.locator('ol.history li').count()).toBeGreaterThan(0);
    const measureOverflow = await shoot(page, 'rule');
    expect(measureOverflow).toEqual({ 1280: 0, 390: 0 });
  });

  it('Exposure: the example book under two dates, with charts, the lines that flip and why, and exports', async () => {
    await go('#/exposure');
    await page.getByRole('button', { name: '2022-06-01 → 2026-09-30' }).click();
    await page.getByRole('button', { name: /Use the example book/ }).click();
    await page.locator('.kpis').waitFor({ timeout: 150_000 });
    expect(await page.locator('.kpi-label').allTextContents()).toEqual(
      expect.arrayContaining(['Restricted under 2022-06-01', 'Restricted under 2026-09-30', 'Newly restricted']),
    );
    // Charts draw as SVG; each chart has its own.
    expect(await page.locator('.chart svg').count()).toBeGreaterThanOrEqual(5);
    const flips = page.locator('table.flips tbody tr');
    expect(await flips.count()).toBeGreaterThan(0);
    expect(await flips.first().locator('.why a').count()).toBeGreaterThan(0);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download flipping lines (CSV)' }).click()]);
    const saved = join(ARTIFACTS, 'exposure-flips.csv');
    await download.saveAs(saved);
    expect(readFileSync(saved, 'utf8').split(/\r?\n/)[0]).toBe(
      'row,id,month,destination,item,value,currency,outcome_2022-06-01,outcome_2026-09-30,direction,measures_added,measures_removed,measures_changed',
    );
    const overflow = await shoot(page, 'exposure');
    expect(overflow).toEqual({ 1280: 0, 390: 0 });
  });

  it('Audit: the records of what was answered, filtered by kind, and the chain verified (admin)', async () => {
    await signIn(server.keys.admin);
    await go('#/audit');
    const rows = page.locator('table.audit tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(0);
    await page.getByLabel('Kind').selectOption('review');
    // A review says its decision, the counterparty and the list by title, not by its id.
    await expect.poll(async () => (await page.locator('table.audit tbody summary').first().textContent()) ?? '').toMatch(/^Cleared · .+ · \S/);
    expect(await page.locator('table.audit tbody summary').first().textContent()).not.toMatch(/\b(us|eu|uk|un|cn|jp)\.[a-z]/);
    await page.getByRole('button', { name: 'Verify the chain' }).click();
    await expect.poll(() => page.locator('.verify .notice').textContent()).toContain('Intact.');
    // Determinations say their order and parties; the records export as CSV.
    await page.getByLabel('Kind').selectOption('determination');
    await expect.poll(async () => (await page.locator('table.audit tbody summary').first().textContent()) ?? '').toMatch(/^Licence required order \S+ · .+ · /);
    // Found by the party's name (the batch's recorded rows are newer than the checks of the form).
    await page.getByLabel('Order or name').fill('华为技术有限公司');
    await expect.poll(async () => (await page.locator('table.audit tbody summary').first().textContent()) ?? '').toContain('华为技术有限公司');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export these records (CSV)' }).click()]);
    const savedCsv = join(ARTIFACTS, 'audit.csv');
    await csv.saveAs(savedCsv);
    const auditLines = readFileSync(savedCsv, 'utf8').trim().split(/\r?\n/);
    expect(auditLines[0]).toBe('seq,at,kind,key_id,ref,order,outcome,parties,hits,decision,ruleset_version,ruleset_hash,hash,prev_hash');
    expect(auditLines.length).toBeGreaterThan(1);
    expect(auditLines.slice(1).every((l) => l.split(',')[2] === 'determination')).toBe(true);
    expect(auditLines.slice(1).every((l) => l.includes('华为技术有限公司'))).toBe(true);
    const overflow = await shoot(page, 'audit');
    expect(overflow).toEqual({ 1280: 0, 390: 0 });
  });
});
