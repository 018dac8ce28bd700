import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LISTS_DIR } from '../../bundle/paths.js';
import { parseCslCsv } from './csl.js';
import { parseCslJson } from './csl-json.js';
import { expectOnlyInputErrors } from './garbage.testing.js';

const fixture = (f: string): string => readFileSync(join(LISTS_DIR, 'fixtures', f), 'utf8');
const JSON_TEXT = fixture('us_csl_format_sample_2025-06.json');

describe('CSL JSON', () => {
  const parsed = parseCslJson(JSON_TEXT, 'consolidated.json');

  it('reads the same entries, with the same ids, as the CSV of the same records', () => {
    const csv = parseCslCsv(fixture('us_csl_format_sample_2025-06.csv'));
    expect(parsed.entries).toEqual(csv);
  });

  it('dates the file by its newest start date (a lower bound) when it carries no publisher date', () => {
    const newest = parsed.entries.map((e) => e.startDate).filter(Boolean).sort().at(-1);
    expect(parsed).toMatchObject({ sourceDate: newest, sourceDateKind: 'newest-entry' });
    const withSources = JSON.stringify({ ...JSON.parse(JSON_TEXT), sources_used: [{ source: 'EL', source_last_updated: '2026-07-08T04:00:00Z' }, { source: 'SDN', source_last_updated: '2026-07-09T03:10:00Z' }] });
    expect(parseCslJson(withSources)).toMatchObject({ sourceDate: '2026-07-09', sourceDateKind: 'publisher' });
  });

  it('keeps OFAC entity numbers as the identity, so the id matches the OFAC files', () => {
    const ssi = parsed.entries.find((e) => e.sourceId === '28603')!;
    expect(ssi.list).toBe('us.ofac.ssi');
    expect(ssi.id).toBe(parseCslCsv(fixture('us_csl_format_sample_2025-06.csv')).find((e) => e.sourceId === '28603')!.id);
  });

  it('refuses what is not a CSL JSON file, naming the record', () => {
    expect(() => parseCslJson('[]', 'c.json')).toThrow(/c\.json: results: not a CSL JSON file/);
    expect(() => parseCslJson('{"results":[', 'c.json')).toThrow(/c\.json: not JSON/);
    expect(() => parseCslJson('{"results":[{"name":"A","source":"Nowhere List"}]}', 'c.json')).toThrow(/c\.json: results\[0\]: unknown source "Nowhere List"/);
    expect(() => parseCslJson('{"results":[7]}', 'c.json')).toThrow(/results\[0\]: must be an object/);
  });

  it('throws nothing but InputError on garbage', async () => {
    await expectOnlyInputErrors(parseCslJson, JSON_TEXT);
  });
});
