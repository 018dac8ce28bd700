import type { Lexicon } from './lexicon.js';
import { HAS_HAN, conceptReading, segmentHan } from './chinese.js';
import { cyrillicToLatin, hasCyrillic } from './translit.js';
import { editDistance } from './similarity.js';

/** Single-word legal forms long enough that one wrong letter cannot make another word. */
const LONG_FORMS = ['company', 'corporation', 'limited', 'incorporated'];

/**
 * Name normalisation: one canonical token sequence per name, whatever the
 * script, case, accents, punctuation, legal form or abbreviation, with enough
 * of each step kept to explain a match to a compliance officer.
 */

export type TokenKind = 'word' | 'number' | 'glossary' | 'pinyin' | 'phrase';

export interface NameToken {
  /** Canonical keys compared by the index and scorer; several when the word is ambiguous. */
  keys: string[];
  /** The word as written in the input. */
  surface: string;
  kind: TokenKind;
  /** How the surface became the key, for explanations: e.g. `華為 → 华为 → huawei`, `Technologies → technology`. */
  path: string;
  /**
   * A phrase read as one concept (CETC) keeps its words, so a name that
   * spells them with a typo or in another order still meets it word by word.
   */
  parts?: string[] | undefined;
  /** A one-character pinyin token written beside others of its kind, inside one word (see HanToken.inRun). */
  inRun?: boolean | undefined;
}

export interface NormalizedName {
  original: string;
  tokens: NameToken[];
  /** Legal-form words found and set aside (`Co., Ltd.`, `有限公司`). */
  legalForms: string[];
  /** Stop words and administrative words dropped. */
  dropped: string[];
}

export interface NormalizeOptions {
  /** Whether a key occurs in the listed names; guides pinyin word segmentation. */
  isKnown?: ((key: string) => boolean) | undefined;
}

const SPECIAL_LETTERS: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', ı: 'i', þ: 'th', ħ: 'h',
};
const SPECIAL_RE = /[ßæœøđðłıþħ]/g;
const INITIALISM = /^(?:\p{L}\.){2,}\p{L}?\.?$/u;

/** Lower-case, accent-free form of one word, before plural folding and abbreviations. */
export function plainWord(word: string): string {
  return word
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(SPECIAL_RE, (c) => SPECIAL_LETTERS[c] ?? c);
}

/** Folds English plurals (technologies → technology, systems → system); both sides get the same fold. */
export function foldPlural(w: string): string {
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w;
}

interface RawToken {
  surface: string;
  plain: string;
  /** A number written as a word keeps the word too, so a typo in it (Foutreenth) still meets it. */
  word?: string;
  han?: NameToken[];
  legal?: boolean;
  drop?: boolean;
}

