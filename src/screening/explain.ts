import type { ListEntry } from '../domain/index.js';
import type { NormalizedName } from './normalize.js';
import type { AlignmentScore, TokenPair } from './score.js';

/**
 * Explanations for a reviewer: which query word met which listed word and how,
 * what was set aside, and how the score came about. Plain sentences, one per
 * line, so the CLI, the API and the audit record can show them as they are.
 */
function listed(n: NormalizedName, idx: number[]): string {
  return idx.map((j) => n.tokens[j]!.surface).join(' ');
}

function queried(q: NormalizedName, idx: number[]): string {
  return idx.map((i) => q.tokens[i]!.path).join(' + ');
}

function pairLine(q: NormalizedName, n: NormalizedName, p: TokenPair): string {
  const left = queried(q, p.q);
  const right = listed(n, p.n);
  switch (p.how) {
    case 'exact': {
      const key = q.tokens[p.q[0]!]!.keys.find((k) => n.tokens[p.n[0]!]!.keys.includes(k));
      const rightKey = n.tokens[p.n[0]!]!;
      const shown = rightKey.surface.toLowerCase() === key ? right : `${right} (${key})`;
      return `${left} = ${shown}`;
    }
    case 'joined':
      return `${left} = ${right} (written as ${p.q.length > 1 ? 'one word in the list' : 'two words in the list'})`;
    case 'typo':
      return `${left} ≈ ${right} (spelling differs, similarity ${p.sim.toFixed(2)})`;
    case 'prefix':
      return `${left} ≈ ${right} (abbreviation, similarity ${p.sim.toFixed(2)})`;
    case 'phrase':
      return `${left} ≈ ${right} (the words of one name, similarity ${p.sim.toFixed(2)})`;
  }
}

export function explainAlignment(q: NormalizedName, n: NormalizedName, a: AlignmentScore): string[] {
  const lines = a.pairs
    .slice()
    .sort((x, y) => x.q[0]! - y.q[0]!)
    .map((p) => pairLine(q, n, p));
  if (q.legalForms.length || n.legalForms.length) {
    const left = q.legalForms.join(' ') || '—';
    const right = n.legalForms.join(' ') || '—';
    lines.push(`${left} ~ ${right} (legal form, ignored)`);
  }
  const qUsed = new Set(a.pairs.flatMap((p) => p.q));
  const nUsed = new Set(a.pairs.flatMap((p) => p.n));
  const extraQ = q.tokens.filter((_, i) => !qUsed.has(i)).map((t) => t.surface);
  const extraN = n.tokens.filter((_, j) => !nUsed.has(j)).map((t) => t.surface);
  if (extraQ.length) lines.push(`not in the listed name: ${extraQ.join(' ')}`);
  if (extraN.length) lines.push(`not in the query: ${extraN.join(' ')}`);
  lines.push(
    a.exact
      ? 'score 1.00: the same name once case, script, punctuation and legal form are set aside'
      : `score ${a.score.toFixed(2)}: share of the words' weight that matched on both sides (rarer words weigh more)`,
  );
  return lines;
}

/**
 * When the name that matched is not printed by the list but curated (a Chinese registered name
 * from cn_names_curated.csv), says so, with its source and confidence: a reviewer must be able to
 * check the name against the publication it came from.
 */
export function explainLocalName(entry: ListEntry, matchedName: string): string[] {
  if (entry.name === matchedName || entry.altNames.includes(matchedName)) return [];
  const local = entry.localNames?.find((l) => l.name === matchedName);
  const brand = local ? undefined : entry.localNames?.find((l) => l.brand === matchedName);
  if (brand) {
    const confidence = brand.confidence ? `, confidence ${brand.confidence}` : '';
    return [`matched "${matchedName}", the curated short form of this entry's Chinese name "${brand.name}" (not printed by the list${confidence}); source: ${brand.source}`];
  }
  if (!local) return [];
  const confidence = local.confidence ? `, confidence ${local.confidence}` : '';
  return [`matched the curated Chinese name "${local.name}" of this entry (not printed by the list${confidence}); source: ${local.source}`];
}
