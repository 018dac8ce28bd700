import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../bundle/paths.js';
import { loadRuleset } from '../bundle/rules.js';
import { loadCatalogue } from '../bundle/catalogue.js';
import { loadDefaultScreener } from '../bundle/lists.js';
import { seededRandom } from '../domain/seeded-random.js';
import type { ScreeningHit } from '../domain/index.js';
import { determine, type Engines } from './determine.js';
import { EvaluationMemo, evaluationKey, type Evaluation } from './evaluation-memo.js';

// Every transaction the pack scenarios give: hundreds of kinds of line across the four jurisdictions.
function scenarioTransactions(): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const packs = join(PACKAGE_ROOT, 'data', 'packs');
  for (const j of readdirSync(packs)) {
    if (!/^[a-z]{2}$/.test(j)) continue;
    for (const f of readdirSync(join(packs, j)).filter((n) => n.endsWith('.scenarios.yaml'))) {
      const doc = YAML.parse(readFileSync(join(packs, j, f), 'utf8'), { merge: true, maxAliasCount: -1 }) as { scenarios?: { given?: Record<string, unknown> }[] };
      for (const s of doc.scenarios ?? []) if (s.given) out.push(s.given);
    }
  }
  return out;
}

let engines: Engines;
let transactions: Record<string, unknown>[];
const today = '2026-12-07';

beforeAll(async () => {
  engines = { ruleset: await loadRuleset(), catalogue: loadCatalogue(), screener: await loadDefaultScreener() };
  transactions = scenarioTransactions();
}, 120_000);

/** The same line with other quantities and values on its items, and another id (or none). */
function varied(tx: Record<string, unknown>, random: () => number, id: string | undefined): Record<string, unknown> {
  const copy = structuredClone(tx);
  if (id === undefined) delete copy.id;
  else copy.id = id;
  for (const item of (copy.items as Record<string, unknown>[] | undefined) ?? []) {
    item.quantity = 1 + Math.floor(random() * 500);
    item.value = Math.floor(random() * 5_000_000);
  }
  return copy;
}

