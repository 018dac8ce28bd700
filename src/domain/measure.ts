import { z } from 'zod';
import { isoDateSchema } from './schema-helpers.js';
import { EFFECTS, REVIEW_POLICIES } from './outcome.js';
import { JURISDICTIONS } from './jurisdiction.js';
import { OWNERSHIP_RULES } from './ownership.js';

/**
 * The condition language of rule packs (architecture.md "Rule packs"): `all`, `any`, `not`
 * and one comparison on a fact path per leaf. Evaluation is three-valued: a leaf whose fact
 * is unknown is `unknown`, and a measure whose condition ends `unknown` answers `review`.
 */
export type Scalar = string | number | boolean;

export type Comparison =
  | { eq: Scalar }
  | { ne: Scalar }
  | { in: Scalar[] }
  | { notIn: Scalar[] }
  | { gt: number }
  | { gte: number }
  | { lt: number }
  | { lte: number }
  | { inGroup: string | string[] }
  | { notInGroup: string | string[] }
  | { anyInGroup: string | string[] }
  | { contains: Scalar }
  | { containsAny: Scalar[] }
  | { notContainsAny: Scalar[] }
  | { exists: boolean };

export type Leaf = { fact: string; label?: string } & Comparison;
export type Condition = { all: Condition[] } | { any: Condition[] } | { not: Condition } | Leaf | { always: true };

export const COMPARISON_OPERATORS = [
  'eq', 'ne', 'in', 'notIn', 'gt', 'gte', 'lt', 'lte', 'inGroup', 'notInGroup', 'anyInGroup',
  'contains', 'containsAny', 'notContainsAny', 'exists',
] as const;

const scalar = z.union([z.string(), z.number(), z.boolean()]);
const groupRef = z.union([z.string(), z.array(z.string()).min(1)]);

const leafSchema = z
  .strictObject({
    fact: z.string().min(1),
    eq: scalar.optional(),
    ne: scalar.optional(),
    in: z.array(scalar).optional(),
    notIn: z.array(scalar).optional(),
    gt: z.number().optional(),
    gte: z.number().optional(),
    lt: z.number().optional(),
    lte: z.number().optional(),
    inGroup: groupRef.optional(),
    notInGroup: groupRef.optional(),
    anyInGroup: groupRef.optional(),
    contains: scalar.optional(),
    containsAny: z.array(scalar).optional(),
    notContainsAny: z.array(scalar).optional(),
    exists: z.boolean().optional(),
    /** Words for people: used in the trace instead of the raw fact path. */
    label: z.string().optional(),
  })
  .refine((l) => COMPARISON_OPERATORS.filter((op) => l[op] !== undefined).length === 1, {
    message: `a condition on a fact needs exactly one operator (${COMPARISON_OPERATORS.join(', ')})`,
  });

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
    z.strictObject({ not: conditionSchema }),
    z.strictObject({ always: z.literal(true) }),
    leafSchema,
  ]),
) as z.ZodType<Condition>;

/**
 * A window in which a measure on the books is not applied: stayed by a court or an agency,
 * suspended by a later announcement, or not enforced by policy. `then: unknown` says the pack
 * does not know what happened after `to` (a scheduled end nobody has confirmed), so answers
 * after it are `review`.
 */
export const statusWindowSchema = z.strictObject({
  status: z.enum(['not_enforced', 'stayed', 'suspended']),
  from: isoDateSchema,
  to: isoDateSchema.optional(),
  by: z.string().min(1),
  then: z.enum(['revives', 'unknown']).default('revives'),
  /** Name of an evaluation option that, when true, ignores this window (e.g. enforceAiDiffusion). */
  unlessOption: z.string().optional(),
});

export const exceptionSchema = z.strictObject({
  code: z.string().min(1),
  citation: z.string().min(1),
  /** When the exception can be used; the engine reports each failed condition as the reason. */
  when: conditionSchema,
  /** What the exporter must still do to use it, e.g. "25-day prior notification via SNAP-R". */
  requires: z.array(z.string()).default([]),
  summary: z.string().min(1),
  /**
   * A step to complete before shipping under the exception (NAC: notify BIS 25 days ahead and
   * get its confirmation). While `when` holds and this does not, the exception is not the
   * headline: the finding is `review`, saying what to do (`todo`).
   */
  prerequisite: z.strictObject({ when: conditionSchema, todo: z.string().min(1) }).optional(),
});

export const CONFIDENCE = ['high', 'medium', 'low'] as const;

