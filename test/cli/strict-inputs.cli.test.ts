import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// The CLI runs from dist/ (npm test builds first); these tests spawn it as a user would.
function redline(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['bin/redline.js', ...args], { input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 1 << 26 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tx = (over: Record<string, unknown> = {}) =>
  JSON.stringify({ date: '2026-09-30', from: 'NL', to: 'CN', items: [{ kind: 'sme', category: 'lithography.duv_immersion', parameters: { wavelengthNm: 193, resolutionNm: 38, overlayNm: 1.3 } }], ...over });

describe('strict inputs (issue 13)', () => {
  it('a misspelt equipment parameter exits 2 at its path with the closest key', () => {
    const r = redline(['check', '-', '--no-screening'], tx({ items: [{ kind: 'sme', category: 'lithography.duv_immersion', parameters: { wavelengthNm: 193, resolutionNm: 38, overlay: 1.3 } }] }));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('items[0].parameters.overlay: unknown field; did you mean overlayNm?');
    expect(r.stdout).toBe('');
  });

  it('an unknown equipment category exits 2 with the closest types, not a review listing all of them', () => {
    const r = redline(['check', '-', '--no-screening', '--json'], tx({ items: [{ kind: 'sme', category: 'deposition.ald' }] }));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/items\[0\]\.category: unknown value "deposition\.ald"; did you mean deposition\.\w*ald/);
    expect(r.stderr).toContain('deposition.metal_ald');
    // The 53 names are not poured out: the message points to the documentation.
    expect(r.stderr).not.toContain('superhard.cubic_press');
    expect(r.stdout).toBe('');
  });

  it('a misspelt facility key exits 2 with the closest key', () => {
    const r = redline(['check', '-', '--no-screening'], tx({ facility: { country: 'CN', advancedNod: true } }));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('facility.advancedNod: unknown field; did you mean advancedNode?');
  });

  it('misspelt enumeration values name their closest valid value', () => {
    const r = redline(['check', '-', '--no-screening'], tx({ endUse: ['ai_trainin'], parties: [{ role: 'end_user', name: 'X', type: 'distributer' }], observedRedFlags: ['cash'] }));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('endUse[0]: unknown value "ai_trainin"; did you mean ai_training?');
    expect(r.stderr).toContain('parties[0].type: unknown value "distributer"; did you mean distributor?');
    expect(r.stderr).toContain('observedRedFlags[0]: unknown value "cash"; did you mean cash_or_third_party_payment?');
  });

  it('an unknown model lists the tools of the same vendor and series first', () => {
    const r = redline(['check', '-', '--no-screening'], tx({ items: [{ model: 'ASML NXT 1980 Di' }] }));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/items\[0\]\.model: unknown model "ASML NXT 1980 Di"; closest catalogue names: "ASML TWINSCAN NXT:1980i"/);
    expect(r.stderr).not.toContain('Huawei');
  });

  it('a 1 MB model name is refused without fuzzy work, naming the limit', () => {
    const r = redline(['check', '-', '--no-screening'], tx({ items: [{ model: 'x'.repeat(1 << 20) }] }));
    expect(r.code).toBe(2);
    // The schema's length limit (issue 14) refuses it before the catalogue's own check (issue 13) is reached.
    expect(r.stderr).toMatch(/items\[0\]\.model: (must be at most 200 characters|a model name of 1048576 characters; catalogue names are at most 200)/);
  });
});

describe('the subject-to-the-EAR gate from the CLI (issue 13)', () => {
  it('a Chinese-made 3A090.a chip CN → SA with no US content, technology, tools or IC: US no licence, said in words', () => {
    const chip = { kind: 'ic', datacenter: true, performance: [{ bits: 8, tops: 1200 }], dies: [{ areaMm2: 1600, nonPlanar: true }], origin: 'CN', usContentPct: 0, usTechnologyDirectProduct: false, madeWithUsTools: false, containsUsOriginIc: false };
    const r = redline(['check', '-', '--no-screening', '--json'], JSON.stringify({ date: '2026-09-30', from: 'CN', to: 'SA', items: [chip] }));
    expect(r.code).toBe(0);
    const us = JSON.parse(r.stdout).jurisdictions.find((j: { jurisdiction: string }) => j.jurisdiction === 'US');
    expect(us.outcome).toBe('no_license_required');
    const note = us.findings.find((f: { measure: string }) => f.measure === 'us.ear.734.3.not-subject');
    expect(note.because.join(' ')).toMatch(/not subject to the EAR: foreign-made \(CN origin.*US content 0 % <= de minimis 25 %.*no foreign direct product rule met/);
  });
});
