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
import { bold, dim, heading, outcomeLabel, terminalWidth } from './style.js';
import { TextTable } from './table.js';

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

export function formatClassifications(cs: Classification[], names?: string[]): string {
  const t = new WrappedTable(['item', 'name', 'jur.', 'classification', 'because'], widths(4, 22, 5, 17, 45));
  for (const c of cs) {
    const because = c.missing?.length ? `${c.because} — missing: ${c.missing.map(factLabel).join(', ')}` : c.because;
    t.push([String(c.item + 1), names?.[c.item] ?? '', c.jurisdiction, bold(codeLabel(c.code)), because]);
  }
  return t.toString();
}

export interface FormatOptions {
  /** Print the identifiers (rule ids, list ids, fact paths, the full rule-set hash) in a Details section. */
  details?: boolean;
}

function effectWords(f: Finding): string {
  if (isPolicyNote(f)) return `licence policy: ${policyWords(f.reviewPolicy!)}`;
  return `${f.effect.replace(/_/g, ' ')}\n→ ${f.outcome.replace(/_/g, ' ')}`;
}

function formatJurisdiction(j: JurisdictionResult): string[] {
  const out: string[] = [];
  const policy = j.reviewPolicy ? `   licence review policy: ${bold(policyWords(j.reviewPolicy))}` : '';
  out.push(`${heading(`${j.jurisdiction}`)}  ${outcomeLabel(j.outcome)}${j.assumptions?.length ? ` ${bold('(assumed)')}` : ''}${policy}`);
  if (j.findings.length) {
    const t = new WrappedTable(['rule', 'effect', 'citation', 'because'], widths(28, 12, 22, 42));
    for (const f of j.findings) t.push([`${bold(f.title ?? f.summary)}\n${dim(f.summary)}`, effectWords(f), f.citation, f.because.map((b) => `• ${b}`).join('\n')]);
    out.push(t.toString());
  } else {
    out.push(dim('  no measure applies'));
  }
  if (j.exceptions.length) {
    const t = new WrappedTable(['exception', 'available', 'why', 'still required'], widths(10, 10, 50, 30));
    for (const e of j.exceptions) {
      const avail = e.available === true ? 'yes' : e.available === false ? 'no' : e.pending ? 'not yet' : 'cannot tell';
      t.push([bold(e.code), avail, e.why, (e.requires ?? []).map((r) => `• ${r}`).join('\n')]);
    }
    out.push(t.toString());
  }
  for (const n of j.notApplied ?? []) out.push(dim(`  not applied: ${n.title ?? n.measure} — ${n.why}`));
  return out;
}

/** The answer first: outcome, the deciding rules one line each, what to do next. */
export function formatSummary(d: Determination): string[] {
  const s = summarise(d);
  const out: string[] = [];
  const assumed = d.assumptions?.length ? `   ${bold('ASSUMED')}: rests on a status the rule pack does not know on this date` : '';
  out.push(`${bold('Outcome')}: ${outcomeLabel(d.outcome)}${assumed}   ${dim(`as of ${d.asOf}${d.id ? ` · order ${d.id}` : ''}`)}`);
  for (const a of d.assumptions ?? []) out.push(`  assumption (${a.jurisdiction}): ${a.assumption}`);
  if (s.deciding.length) {
    out.push(bold('Deciding rules'));
    for (const r of s.deciding) out.push(`  • ${r.jurisdiction}: ${r.title} — ${dim(r.citation)}`);
  }
  out.push(bold('Next step'));
  for (const n of s.nextSteps) out.push(`  → ${n}`);
  return out;
}

function listName(d: Determination, list: string): string {
  return d.listTitles?.[list] ?? list;
}

function formatDetails(d: Determination): string[] {
  const out = ['', heading('Details (identifiers)')];
  for (const j of d.jurisdictions) for (const f of j.findings) out.push(`  ${j.jurisdiction} rule ${f.measure}: ${f.title ?? f.summary}`);
  for (const f of d.redFlags) out.push(`  red flag ${f.measure}`);
  for (const [id, date] of Object.entries(d.lists)) out.push(`  list ${id} ${date}: ${listName(d, id)}`);
  for (const m of d.missing) out.push(`  missing ${m}`);
  out.push(`  rule set ${d.ruleset.version} ${d.ruleset.hash}`);
  return out;
}

/** A determination for people: the answer, then per jurisdiction each rule's title, citation and because. */
export function formatDetermination(d: Determination, itemNames: string[] = [], options: FormatOptions = {}): string {
  const out: string[] = [...formatSummary(d), '', heading('Items'), formatClassifications(d.classifications, itemNames)];
  for (const j of d.jurisdictions) out.push('', ...formatJurisdiction(j));
  if (d.ownership?.length) out.push('', heading('Ownership (50 percent rules)'), formatOwnership(d));
  const hits = d.screening.filter((s) => s.hits.length);
  if (hits.length) {
    out.push('', heading('Screening'));
    const t = new WrappedTable(['party', 'name given', 'list', 'listed name', 'score', 'citation'], widths(7, 20, 20, 24, 6, 20));
    for (const s of hits) for (const h of s.hits) t.push([String(s.party + 1), s.query, h.listTitle ?? listName(d, h.list), h.name, h.score.toFixed(2), h.citation ?? '']);
    out.push(t.toString());
  }
  if (d.redFlags.length) {
    out.push('', heading('Red flags'));
    for (const f of d.redFlags) out.push(`  • ${f.title ?? f.summary}: ${f.summary}`);
  }
  const facts = d.missing.filter((m) => !/^current \S+ list$/.test(m));
  const stale = d.missing.length - facts.length;
  if (facts.length) out.push('', `${bold('Missing facts')}: ${facts.map((m) => missingLabel(m, d.listTitles)).join('; ')}`);
  if (stale) out.push('', `${bold('Lists too old')}: ${stale} restricted-party list(s) are older than allowed (see the list-freshness rule above)`);
  out.push('');
  const lists = Object.entries(d.lists).map(([l, date]) => `${listName(d, l)} ${date}`).join(', ');
  out.push(dim(`rule set ${d.ruleset.version} (${d.ruleset.hash.slice(0, 19)}…; --details for the full hash and the identifiers)${lists ? ` · lists: ${lists}` : ''}`));
  if (options.details) out.push(...formatDetails(d));
  return out.join('\n');
}

const RULE_WORDS: Record<string, string> = {
  bisAffiliates: 'BIS Affiliates rule (Entity List + MEU List)',
  ofac50: 'OFAC 50 % rule (SDN)',
  cn50: 'MOFCOM No. 61 (Control / Watch List)',
};

/** Per party and rule: the aggregate listed share, whether it reaches 50 %, and the paths. */
function formatOwnership(d: Determination): string {
  const t = new WrappedTable(['party', 'rule', 'share', 'paths and missing facts'], widths(18, 20, 10, 52));
  let rows = 0;
  for (const p of d.ownership ?? []) {
    for (const r of p.rules) {
      if (!r.chains.length && r.restricted === false && !r.cycles.length) continue;
      const verdict = r.restricted === true ? '≥ 50 %' : r.restricted === false ? '< 50 %' : 'unknown';
      const lines = [...r.because, ...r.missing.map((m) => `missing: ${m}`)];
      t.push([`${p.party + 1} ${p.name}\n${dim(`owners from the ${p.source}`)}`, RULE_WORDS[r.rule] ?? r.rule, `${r.pct} %\n${verdict}`, lines.map((l) => `• ${l}`).join('\n')]);
      rows++;
    }
  }
  return rows ? t.toString() : dim('  no listed owner found for any rule');
}
