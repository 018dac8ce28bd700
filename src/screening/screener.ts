import type { ListEntry, ListVersion, Screener, ScreeningHit, ScreeningResult, ScreenOptions } from '../domain/index.js';
import type { Lexicon } from './lexicon.js';
import { NameIndex } from './name-index.js';
import { normalizeName, plainWord, type NormalizedName } from './normalize.js';
import { alignTokens, scoreTokens, type AlignOptions, type AlignmentScore, type WeightedTokens } from './score.js';
import { explainAlignment, explainLocalName } from './explain.js';
import { HAS_HAN, simplify } from './chinese.js';
import { learnBrandWords, withBrandWords } from './brand-words.js';

const CHINESE_SPEAKING = new Set(['CN', 'HK', 'MO', 'TW', 'SG']);

/**
 * Alert threshold: a hit at or above it is a finding in a determination.
 * 0.80 keeps every exact and legal-form/abbreviation/script variant of a listed
 * name (they score 1.0), single typos in a distinctive word (≈0.85–0.95) and
 * names that drop one common word, while a look-alike that shares only common
 * list words (Beijing … Trading) stays below it. Calibrated on the labelled
 * evaluation set (test/eval): see bench/README.md for recall and false positives.
 */
export const DEFAULT_ALERT_THRESHOLD = 0.8;
/**
 * Decision threshold for `match` on a pair of names (entity resolution, not
 * screening): chosen on the tuning half of the nomenklatura pairs only.
 */
export const PAIR_MATCH_THRESHOLD = 0.75;
/**
 * Screening a name written in Chinese: the words of a listed name that the query
 * leaves out (or the query's words the listed name lacks: 中国, a parent group)
 * keep this share of their weight when the rest matched and includes a
 * distinctive word: the brand 海康威视 inside 杭州海康威视数字技术股份有限公司.
 * Latin-script queries keep the full weight (calibrated on the Latin kinds).
 */
export const CONTAINED_EXTRA_WEIGHT = 0.5;
/** A Chinese word that only sounds like the entry's known Chinese name (华威 / 华为) stays a near miss for a reviewer. */
export const HOMOPHONE_CAP = 0.7;
/** Hits below this are not returned at all (reviewers still see near misses above it). */
export const DEFAULT_CANDIDATE_FLOOR = 0.6;
/** Candidates verified by the precise scorer per query. */
const CANDIDATES = 48;
/** Postings longer than this (words in thousands of names) only pick candidates when nothing rarer did. */
const COMMON_POSTINGS = 2500;
/** Words in more names than this (Technology, Beijing) add weight to candidates but do not bring new ones. */
const BOOST_ONLY_POSTINGS = 800;
/** Candidates whose exact-token overlap is this far below the floor cannot reach it on typos alone. */
const MIN_ESTIMATE = 0.3;
/** How far a typo or abbreviation can lift a name above its exact-token estimate. */
const ESTIMATE_MARGIN = 0.15;

export interface ScreenerOptions {
  entries: readonly ListEntry[];
  versions: readonly ListVersion[];
  lexicon: Lexicon;
  alertThreshold?: number | undefined;
  candidateFloor?: number | undefined;
}

export interface MatchOptions {
  /** What the two names are of (FollowTheMoney schema words: Person, Company, Organization, Vessel...); changes how missing words count. */
  schema?: string | undefined;
}

/**
 * How the words that met nothing count when two names are compared pairwise.
 * People: a missing middle name is normal (extra words weigh little) but a
 * different surname is not (conflicting words weigh more). Companies and other
 * bodies: an extra word is often another company (Santander vs Santander
 * México), so it keeps more of its weight. Tuned on one half of the
 * nomenklatura pairs only (bench/names.bench.js).
 */
export const PAIR_WEIGHTS: { person: AlignOptions; other: AlignOptions } = {
  person: { extraWeight: 0.4, conflictWeight: 2.5, personal: true, personalMin: 0.55, personalCredit: 0.8 },
  other: { extraWeight: 0.5, conflictWeight: 1, personal: false },
};

