import { mkdtemp, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRuleset, readPackSources } from './rules.js';
import { compileRuleset, RulesetError } from '../rules/ruleset.js';

describe('bundled rule packs', () => {
  it('load and compile without problems, each measure cited and dated', async () => {
    const rs = await loadRuleset();
    expect(rs.measures.length).toBeGreaterThan(10);
    for (const m of rs.measures) {
      expect(m.citation.length, m.id).toBeGreaterThan(5);
      expect(m.effective.from, m.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(['high', 'medium', 'low']).toContain(m.confidence);
    }
    expect(rs.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});

async function packDir(measureYaml: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'redline-pack-'));
  await mkdir(join(dir, 'us'));
  await writeFile(join(dir, 'manifest.yaml'), 'version: "t1"\n');
  await writeFile(
    join(dir, 'us', 'groups.yaml'),
    'jurisdiction: US\nversion: "1"\ngroups:\n  "D:5":\n    title: D5\n    citation: x\n    members: [CN]\n',
  );
  await writeFile(join(dir, 'us', 'pack.yaml'), measureYaml);
  return dir;
}

const header = 'pack: test\ntitle: t\njurisdiction: US\nversion: "1"\nmeasures:\n';
const measure = (when: string) =>
  `${header}  - id: us.test.one\n    jurisdiction: US\n    instrument: i\n    citation: c\n    summary: s\n    effective: { from: "2024-01-01" }\n    confidence: high\n    effect: license_required\n    when: ${when}\n`;

describe('pack validation names the file and line', () => {
  it('rejects an unknown fact path', async () => {
    const dir = await packDir(measure('{ fact: item.nonsense, eq: 1 }'));
    const s = await readPackSources(dir);
    let err: unknown;
    try {
      compileRuleset({ packs: s.packs, groups: s.groups, version: s.version, hash: s.hash });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(RulesetError);
    expect((err as RulesetError).problems[0]).toMatch(/pack\.yaml:14: us\.test\.one: unknown fact "item\.nonsense"/);
  });

  it('rejects an unknown country group', async () => {
    const dir = await packDir(measure('{ fact: tx.to, inGroup: "D:9" }'));
    const s = await readPackSources(dir);
    expect(() => compileRuleset({ packs: s.packs, groups: s.groups, version: s.version, hash: s.hash })).toThrow(/pack\.yaml:14: .*unknown country group "D:9"/);
  });

  it('rejects an unknown field with its line', async () => {
    const dir = await packDir(measure('{ always: true }').replace('    confidence: high\n', '    confidence: high\n    efect: prohibited\n'));
    const s = await readPackSources(dir);
    expect(() => compileRuleset({ packs: s.packs, groups: s.groups, version: s.version, hash: s.hash })).toThrow(/pack\.yaml:\d+: measures\[0\]\.efect: unknown field/);
  });

  it('rejects a leaf with two operators', async () => {
    const dir = await packDir(measure('{ fact: tx.to, eq: CN, ne: US }'));
    const s = await readPackSources(dir);
    expect(() => compileRuleset({ packs: s.packs, groups: s.groups, version: s.version, hash: s.hash })).toThrow(/exactly one operator/);
  });
});
