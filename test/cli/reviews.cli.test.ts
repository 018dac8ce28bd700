import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListEntry } from '../../src/domain/index.js';
import { openMatchCase } from '../../src/store/open-cases.js';
import { openTestStore, type TestStore } from '../../src/store/testing.js';

const BIN = resolve(import.meta.dirname, '../../bin/redline.js');
const SLOW = 120_000;
let t: TestStore;
let caseId = '';
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args, '--db', t.url], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

beforeAll(async () => {
  t = await openTestStore('sqlite');
  const entry: ListEntry = { id: 'el-9', list: 'us.bis.entity-list', name: 'Sugon', altNames: [], countries: ['CN'], addresses: [] };
  const c = await openMatchCase(t.store, { name: 'Sugon Ltd', country: 'MY' }, { list: entry.list, listTitle: 'BIS Entity List', entryId: entry.id, name: entry.name, matchedName: entry.name, score: 0.95, explanation: [], entry }, { source: 'batch', orderRef: 'B-1' });
  caseId = c!.id;
  await t.store.close();
}, 60_000);
afterAll(async () => t?.cleanup().catch(() => undefined));

describe('redline reviews', () => {
  it('lists the case in words with a next step, and clears it only with a second person under four eyes', () => {
    const list = run('reviews', 'list');
    expect(list.status, list.stderr).toBe(0);
    expect(list.stdout).toContain(caseId);
    expect(list.stdout.replace(/[│\s]+/g, " ")).toMatch(/may be "Sugon" on BIS Entity List/);
    expect(list.stdout).not.toMatch(/\x1b\[/);
    expect(list.stdout).toMatch(/next step: redline reviews show/);

    expect(run('reviews', 'clear', caseId, '--by', 'alice').status).toBe(2); // no reason
    const first = run('reviews', 'clear', caseId, '--by', 'alice', '--reason', 'different company', '--four-eyes');
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/in review/);
    const same = run('reviews', 'clear', caseId, '--by', 'alice', '--reason', 'still me', '--four-eyes');
    expect(same.status).toBe(2);
    expect(same.stderr).toMatch(/different person/);
    const second = run('reviews', 'clear', caseId, '--by', 'bob', '--reason', 'agreed', '--four-eyes', '--json');
    expect(second.status, second.stderr).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ status: 'cleared', decidedBy: 'bob' });
    const cleared = JSON.parse(run('reviews', 'list', '--status', 'cleared', '--json').stdout) as { id: string }[];
    expect(cleared.map((c) => c.id)).toEqual([caseId]);
  }, SLOW);
});
