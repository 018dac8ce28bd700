import {
  codeLabel,
  factLabel,
  isPolicyNote,
  missingLabel,
  policyWords,
  summarise,
  type Classification,
  type Determination,
  type Finding,
  type JurisdictionResult,
} from '../../domain/index.js';
import type { HumanLang } from '../../domain/summary.js';
import { humanLang } from '../lang.js';
import { bold, dim, heading, outcomeLabel, terminalWidth } from './style.js';
import { TextTable } from './table.js';
import { effectText, jurisdictionWords, outcomeText, word } from './words.js';

/** Header cells in bold; the cells wrap (long words broken, never cut). */
class WrappedTable extends TextTable {
  constructor(head: string[], widths: number[]) {
    super(head.map((h) => bold(h)), widths);
  }
}

/** Splits the terminal width over columns in the given proportions. */
function widths(...shares: number[]): number[] {
  const total = terminalWidth() - shares.length - 1;
  const sum = shares.reduce((a, b) => a + b, 0);
  return shares.map((s) => Math.max(6, Math.floor((total * s) / sum)));
}

export function formatClassifications(cs: Classification[], names?: string[], lang: HumanLang = humanLang()): string {
  const w = (k: Parameters<typeof word>[1], v?: Record<string, string | number>) => word(lang, k, v);
  const t = new WrappedTable([w('colItem'), w('colName'), w('colJur'), w('colClassification'), w('colBecause')], widths(4, 22, 5, 17, 45));
  for (const c of cs) {
    const because = c.missing?.length ? `${c.because} — ${w('missingInline', { list: c.missing.map((m) => factLabel(m, lang)).join(', ') })}` : c.because;
    t.push([String(c.item + 1), names?.[c.item] ?? '', c.jurisdiction, bold(codeLabel(c.code)), because]);
  }
  return t.toString();
}

export interface FormatOptions {
  /** Print the identifiers (rule ids, list ids, fact paths, the full rule-set hash) in a Details section. */
  details?: boolean;
  /** The language of the words (default: --lang or the locale). Titles in Chinese where the pack gives them. */
  lang?: HumanLang;
}

function titleOf(f: { title?: string | undefined; titleZh?: string | undefined; summary?: string; measure?: string }, lang: HumanLang): string {
  return (lang === 'zh' ? f.titleZh : undefined) ?? f.title ?? f.summary ?? f.measure ?? '';
}

function effectWords(f: Finding, lang: HumanLang): string {
  if (isPolicyNote(f)) return word(lang, 'licencePolicy', { policy: policyWords(f.reviewPolicy!, lang) });
  return `${effectText(f.effect, lang)}\n→ ${outcomeText(f.outcome, lang)}`;
}

function formatJurisdiction(j: JurisdictionResult, lang: HumanLang): string[] {
  const w = (k: Parameters<typeof word>[1], v?: Record<string, string | number>) => word(lang, k, v);
  const out: string[] = [];
  const policy = j.reviewPolicy ? `   ${w('reviewPolicy', { policy: bold(policyWords(j.reviewPolicy, lang)) })}` : '';
  out.push(`${heading(jurisdictionWords(j.jurisdiction, lang))}  ${outcomeLabel(j.outcome, lang)}${j.assumptions?.length ? ` ${bold(w('assumed'))}` : ''}${policy}`);
  if (j.findings.length) {
    const t = new WrappedTable([w('colRule'), w('colEffect'), w('colCitation'), w('colBecause')], widths(28, 12, 22, 42));
    for (const f of j.findings) t.push([`${bold(titleOf(f, lang))}\n${dim(f.summary)}`, effectWords(f, lang), f.citation, f.because.map((b) => `• ${b}`).join('\n')]);
    out.push(t.toString());
  } else {
    out.push(dim(`  ${w('noMeasure')}`));
  }
  if (j.exceptions.length) {
    const t = new WrappedTable([w('colException'), w('colAvailable'), w('colWhy'), w('colStillRequired')], widths(10, 10, 50, 30));
    for (const e of j.exceptions) {
      const avail = e.available === true ? w('yes') : e.available === false ? w('no') : e.pending ? w('notYet') : w('cannotTell');
      t.push([bold(e.code), avail, e.why, (e.requires ?? []).map((r) => `• ${r}`).join('\n')]);
    }
    out.push(t.toString());
  }
  for (const n of j.notApplied ?? []) out.push(dim(`  ${w('notApplied', { title: titleOf(n, lang), why: n.why })}`));
  return out;
}