export interface MatchResult {
  score: number;
  explanation: string[];
}

export interface RedlineScreener extends Screener {
  readonly index: NameIndex;
  readonly candidateFloor: number;
  /** Scores how alike two names are, with the explanation (for a reviewer resolving a hit). */
  match(a: string, b: string, options?: MatchOptions): MatchResult;
}

type Scored = { score: number; exact: boolean; rarestShared: number; rarestBrand: number; inside: boolean; note?: string };

interface Source {
  lists: Int32Array;
  weight: number;
}

export function createScreener(opts: ScreenerOptions): RedlineScreener {
  // Coined short forms learned from the curated Chinese names (寒武纪 = Cambricon), read like glossary words.
  const learned = learnBrandWords(opts.entries, opts.lexicon);
  const lexicon = withBrandWords(opts.lexicon, learned);
  const index = new NameIndex(opts.entries, lexicon);
  const alertThreshold = opts.alertThreshold ?? DEFAULT_ALERT_THRESHOLD;
  const candidateFloor = opts.candidateFloor ?? DEFAULT_CANDIDATE_FLOOR;
  const listTitles = new Map(opts.versions.map((v) => [v.list, v.title]));
  const acc = new Float64Array(index.names.length);
  const estimate = new Float64Array(index.names.length);
  const isKnown = (k: string): boolean => index.has(k);

  function weighQuery(norm: NormalizedName): WeightedTokens {
    const weights = norm.tokens.map((t) => index.tokenWeight(t.keys));
    const unknown = norm.tokens.map((t) => !t.keys.some((k) => index.has(k)));
    return { tokens: norm.tokens, weights, unknown };
  }

  /** Sources of candidates per query token; `standIn` gets, for an unknown token, the weight of the listed word it most likely is. */
  function sourcesFor(q: WeightedTokens, standIn: number[]): Source[] {
    const out: Source[] = [];
    q.weights.forEach((w, i) => (standIn[i] = w));
    q.tokens.forEach((t, i) => {
      let found = false;
      for (const k of t.keys) {
        const p = index.namesWith(k);
        if (p.length) {
          out.push({ lists: p, weight: q.weights[i]! });
          found = true;
        }
      }
      if (!found) {
        for (const k of t.keys) {
          const expansions = index.expand(k);
          for (const e of expansions) out.push({ lists: index.namesWith(e.key), weight: index.idf(e.key) * e.sim });
          if (expansions.length) standIn[i] = Math.min(standIn[i]!, ...expansions.map((e) => index.idf(e.key)));
          const joined = index.namesJoining(k);
          if (joined.length) out.push({ lists: joined, weight: q.weights[i]! });
        }
      }
      const next = q.tokens[i + 1];
      if (next) {
        const joined = t.keys[0]! + next.keys[0]!;
        if (index.has(joined)) {
          const w = index.idf(joined);
          out.push({ lists: index.namesWith(joined), weight: w });
          // Two unknown halves of one listed word weigh, together, as that word.
          if (q.unknown?.[i]) standIn[i] = Math.min(standIn[i]!, w / 2);
          if (q.unknown?.[i + 1]) standIn[i + 1] = Math.min(standIn[i + 1]!, w / 2);
        }
      }
    });
    return out.sort((a, b) => a.lists.length - b.lists.length);
  }

  // Scratch buffers reused by every query (screening is synchronous): the names a query's words
  // touched, and the best CANDIDATES of them by estimate. A query can touch thousands of names.
  const touched = new Int32Array(index.names.length);
  const picked = new Int32Array(CANDIDATES);

  function candidates(q: WeightedTokens): number[] {
    const standIn: number[] = [];
    const sources = sourcesFor(q, standIn);
    let touchedCount = 0;
    for (const s of sources) {
      const p = s.lists;
      if (touchedCount > 0 && p.length > COMMON_POSTINGS) continue;
      if (touchedCount > 0 && p.length > BOOST_ONLY_POSTINGS && p.length > 8 * touchedCount) {
        // A common word only adds weight to names a rarer word already picked.
        for (let t = 0; t < touchedCount; t++) {
          const n = touched[t]!;
          if (contains(p, n)) acc[n] = acc[n]! + s.weight;
        }
        continue;
      }
      for (let i = 0; i < p.length; i++) {
        const n = p[i]!;
        if (acc[n] === 0) touched[touchedCount++] = n;
        acc[n] = acc[n]! + s.weight;
      }
    }
    // The scorer weighs a typo as the word it stands for, so the estimate does too.
    let qTotal = 0;
    for (const w of standIn) qTotal += w;
    // Exact-token Dice ranks candidates before the precise scorer runs; names far below the floor are not verified.
    // The best CANDIDATES are kept in order as they come (ties in the order the words touched them),
    // rather than sorting every touched name.
    let count = 0;
    const totals = index.totalWeights;
    for (let t = 0; t < touchedCount; t++) {
      const n = touched[t]!;
      const e = (2 * acc[n]!) / (qTotal + totals[n]!);
      acc[n] = 0;
      if (e < MIN_ESTIMATE) continue;
      if (count === CANDIDATES && e <= estimate[picked[count - 1]!]!) continue;
      estimate[n] = e;
      let at = count < CANDIDATES ? count++ : count - 1;
      while (at > 0 && estimate[picked[at - 1]!]! < e) {
        picked[at] = picked[at - 1]!;
        at--;
      }
      picked[at] = n;
    }
    return Array.from(picked.subarray(0, count));
  }

  // A brand inside a registered name is a company's matter: people's names keep every word's weight.
  const personal = Uint8Array.from(index.entries, (e) => (e.type === 'individual' ? 1 : 0));
  const screenAlign: AlignOptions = { extraWeight: CONTAINED_EXTRA_WEIGHT, distinctive: index.distinctiveWeight() };
  const genericWeight = index.genericWeight;

  /**
   * Chinese-script rules on top of the score: a name that shares only generic
   * words with the listed one (北京科技有限公司 and Beijing … Technology) and a
   * single character (华) are never alerts on their own.
   */
  function hanLimits(norm: NormalizedName, a: Scored): Scored {
    const cap = alertThreshold - 0.01;
    if (a.score <= cap) return a;
    if (norm.tokens.length === 1 && norm.tokens[0]!.surface.length === 1 && norm.tokens[0]!.kind !== 'word') {
      return { ...a, score: cap, exact: false, note: `a single Chinese character is not a name: kept below the alert threshold (${cap.toFixed(2)})` };
    }
    if (norm.tokens.every((t) => t.keys.some((k) => lexicon.genericKeys.has(k)))) {
      return { ...a, score: cap, exact: false, note: `the name is made of generic words only (places, 中国): kept below the alert threshold (${cap.toFixed(2)})` };
    }
    if (!a.exact && a.rarestShared <= genericWeight + 1e-9) {
      return { ...a, score: cap, note: `only generic words are shared (places, trade words): kept below the alert threshold (${cap.toFixed(2)})` };
    }
    if (a.inside && a.rarestBrand === 0) {
      // 中国国际航空 (Air China) holds "Aviation International": a listed name of business words alone is no brand to find inside a longer name.
      return { ...a, score: cap, note: `the listed name is made of business words only and the query adds words to it: kept below the alert threshold (${cap.toFixed(2)})` };
    }
    return a;
  }

  // The characters of each entry's own Chinese names (curated or printed by the list), to tell homophones apart.
  const entryHan = new Map<number, Set<string>>();
  index.entries.forEach((e, i) => {
    for (const n of [e.name, ...e.altNames, ...(e.localNames ?? []).flatMap((l) => (l.brand ? [l.name, l.brand] : [l.name]))]) {
      if (!HAS_HAN.test(n)) continue;
      const set = entryHan.get(i) ?? new Set<string>();
      for (const c of simplify(n)) set.add(c);
      entryHan.set(i, set);
    }
  });

  /**
   * 华威 and 华为 are both "huawei": when the entry's own Chinese name is
   * known and the query's pinyin words are written with other characters, the
   * sound alone is not the listed name.
   */
  function homophone(pinyinWords: readonly string[], e: number): string | undefined {
    const chars = entryHan.get(e);
    if (!chars) return undefined;
    for (const simp of pinyinWords) for (const c of simp) if (!chars.has(c)) return simp;
    return undefined;
  }

  function screen(name: string, options: ScreenOptions = {}): ScreeningResult {
    const whole = screenOne(name, options);
    const parts = scriptParts(name);
    if (!parts) return whole;
    // A name written twice, in Latin and Chinese script ("ZTE 中兴通讯股份有限公司"): each half is the name.
    const byEntry = new Map<string, ScreeningHit>();
    const keep = (h: ScreeningHit, note?: string): void => {
      const key = `${h.list}\u0000${h.entryId}`;
      const prev = byEntry.get(key);
      if (prev && prev.score >= h.score) return;
      if (note) h.explanation = [note, ...h.explanation];
      byEntry.set(key, h);
    };
    for (const h of whole.hits) keep(h);
    for (const part of parts) for (const h of screenOne(part, options).hits) keep(h, `the query writes the name in two scripts; this hit is on "${part}"`);
    const hits = [...byEntry.values()];
    sortHits(hits, name);
    return { query: name, hits: hits.slice(0, options.limit ?? 10) };
  }

  function screenOne(name: string, options: ScreenOptions = {}): ScreeningResult {
    const floor = options.minScore ?? candidateFloor;
    const limit = options.limit ?? 10;
    const norm = normalizeName(name, lexicon, { isKnown });
    if (norm.tokens.length === 0) return { query: name, hits: [] };
    const q = weighQuery(norm);
    const han = HAS_HAN.test(name);
    let pinyinWords: string[] | undefined;
    const best = new Map<number, { n: number; a: Scored }>();
    const top: number[] = [];
    for (const n of candidates(q)) {
      // Candidates come best estimate first: stop once the rest cannot reach the floor, or once `limit`
      // entries beat every remaining estimate by the margin a typo or abbreviation could add.
      if (estimate[n]! + ESTIMATE_MARGIN < floor) break;
      if (top.length >= limit && estimate[n]! + ESTIMATE_MARGIN < top[top.length - 1]!) break;
      const rec = index.names[n]!;
      let a: Scored = scoreTokens(q, rec, han && !personal[rec.entry] ? screenAlign : undefined);
      if (han) {
        a = hanLimits(norm, a);
        let other: string | undefined;
        if (a.score >= alertThreshold - 0.01) {
          // The query's pinyin words in simplified script, converted once per query, not per candidate.
          pinyinWords ??= norm.tokens.filter((t) => t.kind === 'pinyin').map((t) => simplify(t.surface));
          other = homophone(pinyinWords, rec.entry);
        }
        if (other) a = { ...a, exact: false, score: Math.min(a.score, HOMOPHONE_CAP), note: `${other} sounds like the listed name but is written with other characters than the entry's Chinese name: kept at ${HOMOPHONE_CAP}` };
      }
      const prev = best.get(rec.entry);
      if (!prev || a.score > prev.a.score || (a.score === prev.a.score && rec.kind === 'name')) {
        best.set(rec.entry, { n, a });
        if (!prev) insertTop(top, a.score, limit);
      }
    }
    const hits: ScreeningHit[] = [];
    const queryAddress = options.address ? addressWords(options.address) : undefined;
    for (const [e, { n, a }] of best) {
      const entry = index.entries[e]!;
      const context = adjustForContext(a, entry, options.country, queryAddress, alertThreshold);
      if (context.score < floor) continue;
      const rec = index.names[n]!;
      let explanation: string[] | undefined;
      // Built on first read (an own enumerable getter, so JSON, spread and structured clone still carry it):
      // the CLI and API print it, the rules engine and batch work rarely need it.
      const hit: ScreeningHit = {
        list: entry.list,
        ...(listTitles.has(entry.list) ? { listTitle: listTitles.get(entry.list) } : {}),
        entryId: entry.id,
        name: entry.name,
        matchedName: rec.text,
        score: Math.round(context.score * 1000) / 1000,
        country: entry.countries[0],
        citation: entry.citation,
        get explanation(): string[] {
          explanation ??= [
            ...explainAlignment(norm, rec.norm, alignTokens(q, rec, han && !personal[e] ? screenAlign : undefined)),
            ...(a.note ? [a.note] : []),
            ...explainLocalName(entry, rec.text),
            ...context.lines,
            `listed on ${listTitles.get(entry.list) ?? entry.list} as "${entry.name}"${entry.citation ? ` (${entry.citation})` : ''}${statusNote(entry)}`,
          ];
          return explanation;
        },
        set explanation(value: string[]) {
          explanation = value;
        },
        entry,
      };
      hits.push(hit);
    }
    sortHits(hits, name);
    return { query: name, hits: hits.slice(0, limit) };
  }

  function match(a: string, b: string, mopts: MatchOptions = {}): MatchResult {
    const nb = normalizeName(b, lexicon, { isKnown });
    const bKeys = new Set(nb.tokens.flatMap((t) => t.keys));
    const na = normalizeName(a, lexicon, { isKnown: (k) => bKeys.has(k) || index.has(k) });
    // Chinese on the right-hand side is cut by the left-hand side's words too.
    const aKeys = new Set(na.tokens.flatMap((t) => t.keys));
    const nb2 = normalizeName(b, lexicon, { isKnown: (k) => aKeys.has(k) || index.has(k) });
    const qa = weighQuery(na);
    const qb = weighQuery(nb2);
    const person = /^person$/i.test(mopts.schema ?? '');
    const al = alignTokens(qa, qb, person ? PAIR_WEIGHTS.person : PAIR_WEIGHTS.other);
    const explanation = explainAlignment(na, nb2, al);
    let score = al.score;
    if (person) {
      const adjusted = personAdjustments(na, nb2, al);
      score = adjusted.score;
      explanation.push(...adjusted.lines);
    }
    return { score: Math.round(score * 1000) / 1000, explanation };
  }

  return { screen, match, alertThreshold, candidateFloor, versions: [...opts.versions], index };
}

