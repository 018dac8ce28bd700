import type { ListEntry } from '../domain/index.js';
import type { Lexicon } from './lexicon.js';
import { HAS_HAN, simplify, syllables } from './chinese.js';
import { normalizeName, type NormalizedName } from './normalize.js';

/**
 * Coined brands learned from the curated Chinese names (data/lists/cn/cn_names_curated.csv).
 * A row gives an entry's Chinese registered name and the entity's own short form (brand_zh);
 * the list prints the English name. Where the glossary accounts for every word of the English
 * name but one, and the Chinese words it does not account for are the short form's, that one
 * English word is the short form's English: 海康威视 = Hikvision (杭州 Hangzhou, 数字 Digital,
 * 技术 Technology account for the rest). Learned at index build from the table itself, so a
 * subsidiary the table does not hold (雄安寒武纪科技 → Xiong'an Cambricon Technology) is found
 * through its parent's row; nothing is written by hand per entity.
 *
 * A second pass reads every curated row, short form or not: the one run of characters that only
 * pinyin reads, against the one coined English word nothing else accounts for (海思半导体 / HiSilicon
 * Technologies: 海思 = HiSilicon; 熊猫电子集团 / Panda Electronics Group: 熊猫 = Panda). English words
 * the glossary gives elsewhere may stand loosely for the Chinese glossary words left over (数据 / Digital).
 * Such a run is learned when it lies in the row's short form, or when two rows with different Chinese
 * names agree on it; an entry's names vote (the reading most of them give), a name's own initials
 * (… Research Institute (HSRI)) teach nothing, and an entry that also prints the run's pinyin does
 * not teach its other pinyin-shaped word (Changhong Meiling / Hefei Meiling: 合肥 is a place).
 */
export interface LearnedBrand {
  /** The Chinese word learned: a short form, or the unread run of a curated name (simplified Chinese). */
  zh: string;
  /** The English word the list spells it with (canonical key). */
  key: string;
  /** The English word as printed, for explanations. */
  shown: string;
  /** The curated Chinese name it was learned from. */
  from: string;
  /**
   * Learned from an unread run of a registered name that is not itself a short form (熊猫 in 南京熊猫电子, 时尚 in
   * 华孚时尚): weighed as a translated word, not a brand, since nothing says it is a brand rather than a plain
   * word (时尚 is "fashion") — so alone it does not stand for a listed name whose other words are rare.
   */
  part?: boolean;
}

/**
 * A coined brand names a company and its subsidiaries, in China: a learned word that more than this many
 * entries elsewhere print is an ordinary word (Star, Vision, Mining, United), not a brand.
 */
const MAX_ENTRIES_ELSEWHERE = 1;
/** Rows (distinct Chinese names) that must agree on a word outside any short form before it is learned. */
const MIN_ROWS_UNHINTED = 2;
const CHINESE = new Set(['CN', 'HK', 'MO']);

