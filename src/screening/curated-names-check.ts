import type { Lexicon } from './lexicon.js';
import { foldPlural, normalizeName, type NameToken } from './normalize.js';

/**
 * Consistency check of the curated Chinese names (data/lists/cn/cn_names_curated.csv):
 * does the Chinese name account for the English name the list prints, word by word?
 *
 * - transliteration: every English word is spelled by the pinyin of Chinese words (华为 → Huawei);
 * - translation: the glossary accounts for words (技术 → technology), pinyin for the rest;
 * - review: some word on either side is accounted for by neither, so a person should look
 *   (a coined brand such as Hikvision for 海康威视, a parent's name on one side only, or a wrong row).
 *
 * It reads the same normalisation, pinyin and glossary as screening, so a row that fails here
 * is also a row the matcher could not have found without the curated table. Pure: no I/O.
 */
export interface CuratedRow {
  list: string;
  name: string;
  nameZh: string;
  confidence?: string | undefined;
  source?: string | undefined;
}

export type CuratedVerdict = 'transliteration' | 'translation' | 'review';

export interface CuratedCheck {
  row: CuratedRow;
  verdict: CuratedVerdict;
  /** Chinese words that no English word accounts for, with their reading. */
  unmatchedZh: string[];
  /** English words that no Chinese word accounts for. */
  unmatchedEn: string[];
  /** How each Chinese word met the English: `华为 = huawei (pinyin)`, `技术 = technology (glossary)`. */
  pairs: string[];
}

const DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Reads a Chinese numeral: positional (七〇一 = 701) or with 十/百 (二十九 = 29, 十三 = 13). */
export function readChineseNumeral(s: string): number | undefined {
  if (!/^[〇零一二两三四五六七八九十百]+$/u.test(s)) return undefined;
  if (!/[十百]/u.test(s)) return Number([...s].map((c) => DIGIT[c]).join(''));
  let total = 0;
  let digit = 0;
  for (const c of s) {
    if (c === '百') {
      total += (digit || 1) * 100;
      digit = 0;
    } else if (c === '十') {
      total += (digit || 1) * 10;
      digit = 0;
    } else digit = DIGIT[c]!;
  }
  return total + digit;
}

// 第十三研究所, 第七〇一研究所, and bare positional numbers before a unit word (一五九厂).
const ORDINAL = /第([〇零一二两三四五六七八九十百]+)/gu;
const UNIT_NUMBER = /([〇零一二三四五六七八九]{2,4})(?=研究所|研究院|厂|试验场|所)/gu;

/** Chinese numbers of institutes and factories as Arabic digits, so they meet "13th", "No. 11", "701st". */
export function arabicNumbers(zh: string): string {
  const num = (m: string, n: string): string => {
    const v = readChineseNumeral(n);
    return v === undefined ? m : ` ${v} `;
  };
  return zh.replace(ORDINAL, num).replace(UNIT_NUMBER, num);
}

/** "(CETC 13)", "(BUAA)": an acronym the list adds in brackets has no Chinese counterpart. */
function withoutBracketedAcronyms(name: string): string {
  return name.replace(/\(\s*[\p{Lu}\p{N}&\-. ]{2,20}\s*\)/gu, ' ').replace(/\s+/g, ' ').trim();
}

const ORDINAL_WORDS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

/** English ordinals and numbers: "13th" → 13, "Second" → 2 ("No. 11" gives 11 once "No" is set aside). */
function englishKey(key: string): string {
  const m = /^(\d+)(?:st|nd|rd|th)$/.exec(key);
  if (m) return m[1]!;
  const w = ORDINAL_WORDS.indexOf(key);
  return w >= 0 ? String(w + 1) : key;
}

interface Word {
  keys: string[];
  surface: string;
  kind: NameToken['kind'];
  used: boolean;
  /** Chinese words from one glossary entry (研究所 → research + institute) share a group. */
  group?: number;
}

const flat = (k: string): string => foldPlural(k.replace(/[^\p{L}\p{N}]/gu, ''));