/**
 * Ties: for a name written in Chinese, entries in Chinese-speaking places first (Huawei's Shenzhen
 * entry before its Cairo affiliate); then a hit on the entry's own name before one on an alias;
 * then list and id, for a stable order.
 */
function sortHits(hits: ScreeningHit[], name: string): void {
  const han = HAS_HAN.test(name);
  // A Chinese query written exactly as an entry's Chinese name (中国化工) before one that only reads the same (中国化学: both "china chemical").
  const literal = han ? simplify(name).replace(/\s+/g, '') : '';
  const rank = (h: ScreeningHit): number =>
    (han && listedSimplified(h.matchedName) !== literal ? 4 : 0) + (han && !CHINESE_SPEAKING.has(h.country ?? '') ? 2 : 0) + (h.matchedName === h.name ? 0 : 1);
  // Each hit's rank once, not once per comparison (simplify runs OpenCC).
  const ranks = new Map(hits.map((h) => [h, rank(h)]));
  hits.sort((a, b) => b.score - a.score || ranks.get(a)! - ranks.get(b)! || a.list.localeCompare(b.list) || a.entryId.localeCompare(b.entryId));
}

// Listed names, simplified and without spaces: a finite set that comes back with every Chinese query
// (OpenCC walks a text three times). Bounded all the same, as lists can be reloaded.
const LISTED_SIMPLIFIED_MAX = 50_000;
const listedSimplifiedCache = new Map<string, string>();
function listedSimplified(name: string): string {
  let s = listedSimplifiedCache.get(name);
  if (s === undefined) {
    s = simplify(name).replace(/\s+/g, '');
    if (listedSimplifiedCache.size >= LISTED_SIMPLIFIED_MAX) listedSimplifiedCache.clear();
    listedSimplifiedCache.set(name, s);
  }
  return s;
}

