import { describe, expect, it } from 'vitest';
import { loadRuleset } from '../bundle/rules.js';
import { diffRules, measureChanges, timeline } from './timeline.js';

const rs = await loadRuleset();
const byId = (id: string) => rs.byId.get(id)!;

describe('measure changes', () => {
  it('lists start, suspension and the unknown end of a suspension', () => {
    expect(measureChanges(byId('cn.mofcom.2024-46.p2-us-ga-ge-sb-superhard')).map((c) => [c.date, c.change])).toEqual([
      ['2024-12-03', 'took_effect'],
      ['2025-11-09', 'suspended'],
      ['2026-11-27', 'unknown_after'],
    ]);
  });

  it('dates a window that opens before the measure starts from its own date', () => {
    expect(measureChanges(byId('cn.mofcom.2025-55.superhard')).map((c) => [c.date, c.change])).toEqual([
      ['2025-11-07', 'suspended'],
      ['2025-11-08', 'took_effect'],
      ['2026-11-10', 'unknown_after'],
    ]);
  });

  it('ends a measure with a closed interval', () => {
    expect(measureChanges(byId('us.ear.744.23.a2i.advanced-node-facility-2022')).at(-1)).toMatchObject({ date: '2023-11-17', change: 'ended' });
  });
});

describe('timeline', () => {
  it('covers at least 60 measures and events across US, JP, NL and CN', () => {
    const all = timeline(rs.measures, { asOf: '2026-09-30' });
    expect(all.length).toBeGreaterThanOrEqual(60);
    expect(new Set(all.map((e) => e.jurisdiction))).toEqual(new Set(['US', 'JP', 'NL', 'CN']));
    for (const e of all) {
      expect(e.citation.length, e.id).toBeGreaterThan(5);
      expect(e.changes.length, e.id).toBeGreaterThan(0);
    }
  });

  it('filters by jurisdiction and by the dates a measure lived', () => {
    const nl = timeline(rs.measures, { jurisdiction: 'NL', from: '2024-01-01', to: '2024-12-31', asOf: '2024-12-31' });
    const ids = nl.map((e) => e.id);
    expect(ids).toContain('nl.sme-2024.duv-1970i-1980i');
    expect(ids).toContain('nl.sme-2023.duv-immersion'); // in force during 2024
    expect(ids).not.toContain('nl.sme-2025.metrology'); // starts 2025-04-01
    expect(ids).not.toContain('nl.event.2023-announcement'); // an event outside the range
    expect(nl.every((e) => e.jurisdiction === 'NL')).toBe(true);
  });

  it('gives each measure its status on the date', () => {
    const at = (id: string, asOf: string) => timeline(rs.measures, { asOf }).find((e) => e.id === id)!;
    expect(at('us.ear.744.11.affiliates-50pct', '2026-01-01').status).toBe('stayed');
    expect(at('us.ear.744.11.affiliates-50pct', '2026-11-10').status).toBe('unknown_after');
    expect(at('cn.mofcom.2025-50.anti-discrimination-ic', '2025-09-12').status).toBe('not_yet_in_force');
    expect(at('cn.mofcom.2025-50.anti-discrimination-ic', '2025-09-13').status).toBe('occurred');
  });
});

describe('diff', () => {
  it('shows what took effect, was stayed or suspended between two dates', () => {
    const d = diffRules(rs.measures, rs.groups, { from: '2025-11-01', to: '2025-11-30' });
    const got = d.changes.map((c) => `${c.date} ${c.change} ${c.measure}`);
    expect(got).toContain('2025-11-07 suspended cn.mofcom.2025-61.content-0-1pct');
    expect(got).toContain('2025-11-09 suspended cn.mofcom.2024-46.p2-us-ga-ge-sb-superhard');
    expect(got).toContain('2025-11-10 stayed us.ear.744.11.affiliates-50pct');
    expect(got).not.toContain(expect.stringContaining('2025-11-01 '));
    expect(d.statusChanged).toContainEqual({ measure: 'us.ear.744.11.affiliates-50pct', jurisdiction: 'US', before: 'in_force', after: 'stayed' });
  });

  it('reports country-group membership changes', () => {
    const d = diffRules(rs.measures, rs.groups, { from: '2025-11-01', to: '2026-07-31' });
    expect(d.groups).toContainEqual({ group: 'D:5', added: [], removed: ['KH'] });
    expect(d.groups.find((g) => g.group === 'A:5')?.added).toEqual(['AE']);
  });

  it('is empty for a date range with nothing in it', () => {
    const d = diffRules(rs.measures, rs.groups, { from: '2021-02-01', to: '2021-02-02', jurisdiction: 'JP' });
    expect(d).toEqual({ from: '2021-02-01', to: '2021-02-02', changes: [], statusChanged: [], groups: [] });
  });
});