/** Tries to account for Chinese word `i` by one English word, or by several consecutive ones spelled together. */
function matchOne(zh: Word[], en: Word[], i: number): string | undefined {
  const z = zh[i]!;
  for (const e of en) {
    if (e.used) continue;
    if (z.keys.some((k) => e.keys.some((ek) => flat(ek) === flat(k)))) {
      e.used = true;
      z.used = true;
      return `${z.surface} = ${e.surface} (${z.kind})`;
    }
  }
  if (z.kind !== 'pinyin') return undefined;
  // Pinyin of one Chinese word spelling several English words ("Xi An"), or one English word spelled by several Chinese words.
  const target = flat(z.keys[0]!);
  for (let a = 0; a < en.length; a++) {
    let joined = '';
    for (let b = a; b < Math.min(en.length, a + 4) && !en[b]!.used; b++) {
      joined += flat(en[b]!.keys[0]!);
      if (b > a && joined === target) {
        for (let c = a; c <= b; c++) en[c]!.used = true;
        z.used = true;
        return `${z.surface} = ${en.slice(a, b + 1).map((w) => w.surface).join(' ')} (pinyin)`;
      }
    }
  }
  for (const e of en) {
    if (e.used) continue;
    let joined = '';
    for (let j = i; j < Math.min(zh.length, i + 4) && !zh[j]!.used && zh[j]!.kind === 'pinyin'; j++) {
      joined += flat(zh[j]!.keys[0]!);
      if (j > i && joined === flat(e.keys[0]!)) {
        for (let c = i; c <= j; c++) zh[c]!.used = true;
        e.used = true;
        return `${zh.slice(i, j + 1).map((w) => w.surface).join('')} = ${e.surface} (pinyin)`;
      }
    }
  }
  return undefined;
}

export function checkCuratedName(row: CuratedRow, lex: Lexicon): CuratedCheck {
  const en = normalizeName(withoutBracketedAcronyms(row.name), lex);
  const enWords: Word[] = en.tokens
    // "No. 11": the "No" only marks the number.
    .filter((t, i) => !(t.keys[0] === 'no' && en.tokens[i + 1]?.kind === 'number'))
    .map((t) => ({ keys: t.keys.map(englishKey), surface: t.surface, kind: t.kind, used: false }));
  // Pinyin words that spell an English word (or two, written together) are taken whole by the segmenter.
  const known = new Set<string>();
  enWords.forEach((w, i) => {
    for (const k of w.keys) known.add(flat(k));
    if (i + 1 < enWords.length) known.add(flat(w.keys[0]!) + flat(enWords[i + 1]!.keys[0]!));
  });
  const zh = normalizeName(arabicNumbers(row.nameZh), lex, { isKnown: (k) => known.has(flat(k)) });
  // One glossary entry yields a token per English word; consecutive tokens of one surface are one group.
  let group = 0;
  const zhWords: Word[] = [];
  zh.tokens.forEach((t, i) => {
    if (i === 0 || t.kind !== 'glossary' || zh.tokens[i - 1]!.surface !== t.surface || zh.tokens[i - 1]!.kind !== 'glossary') group++;
    // Words like "of" inside a glossary reading (科学院 → academy of sciences) are not asked of the English.
    if (t.kind === 'glossary' && t.keys.every((k) => lex.stopwords.has(k))) return;
    zhWords.push({ keys: t.keys, surface: t.surface, kind: t.kind, used: false, group });
  });
  const pairs: string[] = [];
  // Glossary and number words first: they are exact; pinyin joins come after.
  const order = zhWords.map((_, i) => i).sort((a, b) => Number(zhWords[a]!.kind === 'pinyin') - Number(zhWords[b]!.kind === 'pinyin'));
  for (const i of order) {
    if (zhWords[i]!.used) continue;
    const p = matchOne(zhWords, enWords, i);
    if (p) pairs.push(p);
  }
  // A glossary entry counts as accounted for when the English uses any of its words ("Academy" for 研究院 → research institute|academy).
  const usedGroups = new Set(zhWords.filter((w) => w.used && w.kind === 'glossary').map((w) => w.group));
  for (const w of zhWords) if (w.kind === 'glossary' && usedGroups.has(w.group)) w.used = true;
  // One entry per Chinese word: a glossary word's several English words are shown together.
  const unmatchedZh: string[] = [];
  zhWords.forEach((w, i) => {
    if (w.used) return;
    const reading = w.keys.join('|');
    if (i > 0 && zhWords[i - 1]!.group === w.group && !zhWords[i - 1]!.used) unmatchedZh[unmatchedZh.length - 1] = unmatchedZh.at(-1)!.replace(/\)$/, ` ${reading})`);
    else unmatchedZh.push(`${w.surface} (${reading})`);
  });
  const unmatchedEn = enWords.filter((w) => !w.used).map((w) => w.surface);
  let verdict: CuratedVerdict = 'review';
  if (unmatchedZh.length === 0 && unmatchedEn.length === 0 && pairs.length > 0) {
    verdict = pairs.every((p) => p.endsWith('(pinyin)')) ? 'transliteration' : 'translation';
  }
  return { row, verdict, unmatchedZh, unmatchedEn, pairs };
}