describe('sharing the evaluation of identical lines', () => {
  it('the rules read neither item quantities nor values, nor the id: every scenario line answers the same without them', () => {
    expect(transactions.length).toBeGreaterThan(200);
    const random = seededRandom(16);
    for (const [i, tx] of transactions.entries()) {
      const a = determine(varied(tx, random, `A${i}`), engines, { today, memo: false });
      const b = determine(varied(tx, random, `B${i}`), engines, { today, memo: false });
      expect({ ...b, id: a.id }, `scenario transaction ${i}`).toEqual(a);
    }
  }, 120_000);

  it('answers exactly as a fresh evaluation does, line by line, over a seeded mixed book', () => {
    const random = seededRandom(61);
    const dates = ['2022-10-06', '2022-10-07', '2023-11-16', '2023-11-17', '2025-01-15', '2025-09-29', '2025-11-10', '2026-09-30', '2026-11-09', '2027-04-06'];
    let shared = 0;
    const seen = new Set<string>();
    for (let i = 0; i < 3000; i++) {
      const tx = varied(transactions[Math.floor(random() * transactions.length)]!, random, random() < 0.9 ? `L${i}` : undefined);
      if (random() < 0.5) tx.date = dates[Math.floor(random() * dates.length)];
      const fresh = determine(tx, engines, { today, memo: false });
      const memoised = determine(tx, engines, { today });
      expect(JSON.stringify(memoised), `line ${i}`).toBe(JSON.stringify(fresh));
      const key = `${JSON.stringify({ ...tx, id: undefined, items: undefined })}|${JSON.stringify(fresh.classifications)}`;
      if (seen.has(key)) shared++;
      seen.add(key);
    }
    // The book repeats lines, so the memo was really exercised.
    expect(shared).toBeGreaterThan(1000);
  }, 120_000);

  it('a shared answer cannot be changed by the caller that received it', () => {
    const tx = { ...transactions[0]!, id: 'X1' };
    determine(tx, engines, { today });
    const d = determine({ ...tx, id: 'X2' }, engines, { today });
    expect(d.id).toBe('X2');
    expect(d.classifications.length).toBeGreaterThan(0);
    expect(() => {
      (d.classifications as unknown[]).push({});
    }).toThrow(TypeError);
    expect(() => {
      (d.classifications[0] as { code: string }).code = 'EAR99';
    }).toThrow(TypeError);
    expect(determine({ ...tx, id: 'X3' }, engines, { today }).classifications).toEqual(d.classifications);
  });

  it('lines that screen differently never share: a hit with another score, entry or list is another key', () => {
    const tx = determineInput();
    const hit = (over: Partial<ScreeningHit>): ScreeningHit => ({ list: 'us.bis.entity-list', entryId: 'e1', name: 'Listed Co', matchedName: 'Listed Co', score: 0.9, explanation: [], ...over });
    const key = (h: ScreeningHit | undefined) =>
      evaluationKey({ tx, asOf: '2026-09-30', enforceAiDiffusion: false, alertThreshold: 0.8, ownership: undefined, screening: [{ party: 0, results: [{ query: 'Listed Co', hits: h ? [h] : [] }] }] });
    const base = key(hit({}));
    expect(key(hit({}))).toBe(base);
    for (const other of [hit({ score: 0.91 }), hit({ entryId: 'e2' }), hit({ list: 'us.bis.meu' }), hit({ citation: '89 FR 1' }), hit({ country: 'CN' }), hit({ entry: { id: 'e1', list: 'us.bis.entity-list', name: 'Listed Co', altNames: [], countries: [], addresses: [] } }), undefined]) {
      expect(key(other)).not.toBe(base);
    }
    expect(evaluationKey({ tx, asOf: '2026-09-30', enforceAiDiffusion: false, alertThreshold: 0.8, ownership: undefined, screening: undefined })).not.toBe(
      evaluationKey({ tx, asOf: '2026-09-30', enforceAiDiffusion: true, alertThreshold: 0.8, ownership: undefined, screening: undefined }),
    );
    expect(evaluationKey({ tx, asOf: '2026-09-30', enforceAiDiffusion: false, alertThreshold: 0.8, ownership: undefined, screening: undefined })).not.toBe(
      evaluationKey({ tx: { ...tx, to: 'HK' }, asOf: '2026-09-30', enforceAiDiffusion: false, alertThreshold: 0.8, ownership: undefined, screening: undefined }),
    );
  });
});

function determineInput() {
  return {
    id: 'K1',
    to: 'CN',
    items: [{ kind: 'ic' as const, quantity: 3, value: 10 }],
    parties: [{ role: 'end_user' as const, name: 'Listed Co' }],
    endUse: [],
    certifications: [],
  } as unknown as Parameters<typeof evaluationKey>[0]['tx'];
}

describe('the memo steps aside for books whose lines do not repeat', () => {
  const answer = (): Evaluation => ({ outcome: 'no_license_required', asOf: '2026-09-30', jurisdictions: [], classifications: [], redFlags: [], missing: [] });
  const ask = (memo: EvaluationMemo, key: string): boolean => {
    if (!memo.active()) return false;
    if (memo.get(key)) return true;
    memo.set(key, answer());
    return true;
  };

  it('pauses after a window with too few hits (29 of 100), then looks lines up again', () => {
    const memo = new EvaluationMemo(1000, 100, 0.3, 50);
    for (let i = 0; i < 71; i++) ask(memo, `new ${i}`);
    for (let i = 0; i < 29; i++) expect(ask(memo, `new ${i}`)).toBe(true);
    for (let i = 0; i < 50; i++) expect(memo.active()).toBe(false);
    expect(memo.active()).toBe(true);
    // What it held was let go with the pause.
    expect(memo.get('new 0')).toBeUndefined();
  });

  it('stays on when a window finds at least 30 of 100 lines', () => {
    const memo = new EvaluationMemo(1000, 100, 0.3, 50);
    for (let i = 0; i < 70; i++) ask(memo, `new ${i}`);
    for (let i = 0; i < 30; i++) ask(memo, `new ${i}`);
    expect(memo.active()).toBe(true);
    expect(memo.get('new 5')).toBeDefined();
  });
});
