import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * `--lang zh` and the zh_* locale (issue 15): the human output of `check` and `screen` in
 * Simplified Chinese — headings, outcome words, table headers, next-step lines, and China's
 * measures by their Chinese titles from the packs — while --json stays byte for byte the same.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/redline.js');
const dir = mkdtempSync(join(tmpdir(), 'redline-lang-cli-'));
const db = join(dir, 'store.sqlite');
const tx = join(dir, 'gallium.json');
writeFileSync(
  tx,
  JSON.stringify({
    id: 'SO-GA-1',
    date: '2026-03-01',
    from: 'CN',
    to: 'DE',
    exporter: { name: 'Example Gallium Co., Ltd.', country: 'CN', headquarters: 'CN' },
    items: [{ kind: 'material', substance: 'gallium', form: 'metal', origin: 'CN' }],
    parties: [{ role: 'end_user', name: 'Example GmbH', country: 'DE', headquarters: 'DE', ultimateParent: 'DE', type: 'manufacturer' }],
    endUse: ['commercial'],
  }),
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The locale variables cleared, so the machine's own locale does not decide the language. */
function run(args: string[], env: Record<string, string> = {}): { code: number | null; stdout: string; stderr: string } {
  const base = { ...process.env, NO_COLOR: '1', REDLINE_DB: db };
  delete base.LANG;
  delete base.LC_ALL;
  delete base.LC_MESSAGES;
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...base, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const HAN = /\p{Script=Han}/u;

describe('redline --lang zh', () => {
  it('check: Chinese headings, outcome words, table headers, next steps and the pack’s Chinese title', { timeout: 120_000 }, () => {
    const en = run(['check', tx, '--as-of', '2026-03-01']);
    const zh = run(['--lang', 'zh', 'check', tx, '--as-of', '2026-03-01']);
    expect(en.code).toBe(zh.code);
    // English by default (no locale), with the English title of the gallium measure.
    expect(en.stdout).toMatch(/^Outcome: /m);
    expect(en.stdout).toContain('Gallium and germanium items');
    for (const w of ['结论', '决定性规则', '下一步', '镓、锗相关物项']) expect(en.stdout).not.toContain(w);
    for (const w of ['结论', '决定性规则', '下一步', '物项', '规则', '出处', '理由', '需要许可证']) expect(zh.stdout).toContain(w);
    expect(zh.stdout).toContain('镓、锗相关物项');
    expect(zh.stdout).not.toContain('Gallium and germanium items');
    expect(zh.stdout).not.toMatch(/^Outcome: |^Next step$|LICENSE REQUIRED/m);
    // Every next-step line is in Chinese.
    const steps = zh.stdout.split('\n').filter((l) => l.startsWith('  → '));
    expect(steps.length).toBeGreaterThan(0);
    for (const s of steps) expect(s).toMatch(HAN);
  });

  it('the option also works after the command, and the zh_* locale chooses Chinese', { timeout: 120_000 }, () => {
    const after = run(['check', tx, '--as-of', '2026-03-01', '--lang', 'zh-CN']);
    expect(after.stdout).toContain('镓、锗相关物项');
    const locale = run(['check', tx, '--as-of', '2026-03-01'], { LANG: 'zh_CN.UTF-8' });
    expect(locale.stdout).toContain('决定性规则');
    // LC_ALL outranks LANG, and --lang outranks both.
    expect(run(['check', tx, '--as-of', '2026-03-01'], { LANG: 'zh_CN.UTF-8', LC_ALL: 'en_US.UTF-8' }).stdout).toMatch(/^Outcome: /m);
    expect(run(['--lang', 'en', 'check', tx, '--as-of', '2026-03-01'], { LC_ALL: 'zh_CN.UTF-8' }).stdout).toMatch(/^Outcome: /m);
  });

  it('JSON output does not change with the language', { timeout: 120_000 }, () => {
    const en = run(['check', tx, '--as-of', '2026-03-01', '--json']);
    const zh = run(['--lang', 'zh', 'check', tx, '--as-of', '2026-03-01', '--json'], { LANG: 'zh_CN.UTF-8' });
    expect(en.code).toBe(zh.code);
    expect(zh.stdout).toBe(en.stdout);
    const d = JSON.parse(en.stdout) as { outcome: string; jurisdictions: { findings: { title: string; titleZh?: string }[] }[] };
    expect(d.outcome).toBe('license_required');
    // The Chinese title is an added field; the English title stays as it was.
    const ga = d.jurisdictions.flatMap((j) => j.findings).find((f) => f.title === 'Gallium and germanium items');
    expect(ga?.titleZh).toBe('镓、锗相关物项');
  });

  it('screen: Chinese heading and table headers; JSON unchanged', { timeout: 120_000 }, () => {
    const zh = run(['--lang', 'zh', 'screen', '华为技术有限公司']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('筛查“华为技术有限公司”');
    for (const w of ['得分', '名单', '最高命中的匹配原因']) expect(zh.stdout).toContain(w);
    expect(zh.stdout).not.toMatch(/Why the top hit matched|listed name/);
    const en = run(['screen', '华为技术有限公司']);
    expect(en.stdout).toContain('Why the top hit matched');
    expect(run(['--lang', 'zh', 'screen', '华为技术有限公司', '--json']).stdout).toBe(run(['screen', '华为技术有限公司', '--json']).stdout);
  });

  it('a language it does not have is bad input naming --lang (exit 2)', () => {
    const r = run(['--lang', 'fr', 'check', tx]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--lang');
    expect(r.stdout).toBe('');
  });
});