export interface CuratedSummary {
  rows: number;
  byVerdict: Record<CuratedVerdict, number>;
  checks: CuratedCheck[];
}

export function checkCuratedNames(rows: readonly CuratedRow[], lex: Lexicon): CuratedSummary {
  const checks = rows.map((r) => checkCuratedName(r, lex));
  const byVerdict: Record<CuratedVerdict, number> = { transliteration: 0, translation: 0, review: 0 };
  for (const c of checks) byVerdict[c.verdict]++;
  return { rows: rows.length, byVerdict, checks };
}

/** Chinese words left unaccounted for, by the number of rows they appear in, most first. */
export function unaccountedWords(summary: CuratedSummary): [string, number][] {
  const counts = new Map<string, number>();
  for (const c of summary.checks) for (const w of new Set(c.unmatchedZh)) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

const cell = (s: string): string => s.replace(/\|/g, '\\|');

/** The rows for a human look, as a Markdown report (committed as data/lists/cn/cn_names_review.md). */
export function curatedReviewMarkdown(summary: CuratedSummary, glossaryNote: string): string {
  const review = summary.checks.filter((c) => c.verdict === 'review');
  const lines = [
    '# Curated Chinese names: rows for a human look',
    '',
    'Generated by `npm run check:cn-names` from `cn_names_curated.csv`; do not edit by hand.',
    `Each row's Chinese name was compared word by word with the English name the list prints, using the pinyin and glossary that screening uses (${glossaryNote}).`,
    'A row passes as a *transliteration* when pinyin spells every English word, as a *translation* when the glossary accounts for the other words.',
    'A row listed here passes neither: a coined brand (Hikvision for 海康威视), a word on one side only (中国, a parent group), a glossary gap, or a wrong row.',
    '',
    `| rows | transliteration | translation | review |`,
    `| ---: | ---: | ---: | ---: |`,
    `| ${summary.rows} | ${summary.byVerdict.transliteration} | ${summary.byVerdict.translation} | ${summary.byVerdict.review} |`,
    '',
    '| list | listed name | Chinese name | confidence | Chinese words unaccounted for | English words unaccounted for |',
    '| --- | --- | --- | --- | --- | --- |',
    ...review.map((c) => `| ${c.row.list} | ${cell(c.row.name)} | ${c.row.nameZh} | ${c.row.confidence ?? ''} | ${cell(c.unmatchedZh.join(', '))} | ${cell(c.unmatchedEn.join(', '))} |`),
    '',
    '## Chinese words most often unaccounted for',
    '',
    'Candidates for the glossary (a word the lists translate) or for brand handling (a coined English name); counts are rows.',
    '',
    '| Chinese word (reading now) | rows |',
    '| --- | ---: |',
    ...unaccountedWords(summary).slice(0, 60).map(([w, n]) => `| ${w} | ${n} |`),
    '',
  ];
  return lines.join('\n');
}
