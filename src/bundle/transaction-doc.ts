import { ENUM_DOCS, SCHEMA_DOCS, shapeOf, SME_CATEGORY_NAMES, type FieldDoc } from '../domain/index.js';
import { CN_MATERIALS, OTHER_KNOWN_MATERIALS } from '../classify/materials.js';
import { SME_CATEGORIES } from '../classify/sme-categories.js';
import type { Ruleset } from '../rules/index.js';

/**
 * docs/transaction.md, rendered from the field documentation (src/domain/field-docs.ts), the
 * schemas and the rule packs: which measures read a field or a value is taken from the packs,
 * so the page cannot drift from what the rules use. `node scripts/transaction-doc.js` writes it;
 * a test fails when the file differs from this rendering.
 */

interface ZodLike {
  _zod: { def: { type: string; innerType?: ZodLike; element?: ZodLike; options?: ZodLike[]; entries?: Record<string, string>; values?: unknown[]; out?: ZodLike; getter?: () => ZodLike } };
}

/** A short type for people: "string", "list of number", "one of (below)" ... and whether it may be left out. */
function typeOf(s: ZodLike): { type: string; optional: boolean } {
  const def = s._zod.def;
  switch (def.type) {
    case 'optional':
      return { type: typeOf(def.innerType!).type, optional: true };
    case 'default':
      return { type: typeOf(def.innerType!).type, optional: true };
    case 'array':
      return { type: `list of ${typeOf(def.element!).type}`, optional: false };
    case 'enum':
      return { type: 'one of the values below', optional: false };
    case 'literal':
      return { type: `"${String(def.values?.[0])}"`, optional: false };
    case 'pipe':
      return typeOf(def.out!);
    case 'lazy':
      return { type: 'item', optional: false };
    case 'union':
      return { type: 'item', optional: false };
    default:
      return { type: def.type, optional: false };
  }
}

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** Measure ids whose conditions (or exception conditions) read any of the facts, optionally with a value. */
function measuresUsing(ruleset: Ruleset, facts: readonly string[], value?: string): string[] {
  const out: string[] = [];
  for (const m of ruleset.measures) {
    const text = JSON.stringify([m.when, m.exceptions.map((e) => [e.when, e.prerequisite?.when])]);
    const reads = facts.some((f) => text.includes(`"fact":"${f}"`));
    if (reads && (value === undefined || text.includes(`"${value}"`))) out.push(m.id);
  }
  return [...new Set(out)].sort();
}

function listMeasures(ids: string[], max = 6): string {
  if (!ids.length) return '';
  const shown = ids.slice(0, max).map((id) => `\`${id}\``).join(', ');
  return ids.length > max ? `${shown} and ${ids.length - max} more` : shown;
}

function rulesCell(ruleset: Ruleset, d: FieldDoc): string {
  const parts: string[] = [];
  if (d.usedBy) parts.push(d.usedBy);
  const ids = measuresUsing(ruleset, d.facts ?? []);
  if (ids.length) parts.push(listMeasures(ids));
  return parts.join('; ') || '—';
}

const INTRO = `# The transaction: every field

What \`redline check\`, \`POST /v1/check\` and the batch files take. Unknown fields anywhere are
errors (exit 2 / HTTP 400) naming the path and the closest valid names (\`items[0].parameters.overlay:
unknown field; did you mean overlayNm?\`); so are values outside an enumeration
(\`items[0].category: unknown value "deposition.ald"; did you mean deposition.metal_ald, ...\`).
A field left out is **unknown**, not false: where a rule turns on it the answer is \`review\`
naming it.

This page is generated from the schemas (src/domain/*.ts), their documentation
(src/domain/field-docs.ts) and the rule packs: the "used by" column lists the measures whose
conditions read the field, taken from data/packs. Do not edit it by hand: run
\`npm run build && node scripts/transaction-doc.js\`. A test fails when a schema field has no entry.
The same words are the \`description\` of each field in the OpenAPI document (\`GET /v1/openapi.json\`).

\`\`\`json
{
  "date": "2026-09-30", "from": "US", "to": "CN",
  "exporter": { "name": "Example US Exporter Inc.", "country": "US", "headquarters": "US" },
  "items": [ { "model": "NVIDIA L40" } ],
  "parties": [ { "role": "end_user", "name": "Beijing Example Rendering Co., Ltd.", "country": "CN",
                 "headquarters": "CN", "ultimateParent": "CN", "type": "manufacturer" } ],
  "endUse": [ "commercial" ],
  "notifications": [ { "exception": "NAC", "submittedOn": "2026-09-01", "bisReply": "confirmed", "confirmationNumber": "A123456" } ]
}
\`\`\`

Countries are ISO 3166-1 alpha-2 codes, dates \`YYYY-MM-DD\`.
`;

