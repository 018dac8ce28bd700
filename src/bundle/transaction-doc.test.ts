import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ENUM_DOCS, SCHEMA_DOCS, SHARED_SCHEMAS, shapeOf, SME_CATEGORY_NAMES, transactionSchema } from '../domain/index.js';
import { openApiDocument } from '../api/openapi.js';
import { FactRegistry } from '../rules/facts.js';
import { loadRuleset } from './rules.js';
import { renderTransactionDoc } from './transaction-doc.js';

interface Def {
  type: string;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  shape?: Record<string, z.ZodType>;
  in?: z.ZodType;
  out?: z.ZodType;
  getter?: () => z.ZodType;
  entries?: Record<string, string>;
}
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Every object and enumeration reachable from the transaction schema, with the path it sits at. */
function walk(root: z.ZodType) {
  const objects: { path: string; schema: z.ZodType }[] = [];
  const enums: { path: string; values: string[] }[] = [];
  const seen = new Set<z.ZodType>();
  const visit = (s: z.ZodType, path: string): void => {
    const d = defOf(s);
    switch (d.type) {
      case 'optional':
      case 'default':
      case 'nullable':
        return visit(d.innerType!, path);
      case 'array':
        // A computer's ics are items like any other: document them once, at items[].
        return visit(d.element!, `${path}[]`.replace(/\.ics\[\]$/, ''));
      case 'pipe':
        visit(d.in!, path);
        return visit(d.out!, path);
      case 'lazy':
        // A recursive schema (owners of owners) builds a new object per call: stop at the second visit.
        if (seen.has(s)) return;
        seen.add(s);
        return visit(d.getter!(), path);
      case 'union':
        for (const o of d.options ?? []) visit(o, path);
        return;
      case 'enum':
        enums.push({ path, values: Object.values(d.entries ?? {}) });
        return;
      case 'object': {
        if (seen.has(s)) return;
        seen.add(s);
        objects.push({ path, schema: s });
        for (const [k, v] of Object.entries(d.shape ?? {})) visit(v, path ? `${path}.${k}` : k);
        return;
      }
      default:
        return;
    }
  };
  visit(root, '');
  return { objects, enums };
}

const documented = (schema: z.ZodType) => SCHEMA_DOCS.find((d) => d.schema === schema) ?? SCHEMA_DOCS.find((d) => SHARED_SCHEMAS.some(([t, src]) => t === schema && src === d.schema));

describe('docs/transaction.md covers the schemas', () => {
  const { objects, enums } = walk(transactionSchema);

  it('reaches every part of a transaction (sanity of the walk)', () => {
    expect(objects.length).toBeGreaterThanOrEqual(SCHEMA_DOCS.length);
    expect(enums.map((e) => e.path)).toEqual(expect.arrayContaining(['endUse[]', 'parties[].type', 'items[].category']));
  });

  it('every field of every object has an entry, and no entry names a field that is gone', () => {
    const gaps: string[] = [];
    for (const { path, schema } of objects) {
      const doc = documented(schema);
      if (!doc) {
        gaps.push(`${path || '(transaction)'}: object with fields ${Object.keys(shapeOf(schema)).join(', ')} has no entry in src/domain/field-docs.ts`);
        continue;
      }
      for (const field of Object.keys(shapeOf(schema))) if (!doc.fields[field]) gaps.push(`${path ? `${path}.` : ''}${field}: no entry in src/domain/field-docs.ts (${doc.title})`);
      for (const field of Object.keys(doc.fields)) if (!(field in shapeOf(schema))) gaps.push(`${doc.title}: documents "${field}", which the schema no longer has`);
    }
    expect(gaps).toEqual([]);
  });

  it('every enumeration value has a meaning', () => {
    const gaps: string[] = [];
    for (const e of enums) {
      if (e.path === 'items[].category') {
        expect(e.values).toEqual([...SME_CATEGORY_NAMES]);
        continue;
      }
      const doc = ENUM_DOCS.find((d) => d.path === e.path);
      if (!doc) gaps.push(`${e.path}: enumeration not documented`);
      else {
        expect([...doc.values].sort()).toEqual([...e.values].sort());
        for (const v of e.values) if (!doc.meaning[v]) gaps.push(`${e.path}: value ${v} has no meaning`);
      }
    }
    expect(gaps).toEqual([]);
  });

  it('names only facts the rule packs know', () => {
    const facts = new FactRegistry();
    const unknown = SCHEMA_DOCS.flatMap((d) => Object.entries(d.fields).flatMap(([f, x]) => (x.facts ?? []).filter((p) => !facts.has(p)).map((p) => `${d.title}.${f}: ${p}`)));
    unknown.push(...ENUM_DOCS.filter((e) => e.fact && !facts.has(e.fact)).map((e) => `${e.path}: ${e.fact}`));
    expect(unknown).toEqual([]);
  });

  it('the file is the current rendering (run node scripts/transaction-doc.js after a change)', async () => {
    const file = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'transaction.md'), 'utf8');
    expect(file).toBe(renderTransactionDoc(await loadRuleset()));
  });

  it('the OpenAPI JSON Schema carries the same descriptions', () => {
    const schemas = (openApiDocument() as { components: { schemas: Record<string, { properties?: Record<string, { description?: string }> }> } }).components.schemas;
    const text = JSON.stringify(schemas);
    const facility = SCHEMA_DOCS.find((d) => d.title === 'Facility')!;
    expect(text).toContain(JSON.stringify(facility.fields.advancedNode!.meaning).slice(1, -1));
    const params = SCHEMA_DOCS.find((d) => d.title === 'Equipment parameters')!;
    expect(text).toContain(JSON.stringify(params.fields.overlayNm!.meaning).slice(1, -1));
    expect(schemas.Transaction?.properties?.notifications?.description).toContain('NAC');
  });
});
