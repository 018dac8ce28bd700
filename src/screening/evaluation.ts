import { seededRandom, type ListEntry, type Screener } from '../domain/index.js';
import { HAS_HAN, traditionalize } from './chinese.js';
import { splitListedName } from './variants.js';

/**
 * The labelled evaluation set, built from the bundled lists themselves so it
 * grows with them: aliases and systematic variants of listed names as
 * positives (each labelled with the entry it must find), real unlisted
 * companies, synthetic people and look-alikes made of common list words as
 * negatives. Deterministic for a seed.
 */
export type PositiveKind =
  | 'alias'
  | 'legal-form'
  | 'abbreviation'
  | 'case-punctuation'
  | 'typo'
  | 'word-order'
  | 'hanzi'
  | 'traditional'
  | 'curated-simplified'
  | 'curated-traditional'
  | 'curated-mixed'
  | 'curated-brand'
  | 'curated-heldout';
export type NegativeKind = 'negative-real' | 'negative-lookalike' | 'negative-person' | 'negative-zh';
export type EvalKind = PositiveKind | NegativeKind;

export interface EvalCase {
  kind: EvalKind;
  query: string;
  /** The entry a positive must find at rank 1 (ties at the top count). */
  expected?: string | undefined;
  /** Other entries that count as found: entries that share the curated Chinese name (a company on three lists). */
  accept?: string[] | undefined;
}

export interface EvalSetOptions {
  seed?: number;
  /** Cases per variant kind (aliases and Chinese names: up to `perKind * 4`). */
  perKind?: number;
  realNegatives?: readonly string[];
  personNegatives?: readonly string[];
  /** Chinese names that must not alert (homophones, shared prefixes, generic words): data/eval/cn_hard_negatives.csv. */
  chineseNegatives?: readonly string[];
  lookalikes?: number;
  /** Whether a word occurs in the listed names; look-alikes use only made-up distinctive words. */
  isKnown?: (key: string) => boolean;
}


function shuffled<T>(items: readonly T[], rnd: () => number): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const LEGAL_TAIL = /(?:[\s,]+(?:co\.?,?\s*ltd\.?|company\s+limited|corporation|corp\.?|incorporated|inc\.?|llc|ltd\.?|limited|gmbh|jsc|ojsc|pjsc|ooo|oao|zao|s\.?a\.?(?:\s+de\s+c\.?v\.?)?|co\.?|company|e\.?i\.?r\.?l\.?|eood|ood|oy|ab|ag|spa|sas|bv|nv|kft|sro))+\.?\s*$/i;
const LEGAL_FORMS = ['Co., Ltd.', 'Company Limited', 'Corp.', 'Corporation', 'LLC', 'Inc.', 'Limited', 'Ltd', 'GmbH', 'CO LTD', 'JSC'];
const ABBREVIATIONS: [RegExp, string][] = [
  [/\btechnolog(?:y|ies)\b/i, 'Tech'],
  [/\binternational\b/i, 'Intl'],
  [/\bmanufacturing\b/i, 'Mfg'],
  [/\belectronics?\b/i, 'Elec'],
  [/\binformation\b/i, 'Info'],
  [/\bengineering\b/i, 'Eng'],
  [/\bequipment\b/i, 'Equip'],
  [/\bdevelopment\b/i, 'Dev'],
  [/\bindustr(?:y|ies|ial)\b/i, 'Ind'],
  [/\blaborator(?:y|ies)\b/i, 'Lab'],
  [/\binstitute\b/i, 'Inst'],
  [/\buniversity\b/i, 'Univ'],
  [/\bnational\b/i, 'Natl'],
  [/\bcommunications?\b/i, 'Comm'],
  [/\bsystems?\b/i, 'Sys'],
  [/\bcorporation\b/i, 'Corp'],
  [/\bcompany\b/i, 'Co'],
];

function primaryName(e: ListEntry): string {
  return splitListedName(e.name)[0] ?? e.name;
}

function words(s: string): string[] {
  return s.split(/\s+/).filter(Boolean);
}

function legalFormVariant(name: string, rnd: () => number): string | undefined {
  const core = name.replace(LEGAL_TAIL, '').trim();
  if (!core || words(core).length < 1 || HAS_HAN.test(core)) return undefined;
  const form = LEGAL_FORMS[Math.floor(rnd() * LEGAL_FORMS.length)]!;
  const variant = rnd() < 0.2 && core !== name ? core : `${core}${form.startsWith('Co') ? ' ' : ', '}${form}`;
  return variant.toLowerCase() === name.toLowerCase() ? undefined : variant;
}

