import type { ListEntry } from '../domain/index.js';

/**
 * The names an entry can be found by. Lists pack several names into one field
 * ("Foo Corp (FC)", "X a.k.a. Y", "...; and any successor, sub-unit, or
 * subsidiary thereof"); each becomes a separate name so the scorer compares
 * like with like, and the entry's own text stays untouched for display.
 */
export interface NameVariant {
  text: string;
  kind: 'name' | 'alias' | 'derived';
}

const SUCCESSOR = /[;,]?\s*(?:and\s+)?(?:any\s+)?(?:successors?|sub-units?|subsidiar(?:y|ies))(?:,?\s*(?:or|and)?\s*(?:any\s+)?(?:successors?|sub-units?|subsidiar(?:y|ies)))*\s+thereof\.?/gi;
const AKA = /\s*[,;(]?\s*\b(?:a\.k\.a\.|f\.k\.a\.|aka|fka|formerly known as|also known as)[,:]?\s+/i;
const TRAILING_PAREN = /^(.*\S)\s*\(([^()]{2,60})\)\s*\.?$/;

function clean(s: string): string {
  return s.replace(SUCCESSOR, '').replace(/\s+/g, ' ').replace(/^[\s,;:.]+|[\s,;:]+$/g, '').trim();
}

function unbalanced(s: string): boolean {
  return (s.match(/\)/g)?.length ?? 0) > (s.match(/\(/g)?.length ?? 0);
}

/** Splits one listed name into the names it contains. */
export function splitListedName(name: string): string[] {
  const out: string[] = [];
  const stripped = clean(name);
  // "X (a.k.a. Y)" leaves "Y)": drop a closing parenthesis that has no opening one.
  const parts = stripped.split(AKA).map((p) => clean(unbalanced(p) ? p.replace(/\)\s*$/, '') : p));
  for (const part of parts) {
    if (!part) continue;
    out.push(part);
    const m = TRAILING_PAREN.exec(part);
    if (m) {
      const [, head, inner] = m;
      // "Name (ACRONYM)" lists the acronym as a name of its own; "Name (Beijing)" is part of the name.
      if (head && inner && !/\b(?:branch|office|plant|factory)\b/i.test(inner)) {
        out.push(clean(head));
        if (/^[\p{Lu}\p{N}&\-. ]{2,20}$/u.test(inner) || !inner.includes(' ')) out.push(clean(inner));
      }
    }
  }
  return out.filter(Boolean);
}

/** Every distinct name of an entry: the listed name first, then aliases, then names derived from both. */
export function nameVariants(entry: ListEntry): NameVariant[] {
  const seen = new Set<string>();
  const out: NameVariant[] = [];
  const add = (text: string, kind: NameVariant['kind']): void => {
    const key = text.toLowerCase();
    if (!text || seen.has(key)) return;
    seen.add(key);
    out.push({ text, kind });
  };
  add(entry.name.trim(), 'name');
  for (const a of entry.altNames) add(a.trim(), 'alias');
  for (const l of entry.localNames ?? []) add(l.name.trim(), 'alias');
  // The entity's own short form (中芯国际 for 中芯国际集成电路制造有限公司), curated beside its registered name.
  for (const l of entry.localNames ?? []) if (l.brand) add(l.brand.trim(), 'alias');
  for (const [i, text] of [entry.name, ...entry.altNames].entries()) {
    for (const derived of splitListedName(text)) add(derived, i === 0 ? 'derived' : 'alias');
  }
  return out;
}
