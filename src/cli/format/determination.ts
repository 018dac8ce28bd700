import Table from 'cli-table3';
import type { Classification, Determination } from '../../domain/index.js';
import { bold, dim, heading, outcomeLabel, terminalWidth } from './style.js';

function table(head: string[], widths: number[]): Table.Table {
  return new Table({ head: head.map((h) => bold(h)), colWidths: widths, wordWrap: true, style: { head: [], border: [] } });
}

/** Splits the terminal width over columns in the given proportions. */
function widths(...shares: number[]): number[] {
  const total = terminalWidth() - shares.length - 1;
  const sum = shares.reduce((a, b) => a + b, 0);
  return shares.map((s) => Math.max(6, Math.floor((total * s) / sum)));
}

export function formatClassifications(cs: Classification[], names?: string[]): string {
  const t = table(['#', 'item', 'jur.', 'code', 'because'], widths(3, 22, 5, 15, 45));
  for (const c of cs) {
    const because = c.missing?.length ? `${c.because} — missing: ${c.missing.join(', ')}` : c.because;
    t.push([String(c.item), names?.[c.item] ?? '', c.jurisdiction, bold(c.code), because]);
  }
  return t.toString();
}

/** A determination for people: outcome per jurisdiction, each finding's rule, citation and because. */
export function formatDetermination(d: Determination, itemNames: string[] = []): string {
  const out: string[] = [];
  const assumed = d.assumptions?.length ? `   ${bold('ASSUMED')}: rests on a status the rule pack does not know on this date` : '';
  out.push(`${bold('Outcome')}: ${outcomeLabel(d.outcome)}${assumed}   ${dim(`as of ${d.asOf}${d.id ? ` · ${d.id}` : ''}`)}`);
  for (const a of d.assumptions ?? []) out.push(`  assumption (${a.jurisdiction}, ${a.measure}): ${a.assumption}`);
  out.push('');
  out.push(heading('Items'));
  out.push(formatClassifications(d.classifications, itemNames));
  for (const j of d.jurisdictions) {
    out.push('');
    const policy = j.reviewPolicy ? `   review policy: ${bold(j.reviewPolicy.replace(/_/g, ' '))}` : '';
    out.push(`${heading(`${j.jurisdiction}`)}  ${outcomeLabel(j.outcome)}${j.assumptions?.length ? ` ${bold('(assumed)')}` : ''}${policy}`);
    if (j.findings.length) {
      const t = table(['rule', 'effect', 'citation', 'because'], widths(28, 12, 22, 42));
      for (const f of j.findings) {
        const effect = f.reviewPolicy && f.effect === 'informational' ? `policy: ${f.reviewPolicy.replace(/_/g, ' ')}` : `${f.effect.replace(/_/g, ' ')}\n→ ${f.outcome.replace(/_/g, ' ')}`;
        t.push([`${bold(f.measure)}\n${dim(f.summary)}`, effect, f.citation, f.because.map((b) => `• ${b}`).join('\n')]);
      }
      out.push(t.toString());
    } else {
      out.push(dim('  no measure applies'));
    }
    if (j.exceptions.length) {
      const t = table(['exception', 'available', 'why', 'still required'], widths(10, 10, 50, 30));
      for (const e of j.exceptions) {
        const avail = e.available === true ? 'yes' : e.available === false ? 'no' : e.pending ? 'not yet' : 'unknown';
        t.push([bold(e.code), avail, e.why, (e.requires ?? []).map((r) => `• ${r}`).join('\n')]);
      }
      out.push(t.toString());
    }
    for (const n of j.notApplied ?? []) out.push(dim(`  not applied: ${n.measure} — ${n.why}`));
  }
  const hits = d.screening.filter((s) => s.hits.length);
  if (hits.length) {
    out.push('');
    out.push(heading('Screening'));
    const t = table(['party', 'query', 'list', 'listed name', 'score', 'citation'], widths(5, 20, 16, 24, 6, 20));
    for (const s of hits) for (const h of s.hits) t.push([String(s.party), s.query, h.list, h.name, h.score.toFixed(2), h.citation ?? '']);
    out.push(t.toString());
  }
  if (d.redFlags.length) {
    out.push('');
    out.push(heading('Red flags'));
    for (const f of d.redFlags) out.push(`  • ${f.summary} (${f.measure})`);
  }
  if (d.missing.length) {
    out.push('');
    out.push(`${bold('Missing facts')}: ${d.missing.join('; ')}`);
  }
  out.push('');
  const lists = Object.entries(d.lists).map(([l, date]) => `${l} ${date}`).join(', ');
  out.push(dim(`rule set ${d.ruleset.version} (${d.ruleset.hash.slice(0, 19)}…)${lists ? ` · lists: ${lists}` : ''}`));
  return out.join('\n');
}