function abbreviationVariant(name: string): string | undefined {
  let out = name;
  for (const [re, abbr] of ABBREVIATIONS) out = out.replace(re, abbr);
  return out === name ? undefined : out;
}

function casePunctuationVariant(name: string, rnd: () => number): string | undefined {
  const r = rnd();
  const out = r < 0.35 ? name.toUpperCase() : r < 0.6 ? name.toLowerCase() : r < 0.85 ? name.replace(/[.,;:'"()\-]/g, ' ').replace(/\s+/g, ' ').trim() : name.replace(/\s+/g, ', ').toUpperCase();
  return out === name ? undefined : out;
}

function typoVariant(name: string, rnd: () => number): string | undefined {
  const ws = words(name);
  let at = -1;
  for (let i = 0; i < ws.length; i++) if (/^\p{L}{5,}$/u.test(ws[i]!) && (at < 0 || ws[i]!.length > ws[at]!.length)) at = i;
  if (at < 0) return undefined;
  const w = ws[at]!;
  const p = 1 + Math.floor(rnd() * (w.length - 2));
  const letter = 'abcdefghijklmnopqrstuvwxyz'[Math.floor(rnd() * 26)]!;
  const r = rnd();
  const typo =
    r < 0.3 ? w.slice(0, p) + letter + w.slice(p + 1)
    : r < 0.55 ? w.slice(0, p) + w.slice(p + 1)
    : r < 0.8 ? w.slice(0, p) + w[p + 1] + w[p] + w.slice(p + 2)
    : w.slice(0, p) + letter + w.slice(p);
  if (typo.toLowerCase() === w.toLowerCase()) return undefined;
  ws[at] = typo;
  return ws.join(' ');
}

const LEGAL_HEAD = /^(?:(?:open|closed|public|private)\s+)?(?:joint\s+stock\s+company|limited\s+liability\s+company|jsc|ojsc|pjsc|cjsc|ooo|oao|zao|pao|ao|llc)\s+/i;

/** The name's own words rotated (first word last); legal forms stay where they were, as people write them. */
function wordOrderVariant(name: string): string | undefined {
  const head = LEGAL_HEAD.exec(name)?.[0] ?? '';
  const rest = name.slice(head.length);
  const core = rest.replace(LEGAL_TAIL, '').trim();
  const tail = rest.slice(core.length);
  const ws = words(core.replace(/,/g, ' '));
  if (ws.length < 2) return undefined;
  return head + [...ws.slice(1), ws[0]].join(' ') + tail;
}

const CITIES = ['Beijing', 'Shanghai', 'Shenzhen', 'Guangzhou', 'Hangzhou', 'Wuhan', 'Chengdu', 'Tianjin', 'Nanjing', "Xi'an", 'Hong Kong', 'Suzhou', 'Dalian', 'Moscow', 'Tehran', 'Dubai', 'Istanbul', 'Minsk'];
const TRADES = ['Trading', 'Technology', 'Electronics', 'Science and Technology', 'Import and Export', 'International Trade', 'Industrial', 'Logistics', 'Machinery', 'Semiconductor', 'Information Technology', 'Electronic Technology', 'Precision Instruments', 'Aviation Technology'];
const SYLLABLES = ['an', 'bao', 'bo', 'chen', 'cheng', 'da', 'de', 'feng', 'fu', 'gao', 'guang', 'hai', 'hao', 'he', 'heng', 'hong', 'hua', 'hui', 'jia', 'jin', 'jing', 'kai', 'lan', 'li', 'long', 'mei', 'ming', 'qi', 'qian', 'rui', 'sheng', 'shi', 'tai', 'tian', 'wei', 'xiang', 'xin', 'ya', 'yi', 'yu', 'yuan', 'ze', 'zhi', 'zhong'];
const FORMS = ['Co., Ltd.', 'Co Ltd', 'Company Limited', 'Limited', 'LLC', 'Corp.'];

function lookalike(rnd: () => number, isKnown: (k: string) => boolean): string | undefined {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const word = pick(SYLLABLES) + pick(SYLLABLES);
  if (isKnown(word)) return undefined;
  const distinctive = word[0]!.toUpperCase() + word.slice(1);
  return `${pick(CITIES)} ${distinctive} ${pick(TRADES)} ${pick(FORMS)}`;
}

export function buildEvalSet(entries: readonly ListEntry[], opts: EvalSetOptions = {}): EvalCase[] {
  const rnd = seededRandom(opts.seed ?? 20260709);
  const perKind = opts.perKind ?? 500;
  const cases: EvalCase[] = [];
  const pool = shuffled(entries.filter((e) => e.status !== 'removed'), rnd);
  const companies = pool.filter((e) => e.type !== 'individual' && e.type !== 'vessel' && e.type !== 'aircraft');
  // Aliases: every listed alternative name points at its entry.
  const aliases: EvalCase[] = [];
  for (const e of pool) {
    for (const a of e.altNames) if (!HAS_HAN.test(a) && a.trim().length >= 3) aliases.push({ kind: 'alias', query: a.trim(), expected: e.id });
  }
  cases.push(...aliases.slice(0, perKind * 4));
  const add = (kind: PositiveKind, from: readonly ListEntry[], make: (name: string) => string | undefined): void => {
    let n = 0;
    for (const e of from) {
      if (n >= perKind) break;
      const name = primaryName(e);
      if (HAS_HAN.test(name)) continue;
      const q = make(name);
      if (!q) continue;
      cases.push({ kind, query: q, expected: e.id });
      n++;
    }
  };
  add('legal-form', companies, (n) => legalFormVariant(n, rnd));
  add('abbreviation', companies, abbreviationVariant);
  add('case-punctuation', pool, (n) => casePunctuationVariant(n, rnd));
  add('typo', pool, (n) => typoVariant(n, rnd));
  add('word-order', pool, wordOrderVariant);
  // Chinese names the lists print themselves: as printed (simplified) and in traditional characters.
  // Curated names (localNames) are measured by the curated-* kinds below.
  const han: EvalCase[] = [];
  for (const e of entries) {
    if (e.status === 'removed') continue;
    for (const n of [...e.altNames, e.name]) {
      if (!HAS_HAN.test(n)) continue;
      han.push({ kind: 'hanzi', query: n, expected: e.id });
      const t = traditionalize(n);
      if (t !== n) han.push({ kind: 'traditional', query: t, expected: e.id });
    }
  }
  cases.push(...han);
  cases.push(...curatedCases(entries));
  for (const q of opts.realNegatives ?? []) cases.push({ kind: 'negative-real', query: q });
  for (const q of opts.chineseNegatives ?? []) cases.push({ kind: 'negative-zh', query: q });
  for (const q of opts.personNegatives ?? []) cases.push({ kind: 'negative-person', query: q });
  const isKnown = opts.isKnown ?? (() => false);
  const seen = new Set<string>();
  for (let tries = 0; seen.size < (opts.lookalikes ?? 500) && tries < 20_000; tries++) {
    const q = lookalike(rnd, isKnown);
    if (q && !seen.has(q)) {
      seen.add(q);
      cases.push({ kind: 'negative-lookalike', query: q });
    }
  }
  return cases;
}

/** Entries by curated Chinese name: one company is often on several lists (SMIC on the EL, NS-CMIC and 1260H). */
function curatedByName(entries: readonly ListEntry[]): Map<string, { ids: string[]; entries: ListEntry[]; brand?: string | undefined }> {
  const byName = new Map<string, { ids: string[]; entries: ListEntry[]; brand?: string | undefined }>();
  for (const e of entries) {
    if (e.status === 'removed') continue;
    for (const l of e.localNames ?? []) {
      const slot = byName.get(l.name) ?? { ids: [], entries: [] };
      if (!slot.ids.includes(e.id)) {
        slot.ids.push(e.id);
        slot.entries.push(e);
      }
      slot.brand ??= l.brand;
      byName.set(l.name, slot);
    }
  }
  return byName;
}

/**
 * Curated Chinese names as users write them: simplified (as curated), traditional (OpenCC),
 * mixed script (the listed English name, then the Chinese name, as ERP masters often hold
 * both: "ZTE Corporation 中兴通讯股份有限公司"), and the entity's own short form (中芯国际).
 */
export function curatedCases(entries: readonly ListEntry[]): EvalCase[] {
  const cases: EvalCase[] = [];
  const brands = new Map<string, string[]>();
  for (const [zh, { ids, entries: owners, brand }] of curatedByName(entries)) {
    const [expected, ...accept] = ids;
    cases.push({ kind: 'curated-simplified', query: zh, expected, accept });
    const t = traditionalize(zh);
    if (t !== zh) cases.push({ kind: 'curated-traditional', query: t, expected, accept });
    const seen = new Set<string>();
    for (const e of owners) {
      const english = primaryName(e);
      if (seen.has(english.toLowerCase())) continue;
      seen.add(english.toLowerCase());
      cases.push({ kind: 'curated-mixed', query: `${english} ${zh}`, expected: e.id, accept: ids.filter((id) => id !== e.id) });
    }
    if (brand) brands.set(brand, [...(brands.get(brand) ?? []), ...ids]);
  }
  // One case per short form; any entry that uses it counts (中国移动 is both China Mobile entities).
  for (const [brand, ids] of brands) cases.push({ kind: 'curated-brand', query: brand, expected: ids[0], accept: ids.slice(1) });
  return cases;
}

export interface HeldOut {
  /** The entries to index: the held-out curated names removed (copies; the input is not changed). */
  entries: ListEntry[];
  /** One case per held-out Chinese name, which the index no longer holds. */
  cases: EvalCase[];
}

/**
 * Hides a seeded share of the curated Chinese names from the index, so that querying them
 * measures what the glossary and pinyin can do alone: the names a table will never hold.
 * Names, not rows, are hidden: a name shared by three entries is hidden from all three.
 */
export function holdOutCurated(entries: readonly ListEntry[], opts: { fraction?: number; seed?: number } = {}): HeldOut {
  const rnd = seededRandom(opts.seed ?? 20261204);
  const byName = curatedByName(entries);
  const names = [...byName.keys()].sort();
  const hidden = new Set(shuffled(names, rnd).slice(0, Math.round(names.length * (opts.fraction ?? 0.2))));
  const kept = entries.map((e) => {
    if (!e.localNames?.some((l) => hidden.has(l.name))) return e;
    const localNames = e.localNames.filter((l) => !hidden.has(l.name));
    return { ...e, localNames: localNames.length ? localNames : undefined };
  });
  const cases: EvalCase[] = [...hidden].sort().map((zh) => {
    const [expected, ...accept] = byName.get(zh)!.ids;
    return { kind: 'curated-heldout', query: zh, expected, accept };
  });
  return { entries: kept, cases };
}

export interface KindResult {
  kind: EvalKind;
  cases: number;
  /** Positives: found at rank 1 at or above the alert threshold. Negatives: any hit at or above it. */
  hits: number;
  rate: number;
  /** Up to 5 failures (positives missed, negatives flagged), for a reviewer. */
  examples: { query: string; expected?: string | undefined; got?: string | undefined; score?: number | undefined }[];
}

export interface EvalReport {
  kinds: KindResult[];
  negatives: number;
  falsePositives: number;
  falsePositiveRate: number;
}

export function runEvaluation(screener: Screener, cases: readonly EvalCase[]): EvalReport {
  const byKind = new Map<EvalKind, KindResult>();
  let negatives = 0;
  let falsePositives = 0;
  for (const c of cases) {
    const r = byKind.get(c.kind) ?? { kind: c.kind, cases: 0, hits: 0, rate: 0, examples: [] };
    byKind.set(c.kind, r);
    r.cases++;
    const hits = screener.screen(c.query, { limit: 50 }).hits;
    const top = hits[0];
    if (c.expected === undefined) {
      negatives++;
      const flagged = !!top && top.score >= screener.alertThreshold;
      if (flagged) {
        r.hits++;
        falsePositives++;
        if (r.examples.length < 5) r.examples.push({ query: c.query, got: `${top.list}: ${top.matchedName}`, score: top.score });
      }
      continue;
    }
    const ok = (id: string): boolean => id === c.expected || (c.accept?.includes(id) ?? false);
    const found = !!top && top.score >= screener.alertThreshold && hits.some((h) => h.score === top.score && ok(h.entryId));
    if (found) r.hits++;
    else if (r.examples.length < 5) r.examples.push({ query: c.query, expected: c.expected, got: top ? `${top.list}: ${top.matchedName}` : undefined, score: top?.score });
  }
  const kinds = [...byKind.values()].map((k) => ({ ...k, rate: k.cases ? k.hits / k.cases : 0 }));
  return { kinds, negatives, falsePositives, falsePositiveRate: negatives ? falsePositives / negatives : 0 };
}
