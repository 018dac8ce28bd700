import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// The CLI runs from dist/ (npm test builds first); these tests spawn it as a user would.
function redline(args: string[]) {
  const r = spawnSync(process.execPath, ['bin/redline.js', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('redline rules timeline', () => {
  it('lists at least 60 measures and events across US, JP, NL and CN as JSON', () => {
    const r = redline(['rules', 'timeline', '--as-of', '2026-09-30', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.count).toBeGreaterThanOrEqual(60);
    expect(new Set(out.entries.map((e: { jurisdiction: string }) => e.jurisdiction))).toEqual(new Set(['US', 'JP', 'NL', 'CN']));
    const affiliates = out.entries.find((e: { id: string }) => e.id === 'us.ear.744.11.affiliates-50pct');
    expect(affiliates.status).toBe('stayed');
    expect(affiliates.changes.map((c: { change: string }) => c.change)).toEqual(['took_effect', 'stayed', 'unknown_after']);
  });

  it('filters by jurisdiction and dates, in a table for people', () => {
    const r = redline(['rules', 'timeline', '--jurisdiction', 'jp', '--from', '2023-01-01', '--to', '2023-12-31']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('jp.meti.sme-2023.licence');
    expect(r.stdout).not.toContain('jp.fefta.catch-all-2025');
    expect(r.stdout).not.toContain('nl.sme-2023.duv-immersion');
  });

  it('rejects a bad date or jurisdiction with exit 2 naming the flag', () => {
    expect(redline(['rules', 'timeline', '--from', '2025-02-30']).stderr).toContain('--from');
    expect(redline(['rules', 'timeline', '--jurisdiction', 'XX']).code).toBe(2);
  });
});

describe('redline rules diff', () => {
  it('shows what took effect, was stayed or suspended between two dates', () => {
    const r = redline(['rules', 'diff', '--from', '2025-11-01', '--to', '2025-11-30', '--json']);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout);
    const got = d.changes.map((c: { date: string; change: string; measure: string }) => `${c.date} ${c.change} ${c.measure}`);
    expect(got).toContain('2025-11-09 suspended cn.mofcom.2024-46.p2-us-ga-ge-sb-superhard');
    expect(got).toContain('2025-11-10 stayed us.ear.744.11.affiliates-50pct');
    expect(d.groups).toContainEqual({ group: 'D:5', added: [], removed: ['KH'] });
  });

  it('needs both dates in order', () => {
    expect(redline(['rules', 'diff', '--from', '2025-11-01']).code).toBe(2);
    const r = redline(['rules', 'diff', '--from', '2025-12-01', '--to', '2025-11-01']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--from');
  });
});
