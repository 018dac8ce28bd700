/**
 * Done-when of issue 15: no page and no CLI human output shows a rule id, set name or fact path
 * outside a details toggle. Renders the example determinations (data/examples) through the CLI
 * human formatter and through the web app's determination view, removes what sits inside
 * <details> (the one place identifiers belong), and scans the rest.
 */
import { readFileSync } from 'node:fs';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRedline, type Redline } from '../../src/bundle/redline.js';
import { loadDefaultScreener } from '../../src/bundle/lists.js';
import { loadRuleset } from '../../src/bundle/rules.js';
import { transactionFromCsvRecord } from '../../src/batch/csv-row.js';
import type { Determination } from '../../src/domain/index.js';
import { formatDetermination } from '../../src/cli/format/determination.js';
import { DeterminationView } from '../../src/web/components/determination.js';
import { i18n } from '../../src/web/lib/i18n.js';
import { ErrorNotice } from '../../src/web/components/ui.js';
import { ApiError } from '../../src/web/lib/api.js';
import { FieldProblems, problemLabel } from '../../src/web/lib/transaction-json.js';
import { CheckPage } from '../../src/web/pages/check.js';

let redline: Redline;
let determinations: { name: string; d: Determination; items: string[]; parties: string[] }[] = [];
let ruleIds: string[] = [];
let setNames: string[] = [];
let listIds: string[] = [];

/** Identifier shapes: fact paths, classification codes that are not words, dotted ids. */
const FACT_PATH = /\b(parties|items|endUse)\[\d+\]/;
const SCREAMING = /\b(NOT_[A-Z0-9]+|INDETERMINATE|NOT_LISTED)\b/;

function visibleText(html: string): string {
  // Nested <details> are removed innermost first until none are left.
  let out = html;
  for (let prev = ''; prev !== out; ) {
    prev = out;
    out = out.replace(/<details\b[^>]*>(?:(?!<details\b)[\s\S])*?<\/details>/g, '');
  }
  return out
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&');
}

function identifiersIn(text: string): string[] {
  const found: string[] = [];
  for (const id of ruleIds) if (text.includes(id)) found.push(id);
  for (const id of listIds) if (new RegExp(`(^|[^\\w.-])${id.replace(/\./g, '\\.')}($|[^\\w-])`).test(text)) found.push(id);
  for (const s of setNames) if (new RegExp(`\\b${s}\\b`).test(text)) found.push(s);
  const path = FACT_PATH.exec(text);
  if (path) found.push(path[0]);
  const code = SCREAMING.exec(text);
  if (code) found.push(code[0]);
  return found;
}

beforeAll(async () => {
  const rs = await loadRuleset();
  ruleIds = rs.measures.map((m) => m.id).concat(['redline.lists.stale', 'redline.screening.not-run']);
  // Named sets that are not plain country-group codes (AC_DESTS, MACAU_D5, CN_MO …).
  setNames = rs.groups.names().filter((g) => /^[A-Z][A-Z0-9]*_[A-Z0-9_]+$/.test(g));
  redline = await createRedline({ screener: loadDefaultScreener });
  const tx = JSON.parse(readFileSync('data/examples/order-h100-shanghai.json', 'utf8'));
  const one = redline.check(tx, { asOf: '2026-09-30' });
  listIds = Object.keys(one.lists);
  determinations.push({ name: 'order-h100-shanghai', d: one, items: tx.items.map((i: { model: string }) => i.model), parties: tx.parties.map((p: { name: string }) => p.name) });
  for (const file of ['data/examples/order-book.csv', 'data/examples/order-book-exposure.csv']) {
    const records = parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    // The exposure book is long: its first rows cover every shape of row it holds.
    for (const [i, rec] of records.slice(0, 40).entries()) {
      const built = transactionFromCsvRecord(rec).tx as { items: { model?: string }[]; parties?: { name: string }[] };
      try {
        const d = redline.check(built);
        determinations.push({ name: `${file} row ${i + 1}`, d, items: built.items.map((x) => x.model ?? ''), parties: (built.parties ?? []).map((p) => p.name) });
      } catch {
        // A row the engine rejects as bad input renders no determination.
      }
    }
  }
}, 120_000);

