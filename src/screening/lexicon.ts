import { parse } from 'csv-parse/sync';
import { foldPlural, plainWord } from './normalize.js';
import { syllables } from './chinese.js';

/**
 * The word lists that normalisation reads: legal forms, abbreviations,
 * stop words and the Chinese business glossary. They are data (data/lists/terms)
 * so a compliance officer can read and extend them; this module only parses them.
 */
export interface LegalForm {
  /** Canonical tokens of the form (`co ltd` → ['co', 'ltd']) or the Han string (`有限公司`). */
  tokens: string[];
  /** `end`: only when the form ends the name, because the word is also an ordinary word. */
  endOnly: boolean;
  meaning: string;
}

export interface GlossaryEntry {
  zh: string;
  /** English words; each word may have alternatives (`memory|storage`). Empty: the word is dropped. */
  words: string[][];
  /** The entry comes from phrases.csv: one concept word (CETC), not a translation. */
  concept?: boolean;
}

export interface Lexicon {
  /** Latin legal forms by their first token, longest first. */
  legalForms: Map<string, LegalForm[]>;
  /** Han legal forms, longest first (`股份有限公司` before `有限公司`). */
  hanLegalForms: LegalForm[];
  /** Abbreviation or variant → canonical words (several when ambiguous). */
  abbreviations: Map<string, string[]>;
  stopwords: Set<string>;
  /** Simplified-Chinese word → glossary entry. */
  glossary: Map<string, GlossaryEntry>;
  /** Longest glossary or legal-form word, in characters (bounds the segmenter's look-ahead). */
  longestHanWord: number;
  /** English multi-word phrases read as one concept word, by their first word, longest first. */
  phrases: Map<string, Phrase[]>;
  /** Each concept's first English phrase, in canonical words (cetc → china electronic technology group). */
  conceptWords: Map<string, string[]>;
  /** Each concept's first English phrase as written (China Electronics Technology Group), for explanations. */
  conceptNames: Map<string, string>;
  /** Keys of words common in company names though rare in the lists (yangtze, hua): weighed as common words. */
  genericKeys: Set<string>;
  /** English number words (forty, fourth) and Chinese numerals (十, 第). */
  numberWords: Map<string, NumberWord>;
  hanNumerals: Map<string, NumberWord>;
}

export interface Phrase {
  /** The phrase's canonical words, as names are compared (plural folded, stop words out). */
  words: string[];
  /** Concept keys (several when the phrase names more than one thing: Institute of Technology). */
  concepts: string[];
}

export interface NumberWord {
  value: number;
  kind: 'unit' | 'teen' | 'ten' | 'ordinal' | 'zh-digit' | 'zh-ten' | 'zh-hundred' | 'zh-ordinal';
}

export interface LexiconSources {
  legalForms: string;
  abbreviations: string;
  stopwords: string;
  glossaryZh: string;
  /** phrases.csv: multi-word names read as one word (CETC, Institute of Technology); optional. */
  phrases?: string | undefined;
  /** generic_words.csv: words common in company names though rare in the lists; optional. */
  genericWords?: string | undefined;
  /** numbers.csv: number words and Chinese numerals; optional. */
  numbers?: string | undefined;
}

const HAN = /\p{Script=Han}/u;

function rows(text: string, source: string): Record<string, string>[] {
  try {
    return parse(text, { columns: true, comment: '#', skip_empty_lines: true, trim: true, relax_column_count: true });
  } catch (err) {
    throw new Error(`${source}: ${(err as Error).message}`);
  }
}

