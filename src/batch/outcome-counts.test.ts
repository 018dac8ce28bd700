import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countOutcomes, countResultLine, emptyCounts } from './outcome-counts.js';
import { RESULT_CSV_HEADER, resultLine } from './rows.js';

describe('outcome counts of a result file', () => {
  it('counts CSV rows by outcome, with quoted ids and error rows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rl-counts-'));
    const file = join(dir, 'out.csv');
    const rows = [
      resultLine({ row: 1, id: 'A,1', outcome: 'review', jurisdictions: {}, measures: [], missing: ['to'] }, 'csv'),
      resultLine({ row: 2, id: 'B', outcome: 'license_required', jurisdictions: {}, measures: ['x'], missing: [] }, 'csv'),
      resultLine({ row: 3, id: '"q"', outcome: 'review', jurisdictions: {}, measures: [], missing: [] }, 'csv'),
      resultLine({ row: 4, id: 'C', error: 'bad', problems: [] }, 'csv'),
    ];
    writeFileSync(file, RESULT_CSV_HEADER + rows.join(''));
    const c = await countOutcomes(file, 'csv');
    expect(c.review).toBe(2);
    expect(c.license_required).toBe(1);
    expect(c.errors).toBe(1);
    expect(c.no_license_required).toBe(0);
  });

  it('counts JSON Lines rows', () => {
    const c = emptyCounts();
    countResultLine(JSON.stringify({ row: 1, outcome: 'prohibited' }), 'jsonl', c);
    countResultLine(JSON.stringify({ row: 2, error: 'x' }), 'jsonl', c);
    countResultLine('', 'jsonl', c);
    expect(c).toMatchObject({ prohibited: 1, errors: 1, review: 0 });
  });
});
