import type { ListEntry } from '../domain/index.js';
import type { Lexicon } from './lexicon.js';
import { HAS_HAN, simplify, syllables } from './chinese.js';
import { normalizeName } from './normalize.js';

/**
 * Coined brands learned from the curated Chinese names (data/lists/cn/cn_names_curated.csv).
 * A row gives an entry's Chinese registered name and the entity's own short form (brand_zh);
 * the list prints the English name. Where the glossary accounts for every word of the English
 * name but one, and the Chinese words it does not account for are the short form's, that one
 * English word is the short form's English: 海康威视 = Hikvision (杭州 Hangzhou, 数字 Digital,
 * 技术 Technology account for the rest). Learned at index build from the table itself, so a
 * subsidiary the table does not hold (雄安寒武纪科技 → Xiong'an Cambricon Technology) is found
 * through its parent's row; nothing is written by hand per entity.
 */
export interface LearnedBrand {
  /** The short form (simplified Chinese). */
  zh: string;
  /** The English word the list spells it with (canonical key). */
  key: string;
  /** The English word as printed, for explanations. */
  shown: string;
  /** The curated Chinese name it was learned from. */
  from: string;
}

/**
 * A coined brand names a company and its subsidiaries, in China: a learned word that more than this many
 * entries elsewhere print is an ordinary word (Star, Vision, Mining, United), not a brand.
 */
const MAX_ENTRIES_ELSEWHERE = 1;
const CHINESE = new Set(['CN', 'HK', 'MO']);

export function learnBrandWords(entries: readonly ListEntry[], lexicon: Lexicon): LearnedBrand[] {
  const byZh = new Map<string, LearnedBrand | null>();
  const translations = new Set([...lexicon.glossary.values()].flatMap((g) => g.words.flat()));
  for (const e of entries) {
    for (const l of e.localNames ?? []) {
      if (!l.brand) continue;
      const brand = simplify(l.brand.trim());
      const name = simplify(l.name);
      if (brand.length < 2 || !HAS_HAN.test(brand) || !name.includes(brand) || lexicon.glossary.has(brand)) continue;
      for (const english of [e.name, ...e.altNames]) {
        if (HAS_HAN.test(english)) continue;
        const learned = learnOne(brand, name, english, lexicon);
        if (!learned) continue;
        const prev = byZh.get(brand);
        // Two rows that teach one short form different English words teach nothing.
        if (prev === undefined) byZh.set(brand, { ...learned, from: l.name });
        else if (prev && prev.key !== learned.key) byZh.set(brand, null);
        break;
      }
    }
  }
  let learned = [...byZh.values()].filter((b): b is LearnedBrand => !!b && !translations.has(b.key));
  // One brand word, one family of short forms (浪潮 and 浪潮软件 both Inspur); a word that short forms with
  // nothing in common teach (擎科生物, 生工生物 → Biotechnology) is an ordinary word.
  const byKey = new Map<string, LearnedBrand[]>();
  for (const b of learned) byKey.set(b.key, [...(byKey.get(b.key) ?? []), b]);
  learned = learned.filter((b) => byKey.get(b.key)!.every((o) => o.zh.slice(0, 2) === b.zh.slice(0, 2)));
  if (learned.length === 0) return learned;
  // How many entries outside China print each learned word (a plain word scan: the lists' names, lower case).
  const wanted = new Map(learned.map((b) => [b.key, 0]));
  for (const e of entries) {
    if (e.countries.some((c) => CHINESE.has(c))) continue;
    const seen = new Set<string>();
    for (const n of [e.name, ...e.altNames]) {
      for (const w of n.toLowerCase().split(/[^\p{L}]+/u)) if (wanted.has(w) && !seen.has(w)) seen.add(w);
    }
    for (const w of seen) wanted.set(w, wanted.get(w)! + 1);
  }
  return learned.filter((b) => wanted.get(b.key)! <= MAX_ENTRIES_ELSEWHERE);
}

function learnOne(brand: string, name: string, english: string, lexicon: Lexicon): Omit<LearnedBrand, 'from'> | undefined {
  const en = normalizeName(english, lexicon);
  const enKeys = new Set(en.tokens.flatMap((t) => [...t.keys, ...(t.parts ?? [])]));
  const zh = normalizeName(name, lexicon, { isKnown: (k) => enKeys.has(k) });
  const zhKeys = new Set(zh.tokens.flatMap((t) => [...t.keys, ...(t.parts ?? [])]));
  const leftEn = en.tokens.filter((t) => !t.keys.some((k) => zhKeys.has(k)) && !(t.parts ?? []).some((k) => zhKeys.has(k)));
  if (leftEn.length !== 1) return undefined;
  const word = leftEn[0]!;
  const key = word.keys[0]!;
  // Only a coined word: letters, long enough to be a name, not already the short form's pinyin (华为 = Huawei needs nothing).
  if (word.kind !== 'word' || !/^\p{L}{4,}$/u.test(key) || key === syllables(brand).join('')) return undefined;
  // The Chinese words that met nothing on the English side lie inside the short form, or are words the English
  // name may leave out (a place, 半导体: known to the glossary or the generic words), never another unread word.
  const leftZh = zh.tokens.filter((t) => !t.keys.some((k) => enKeys.has(k)) && !(t.parts ?? []).some((k) => enKeys.has(k)));
  const inBrand = leftZh.filter((t) => brand.includes(simplify(t.surface)));
  if (inBrand.length === 0 || inBrand.map((t) => simplify(t.surface)).join('') !== brand.slice(brand.indexOf(simplify(inBrand[0]!.surface)), brand.indexOf(simplify(inBrand[0]!.surface)) + inBrand.map((t) => t.surface).join('').length)) return undefined;
  if (!leftZh.every((t) => inBrand.includes(t) || t.kind === 'glossary' || t.kind === 'phrase' || t.keys.some((k) => lexicon.genericKeys.has(k)))) return undefined;
  return { zh: brand, key, shown: word.surface };
}

/** A copy of the lexicon that reads each learned short form as its English word (or its pinyin, as before). */
export function withBrandWords(lexicon: Lexicon, brands: readonly LearnedBrand[]): Lexicon {
  if (brands.length === 0) return lexicon;
  const glossary = new Map(lexicon.glossary);
  const conceptWords = new Map(lexicon.conceptWords);
  const conceptNames = new Map(lexicon.conceptNames);
  let longestHanWord = lexicon.longestHanWord;
  for (const b of brands) {
    glossary.set(b.zh, { zh: b.zh, words: [[b.key, syllables(b.zh).join('')]], concept: true });
    if (!conceptWords.has(b.key)) conceptWords.set(b.key, [b.key]);
    if (!conceptNames.has(b.key)) conceptNames.set(b.key, `${b.shown} (the English of the short form, from the curated name ${b.from})`);
    longestHanWord = Math.max(longestHanWord, b.zh.length);
  }
  return { ...lexicon, glossary, conceptWords, conceptNames, longestHanWord };
}