export function learnBrandWords(entries: readonly ListEntry[], lexicon: Lexicon): LearnedBrand[] {
  const byZh = new Map<string, LearnedBrand | null>();
  // Rows (distinct curated names) that teach each Chinese word, and whether one of them is the row's short form.
  const support = new Map<string, { names: Set<string>; hinted: boolean }>();
  const translations = new Set([...lexicon.glossary.values()].flatMap((g) => g.words.flat()));
  // A group's acronym (AVIC, CSSC: phrases.csv) is no ordinary word: the Chinese prefix that stands for it may be learned (中航 = AVIC).
  const acronyms = new Set([...lexicon.glossary.values()].filter((g) => g.concept).flatMap((g) => g.words.flat()).filter((k) => lexicon.conceptWords.has(k) && /^[a-z]{2,8}$/.test(k)));
  const teach = (learned: Omit<LearnedBrand, 'from'>, from: string, hinted: boolean): void => {
    const prev = byZh.get(learned.zh);
    // Two rows that teach one Chinese word different English words teach nothing.
    if (prev === undefined) byZh.set(learned.zh, { ...learned, from });
    else if (prev && prev.key !== learned.key) byZh.set(learned.zh, null);
    else if (prev && prev.part && !learned.part) byZh.set(learned.zh, { ...learned, from });
    const sup = support.get(learned.zh) ?? { names: new Set<string>(), hinted: false };
    sup.names.add(simplify(from));
    sup.hinted ||= hinted;
    support.set(learned.zh, sup);
  };
  const enCache = new Map<string, NormalizedName>();
  for (const e of entries) {
    for (const l of e.localNames ?? []) {
      const name = simplify(l.name);
      const raw = l.brand ? simplify(l.brand.trim()) : '';
      const brand = raw.length >= 2 && HAS_HAN.test(raw) && name.includes(raw) && !lexicon.glossary.has(raw) ? raw : undefined;
      const english = [e.name, ...e.altNames].filter((n) => !HAS_HAN.test(n));
      // The short form as a whole (海康威视 = Hikvision, 上海微电子 = SMEE), where the glossary reads the rest.
      let taught: string | undefined;
      if (brand) {
        for (const en of english) {
          const learned = learnShortForm(brand, name, en, lexicon);
          if (!learned) continue;
          teach(learned, l.name, true);
          taught = learned.key;
          break;
        }
      }
      // The one unread run of characters of any row (浪潮 = Inspur, 熊猫 = Panda): from its short form, or from two rows.
      // Every English name of the entry is asked; the reading most of them give wins (Nanjing Panda Handa Technology,
      // … Science, … Telecom: 熊猫 = Panda, over NPEC), a tie teaches nothing, and so does a reading that differs
      // from the short form's (东土科技 = Kyland; an old alias, Beijing Yibeite Technology).
      // The Chinese name is cut once, by the words all of the entry's names spell; each English name is read once.
      const enNorms = english.map((en) => {
        let n = enCache.get(en);
        if (!n) enCache.set(en, (n = normalizeName(en, lexicon)));
        return n;
      });
      const allKeys = new Set(enNorms.flatMap((n) => n.tokens.flatMap((t) => [...t.keys, ...(t.parts ?? [])])));
      const zh = normalizeName(name, lexicon, { isKnown: (k) => allKeys.has(k) });
      const run = majority(english.map((en, i) => learnRun(brand, name, zh, en, enNorms[i]!, lexicon, translations, acronyms)));
      if (run && renamed(run.key, run.zh, english)) continue;
      if (run && (taught === undefined || taught === run.key)) teach(run.zh === brand ? run : { ...run, part: true }, l.name, !!brand && brand.includes(run.zh));
    }
  }
  const supported = (zh: string): boolean => {
    const s = support.get(zh);
    return !!s && (s.hinted || s.names.size >= MIN_ROWS_UNHINTED);
  };
  let learned = [...byZh.values()].filter((b): b is LearnedBrand => !!b && supported(b.zh) && (!translations.has(b.key) || acronyms.has(b.key)) && !lexicon.glossary.has(b.zh));
  // One brand word, one family of Chinese words (浪潮 and 浪潮软件 both Inspur, 熊猫 inside 南京熊猫); a word that Chinese words with
  // nothing in common teach (擎科生物, 生工生物 → Biotechnology) is an ordinary word.
  const byKey = new Map<string, LearnedBrand[]>();
  for (const b of learned) byKey.set(b.key, [...(byKey.get(b.key) ?? []), b]);
  learned = learned.filter((b) => byKey.get(b.key)!.every((o) => o.zh.slice(0, 2) === b.zh.slice(0, 2) || o.zh.includes(b.zh) || b.zh.includes(o.zh)));
  // A longer word that holds a shorter one with the same English (华孚时尚 and 时尚 = Fashion, 浪潮软件 and 浪潮 = Inspur)
  // is not kept: it reads as the shorter word and its other words (Huafu Fashion, Inspur Software), so the shorter
  // word alone is not the whole short form.
  learned = learned.filter((b) => !byKey.get(b.key)!.some((o) => o.zh.length < b.zh.length && b.zh.includes(o.zh) && learned.includes(o)));
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
  return learned.filter((b) => acronyms.has(b.key) || wanted.get(b.key)! <= MAX_ENTRIES_ELSEWHERE);
}

