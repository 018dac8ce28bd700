/**
 * Done-when of issue 15: the zh-CN interface has no untranslated string, and a key missing from
 * either language fails here. Reads the resource files (src/web/locales) and the web app's
 * source: every key the code asks for (t('…'), t(`prefix.${…}`), labels('prefix', …)) exists in
 * English and in Chinese, the two files hold the same keys, each Chinese string is Chinese (not
 * the English left in place), placeholders match, and no page writes English text straight into
 * its markup instead of through a key.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const WEB = join(import.meta.dirname, '..', '..', 'src', 'web');
type Tree = { [k: string]: string | Tree };
const en = JSON.parse(readFileSync(join(WEB, 'locales', 'en.json'), 'utf8')) as Tree;
const zh = JSON.parse(readFileSync(join(WEB, 'locales', 'zh-CN.json'), 'utf8')) as Tree;

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}
const EN = flatten(en);
const ZH = flatten(zh);

/** i18next plural forms: English has _one and _other, Chinese only _other. */
const PLURAL = /_(zero|one|two|few|many|other)$/;
const base = (k: string): string => k.replace(PLURAL, '');
const has = (m: Map<string, string>, key: string): boolean => m.has(key) || m.has(`${key}_other`);
function subtree(tree: Tree, path: string): Tree | undefined {
  let cur: string | Tree | undefined = tree;
  for (const p of path.split('.')) cur = typeof cur === 'object' ? cur[p] : undefined;
  return typeof cur === 'object' ? cur : undefined;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.(ts|tsx)$/.test(f) && !/\.test\./.test(f) && f !== 'vite.config.ts' ? [p] : [];
  });
}
const FILES = sources(WEB).map((p) => ({ file: relative(WEB, p), text: readFileSync(p, 'utf8') }));

const STATIC_KEY = /\bt\(\s*(['"])([\w.-]+(?: [\w.-]+)*)\1/g;
const TEMPLATE_KEY = /\bt\(\s*`([\w.]+)\$\{/g;
const LABELS = /\blabels\(\s*'([\w.]+)'/g;
/** JSX text between tags, and the text attributes people read. */
const TEXT = /(?<![=-])>\s*([A-Za-z][A-Za-z ,.'’;:—-]{2,})\s*[<{]/g;
const ATTR = /\b(label|title|hint|placeholder|aria-label|alt)="([^"]*[A-Za-z]{3,}[^"]*)"/g;

/** Chinese strings that rightly have no Han character: names and codes that are the same in both languages. */
const SAME_IN_BOTH = new Set<string>([]);
/** Proper nouns and codes allowed to stand in a Chinese string as they are. */
const PROPER = /\b(Redline|API|JSON|CSV|PDF|IaaS|OSAT|EAR|BIS|MEU|OFAC|SDN|USD|ECCN|SME|AI|NVIDIA|ASML|TWINSCAN|NXT|Bearer|Holding Ltd|Huawei Technologies Co\., Ltd\.|H20|rl_|JSON Lines|contract\.md|docs\/batch\.md|redline serve|redline audit anchor|id|date|from|to|model|item|items|quantity|value|currency|end_use|end_user_name|name|pct|owners|UTC|PVH|TechInsights|H100)\b/g;

describe('the web app’s languages', () => {
  it('finds the keys the code uses (the scan works)', () => {
    const used = FILES.flatMap(({ text }) => [...text.matchAll(STATIC_KEY)].map((m) => m[2]!));
    expect(used.length).toBeGreaterThan(200);
    expect(used).toContain('check.title');
    expect('t(`audit.kinds.${k}`)'.match(TEMPLATE_KEY)).not.toBeNull();
    expect([...'<p>Sign out</p> <h2>Batch {x}</h2>'.matchAll(TEXT)].map((m) => m[1])).toEqual(['Sign out', 'Batch ']);
    expect([...'const x = () => api<T>(y)'.matchAll(TEXT)]).toEqual([]);
    expect([...'<Field label="Order book" hint={t(\'x\')}>'.matchAll(ATTR)].map((m) => m[2])).toEqual(['Order book']);
  });

  it('every key used in the code exists in English and in Chinese', () => {
    const missing: string[] = [];
    for (const { file, text } of FILES) {
      for (const m of text.matchAll(STATIC_KEY)) {
        const key = m[2]!;
        for (const [lang, map] of [['en', EN], ['zh-CN', ZH]] as const) if (!has(map, key)) missing.push(`${file}: ${key} (${lang})`);
      }
      for (const m of [...text.matchAll(TEMPLATE_KEY), ...text.matchAll(LABELS)]) {
        const prefix = m[1]!.replace(/\.$/, '');
        for (const [lang, tree] of [['en', en], ['zh-CN', zh]] as const) if (!subtree(tree, prefix)) missing.push(`${file}: ${prefix}.* (${lang})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('English and Chinese hold the same keys (plural forms aside)', () => {
    const enKeys = new Set([...EN.keys()].map(base));
    const zhKeys = new Set([...ZH.keys()].map(base));
    expect([...enKeys].filter((k) => !zhKeys.has(k))).toEqual([]);
    expect([...zhKeys].filter((k) => !enKeys.has(k))).toEqual([]);
    // Chinese has one plural form: every plural key has its _other.
    for (const k of ZH.keys()) if (PLURAL.test(k)) expect(k).toMatch(/_other$/);
    for (const k of EN.keys()) if (k.endsWith('_one')) expect(EN.has(k.replace(/_one$/, '_other'))).toBe(true);
  });

  it('no Chinese string is left in English', () => {
    const untranslated: string[] = [];
    for (const [k, v] of ZH) {
      const english = EN.get(k) ?? EN.get(k.replace(/_other$/, '_one'));
      if (english !== undefined && v === english && !SAME_IN_BOTH.has(k)) untranslated.push(`${k}: identical to English`);
      if (!/\p{Script=Han}/u.test(v) && !SAME_IN_BOTH.has(k)) untranslated.push(`${k}: no Chinese in "${v}"`);
      // English words left in a Chinese sentence, other than names and codes.
      const rest = v
        .replace(/\{\{\w+\}\}/g, '')
        .replace(/Huawei Technologies Co\., Ltd\.|JSON Lines/g, '')
        .replace(PROPER, '');
      const word = /\b[A-Za-z]{4,}\b/.exec(rest);
      if (word) untranslated.push(`${k}: English word "${word[0]}" in "${v}"`);
    }
    expect(untranslated).toEqual([]);
  });

  it('the same placeholders in both languages', () => {
    const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [k, v] of ZH) {
      const english = EN.get(k);
      if (english !== undefined) expect({ k, vars: vars(v) }).toEqual({ k, vars: vars(english) });
    }
  });

  it('no page writes English into its markup directly', () => {
    const found: string[] = [];
    for (const { file, text } of FILES) {
      if (!file.endsWith('.tsx')) continue;
      for (const m of text.matchAll(TEXT)) if (!/^(Redline$|redline )/.test(m[1]!.trim())) found.push(`${file}: "${m[1]!.trim()}"`);
      for (const m of text.matchAll(ATTR)) found.push(`${file}: ${m[1]}="${m[2]}"`);
    }
    expect(found).toEqual([]);
  });
});
