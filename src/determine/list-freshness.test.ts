import { describe, expect, it } from 'vitest';
import type { Determination, ListVersion } from '../domain/index.js';
import { applyListFreshness, staleLists } from './list-freshness.js';

const v = (list: string, sourceDate: string, bundledSnapshot = false): ListVersion => ({ list, title: list, sourceDate, hash: 'h', entries: 1, bundledSnapshot });

describe('list freshness', () => {
  it('keeps a list fresh through day 30 and calls it stale on day 31', () => {
    expect(staleLists([v('us.bis.entity-list', '2026-07-09')], '2026-08-08')).toEqual([]);
    const stale = staleLists([v('us.bis.entity-list', '2026-07-09', true)], '2026-08-09');
    expect(stale).toEqual([{ list: 'us.bis.entity-list', title: 'us.bis.entity-list', sourceDate: '2026-07-09', ageDays: 31, bundledSnapshot: true }]);
  });

  it('counts from the day an update last confirmed the content current, when that is later (issue 11)', () => {
    const confirmed = { ...v('jp.meti.end-user-list', '2025-09-29'), currentAsOf: '2026-12-01' };
    expect(staleLists([confirmed], '2026-12-31')).toEqual([]);
    const old = staleLists([confirmed], '2027-01-01');
    expect(old).toMatchObject([{ list: 'jp.meti.end-user-list', sourceDate: '2025-09-29', ageDays: 31, bundledSnapshot: false, currentAsOf: '2026-12-01' }]);
    // An earlier confirmation never makes a list older than its source date.
    expect(staleLists([{ ...v('a', '2026-12-01'), currentAsOf: '2026-01-01' }], '2026-12-31')).toEqual([]);
  });

  it('treats an undated list as stale', () => {
    expect(staleLists([v('x.list', 'unknown')], '2026-01-01')).toHaveLength(1);
  });

  it('honours a configured age', () => {
    expect(staleLists([v('a', '2026-01-01')], '2026-12-31', 365)).toEqual([]);
    expect(staleLists([v('a', '2026-01-01')], '2026-12-31', 300)).toHaveLength(1);
  });

  const clean: Determination = {
    outcome: 'no_license_required',
    asOf: '2026-09-30',
    jurisdictions: [{ jurisdiction: 'US', outcome: 'no_license_required', findings: [], exceptions: [] }],
    classifications: [],
    screening: [],
    redFlags: [],
    missing: [],
    ruleset: { version: 'v', hash: 'h' },
    lists: {},
  };

  it('turns a clean answer into review naming the stale list, but only when parties were screened', () => {
    const stale = staleLists([v('us.bis.entity-list', '2026-07-09', true)], '2026-11-27');
    const d = applyListFreshness(clean, stale, 1);
    expect(d.outcome).toBe('review');
    expect(d.jurisdictions[0]!.findings[0]!.because[0]).toMatch(/us\.bis\.entity-list: source 2026-07-09, 141 days old \(bundled snapshot\)/);
    expect(d.missing).toContain('current us.bis.entity-list list');
    expect(applyListFreshness(clean, stale, 0).outcome).toBe('no_license_required');
  });

  it('never makes a worse answer better', () => {
    const worse: Determination = { ...clean, outcome: 'license_required', jurisdictions: [{ ...clean.jurisdictions[0]!, outcome: 'license_required' }] };
    expect(applyListFreshness(worse, staleLists([v('a', '2020-01-01')], '2026-01-01'), 1).outcome).toBe('license_required');
  });
});