describe('words for people, not identifiers', () => {
  it('has example determinations that exercise rule ids, set names and missing facts', () => {
    expect(determinations.length).toBeGreaterThan(10);
    expect(setNames).toEqual(expect.arrayContaining(['AC_DESTS', 'MACAU_D5']));
    const all = JSON.stringify(determinations.map((x) => x.d));
    // The identifiers are still in the JSON (contract.md: add fields, never rename).
    expect(all).toContain('us.ear.ac.license.d-groups');
    expect(all).toMatch(/parties\[\d+\]\./);
  });

  it('the scan itself finds identifiers when they are there', () => {
    expect(identifiersIn('rule us.ear.ac.license.d-groups applies')).toContain('us.ear.ac.license.d-groups');
    expect(identifiersIn('destination is in AC_DESTS')).toContain('AC_DESTS');
    expect(identifiersIn('missing parties[0].headquarters')).toContain('parties[0]');
    expect(identifiersIn('code NOT_3A090')).toContain('NOT_3A090');
    expect(visibleText('<p>a</p><details><summary>x</summary><details>us.ear.x</details>AC_DESTS</details><p>b</p>')).not.toMatch(/AC_DESTS|us\.ear/);
  });

  it('the CLI human output of every example shows none', () => {
    for (const { name, d, items } of determinations) {
      const text = formatDetermination(d, items);
      expect({ name, found: identifiersIn(text) }).toEqual({ name, found: [] });
    }
  });

  it('the CLI human output in Chinese (--lang zh) shows none either', () => {
    for (const { name, d, items } of determinations) {
      const text = formatDetermination(d, items, { lang: 'zh' });
      expect(text).toContain('下一步');
      expect({ name, found: identifiersIn(text) }).toEqual({ name, found: [] });
    }
  });

  it('the CLI --details section does carry the identifiers', () => {
    const { d, items } = determinations[0]!;
    expect(formatDetermination(d, items, { details: true })).toContain(d.jurisdictions[0]!.findings[0]!.measure);
  });

  it('the web determination view shows none outside a details toggle', () => {
    for (const { name, d, items, parties } of determinations) {
      const html = renderToStaticMarkup(createElement(DeterminationView, { d, itemNames: items, partyNames: parties }));
      expect({ name, found: identifiersIn(visibleText(html)) }).toEqual({ name, found: [] });
    }
  });

  it('the web determination view in Chinese shows none outside a details toggle', async () => {
    await i18n.changeLanguage('zh-CN');
    try {
      for (const { name, d, items, parties } of determinations) {
        const html = renderToStaticMarkup(createElement(DeterminationView, { d, itemNames: items, partyNames: parties }));
        const text = visibleText(html);
        expect(text).toContain('下一步');
        expect({ name, found: identifiersIn(text) }).toEqual({ name, found: [] });
      }
    } finally {
      await i18n.changeLanguage('en');
    }
  });

  it('the web view puts the answer first and numbers parties and items from 1', () => {
    const { d, items, parties } = determinations[0]!;
    const html = renderToStaticMarkup(createElement(DeterminationView, { d, itemNames: items, partyNames: parties }));
    const summaryAt = html.indexOf('data-testid="determination-summary"');
    const reasoningAt = html.indexOf('determination-details');
    expect(summaryAt).toBeGreaterThanOrEqual(0);
    expect(summaryAt).toBeLessThan(reasoningAt);
    const all = html.replace(/<[^>]+>/g, ' ');
    expect(all).toMatch(/Party 1\b/);
    expect(all).not.toMatch(/Party 0\b|item 0\b/i);
  });

  it('the Check page’s field problems name fields in words; the JSON paths sit in a details toggle', () => {
    const server = new ApiError(400, 'The server could not accept the request', [
      { path: 'items[0].model', message: 'unknown model "NVIDIA H110"' },
      { path: 'parties[1].headquarters', message: 'must be a country code' },
    ]);
    const page = new FieldProblems('The transaction cannot go into the form as it is', [{ path: 'endUse[0]', message: 'unknown value' }]);
    for (const error of [server, page]) {
      const html = renderToStaticMarkup(createElement(ErrorNotice, { error, labelOf: problemLabel }));
      expect(identifiersIn(visibleText(html))).toEqual([]);
      // The paths are still there for whoever fixes the JSON, behind the toggle.
      expect(html).toMatch(/<details>.*(items\[0\]\.model|endUse\[0\]).*<\/details>/s);
    }
  });

  it('the Check page as it opens shows none', () => {
    const html = renderToStaticMarkup(createElement(CheckPage));
    expect(html).toContain('Load example');
    expect(identifiersIn(visibleText(html))).toEqual([]);
  });
});