/** The Latin-script and Chinese-script halves of a name written in both, or undefined. */
export function scriptParts(name: string): [string, string] | undefined {
  if (!HAS_HAN.test(name) || !/\p{Script=Latin}{2}/u.test(name)) return undefined;
  const han = (name.match(/[\p{Script=Han}()（）]+/gu) ?? []).join('').trim();
  const latin = name.replace(/\p{Script=Han}+/gu, ' ').replace(/[()（）]\s*[()（）]/g, ' ').replace(/\s+/g, ' ').trim();
  if (!han || !/\p{Script=Latin}{2}/u.test(latin)) return undefined;
  return [latin, han];
}

/** Initials alone (N.N., J. D.) do not identify anyone. */
const INITIALS_ONLY_CAP = 0.7;

function personAdjustments(
  na: NormalizedName,
  nb: NormalizedName,
  al: AlignmentScore,
): { score: number; lines: string[] } {
  let score = al.score;
  const lines: string[] = [];
  const initialsOnly = (n: NormalizedName): boolean => n.tokens.length > 0 && n.tokens.every((t) => t.keys[0]!.length <= 2);
  if ((initialsOnly(na) || initialsOnly(nb)) && !(initialsOnly(na) && initialsOnly(nb)) && score > INITIALS_ONLY_CAP) {
    score = INITIALS_ONLY_CAP;
    lines.push(`initials only on one side: score capped at ${INITIALS_ONLY_CAP}`);
  }
  return { score, lines };
}

