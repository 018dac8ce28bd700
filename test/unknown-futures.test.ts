import { describe, expect, it } from 'vitest';
import { createRedline } from '../src/bundle/redline.js';

// Where a stay or suspension ends and the pack cannot know what followed (rules.md §6), the
// answer must say so — never a silent clean answer. The scenarios check outcomes; this checks
// the words a person reads.
const redline = await createRedline({ screener: false });

const finding = (tx: unknown, measure: string) => {
  const d = redline.check(tx);
  return d.jurisdictions.flatMap((j) => j.findings).find((f) => f.measure === measure);
};

const gallium = (date: string) => ({
  date,
  from: 'CN',
  to: 'US',
  items: [{ kind: 'material', substance: 'gallium', form: 'metal', origin: 'CN' }],
});

describe('answers after an unknown end of a suspension or stay', () => {
  it('No. 46 ¶2 after 2026-11-27: applies, flagged as unknown to the pack', () => {
    const f = finding(gallium('2026-11-27'), 'cn.mofcom.2024-46.p2-us-ga-ge-sb-superhard');
    expect(f?.outcome).toBe('license_required');
    expect(f?.reviewPolicy).toBe('policy_of_denial');
    expect(f?.because.join(' ')).toMatch(/ended on 2026-11-27; this rule pack does not know whether it was extended/);
  });

  it('No. 46 ¶2 during the suspension: not applied, saying by what', () => {
    const d = redline.check(gallium('2026-03-01'));
    const na = d.jurisdictions.find((j) => j.jurisdiction === 'CN')?.notApplied?.find((n) => n.measure === 'cn.mofcom.2024-46.p2-us-ga-ge-sb-superhard');
    expect(na?.why).toMatch(/suspended from 2025-11-09 to 2026-11-27 \(MOFCOM Announcement No. 72 of 2025/);
  });

  it('No. 61 content limb from 2026-11-10 (No. 70 suspension end)', () => {
    const f = finding(
      {
        date: '2026-11-10',
        from: 'KR',
        to: 'DE',
        items: [{ kind: 'material', substance: 'NdFeB permanent magnet containing dysprosium', origin: 'KR', chinaOriginContentPct: 0.5 }],
      },
      'cn.mofcom.2025-61.content-0-1pct',
    );
    expect(f?.because.join(' ')).toMatch(/ended on 2026-11-10; this rule pack does not know/);
  });

  it('Affiliates rule from 2026-11-10 (stay end)', () => {
    const f = finding(
      {
        date: '2026-11-10',
        from: 'US',
        to: 'MY',
        items: [{ kind: 'material', substance: 'process chemical', eccn: 'EAR99' }],
        parties: [{ role: 'end_user', name: 'Example Sdn. Bhd.', country: 'MY', listedOwnership: { pct: 75 } }],
      },
      'us.ear.744.11.affiliates-50pct',
    );
    expect(f?.outcome).toBe('license_required');
    expect(f?.because.join(' ')).toMatch(/stayed window .* ended on 2026-11-10/);
  });

  it('a red-flag measure after an unknown end answers review, not a clean answer', () => {
    const d = redline.check({
      date: '2026-11-27',
      from: 'CN',
      to: 'US',
      items: [{ kind: 'material', substance: 'spherical graphite', origin: 'CN' }],
    });
    const f = d.jurisdictions.flatMap((j) => j.findings).find((x) => x.measure === 'cn.mofcom.2024-46.p2-us-graphite');
    expect(f?.outcome).toBe('review');
    expect(f?.because.join(' ')).toMatch(/does not know/);
  });
});

describe('honest headlines (issue 13)', () => {
  it('an outcome resting on an unknown status says so in the JSON: assumed, with the assumption', () => {
    const d = redline.check(gallium('2026-11-27'));
    const f = d.jurisdictions.flatMap((j) => j.findings).find((x) => x.measure === 'cn.mofcom.2024-46.p2-us-ga-ge-sb-superhard');
    expect(f?.assumed).toBe(true);
    expect(f?.assumption).toMatch(/ended on 2026-11-27.*assumes the measure applies/);
    expect(d.assumptions).toContainEqual(expect.objectContaining({ jurisdiction: 'CN', measure: 'cn.mofcom.2024-46.p2-us-ga-ge-sb-superhard' }));
    // During the suspension nothing is assumed.
    expect(redline.check(gallium('2026-03-01')).assumptions).toBeUndefined();
  });

  it('NAC before BIS confirms is review with what to do, not exception_available', () => {
    const tx = (notifications?: unknown[]) => ({
      date: '2026-09-30',
      from: 'US',
      to: 'CN',
      items: [{ model: 'NVIDIA L40' }],
      parties: [{ role: 'end_user', name: 'Beijing Example Rendering Co., Ltd.', country: 'CN', headquarters: 'CN', ultimateParent: 'CN', type: 'manufacturer' }],
      ...(notifications ? { notifications } : {}),
    });
    // Parties are not screened here (screener: false), so the finding, not the jurisdiction, is checked.
    const licence = (j: { findings: { measure: string; outcome: string }[] }) => j.findings.find((f) => f.measure === 'us.ear.ac.license.b-destinations')?.outcome;
    const before = redline.check(tx()).jurisdictions.find((j) => j.jurisdiction === 'US')!;
    expect(licence(before)).toBe('review');
    const nac = before.exceptions.find((e) => e.code === 'NAC')!;
    expect(nac.available).toBeNull();
    expect(nac.pending).toMatch(/SNAP-R at least 25 calendar days/);
    const after = redline.check(tx([{ exception: 'NAC', bisReply: 'confirmed', confirmationNumber: 'A123456' }])).jurisdictions.find((j) => j.jurisdiction === 'US')!;
    expect(licence(after)).toBe('exception_available');
    expect(after.exceptions.find((e) => e.code === 'NAC')?.available).toBe(true);
    expect(() => redline.check(tx([{ exception: 'NAC', bisReply: 'confirmed', confirmationNumber: '123' }]))).toThrow(/notifications\[0\]\.confirmationNumber/);
  });
});
