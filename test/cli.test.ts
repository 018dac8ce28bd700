import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// The CLI runs from dist/ (npm test builds first); these tests spawn it as a user would.
function redline(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['bin/redline.js', ...args], { input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tx = (over: Record<string, unknown> = {}) =>
  JSON.stringify({
    date: '2026-09-30',
    from: 'US',
    to: 'CN',
    exporter: { name: 'Example US Exporter Inc.', country: 'US', headquarters: 'US' },
    items: [{ model: 'NVIDIA H100 SXM5 80GB' }],
    parties: [{ role: 'end_user', name: 'Example Buyer Ltd', country: 'CN', headquarters: 'CN', ultimateParent: 'CN' }],
    ...over,
  });

describe('redline check', () => {
  it('answers the bundled example with the Entity List citation for a Chinese-named party', () => {
    const r = redline(['check', 'data/examples/order-h100-shanghai.json', '--json']);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d.outcome).toBe('license_required');
    const el = d.jurisdictions[0].findings.find((f: { measure: string }) => f.measure === 'us.ear.744.11.entity-list');
    expect(el.citation).toContain('84 FR 22963');
    expect(el.because.join(' ')).toContain('华为技术有限公司');
    expect(d.ruleset.hash).toMatch(/^sha256:/);
    expect(d.lists['us.bis.entity-list']).toBe('2026-07-09');
  });

  it('reads standard input and prints a readable table without --json', () => {
    const r = redline(['check', '-', '--no-screening'], tx());
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('LICENSE REQUIRED');
    // Words for people (issue 15): the rule's title, not its id — the id only with --details.
    expect(r.stdout).toContain('3A090.a / 4A090.a / .z.a to D:1, D:4, D:5');
    expect(r.stdout).not.toContain('us.ear.ac.license.d-groups');
    expect(r.stdout).toMatch(/Next step\n  → /);
    expect(r.stdout).toContain('742.6(a)(6)(iii)(A)');
    expect(redline(['check', '-', '--no-screening', '--details'], tx()).stdout).toContain('us.ear.ac.license.d-groups');
  });

  it('answers an array with an array, in order', () => {
    const r = redline(['check', '-', '--json', '--no-screening'], `[${tx({ id: 'a' })},${tx({ id: 'b', to: 'DE', parties: [] })}]`);
    expect(r.code).toBe(0);
    const ds = JSON.parse(r.stdout);
    expect(ds.map((d: { id: string }) => d.id)).toEqual(['a', 'b']);
    expect(ds[1].outcome).toBe('no_license_required');
  });

  it('--as-of evaluates under the rules of another date', () => {
    const r = redline(['check', '-', '--json', '--no-screening', '--as-of', '2022-10-06'], tx({ parties: [] }));
    expect(JSON.parse(r.stdout).outcome).toBe('no_license_required');
    expect(JSON.parse(r.stdout).asOf).toBe('2022-10-06');
  });

  const bad: [string, string, RegExp][] = [
    ['an unknown field', tx({ colour: 'red' }), /colour: unknown field/],
    ['an unknown item field', tx({ items: [{ model: 'NVIDIA H100 SXM5 80GB', speed: 3 }] }), /items\[0\]\.speed: unknown field/],
    ['a wrong type', tx({ value: 'lots' }), /value: .*number/i],
    ['a bad date', tx({ date: '2026-02-30' }), /date: must be a real date/],
    ['an unknown country', tx({ to: 'XX' }), /to: must be an ISO 3166-1 alpha-2/],
    ['an unknown model', tx({ items: [{ model: 'NVIDIA H1000' }] }), /items\[0\]\.model: .*NVIDIA H100/],
    ['a missing destination', tx({ to: undefined }), /to: is required/],
    ['an unknown party role', tx({ parties: [{ role: 'friend', name: 'x' }] }), /parties\[0\]\.role/],
    ['invalid JSON', '{"to": "CN",', /stdin:1:\d+: invalid JSON/],
  ];
  for (const [what, input, message] of bad) {
    it(`exits 2 naming the field for ${what}`, () => {
      const r = redline(['check', '-', '--no-screening'], input);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    });
  }

  it('exits 2 for a bad --as-of and for a missing file', () => {
    expect(redline(['check', '-', '--as-of', '30/09/2026'], tx()).stderr).toMatch(/--as-of/);
    expect(redline(['check', 'no-such-file.json']).code).toBe(2);
  });

  it('names the array element of a bad transaction and prints nothing', () => {
    const r = redline(['check', '-', '--json', '--no-screening'], `[${tx()},${tx({ to: 'ZZ' })}]`);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\[1\]\.to/);
    expect(r.stdout).toBe('');
  });
});

describe('redline classify', () => {
  it('classifies a described IC with the computation', () => {
    const item = { kind: 'ic', datacenter: true, performance: [{ bits: 8, tops: 600 }], dies: [{ areaMm2: 800 }] };
    const r = redline(['classify', '-', '--json', '--as-of', '2026-09-30'], JSON.stringify(item));
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout);
    expect(c.code).toBe('3A090.a');
    expect(c.facts.tpp).toBe(4800);
  });

  it('classifies an array of catalogue items', () => {
    const r = redline(['classify', '-', '--json'], JSON.stringify([{ model: 'NVIDIA L40' }, { model: 'NVIDIA A10' }]));
    expect(JSON.parse(r.stdout).map((c: { code: string }) => c.code)).toEqual(['3A090.b', 'NOT_3A090']);
  });

  it('exits 2 for an item without model or kind', () => {
    const r = redline(['classify', '-'], '{"name":"x"}');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/model.*kind/);
  });
});

describe('redline rules', () => {
  it('lists the measures in force on a date with citations and dates', () => {
    const r = redline(['rules', 'list', '--as-of', '2026-09-30', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.measures.length).toBeGreaterThan(10);
    for (const m of out.measures) {
      expect(m.citation).toBeTruthy();
      expect(m.effective.from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(out.measures.map((m: { id: string }) => m.id)).not.toContain('us.ear.ac.license.cn-mo-2022');
  });

  it('shows one measure in words, and exits 2 for an unknown id', () => {
    const r = redline(['rules', 'show', 'us.ear.ac.license.d-groups']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/destination is in AC_DESTS/);
    expect(redline(['rules', 'show', 'nope']).code).toBe(2);
  });

  it('runs the packs’ scenario tests', () => {
    const r = redline(['rules', 'test']);
    expect(r.stdout).toMatch(/\d+ passed, 0 failed/);
    expect(r.code).toBe(0);
    // NO_COLOR: the marks carry no escape codes.
    expect(r.stdout).not.toMatch(/\x1b\[/);
  });
});