function learnShortForm(brand: string, name: string, english: string, lexicon: Lexicon): Omit<LearnedBrand, 'from'> | undefined {
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

/**
 * One curated row, one English name: the one English word that nothing on the Chinese side accounts for, and
 * the one run of unread Chinese characters (read by pinyin only, and not spelling it). English words left over
 * that the glossary gives for some other Chinese word (Digital for 数据) pair with the Chinese glossary words
 * left over, as a loose translation; anything else left over on either side, and nothing is learned.
 */
function learnRun(
  brand: string | undefined,
  name: string,
  zh: NormalizedName,
  english: string,
  en: NormalizedName,
  lexicon: Lexicon,
  translations: ReadonlySet<string>,
  acronyms: ReadonlySet<string>,
): Omit<LearnedBrand, 'from'> | undefined {
  const enKeys = new Set(en.tokens.flatMap((t) => [...t.keys, ...(t.parts ?? [])]));
  const zhKeys = new Set(zh.tokens.flatMap((t) => [...t.keys, ...(t.parts ?? [])]));
  const leftEn = en.tokens.filter((t) => !t.keys.some((k) => zhKeys.has(k)) && !(t.parts ?? []).some((k) => zhKeys.has(k)));
  const coined = leftEn.filter((t) => !t.keys.some((k) => translations.has(k)) || t.keys.some((k) => acronyms.has(k)));
  if (coined.length !== 1) return undefined;
  const word = coined[0]!;
  const key = word.keys.find((k) => acronyms.has(k)) ?? word.keys[0]!;
  const acronym = acronyms.has(key);
  // A coined word (letters, long enough to be a name) or a group's acronym; never the name's own initials
  // (… Research Institute (HSRI)), which translate nothing: the other words already say it.
  if (!acronym && (word.kind !== 'word' || !/^\p{L}{4,}$/u.test(key) || spellsInitials(key, english, word.surface))) return undefined;
  const met = (t: (typeof zh.tokens)[number]): boolean => t.keys.some((k) => enKeys.has(k)) || (t.parts ?? []).some((k) => enKeys.has(k));
  const idx = zh.tokens.map((t, i) => (!met(t) && t.kind === 'pinyin' ? i : -1)).filter((i) => i >= 0);
  if (idx.length === 0 || idx[idx.length - 1]! - idx[0]! !== idx.length - 1) return undefined;
  const span = idx.map((i) => simplify(zh.tokens[i]!.surface)).join('');
  if (span.length < 2 || !name.includes(span) || key === syllables(span).join('') || (brand && !brand.includes(span) && !span.includes(brand))) return undefined;
  // The Chinese words left over besides the run: glossary or generic words the English may leave out or word loosely.
  const otherZh = zh.tokens.filter((t, i) => !met(t) && !idx.includes(i));
  if (!otherZh.every((t) => t.kind === 'glossary' || t.kind === 'phrase' || t.keys.some((k) => lexicon.genericKeys.has(k)))) return undefined;
  // Each Chinese business word left over (places and other generic words aside) needs its loose English word, or the
  // coined word may stand for it too (航天晨光 = Aerosun: 航天 Aero- is inside the coined word, not left out).
  const looseZh = new Set(otherZh.filter((t) => (t.kind === 'glossary' || t.kind === 'phrase') && !t.keys.some((k) => lexicon.genericKeys.has(k))).map((t) => t.surface)).size;
  if (leftEn.length - 1 !== looseZh) return undefined;
  return { zh: span, key, shown: word.surface };
}

/** A word made of pinyin syllables only (hefei, panda), as opposed to a coined English brand (Inspur, Kyland). */
const PINYIN_WORD = /^(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ue|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|er|a|e|i|o|u|v))+$/;

/**
 * An entry that prints the run's own pinyin (Changhong Meiling) and another pinyin word for it (Hefei Meiling, the
 * former name: 合肥 Hefei) was renamed or is named by a place: that word is not the run's English.
 */
function renamed(key: string, run: string, english: readonly string[]): boolean {
  if (!PINYIN_WORD.test(key)) return false;
  const own = syllables(run).join('');
  return english.some((en) => en.toLowerCase().split(/[^\p{L}]+/u).includes(own));
}

/** The reading given most often, or undefined on a tie. */
function majority(runs: (Omit<LearnedBrand, 'from'> | undefined)[]): Omit<LearnedBrand, 'from'> | undefined {
  const counts = new Map<string, { run: Omit<LearnedBrand, 'from'>; n: number }>();
  for (const r of runs) {
    if (!r) continue;
    const id = `${r.zh}\u0000${r.key}`;
    const c = counts.get(id) ?? { run: r, n: 0 };
    c.n++;
    counts.set(id, c);
  }
  const ranked = [...counts.values()].sort((a, b) => b.n - a.n);
  return ranked.length && (ranked.length === 1 || ranked[0]!.n > ranked[1]!.n) ? ranked[0]!.run : undefined;
}

/** Whether `key` is the initials, in order, of words of `english` other than `surface` itself (SISET, HSRI, CUMEC). */
function spellsInitials(key: string, english: string, surface: string): boolean {
  if (key.length < 2) return false;
  const initials = english
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && w !== surface)
    .map((w) => w[0]!.toLowerCase());
  let k = 0;
  for (const c of initials) if (k < key.length && c === key[k]) k++;
  return k === key.length;
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
    // A short form reads as a concept word (a brand); a run of a registered name as a translated word (no parts).
    if (!b.part && !conceptWords.has(b.key)) conceptWords.set(b.key, [b.key]);
    if (!conceptNames.has(b.key)) conceptNames.set(b.key, `${b.shown} (the English of the short form, from the curated name ${b.from})`);
    longestHanWord = Math.max(longestHanWord, b.zh.length);
  }
  return { ...lexicon, glossary, conceptWords, conceptNames, longestHanWord };
}
