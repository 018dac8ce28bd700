import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The CLI runs from dist/ (npm test builds first), as a user would run it.
function redline(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['bin/redline.js', ...args], { input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const BOOK = [
  'id,date,from,to,model,quantity,value,currency,end_use,end_user_name,end_user_country,end_user_headquarters,end_user_ultimate_parent',
  'SO-1,2024-03-01,US,CN,NVIDIA H100 SXM5 80GB,8,240000,USD,datacenter,Example Cloud Co. Ltd.,CN,CN,CN',
  'SO-2,2024-03-02,US,DE,NVIDIA L4,10,26000,USD,datacenter,Beispiel Rechenzentrum GmbH,DE,DE,DE',
].join('\n');

const dir = mkdtempSync(join(tmpdir(), 'redline-exposure-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('redline exposure', () => {
  it('compares two dates as JSON: the line that flips and the measure behind it', () => {
    const r = redline(['exposure', '-', '--as-of', '2022-06-01', '--compare-as-of', '2026-09-30', '--json'], BOOK);
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout);
    expect(c.flips.map((f: { id: string }) => f.id)).toEqual(['SO-1']);
    expect(c.flips[0].added).toContain('us.ear.ac.license.d-groups');
    expect(c.stricter).toEqual({ count: 1, value: 240000 });
  });

  it('prints readable tables by default, and writes the flips as CSV on request', () => {
    const flips = join(dir, 'flips.csv');
    const r = redline(['exposure', '-', '--as-of', '2022-06-01', '--compare-as-of', '2026-09-30', '--flips', flips], BOOK);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Exposure compared');
    expect(r.stdout).toContain('Measures behind the change');
    expect(readFileSync(flips, 'utf8').split('\r\n')[1]).toMatch(/^1,SO-1,2024-03,CN,NVIDIA H100 SXM5 80GB,240000,USD,no_license_required,license_required,stricter,/);
  });

  it('writes the breakdowns as CSV to a file', () => {
    const out = join(dir, 'exposure.csv');
    const r = redline(['exposure', '-', '--as-of', '2026-09-30', '--csv', '--out', out], BOOK);
    expect(r.code).toBe(0);
    const lines = readFileSync(out, 'utf8').split('\r\n');
    expect(lines[0]).toBe('as_of,dimension,key,outcome,count,value,currency');
    expect(lines).toContain('2026-09-30,destination,DE,no_license_required,1,26000,USD');
  });

  it('exits 2 naming the flag or the column for bad input', () => {
    expect(redline(['exposure', '-', '--flips', join(dir, 'x.csv')], BOOK)).toMatchObject({ code: 2, stderr: expect.stringContaining('--flips: needs --compare-as-of') });
    expect(redline(['exposure', '-', '--as-of', '2026-13-01'], BOOK)).toMatchObject({ code: 2, stderr: expect.stringContaining('--as-of') });
    expect(redline(['exposure', '-'], 'id,to,colour\n1,CN,red\n')).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown column colour') });
    expect(redline(['exposure', '-'], 'id,to,model,value,currency\n1,CN,NVIDIA L4,1,USD\n2,CN,NVIDIA L4,1,EUR\n')).toMatchObject({ code: 2, stderr: expect.stringContaining("EUR differs from the book's USD") });
  });
});