/** Splits non-Han text into words, joining initialisms (S.A. → sa) and dropping apostrophes (Xi'an → xian). */
function latinWords(text: string): RawToken[] {
  const src = hasCyrillic(text) ? cyrillicToLatin(text) : text;
  const out: RawToken[] = [];
  for (const chunk of src.split(/[^\p{L}\p{N}&.'’`]+/u)) {
    if (!chunk) continue;
    const parts = INITIALISM.test(chunk) ? [chunk.replace(/\./g, '')] : chunk.split('.');
    for (const part of parts) {
      for (const piece of part.split(/(&)/)) {
        const surface = piece.replace(/^['’`]+|['’`]+$/g, '');
        if (!surface) continue;
        const plain = plainWord(surface.replace(/['’`]/g, ''));
        if (plain) out.push({ surface, plain });
      }
    }
  }
  return out;
}

/** Runs of single letters are one initialism: "S A de C V" = "S.A. de C.V.", "I B M" = "IBM". */
function joinInitials(tokens: RawToken[]): RawToken[] {
  const out: RawToken[] = [];
  for (let i = 0; i < tokens.length; ) {
    let j = i;
    while (j < tokens.length && !tokens[j]!.han && /^\p{L}$/u.test(tokens[j]!.plain)) j++;
    if (j - i >= 2) {
      const run = tokens.slice(i, j);
      out.push({ surface: run.map((t) => t.surface).join(' '), plain: run.map((t) => t.plain).join('') });
      i = j;
    } else out.push(tokens[i++]!);
  }
  return out;
}

function splitScripts(text: string, lex: Lexicon, opts: NormalizeOptions): RawToken[] {
  if (!HAS_HAN.test(text)) return latinWords(text);
  const out: RawToken[] = [];
  let last = 0;
  for (const m of text.matchAll(/\p{Script=Han}+/gu)) {
    out.push(...latinWords(text.slice(last, m.index)));
    for (const t of segmentHan(m[0], lex, opts.isKnown)) {
      if (t.how === 'legal') out.push({ surface: t.surface, plain: t.simplified, legal: true });
      else if (t.how === 'drop') out.push({ surface: t.surface, plain: t.simplified, drop: true });
      else {
        const via = t.surface === t.simplified ? t.surface : `${t.surface} → ${t.simplified}`;
        const kind: TokenKind = t.how === 'glossary' ? 'glossary' : t.how === 'number' ? 'number' : 'pinyin';
        out.push({ surface: t.surface, plain: t.simplified, han: [{ keys: t.keys, surface: t.surface, kind, path: `${via} → ${t.reading}`, ...(t.inRun ? { inRun: true } : {}) }] });
      }
    }
    last = m.index + m[0].length;
  }
  out.push(...latinWords(text.slice(last)));
  return out;
}

/** Marks legal forms: first those ending the name (repeatedly: `GmbH & Co. KG`), then `any` forms anywhere. */
function markLegalForms(raw: RawToken[], lex: Lexicon): void {
  const words = raw.filter((t) => !t.han && !t.legal && !t.drop);
  const match = (i: number, atEnd: boolean): number => {
    const w = words[i]!.plain;
    // A misspelt long legal-form word (Compayy, Corporaton) is still a legal form.
    if (w.length >= 6 && !lex.legalForms.has(w) && !lex.abbreviations.has(w)) {
      for (const f of LONG_FORMS) if (Math.abs(f.length - w.length) <= 1 && editDistance(f, w, 1) <= 1) return 1;
    }
    for (const form of lex.legalForms.get(w) ?? []) {
      if (form.endOnly && !atEnd) continue;
      const len = form.tokens.length;
      if (i + len > words.length) continue;
      if (atEnd && i + len !== end) continue;
      let ok = true;
      for (let k = 1; k < len; k++) if (words[i + k]!.plain !== form.tokens[k]) ok = false;
      if (ok) return len;
    }
    return 0;
  };
  let end = words.length;
  let stripped = true;
  while (stripped && end > 0) {
    stripped = false;
    for (let i = Math.max(0, end - 6); i < end; i++) {
      const len = match(i, true);
      if (len > 0 && i + len === end) {
        for (let k = i; k < end; k++) words[k]!.legal = true;
        end = i;
        stripped = true;
        break;
      }
    }
  }
  for (let i = 0; i < end; ) {
    const len = match(i, false);
    if (len > 0 && i + len <= end) {
      for (let k = i; k < i + len; k++) words[k]!.legal = true;
      i += len;
    } else i++;
  }
}

/**
 * Numbers written as words or ordinals become digits, on both sides alike:
 * 14th = fourteenth = 14, Forty-Four = forty four = 44, Forty 4 = 44.
 */
function readNumbers(raw: RawToken[], lex: Lexicon): RawToken[] {
  const out: RawToken[] = [];
  const value = (t: RawToken | undefined): { n: number; kind: string } | undefined => {
    if (!t || t.han || t.legal || t.drop) return undefined;
    const suffixed = /^(\d+)(?:st|nd|rd|th)$/.exec(t.plain);
    if (suffixed) return { n: Number(suffixed[1]), kind: 'ordinal' };
    if (/^\d+$/.test(t.plain)) return { n: Number(t.plain), kind: 'digits' };
    const w = lex.numberWords.get(t.plain);
    return w ? { n: w.value, kind: w.kind } : undefined;
  };
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i]!;
    const v = value(t);
    if (!v || (v.kind === 'digits' && !/^0\d/.test(t.plain) && String(v.n) === t.plain)) {
      out.push(t);
      continue;
    }
    const next = raw[i + 1];
    const nv = value(next);
    // Tens then a unit or unit ordinal: forty four, twenty-ninth, forty 4.
    if (v.kind === 'ten' && nv && nv.n >= 1 && nv.n <= 9 && nv.kind !== 'teen' && nv.kind !== 'ten') {
      out.push({ surface: `${t.surface} ${next!.surface}`, plain: String(v.n + nv.n), word: t.plain + next!.plain });
      i++;
      continue;
    }
    out.push({ surface: t.surface, plain: String(v.n), ...(/^\d/.test(t.plain) ? {} : { word: t.plain }) });
  }
  return out;
}

