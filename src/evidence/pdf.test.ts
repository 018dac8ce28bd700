import { readFileSync } from 'node:fs';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRedline } from '../bundle/redline.js';
import { loadDefaultScreener } from '../bundle/lists.js';
import type { Determination } from '../domain/index.js';
import { determinationEvidencePdf } from './pdf.js';

let d: Determination;
let tx: { items: { model: string }[]; parties: { name: string }[] };

beforeAll(async () => {
  const redline = await createRedline({ screener: loadDefaultScreener });
  tx = JSON.parse(readFileSync('data/examples/order-h100-shanghai.json', 'utf8'));
  d = redline.check(tx);
}, 120_000);

describe('PDF evidence of a determination', () => {
  // Subsetting the Chinese font with fontkit takes seconds of CPU; generous on a loaded machine.
  it('opens, and carries the list versions and the rule-set hash', { timeout: 300_000 }, async () => {
    const bytes = await determinationEvidencePdf({
      determination: d,
      itemNames: tx.items.map((i) => i.model),
      partyNames: tx.parties.map((p) => p.name),
      reviews: [{ reviewer: 'alice', decision: 'cleared', reason: 'not the listed entity', at: '2026-09-30' }],
      producedAt: '2026-09-30T12:00:00.000Z',
    });
    expect(Buffer.from(bytes.slice(0, 5)).toString()).toBe('%PDF-');
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(1);
    const keywords = pdf.getKeywords() ?? '';
    expect(keywords).toContain(`ruleset-hash:${d.ruleset.hash}`);
    expect(Object.keys(d.lists).length).toBeGreaterThan(5);
    for (const [list, date] of Object.entries(d.lists)) expect(keywords).toContain(`list:${list}@${date}`);
    expect(pdf.getSubject()).toContain(d.ruleset.hash);
    // The party's Chinese name is set in the shipped font, embedded (subset) in the file.
    const fonts = pdf.context
      .enumerateIndirectObjects()
      .map(([, o]) => (o instanceof PDFDict ? o.get(PDFName.of('BaseFont')) : undefined))
      .filter((f): f is PDFName => f instanceof PDFName)
      .map((f) => f.decodeText());
    expect(fonts.some((f) => /NotoSansSC/.test(f))).toBe(true);
  });
});