/** The answer first: outcome, the deciding rules one line each, what to do next. */
export function formatSummary(d: Determination, lang: HumanLang = humanLang()): string[] {
  const w = (k: Parameters<typeof word>[1], v?: Record<string, string | number>) => word(lang, k, v);
  const s = summarise(d, lang);
  const out: string[] = [];
  const assumed = d.assumptions?.length ? `   ${bold(w('assumedBanner'))}: ${w('assumedWhy')}` : '';
  out.push(`${bold(w('outcome'))}: ${outcomeLabel(d.outcome, lang)}${assumed}   ${dim(`${w('asOf', { date: d.asOf })}${d.id ? ` · ${w('order', { id: d.id })}` : ''}`)}`);
  for (const a of d.assumptions ?? []) out.push(`  ${w('assumption', { jurisdiction: a.jurisdiction, text: a.assumption })}`);
  if (s.deciding.length) {
    out.push(bold(w('deciding')));
    for (const r of s.deciding) out.push(`  • ${jurisdictionWords(r.jurisdiction, lang)}: ${r.title} — ${dim(r.citation)}`);
  }
  out.push(bold(w('nextStep')));
  for (const n of s.nextSteps) out.push(`  → ${n}`);
  return out;
}

function listName(d: Determination, list: string): string {
  return d.listTitles?.[list] ?? list;
}

function formatDetails(d: Determination, lang: HumanLang): string[] {
  const out = ['', heading(word(lang, 'details'))];
  for (const j of d.jurisdictions) for (const f of j.findings) out.push(`  ${j.jurisdiction} rule ${f.measure}: ${f.title ?? f.summary}`);
  for (const f of d.redFlags) out.push(`  red flag ${f.measure}`);
  for (const [id, date] of Object.entries(d.lists)) out.push(`  list ${id} ${date}: ${listName(d, id)}`);
  for (const m of d.missing) out.push(`  missing ${m}`);
  out.push(`  rule set ${d.ruleset.version} ${d.ruleset.hash}`);
  return out;
}

/** A determination for people: the answer, then per jurisdiction each rule's title, citation and because. */
export function formatDetermination(d: Determination, itemNames: string[] = [], options: FormatOptions = {}): string {
  const lang = options.lang ?? humanLang();
  const w = (k: Parameters<typeof word>[1], v?: Record<string, string | number>) => word(lang, k, v);
  const out: string[] = [...formatSummary(d, lang), '', heading(w('items')), formatClassifications(d.classifications, itemNames, lang)];
  for (const j of d.jurisdictions) out.push('', ...formatJurisdiction(j, lang));
  if (d.ownership?.length) out.push('', heading(w('ownership')), formatOwnership(d, lang));
  const hits = d.screening.filter((s) => s.hits.length);
  if (hits.length) {
    out.push('', heading(w('screening')));
    const t = new WrappedTable([w('colParty'), w('colNameGiven'), w('colList'), w('colListedName'), w('colScore'), w('colCitation')], widths(7, 20, 20, 24, 6, 20));
    for (const s of hits) for (const h of s.hits) t.push([String(s.party + 1), s.query, h.listTitle ?? listName(d, h.list), h.name, h.score.toFixed(2), h.citation ?? '']);
    out.push(t.toString());
  }
  if (d.redFlags.length) {
    out.push('', heading(w('redFlags')));
    for (const f of d.redFlags) out.push(`  • ${titleOf(f, lang)}: ${f.summary}`);
  }
  const facts = d.missing.filter((m) => !/^current \S+ list$/.test(m));
  const stale = d.missing.length - facts.length;
  if (facts.length) out.push('', `${bold(w('missingFacts'))}: ${facts.map((m) => missingLabel(m, d.listTitles, lang)).join('; ')}`);
  if (stale) out.push('', `${bold(w('listsTooOld'))}: ${w('listsTooOldText', { n: stale })}`);
  out.push('');
  const lists = Object.entries(d.lists).map(([l, date]) => `${listName(d, l)} ${date}`).join(', ');
  out.push(dim(`${w('footer', { version: d.ruleset.version, hash: d.ruleset.hash.slice(0, 19) })}${lists ? w('footerLists', { lists }) : ''}`));
  if (options.details) out.push(...formatDetails(d, lang));
  return out.join('\n');
}

const OWNERSHIP_RULES = new Set(['bisAffiliates', 'ofac50', 'cn50']);

/** Per party and rule: the aggregate listed share, whether it reaches 50 %, and the paths. */
function formatOwnership(d: Determination, lang: HumanLang): string {
  const w = (k: Parameters<typeof word>[1], v?: Record<string, string | number>) => word(lang, k, v);
  const t = new WrappedTable([w('colParty'), w('colRule'), w('colShare'), w('colPaths')], widths(18, 20, 10, 52));
  let rows = 0;
  for (const p of d.ownership ?? []) {
    for (const r of p.rules) {
      if (!r.chains.length && r.restricted === false && !r.cycles.length) continue;
      const verdict = r.restricted === true ? '≥ 50 %' : r.restricted === false ? '< 50 %' : w('unknown');
      const lines = [...r.because, ...r.missing.map((m) => w('missingInline', { list: m }))];
      t.push([`${p.party + 1} ${p.name}\n${dim(w('ownersFrom', { source: p.source }))}`, OWNERSHIP_RULES.has(r.rule) ? w(r.rule as 'ofac50') : r.rule, `${r.pct} %\n${verdict}`, lines.map((l) => `• ${l}`).join('\n')]);
      rows++;
    }
  }
  return rows ? t.toString() : dim(`  ${w('noListedOwner')}`);
}