/**
 * Multi-word names of one thing (phrases.csv) become one token: China
 * Electronics Technology Group = 中国电子科技集团 = CETC, Institute of Technology
 * = 工业大学. A parent group inside a listed name then weighs as one word.
 */
function readPhrases(tokens: NameToken[], lex: Lexicon): NameToken[] {
  if (lex.phrases.size === 0) return tokens;
  const out: NameToken[] = [];
  for (let i = 0; i < tokens.length; ) {
    let done = false;
    for (const key of tokens[i]!.keys) {
      for (const p of lex.phrases.get(key) ?? []) {
        const len = p.words.length;
        if (i + len > tokens.length) continue;
        let ok = true;
        for (let k = 1; k < len && ok; k++) ok = tokens[i + k]!.keys.includes(p.words[k]!);
        if (!ok) continue;
        if (len === 1 && p.concepts.length === 1 && p.concepts[0] === key) break;
        const run = tokens.slice(i, i + len);
        const surface = run.map((t) => t.surface).join(HAS_HAN.test(run[0]!.surface) ? '' : ' ');
        out.push({ keys: p.concepts, surface, kind: 'phrase', path: `${surface} → ${p.concepts.map((c) => conceptReading(c, lex)).join(' | ')}`, parts: p.words });
        i += len;
        done = true;
        break;
      }
      if (done) break;
    }
    if (!done) out.push(tokens[i++]!);
  }
  return out;
}

function wordToken(t: RawToken, lex: Lexicon): NameToken {
  if (/^\d+$/.test(t.plain) && t.word) return { keys: [t.plain, t.word], surface: t.surface, kind: 'number', path: `${t.surface} → ${t.plain}` };
  if (/^\d+$/.test(t.plain)) return { keys: [t.plain], surface: t.surface, kind: 'number', path: t.surface === t.plain ? t.surface : `${t.surface} → ${t.plain}` };
  const direct = lex.abbreviations.get(t.plain);
  const folded = foldPlural(t.plain);
  const abbreviated = direct ?? lex.abbreviations.get(folded);
  const keys = abbreviated ?? [folded];
  // Case and plural folding go without saying; an abbreviation is worth showing (Tech → technology).
  const path = abbreviated ? `${t.surface} → ${keys.join('|')}` : t.surface;
  return { keys, surface: t.surface, kind: 'word', path };
}

export function normalizeName(text: string, lex: Lexicon, opts: NormalizeOptions = {}): NormalizedName {
  const original = text;
  const raw = readNumbers(joinInitials(splitScripts(text.normalize('NFKC'), lex, opts)), lex);
  markLegalForms(raw, lex);
  const tokens: NameToken[] = [];
  const legalForms: string[] = [];
  const dropped: string[] = [];
  for (const t of raw) {
    if (t.han) tokens.push(...t.han);
    else if (t.legal) legalForms.push(t.surface);
    else if (t.drop || lex.stopwords.has(t.plain)) dropped.push(t.surface);
    else tokens.push(wordToken(t, lex));
  }
  // A name made only of legal-form words (e.g. "Limited") is still a name: keep them then.
  if (tokens.length === 0 && legalForms.length > 0) {
    for (const t of raw) if (t.legal && !t.han) tokens.push(wordToken(t, lex));
    legalForms.length = 0;
  }
  const read = readPhrases(tokens, lex);
  // A Chinese concept word (中电科) spells, word by word, its English phrase.
  for (const t of read) if (t.kind === 'glossary' && t.keys.length && lex.conceptWords.has(t.keys[0]!)) t.parts = lex.conceptWords.get(t.keys[0]!);
  return { original, tokens: read, legalForms, dropped };
}

/** The canonical form of a whole name: primary keys joined by spaces (equal strings = an exact name match). */
export function canonicalName(n: NormalizedName): string {
  return n.tokens.map((t) => t.keys[0]).join(' ');
}