/** Keeps the best `limit` scores, highest first. */
function insertTop(top: number[], score: number, limit: number): void {
  let i = top.length;
  while (i > 0 && top[i - 1]! < score) i--;
  top.splice(i, 0, score);
  if (top.length > limit) top.length = limit;
}

function statusNote(entry: ListEntry): string {
  if (entry.status === 'suspended') return `; measures suspended${entry.suspendedFrom ? ` from ${entry.suspendedFrom}` : ''}${entry.suspendedTo ? ` to ${entry.suspendedTo}` : ''}`;
  if (entry.status === 'removed') return `; measures no longer in force${entry.endDate ? ` since ${entry.endDate}` : ''}`;
  return '';
}

/** Binary search in a sorted posting list. */
function contains(list: Int32Array, value: number): boolean {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = list[mid]!;
    if (v === value) return true;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

function addressWords(text: string): Set<string> {
  return new Set(
    text
      .split(/[^\p{L}\p{N}]+/u)
      .map(plainWord)
      .filter((w) => w.length >= 4 && !/^\d+$/.test(w)),
  );
}

/**
 * Country and address move a score a little either way. An exact name hit is
 * never pushed under the alert threshold by them: a listed name in the wrong
 * country is still the listed name until a person says otherwise.
 */
function adjustForContext(
  a: { score: number; exact: boolean },
  entry: ListEntry,
  country: string | undefined,
  address: Set<string> | undefined,
  alertThreshold: number,
): { score: number; lines: string[] } {
  let score = a.score;
  const lines: string[] = [];
  if (country && entry.countries.length > 0) {
    const want = country.toUpperCase();
    if (entry.countries.includes(want)) {
      score += 0.03;
      lines.push(`country ${want} matches the entry (+0.03)`);
    } else {
      score -= 0.05;
      lines.push(`country ${want} differs from the entry's ${entry.countries.join(', ')} (−0.05)`);
    }
  }
  if (address && address.size > 0 && entry.addresses.length > 0) {
    const listed = addressWords(entry.addresses.join(' '));
    const shared = [...address].filter((w) => listed.has(w));
    if (shared.length >= 2) {
      score += 0.03;
      lines.push(`address shares ${shared.slice(0, 4).join(', ')} with the entry (+0.03)`);
    }
  }
  score = Math.min(1, Math.max(0, score));
  if (a.exact && score < alertThreshold) {
    score = alertThreshold;
    lines.push('exact name hit: kept at or above the alert threshold whatever the country or address');
  }
  return { score, lines };
}