/** Splits a legal form as written (`Co., Ltd.`) into the canonical tokens names are compared on. */
export function legalFormTokens(form: string): string[] {
  return form
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/['’]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

export function parseLexicon(src: LexiconSources): Lexicon {
  const legalForms = new Map<string, LegalForm[]>();
  const hanLegalForms: LegalForm[] = [];
  for (const r of rows(src.legalForms, 'legal_forms.csv')) {
    const form = r.form ?? '';
    if (!form) continue;
    const endOnly = r.where === 'end';
    const meaning = r.meaning ?? '';
    if (HAN.test(form) || /[\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(form)) {
      hanLegalForms.push({ tokens: [form], endOnly, meaning });
      continue;
    }
    const tokens = legalFormTokens(form);
    if (tokens.length === 0) continue;
    const list = legalForms.get(tokens[0]!) ?? [];
    list.push({ tokens, endOnly, meaning });
    legalForms.set(tokens[0]!, list);
  }
  for (const list of legalForms.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  hanLegalForms.sort((a, b) => b.tokens[0]!.length - a.tokens[0]!.length);

  const abbreviations = new Map<string, string[]>();
  for (const r of rows(src.abbreviations, 'abbreviations.csv')) {
    if (!r.word || !r.canonical) continue;
    abbreviations.set(r.word.toLowerCase(), r.canonical.toLowerCase().split('|').map((s) => s.trim()));
  }
  const stopwords = new Set<string>();
  for (const r of rows(src.stopwords, 'stopwords.csv')) if (r.word) stopwords.add(r.word.toLowerCase());

  const glossary = new Map<string, GlossaryEntry>();
  let longestHanWord = 0;
  for (const r of rows(src.glossaryZh, 'glossary_zh.csv')) {
    const zh = r.zh ?? '';
    const en = (r.en ?? '').trim();
    if (!zh || !en) continue;
    // English words as names are compared: stop words out, plurals folded (academy of sciences → academy science).
    const words = en === '-' ? [] : en.toLowerCase().split(/\s+/).filter((w) => !stopwords.has(w)).map((w) => w.split('|').map(foldPlural));
    glossary.set(zh, { zh, words });
    longestHanWord = Math.max(longestHanWord, zh.length);
  }
  const phrases = new Map<string, Phrase[]>();
  const concepts = new Map<string, string[]>();
  const conceptWords = new Map<string, string[]>();
  const conceptNames = new Map<string, string>();
  for (const r of rows(src.phrases ?? '', 'phrases.csv')) {
    const concept = (r.concept ?? '').trim().toLowerCase();
    const phrase = (r.phrase ?? '').trim();
    if (!concept || !phrase) continue;
    if (HAN.test(phrase)) {
      // A Chinese form is a glossary word whose English is the concept (and its ordinary reading, if any).
      const literal = (r.literal ?? '').trim().toLowerCase().split(/\s+/).filter(Boolean).join('');
      const prev = glossary.get(phrase);
      const keys = [concept, ...(literal ? [literal] : [])];
      glossary.set(phrase, { zh: phrase, words: [prev?.concept ? [...new Set([...prev.words[0]!, ...keys])] : keys], concept: true });
      longestHanWord = Math.max(longestHanWord, phrase.length);
      continue;
    }
    const words = phraseWords(phrase, abbreviations, stopwords);
    if (words.length === 0) continue;
    const key = words.join(' ');
    if (!conceptWords.has(concept) && words.length > 1) conceptWords.set(concept, words);
    if (words.length > 1) {
      // Up to four English forms, so 工业大学 explains as Polytechnical University / … / Institute of Technology.
      const shown = phrase.replace(/(^|\s)(?!of\s|and\s)(\p{Ll})/gu, (_, sp: string, c: string) => sp + c.toUpperCase());
      const prev = conceptNames.get(concept);
      if (!prev) conceptNames.set(concept, shown);
      else if (prev.split(' / ').length < 4 && !prev.toLowerCase().split(' / ').includes(shown.toLowerCase())) conceptNames.set(concept, `${prev} / ${shown}`);
    }
    const list = concepts.get(key) ?? [];
    if (!list.includes(concept)) list.push(concept);
    concepts.set(key, list);
  }
  for (const [key, list] of concepts) {
    const words = key.split(' ');
    const bucket = phrases.get(words[0]!) ?? [];
    bucket.push({ words, concepts: list });
    phrases.set(words[0]!, bucket);
  }
  for (const list of phrases.values()) list.sort((a, b) => b.words.length - a.words.length);
  const numberWords = new Map<string, NumberWord>();
  const hanNumerals = new Map<string, NumberWord>();
  for (const r of rows(src.numbers ?? '', 'numbers.csv')) {
    const word = (r.word ?? '').trim().toLowerCase();
    const kind = (r.kind ?? '').trim() as NumberWord['kind'];
    if (!word || !NUMBER_KINDS.has(kind)) continue;
    const value = Number(r.value ?? '');
    (kind.startsWith('zh-') ? hanNumerals : numberWords).set(word, { value: Number.isFinite(value) ? value : 0, kind });
  }
  const genericKeys = new Set<string>();
  for (const r of rows(src.genericWords ?? '', 'generic_words.csv')) {
    const word = (r.word ?? '').trim();
    if (!word) continue;
    if (!HAN.test(word)) genericKeys.add(plainWord(word).replace(/['’]/g, ''));
    else {
      const g = glossary.get(word);
      if (g && !g.concept) for (const alts of g.words) for (const w of alts) genericKeys.add(w);
      if (!g || g.words.length > 1) genericKeys.add(syllables(word).join(''));
      if (g && g.words.length === 1) for (const w of g.words[0]!) genericKeys.add(w);
    }
  }
  for (const f of hanLegalForms) longestHanWord = Math.max(longestHanWord, f.tokens[0]!.length);
  return {
    genericKeys, legalForms, hanLegalForms, abbreviations, stopwords, glossary, longestHanWord, phrases, conceptWords, conceptNames, numberWords, hanNumerals };
}

const NUMBER_KINDS = new Set(['unit', 'teen', 'ten', 'ordinal', 'zh-digit', 'zh-ten', 'zh-hundred', 'zh-ordinal']);

/** A phrase's words as names are compared: lower case, no accents or apostrophes, plural folded, abbreviations read, stop words out. */
function phraseWords(phrase: string, abbreviations: Map<string, string[]>, stopwords: Set<string>): string[] {
  return phrase
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/['’`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !stopwords.has(w))
    .map((w) => {
      const folded = foldPlural(w);
      return abbreviations.get(w)?.[0] ?? abbreviations.get(folded)?.[0] ?? folded;
    });
}
