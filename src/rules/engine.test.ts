import { describe, expect, it } from 'vitest';
import type { Classification, ResolvedItem, Transaction } from '../domain/index.js';
import { evaluateTransaction } from './engine.js';
import { compileRuleset } from './ruleset.js';

const groups = {
  file: 'groups.yaml',
  data: {
    jurisdiction: 'CN',
    version: '1',
    groups: { US_ONLY: { title: 'US', citation: 'x', members: ['US'] } },
  },
};

function ruleset(measures: object[]) {
  return compileRuleset({
    packs: [{ file: 'p.yaml', data: { pack: 'p', title: 't', jurisdiction: 'CN', version: '1', measures } }],
    groups: [groups],
    version: 'v',
    hash: 'h',
  });
}

const base = {
  jurisdiction: 'CN',
  instrument: 'MOFCOM Announcement No. 46 of 2024',
  citation: 'MOFCOM No. 46 of 2024',
  summary: 'gallium to the US: in principle not licensed',
  confidence: 'high',
  effect: 'prohibited',
};

const tx = { to: 'US', from: 'CN', items: [{ kind: 'material', substance: 'gallium' }], parties: [], endUse: [], certifications: [] } as unknown as Transaction;
const items = tx.items as ResolvedItem[];
const classifications: Classification[][] = [[]];
const run = (rs: ReturnType<typeof ruleset>, asOf: string) => evaluateTransaction(rs, { tx, asOf, items, classifications, screening: [] });

describe('measure status on a date', () => {
  const rs = ruleset([
    {
      ...base,
      id: 'cn.mofcom.46.us-ban',
      effective: { from: '2024-12-03' },
      status: [{ status: 'suspended', from: '2025-11-09', to: '2026-11-27', by: 'MOFCOM No. 72 of 2025', then: 'unknown' }],
      when: { fact: 'tx.to', inGroup: 'US_ONLY' },
    },
  ]);

  it('applies before the suspension, not during it, and answers review after an end the pack cannot see past', () => {
    expect(run(rs, '2024-12-02').outcome).toBe('no_license_required');
    expect(run(rs, '2024-12-03').outcome).toBe('prohibited');
    expect(run(rs, '2025-11-08').outcome).toBe('prohibited');
    const suspended = run(rs, '2025-11-09');
    expect(suspended.outcome).toBe('no_license_required');
    expect(suspended.jurisdictions[0]!.notApplied?.[0]?.why).toMatch(/suspended from 2025-11-09 to 2026-11-27/);
    expect(run(rs, '2026-11-26').outcome).toBe('no_license_required');
    const after = run(rs, '2026-11-27');
    // prohibited is worse than review, so the unknown future cannot soften it; the reason is given.
    expect(after.outcome).toBe('prohibited');
    expect(after.jurisdictions[0]!.findings[0]!.because.join(' ')).toMatch(/does not know whether it was extended/);
  });

  it('makes an informational measure past its known horizon a review', () => {
    const rs2 = ruleset([
      { ...base, id: 'cn.test.info', effect: 'informational', effective: { from: '2025-01-01' }, knownUntil: { date: '2026-01-01', why: 'term ends' }, when: { always: true } },
    ]);
    expect(run(rs2, '2025-12-31').outcome).toBe('no_license_required');
    expect(run(rs2, '2026-01-01').outcome).toBe('review');
  });

  it('ignores an option-guarded window when the option is set', () => {
    const rs3 = ruleset([
      {
        ...base,
        id: 'cn.test.opt',
        effect: 'license_required',
        effective: { from: '2025-01-01' },
        status: [{ status: 'not_enforced', from: '2025-01-01', by: 'policy', unlessOption: 'enforceAiDiffusion' }],
        when: { always: true },
      },
    ]);
    expect(evaluateTransaction(rs3, { tx, asOf: '2025-06-01', items, classifications, screening: [] }).outcome).toBe('no_license_required');
    expect(evaluateTransaction(rs3, { tx, asOf: '2025-06-01', items, classifications, screening: [], options: { enforceAiDiffusion: true } }).outcome).toBe('license_required');
  });

  it('lets a usable licence exception turn a licence into exception_available, and says why one is not usable', () => {
    const rs4 = ruleset([
      {
        ...base,
        id: 'cn.test.exc',
        effect: 'license_required',
        effective: { from: '2025-01-01' },
        when: { always: true },
        exceptions: [
          { code: 'GEN', citation: 'c', summary: 'general licence', when: { fact: 'tx.from', eq: 'CN' } },
          { code: 'NOPE', citation: 'c', summary: 'never', when: { fact: 'tx.from', eq: 'JP', label: 'shipped from Japan' } },
        ],
      },
    ]);
    const d = run(rs4, '2025-06-01');
    expect(d.outcome).toBe('exception_available');
    const nope = d.jurisdictions[0]!.exceptions.find((e) => e.code === 'NOPE')!;
    expect(nope.available).toBe(false);
    expect(nope.why).toMatch(/not met: shipped from Japan/);
  });
});
