import { describe, expect, it } from 'vitest';
import type { ListEntry } from '../domain/index.js';
import { loadLexiconSync } from '../bundle/lists.js';
import { curatedCases, holdOutCurated, runEvaluation } from './evaluation.js';
import { createScreener } from './screener.js';

const entry = (id: string, list: string, name: string, zh?: string, brand?: string): ListEntry => ({
  id,
  list,
  name,
  altNames: [],
  countries: ['CN'],
  addresses: [],
  localNames: zh ? [{ name: zh, source: 'test', confidence: 'high', brand }] : undefined,
});
const entries: ListEntry[] = [
  entry('smic-el', 'us.bis.entity-list', 'Semiconductor Manufacturing International Corporation (SMIC)', '中芯国际集成电路制造有限公司', '中芯国际'),
  entry('smic-cmic', 'us.ofac.ns-cmic', 'Semiconductor Manufacturing International Corporation', '中芯国际集成电路制造有限公司', '中芯国际'),
  entry('hik', 'us.bis.entity-list', 'Hangzhou Hikvision Digital Technology Co., Ltd.', '杭州海康威视数字技术股份有限公司', '海康威视'),
  entry('zhipu', 'us.bis.entity-list', 'Beijing Zhipu Huazhang Technology Co., Ltd.', '北京智谱华章科技有限公司'),
  entry('plain', 'us.bis.entity-list', 'Acme Trading Co., Ltd.'),
];

describe('curated-name evaluation cases', () => {
  it('gives one simplified, traditional and brand case per Chinese name, and a mixed case per English name', () => {
    const cases = curatedCases(entries);
    const of = (kind: string) => cases.filter((c) => c.kind === kind);
    expect(of('curated-simplified').map((c) => c.query).sort()).toEqual(['中芯国际集成电路制造有限公司', '北京智谱华章科技有限公司', '杭州海康威视数字技术股份有限公司'].sort());
    const smic = of('curated-simplified').find((c) => c.query.startsWith('中芯'))!;
    expect([smic.expected, ...(smic.accept ?? [])].sort()).toEqual(['smic-cmic', 'smic-el']);
    expect(of('curated-traditional').map((c) => c.query)).toContain('中芯國際集成電路製造有限公司');
    // SMIC's two English names ("... (SMIC)" splits to the same primary name) give one mixed query each, if distinct.
    expect(of('curated-mixed').map((c) => c.query)).toContain('Semiconductor Manufacturing International Corporation 中芯国际集成电路制造有限公司');
    expect(of('curated-brand')).toEqual([
      { kind: 'curated-brand', query: '中芯国际', expected: 'smic-el', accept: ['smic-cmic'] },
      { kind: 'curated-brand', query: '海康威视', expected: 'hik', accept: [] },
    ]);
  });
  it('holds out a seeded share of the Chinese names from every entry that carries them, without touching the input', () => {
    const held = holdOutCurated(entries, { fraction: 0.34, seed: 1 });
    expect(held.cases).toHaveLength(1);
    const hidden = held.cases[0]!.query;
    for (const e of held.entries) expect((e.localNames ?? []).map((l) => l.name)).not.toContain(hidden);
    expect(entries.filter((e) => e.localNames?.some((l) => l.name === hidden)).length).toBeGreaterThan(0);
    expect(holdOutCurated(entries, { fraction: 0.34, seed: 1 }).cases).toEqual(held.cases);
    expect(holdOutCurated(entries, { fraction: 0 }).cases).toEqual([]);
    expect(holdOutCurated(entries, { fraction: 1 }).cases).toHaveLength(3);
  });
  it('counts a hit on any entry that shares the curated name, and nothing else', () => {
    const screener = createScreener({ entries, versions: [], lexicon: loadLexiconSync() });
    const report = runEvaluation(screener, [
      { kind: 'curated-simplified', query: '中芯国际集成电路制造有限公司', expected: 'nobody', accept: ['smic-cmic'] },
      { kind: 'curated-simplified', query: '中芯国际集成电路制造有限公司', expected: 'zhipu' },
      { kind: 'negative-zh', query: '华威大学' },
    ]);
    const k = report.kinds.find((r) => r.kind === 'curated-simplified')!;
    expect(k.hits).toBe(1);
    expect(k.cases).toBe(2);
    expect(report.negatives).toBe(1);
  });
});
