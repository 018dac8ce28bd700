import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import type { Lexicon } from './lexicon.js';

/**
 * Chinese (and Japanese kanji) names: traditional → simplified with OpenCC,
 * then a segmentation that prefers, in order, legal forms and glossary words
 * (技术 → technology) and pinyin words that the lists actually spell (华为 →
 * huawei), so 華為技術有限公司 and Huawei Technologies Co., Ltd. meet.
 *
 * pinyin-pro's own segmenter only groups polyphonic phrases, so the words are
 * chosen against the index vocabulary instead: listed names are the dictionary.
 */

// Taiwan and Hong Kong variants first, then OpenCC's standard traditional set.
const toSimplified = [
  OpenCC.Converter({ from: 'tw', to: 'cn' }),
  OpenCC.Converter({ from: 'hk', to: 'cn' }),
  OpenCC.Converter({ from: 't', to: 'cn' }),
];
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

export const HAN_RUN = /\p{Script=Han}+/gu;
export const HAS_HAN = /\p{Script=Han}/u;

export function simplify(text: string): string {
  // Latin names (most of the lists) have nothing to convert; OpenCC would still walk them three times.
  if (!HAS_HAN.test(text)) return text;
  let out = text;
  for (const convert of toSimplified) out = convert(out);
  return out;
}

/** Simplified → traditional (Taiwan standard), for building evaluation variants. */
export function traditionalize(text: string): string {
  return toTraditional(text);
}

/** Toneless pinyin syllables, one per character, using pinyin-pro's context for polyphonic characters. */
export function syllables(simplified: string): string[] {
  const out = pinyin(simplified, { toneType: 'none', type: 'array', v: false, nonZh: 'consecutive' }) as string[];
  return out.map((s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase());
}

export interface HanToken {
  /** Canonical keys; several when the glossary gives alternatives (存储 → memory | storage). */
  keys: string[];
  /** The characters as written in the input (traditional stays traditional). */
  surface: string;
  /** The characters after conversion to simplified. */
  simplified: string;
  how: 'glossary' | 'pinyin' | 'legal' | 'drop' | 'number';
  /** A one-character pinyin token written next to another one (海康威视 cut as hai kang wei shi): part of a word, not a lone syllable. */
  inRun?: boolean;
  /** The English or pinyin form shown in explanations. */
  reading: string;
}

/**
 * Splits one run of Han characters into tokens. `isKnown` tells whether a
 * pinyin word occurs in the listed names; without it pinyin is taken two
 * syllables at a time, the commonest length of a Chinese word.
 */
export function segmentHan(run: string, lex: Lexicon, isKnown?: (key: string) => boolean): HanToken[] {
  const simplified = simplify(run);
  // OpenCC converts character by character for these presets; keep the original surface when lengths agree.
  const surfaceOf = simplified.length === run.length ? (i: number, j: number) => run.slice(i, j) : (i: number, j: number) => simplified.slice(i, j);
  const py = syllables(simplified);
  const n = simplified.length;
  if (py.length !== n) {
    // pinyin-pro groups non-Han characters; runs here are Han only, but stay safe.
    return [{ keys: [py.join('')], surface: run, simplified, how: 'pinyin', reading: py.join('') }];
  }
  const maxLen = Math.max(lex.longestHanWord, 4);
  // Best segmentation of each prefix: its score, where its last word starts (-1: not reached) and what that word is.
  const bestScore = new Float64Array(n + 1);
  const bestFrom = new Int32Array(n + 1).fill(-1);
  const bestKind: HanToken['how'][] = new Array(n + 1);
  bestFrom[0] = 0;
  const legal = hanLegalSet(lex);
  for (let i = 0; i < n; i++) {
    if (bestFrom[i] === -1) continue;
    const base = bestScore[i]!;
    let joinedPinyin = '';
    for (let j = i + 1; j <= Math.min(n, i + maxLen); j++) {
      joinedPinyin += py[j - 1]!;
      const span = simplified.slice(i, j);
      const len = j - i;
      let score: number;
      let kind: HanToken['how'];
      if (legal.has(span)) {
        score = len * 1.02;
        kind = 'legal';
      } else if (numeralValue(span, simplified[j], lex) !== undefined) {
        score = len * 1.03;
        kind = 'number';
      } else if (lex.glossary.has(span)) {
        score = len * 1.01;
        kind = lex.glossary.get(span)!.words.length === 0 ? 'drop' : 'glossary';
      } else if (len <= 4) {
        if (isKnown?.(joinedPinyin)) score = len >= 2 ? len * 0.97 : 0.3;
        else score = len === 2 ? 0.4 : len === 3 ? 0.5 : len === 1 ? 0.15 : 0.2;
        kind = 'pinyin';
      } else continue;
      // A small cost per token prefers fewer, longer words when coverage is equal.
      const total = base + score - 0.001;
      if (bestFrom[j] === -1 || total > bestScore[j]!) {
        bestScore[j] = total;
        bestFrom[j] = i;
        bestKind[j] = kind;
      }
    }
  }
  const spans: { i: number; j: number; kind: HanToken['how'] }[] = [];
  for (let j = n; j > 0; ) {
    spans.push({ i: bestFrom[j]!, j, kind: bestKind[j]! });
    j = bestFrom[j]!;
  }
  spans.reverse();
  const tokens: HanToken[] = [];
  for (const { i, j, kind } of spans) {
    const simp = simplified.slice(i, j);
    const surface = surfaceOf(i, j);
    if (kind === 'glossary') {
      const entry = lex.glossary.get(simp)!;
      // A concept (CETC, univ-tech) reads as its English name, so the explanation says what it stands for.
      const reading = entry.concept ? conceptReading(entry.words[0]![0]!, lex) : entry.words.map((w) => w.join('|')).join(' ');
      for (const alts of entry.words) tokens.push({ keys: alts, surface, simplified: simp, how: 'glossary', reading });
    } else if (kind === 'number') {
      const value = String(numeralValue(simp, simplified[j], lex));
      tokens.push({ keys: [value], surface, simplified: simp, how: 'number', reading: simp.startsWith('第') ? ordinal(value) : value });
    } else if (kind === 'pinyin') {
      const joined = py.slice(i, j).join('');
      tokens.push({ keys: [joined], surface, simplified: simp, how: 'pinyin', reading: joined });
    } else {
      tokens.push({ keys: [], surface, simplified: simp, how: kind, reading: kind === 'legal' ? 'legal form' : 'dropped' });
    }
  }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const lone = (x: HanToken | undefined): boolean => !!x && x.how === 'pinyin' && x.simplified.length === 1;
    if (lone(t) && (lone(tokens[i - 1]) || lone(tokens[i + 1]))) t.inRun = true;
  }
  return tokens;
}

