import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The CLI as a user runs it (the compiled bin; `npm test` builds first). */
const BIN = resolve(import.meta.dirname, '../../bin/redline.js');
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
const dir = mkdtempSync(join(tmpdir(), 'redline-screen-'));
// Each case starts the CLI, which loads and indexes the bundled lists (about 2 s on a quiet machine).
const SLOW = 120_000;

describe('redline check with a party named in Chinese', () => {
  it('answers license_required citing the Entity List entry found from its Chinese name', () => {
    const tx = join(dir, 'tx.json');
    writeFileSync(
      tx,
      JSON.stringify({
        date: '2026-09-30',
        from: 'US',
        to: 'CN',
        items: [{ kind: 'ic', name: 'microcontroller', eccn: 'EAR99' }],
        parties: [{ role: 'end_user', name: '華為技術有限公司', country: 'CN' }],
      }),
    );
    const r = run('check', tx, '--json');
    expect(r.status, r.stderr).toBe(0);
    const d = JSON.parse(r.stdout) as { outcome: string; jurisdictions: { findings: { measure: string; effect: string; citation: string }[] }[] };
    expect(d.outcome).toBe('license_required');
    const el = d.jurisdictions.flatMap((j) => j.findings).find((f) => f.effect === 'license_required' && /entity-list/.test(f.measure));
    expect(el?.citation).toMatch(/84 FR 22963/);
  }, SLOW);
});

describe('redline screen and match', () => {
  it('screens one name as JSON with hits, scores and explanations', () => {
    const r = run('screen', 'HUAWEI TECH CO LTD', '--json', '--limit', '2');
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { query: string; hits: { list: string; score: number; explanation: string[] }[] };
    expect(out.query).toBe('HUAWEI TECH CO LTD');
    expect(out.hits).toHaveLength(2);
    expect(out.hits[0]).toMatchObject({ list: 'us.bis.entity-list', score: 1 });
    // Several Huawei entries score 1; which comes first among equals follows entry ids, so only the expansion is asserted.
    expect(out.hits[0]!.explanation.some((x) => /^TECH → technology = Technolog(y|ies)\b/.test(x))).toBe(true);
  }, SLOW);
  it('streams a file as JSON Lines in input order, one line per input line', () => {
    const names = join(dir, 'names.txt');
    writeFileSync(names, 'SMIC\n\n北京智谱华章科技有限公司\nApple Inc.\n');
    const r = run('screen', '--file', names, '--json', '--limit', '1');
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { line: number; query: string; hits: { name: string }[] });
    expect(lines.map((l) => l.line)).toEqual([1, 2, 3, 4]);
    expect(lines[1]!.hits).toEqual([]);
    expect(lines[2]!.hits[0]!.name).toBe('Beijing Zhipu Huazhang Technology Co., Ltd.');
    expect(lines[3]!.hits.every((h) => (h as { score?: number }).score! < 0.8)).toBe(true);
  }, SLOW);
  it('prints a table for people', () => {
    const r = run('screen', '華為技術有限公司', '--limit', '1');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/us\.bis\.entity-list/);
    expect(r.stdout).toMatch(/華為 → 华为 → huawei = Huawei/);
    // NO_COLOR and a pipe: no escape codes, the table's borders included.
    expect(r.stdout).not.toMatch(/\x1b\[/);
  }, SLOW);
  it('scores pairs, singly and from a JSON Lines file', () => {
    const one = run('match', '華為技術有限公司', 'Huawei Technologies Co., Ltd.', '--json');
    expect(JSON.parse(one.stdout)).toMatchObject({ score: 1 });
    const pairs = join(dir, 'pairs.jsonl');
    writeFileSync(pairs, '{"a":"SMIC","b":"Semiconductor Manufacturing International Corp"}\n{"a":"Huawei","b":"Lockheed Martin"}\n');
    const r = run('match', '--file', pairs, '--json');
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { score: number; explanation: string[] });
    expect(out).toHaveLength(2);
    expect(out[1]!.score).toBe(0);
    expect(out[0]!.explanation.length).toBeGreaterThan(0);
  }, SLOW);
  it('a JSONL file with a BOM turned row 1 into an error (match --file)', () => {
    const pairs = join(dir, 'bom.jsonl');
    writeFileSync(pairs, '\uFEFF{"a":"SMIC","b":"SMIC"}\n');
    const r = run('match', '--file', pairs, '--json');
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout.trim())).toMatchObject({ score: 1 });
  }, SLOW);
  it('weighs a missing middle name lightly for people (--schema Person, or "schema" per line)', () => {
    const plain = JSON.parse(run('match', 'Ali Velayati', 'Ali Akbar Velayati', '--json').stdout) as { score: number };
    const person = JSON.parse(run('match', 'Ali Velayati', 'Ali Akbar Velayati', '--json', '--schema', 'Person').stdout) as { score: number };
    expect(person.score).toBeGreaterThan(plain.score);
    const pairs = join(dir, 'schema.jsonl');
    writeFileSync(pairs, '{"a":"Ali Velayati","b":"Ali Akbar Velayati","schema":"Person"}\n{"a":"x","b":"y","schema":3}\n');
    const r = run('match', '--file', pairs, '--json');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/schema\.jsonl:2\.schema: expected a string/);
  }, SLOW);
  it('exits 2 naming the problem on bad input', () => {
    const bad = run('screen', 'x', '--country', 'ZZ');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--country: "ZZ" is not an ISO 3166-1 alpha-2 code/);
    const badLine = join(dir, 'bad.jsonl');
    writeFileSync(badLine, '{"a":"x"}\n');
    const r = run('match', '--file', badLine);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/bad\.jsonl:1: expected \{"a": "name", "b": "name"\}/);
    expect(run('screen', '--file', join(dir, 'missing.txt')).status).toBe(2);
  }, SLOW);
});