function fieldsSection(ruleset: Ruleset): string[] {
  const out: string[] = [];
  for (const doc of SCHEMA_DOCS) {
    out.push('', `## ${doc.title}`, '', `At \`${doc.path}\`.`, '', '| field | type | meaning | unit | used by | example |', '| --- | --- | --- | --- | --- | --- |');
    const shape = shapeOf(doc.schema);
    for (const [field, d] of Object.entries(doc.fields)) {
      const s = shape[field] as unknown as ZodLike | undefined;
      const t = s ? typeOf(s) : { type: '?', optional: true };
      out.push(`| \`${field}\` | ${cell(t.type)}${t.optional ? '' : ' (required)'} | ${cell(d.meaning)} | ${cell(d.unit ?? '')} | ${cell(rulesCell(ruleset, d))} | \`${cell(d.example)}\` |`);
    }
  }
  return out;
}

function valuesSection(ruleset: Ruleset): string[] {
  const out: string[] = ['', '## Values of the enumerations'];
  for (const e of ENUM_DOCS) {
    out.push('', `### \`${e.path}\``, '', '| value | meaning | used by |', '| --- | --- | --- |');
    for (const v of e.values) out.push(`| \`${v}\` | ${cell(e.meaning[v] ?? '')} | ${e.fact ? listMeasures(measuresUsing(ruleset, [e.fact], v)) || '—' : '—'} |`);
  }
  out.push('', '### `items[].category` (equipment types)', '', 'Lithography types are classified from `parameters`; the others from the type (rules.md §1.12, §2.2, §3.1, §4.2).', '', '| value | equipment | US | Japan | Netherlands | China |', '| --- | --- | --- | --- | --- | --- |');
  for (const name of SME_CATEGORY_NAMES) {
    const c = SME_CATEGORIES[name];
    if (!c) {
      out.push(`| \`${name}\` | exposure tool, classified from wavelength, resolution and overlay | from parameters | from parameters | from parameters | — |`);
      continue;
    }
    const us = c.us.code === null ? 'not determined (review)' : `${c.us.code} (from ${c.us.from})`;
    out.push(`| \`${name}\` | ${cell(c.title)} | ${cell(us)} | ${cell(c.jp?.code ?? '—')} | ${cell(c.nl?.code ?? '—')} | ${cell((c.cn ?? []).map((x) => x.code).join(', ') || '—')} |`);
  }
  out.push('', '### `items[].substance` (known materials)', '', 'A material item must name one of these (in any wording that contains it, or its element symbol) unless it gives `eccn`.', '', '| entry | material | words recognised |', '| --- | --- | --- |');
  for (const m of CN_MATERIALS) out.push(`| \`${m.code}\` (from ${m.from}) | ${cell(m.title)} | ${cell([...m.words, ...(m.symbols ?? [])].join(', '))} |`);
  out.push(`| (none) | recognised, on none of the encoded lists (China: not listed; US: give \`eccn\`) | ${OTHER_KNOWN_MATERIALS.join(', ')} |`);
  return out;
}

export function renderTransactionDoc(ruleset: Ruleset): string {
  return [INTRO.trimEnd(), ...fieldsSection(ruleset), ...valuesSection(ruleset), ''].join('\n');
}