/** The Han legal forms of a lexicon as a set, built once per lexicon rather than once per segmented run. */
const legalSets = new WeakMap<Lexicon['hanLegalForms'], Set<string>>();
function hanLegalSet(lex: Lexicon): Set<string> {
  let set = legalSets.get(lex.hanLegalForms);
  if (!set) legalSets.set(lex.hanLegalForms, (set = new Set(lex.hanLegalForms.map((f) => f.tokens[0]!))));
  return set;
}

/**
 * The value of a run of Chinese numerals, when the run is a number in a name:
 * always after 第 (第十四 = 14th), otherwise only a run with 十 or 百 (十三 = 13),
 * or a single numeral before 所 / 院 / 厂 (三所), so that 三星 stays Samsung's
 * 三星 and 一汽 stays a word.
 */
export function numeralValue(span: string, next: string | undefined, lex: Lexicon): number | undefined {
  const chars = [...span];
  const ordinal = lex.hanNumerals.get(chars[0]!)?.kind === 'zh-ordinal';
  const digits = ordinal ? chars.slice(1) : chars;
  if (digits.length === 0) return undefined;
  let total = 0;
  let unit = -1;
  let scaled = false;
  for (const c of digits) {
    const n = lex.hanNumerals.get(c);
    if (!n || n.kind === 'zh-ordinal') return undefined;
    if (n.kind === 'zh-digit') {
      if (unit >= 0 && !scaled) unit = unit * 10 + n.value;
      else unit = n.value;
      scaled = false;
    } else {
      // 十 alone is 10; 二十 is 20; 一百零八 is 108.
      total += (unit < 0 ? 1 : unit) * n.value;
      unit = -1;
      scaled = true;
    }
  }
  if (unit >= 0) total += unit;
  if (ordinal) return total;
  const hasScale = digits.some((c) => lex.hanNumerals.get(c)!.kind !== 'zh-digit');
  if (hasScale && digits.length >= 2) return total;
  if (digits.length === 1 && next !== undefined && '所院厂'.includes(next)) return total;
  return undefined;
}

/** 1 → 1st, 12 → 12th, 23 → 23rd. */
export function ordinal(value: string): string {
  const n = Number(value);
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${value}${suffix}`;
}

/** "CETC (China Electronics Technology Group)", "research institute": how a concept word is shown. */
export function conceptReading(concept: string, lex: Lexicon): string {
  const name = lex.conceptNames.get(concept);
  if (!name) return concept;
  return /^[a-z]{2,8}$/.test(concept) && name.toLowerCase() !== concept ? `${concept.toUpperCase()} (${name.split(" / ")[0]})` : name;
}