export const measureSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(\.[a-z0-9_:-]+)+$/, 'ids are dotted lower-case, e.g. us.ear.ac.license.d-groups'),
  jurisdiction: z.enum(JURISDICTIONS),
  /** `requirement` decides outcomes; `review_policy` says how a licence application is judged; `event` is timeline-only. */
  kind: z.enum(['requirement', 'review_policy', 'event']).default('requirement'),
  title: z.string().min(1).optional(),
  /** The title in Simplified Chinese (China's measures carry one; the zh interface and `--lang zh` show it). */
  titleZh: z.string().min(1).optional(),
  instrument: z.string().min(1),
  citation: z.string().min(1),
  summary: z.string().min(1),
  effective: z.strictObject({ from: isoDateSchema, to: isoDateSchema.optional() }),
  /** A later date the pack cannot see past: after it, answers are `review` (e.g. a deadline whose follow-up is unknown). */
  knownUntil: z.strictObject({ date: isoDateSchema, why: z.string().min(1) }).optional(),
  status: z.array(statusWindowSchema).default([]),
  confidence: z.enum(CONFIDENCE),
  effect: z.enum(EFFECTS),
  reviewPolicy: z.enum(REVIEW_POLICIES).optional(),
  /** Once per transaction (party and destination rules) or once per item line (the default). */
  per: z.enum(['item', 'transaction']).default('item'),
  when: conditionSchema,
  exceptions: z.array(exceptionSchema).default([]),
  /** Tags other conditions can test through the `fired.tags` fact (e.g. `part744`). */
  tags: z.array(z.string()).default([]),
  /** For review policies: the requirement measures (or tags) whose licence they govern. */
  governs: z.array(z.string()).default([]),
  /** Restricted-party lists whose hits this measure acts on: the finding cites each hit entry. */
  lists: z.array(z.string()).default([]),
  /**
   * The 50 percent rule this measure acts on (src/ownership): the finding cites the listed
   * owners reached and takes the most restrictive owner's review policy.
   */
  ownershipRule: z.enum(OWNERSHIP_RULES).optional(),
  /** Review policies this one displaces when it applies (a specific lane over a default). */
  overrides: z.array(z.string()).default([]),
  notes: z.string().optional(),
  sources: z.array(z.string()).default([]),
});

export type StatusWindow = z.output<typeof statusWindowSchema>;
export type ExceptionDef = z.output<typeof exceptionSchema>;
export type Measure = z.output<typeof measureSchema> & { pack: string; source?: { file: string; line: number } };
export type Confidence = (typeof CONFIDENCE)[number];

export const packFileSchema = z.strictObject({
  pack: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  jurisdiction: z.enum(JURISDICTIONS),
  version: z.string().min(1),
  measures: z.array(measureSchema).min(1),
});
export type PackFile = z.output<typeof packFileSchema>;

/** A country-group membership: a plain code, or a code with the dates it belonged. */
export const memberSchema = z.union([
  z.string(),
  z.strictObject({ country: z.string(), from: isoDateSchema.optional(), to: isoDateSchema.optional(), note: z.string().optional() }),
]);

export const groupSchema = z.strictObject({
  title: z.string().min(1),
  citation: z.string().min(1),
  members: z.array(memberSchema).optional(),
  /** A derived group: the union of groups, less others (e.g. (D:1 ∪ D:4 ∪ D:5) − (A:5 ∪ A:6)). */
  union: z.array(z.string()).optional(),
  minus: z.array(z.string()).optional(),
  plus: z.array(memberSchema).optional(),
  confidence: z.enum(CONFIDENCE).default('high'),
  notes: z.string().optional(),
});

export const groupsFileSchema = z.strictObject({
  jurisdiction: z.enum(JURISDICTIONS),
  version: z.string(),
  /** Destinations a jurisdiction treats as another, e.g. Hong Kong as China under the EAR since 2020-12-23. */
  aliases: z
    .array(z.strictObject({ country: z.string(), as: z.string(), from: isoDateSchema.optional(), citation: z.string() }))
    .default([]),
  groups: z.record(z.string(), groupSchema),
  /** Named sets of parties a rule refers to (e.g. the UAE entities approved in Supp. 8 to Part 740). */
  partySets: z
    .record(
      z.string(),
      z.strictObject({
        title: z.string().min(1),
        citation: z.string().min(1),
        names: z.array(z.string().min(1)).min(1),
        from: isoDateSchema.optional(),
        to: isoDateSchema.optional(),
        /** From this date membership is unknown to the pack (an authorisation that lapses absent notice). */
        knownUntil: isoDateSchema.optional(),
        confidence: z.enum(CONFIDENCE).default('high'),
        notes: z.string().optional(),
      }),
    )
    .default({}),
});
export type GroupsFile = z.output<typeof groupsFileSchema>;
