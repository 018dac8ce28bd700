import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The CLI runs from dist/ (npm test builds first); spawned as a user would.
const ROOT = resolve(import.meta.dirname, '..', '..', '..');
function redline(args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/redline.js'), ...args], { encoding: 'utf8', cwd: ROOT, env: { ...process.env, NO_COLOR: '1', COLUMNS: '160' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'redline-cli-owners-'));
const db = join(dir, 'owners.sqlite');

describe('redline owners', () => {
  it('imports the example register, refuses a bad file with exit 2 naming the lines, keeps the first', () => {
    const ok = redline(['owners', 'import', 'data/examples/ownership-register.csv', '--db', db, '--json']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ id: 1, rows: 6 });
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'entity,owner,share,as_of,source\nA,B,60,2025-01-01,x\nA,C,50,2025-01-01,x\nD,E,abc,2025-01-01,x\n');
    const r = redline(['owners', 'import', bad, '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('line 4, share');
    expect(r.stderr).toContain('lines 2, 3');
    const shown = redline(['owners', 'show', 'Example Holding (HK) Ltd.', '--db', db, '--as-of', '2025-10-20', '--json']);
    expect(shown.code, shown.stderr).toBe(0);
    expect(JSON.parse(shown.stdout).owners.map((e: { share: number }) => e.share)).toEqual([20, 80]);
  }, 60_000);

  it('check reads the register for a party sent without owners and prints the path', () => {
    const tx = join(dir, 'tx.json');
    writeFileSync(tx, JSON.stringify({ date: '2025-10-01', from: 'US', to: 'MY', items: [{ kind: 'material', substance: 'process chemical', eccn: 'EAR99' }], parties: [{ role: 'end_user', name: 'Example Cloud Sdn. Bhd.', country: 'MY' }] }));
    const r = redline(['check', tx, '--db', db, '--max-list-age', '100000', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d.outcome).toBe('license_required');
    expect(d.ownership[0].rules[0].because[0]).toContain('Example Cloud Sdn. Bhd. ← 50% Example Holding (HK) Ltd. ← 50% Huawei Technologies Co., Ltd. (Entity List, 84 FR 22963');
    const table = redline(['check', tx, '--db', db, '--max-list-age', '100000']);
    expect(table.stdout).toContain('Ownership (50 percent rules)');
  }, 180_000);
});
