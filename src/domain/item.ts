import { z } from 'zod';
import { boundedText, countrySchema, nameSchema, nonNegative, positive, TEXT_LIMITS } from './schema-helpers.js';
import { SME_CATEGORY_NAMES } from './sme-category-names.js';

const name = () => nameSchema(TEXT_LIMITS.name).optional();
const code = () => boundedText(TEXT_LIMITS.model);

/**
 * Facts about where an item came from, used by the foreign-direct-product and de minimis
 * rules (rules.md §1.9–1.10) and by China's extraterritorial rules. Absent means unknown.
 */
const provenance = {
  origin: countrySchema.optional(),
  usContentPct: z.number().finite().min(0).max(100).optional(),
  usTechnologyDirectProduct: z.boolean().optional(),
  madeWithUsTools: z.boolean().optional(),
  containsUsOriginIc: z.boolean().optional(),
  chinaOriginContentPct: z.number().finite().min(0).max(100).optional(),
  /** Made abroad with Chinese rare-earth extraction, separation, smelting, magnet or recycling technology (MOFCOM No. 61 of 2025). */
  chinaRareEarthTechnology: z.boolean().optional(),
  eccn: code().min(1).optional(),
  quantity: nonNegative.optional(),
  value: nonNegative.optional(),
};

export const performanceFigureSchema = z.strictObject({
  bits: z.number().int().positive().max(128),
  tops: nonNegative,
  sparse: z.boolean().optional(),
});

export const dieSchema = z.strictObject({
  areaMm2: positive,
  nonPlanar: z.boolean().optional(),
  memory: z.boolean().optional(),
});

export const catalogueRefSchema = z.strictObject({
  kind: z.literal('catalogue'),
  model: code().min(1),
  datacenter: z.boolean().optional(),
  ...provenance,
});

export const icItemSchema = z.strictObject({
  kind: z.literal('ic'),
  name: name(),
  model: code().optional(),
  vendor: code().optional(),
  datacenter: z.boolean().optional(),
  performance: z.array(performanceFigureSchema).optional(),
  dies: z.array(dieSchema).optional(),
  dieAreaMm2: positive.optional(),
  memoryBandwidthGBs: nonNegative.optional(),
  interconnectGBs: nonNegative.optional(),
  /** Logic made with non-planar transistors or at 16/14 nm or below (§772.1 "advanced-node IC"). */
  advancedNode: z.boolean().optional(),
  ...provenance,
});

export const memoryItemSchema = z.strictObject({
  kind: z.literal('memory'),
  name: name(),
  model: code().optional(),
  hbm: z.boolean().optional(),
  bandwidthGBs: nonNegative.optional(),
  packageAreaMm2: positive.optional(),
  ...provenance,
});

/**
 * The measured parameters of a tool. Exposure tools (lithography.*) are classified from them
 * (3B001.f.1 / 3B993.f.1 / 3B001.f.5, Japan's and the Dutch lists); other types from `category`.
 * Unknown keys are errors, so a misspelt parameter is never silently dropped.
 */
export const smeParametersSchema = z.strictObject({
  wavelengthNm: positive.optional(),
  resolutionNm: positive.optional(),
  overlayNm: positive.optional(),
  numericalAperture: positive.optional(),
  throughputWph: positive.optional(),
  immersion: z.boolean().optional(),
});
export type SmeParameters = z.infer<typeof smeParametersSchema>;

export const smeItemSchema = z.strictObject({
  kind: z.literal('sme'),
  name: name(),
  model: code().optional(),
  vendor: code().optional(),
  /** Equipment type, e.g. "lithography.duv_immersion", "etch.dielectric_high_aspect_ratio". */
  category: z.enum(SME_CATEGORY_NAMES).optional(),
  parameters: smeParametersSchema.optional(),
  ...provenance,
});

export const materialItemSchema = z.strictObject({
  kind: z.literal('material'),
  name: name(),
  substance: code().min(1),
  form: code().optional(),
  purityPct: z.number().finite().min(0).max(100).optional(),
  ...provenance,
});

const softwareOrTechnology = {
  name: name(),
  model: code().optional(),
  /** The control code of the commodity this software/technology is for, e.g. "3A090.a". */
  forCode: code().optional(),
  ...provenance,
};
export const softwareItemSchema = z.strictObject({ kind: z.literal('software'), ...softwareOrTechnology });
export const technologyItemSchema = z.strictObject({ kind: z.literal('technology'), ...softwareOrTechnology });

export type PerformanceFigure = z.infer<typeof performanceFigureSchema>;
export type Die = z.infer<typeof dieSchema>;
export type CatalogueRef = z.infer<typeof catalogueRefSchema>;
export type IcItem = z.infer<typeof icItemSchema>;
export type MemoryItem = z.infer<typeof memoryItemSchema>;
export type SmeItem = z.infer<typeof smeItemSchema>;
export type MaterialItem = z.infer<typeof materialItemSchema>;
export type SoftwareItem = z.infer<typeof softwareItemSchema>;
export type TechnologyItem = z.infer<typeof technologyItemSchema>;

export interface ComputerItem {
  kind: 'computer';
  name?: string | undefined;
  model?: string | undefined;
  datacenter?: boolean | undefined;
  ics: Item[];
  origin?: string | undefined;
  usContentPct?: number | undefined;
  usTechnologyDirectProduct?: boolean | undefined;
  madeWithUsTools?: boolean | undefined;
  containsUsOriginIc?: boolean | undefined;
  chinaOriginContentPct?: number | undefined;
  chinaRareEarthTechnology?: boolean | undefined;
  eccn?: string | undefined;
  quantity?: number | undefined;
  value?: number | undefined;
}

export type Item =
  | CatalogueRef
  | IcItem
  | MemoryItem
  | ComputerItem
  | SmeItem
  | MaterialItem
  | SoftwareItem
  | TechnologyItem;

export type ItemKind = Exclude<Item['kind'], 'catalogue'>;
export const ITEM_KINDS = ['ic', 'memory', 'computer', 'sme', 'material', 'software', 'technology'] as const;

export const computerItemSchema: z.ZodType<ComputerItem> = z.strictObject({
  kind: z.literal('computer'),
  name: name(),
  model: code().optional(),
  datacenter: z.boolean().optional(),
  ics: z.array(z.lazy(() => itemSchema)).min(1),
  ...provenance,
});

const ITEM_KIND_ERROR =
  'an item needs a "model" (a catalogue name) or a "kind" (one of ic, memory, computer, sme, material, software, technology)';

/** A bare `model` is read as a catalogue reference, so contract.md's short form works. */
const catalogueShortForm = (v: unknown): unknown =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && !('kind' in v) && 'model' in v ? { kind: 'catalogue', ...(v as object) } : v;

/** One item of the given kinds, told apart by `kind` (or a bare `model`). */
function itemOf<Options extends readonly [z.core.$ZodTypeDiscriminable, ...z.core.$ZodTypeDiscriminable[]]>(options: Options) {
  return z.preprocess(catalogueShortForm, z.discriminatedUnion('kind', options, { error: () => ITEM_KIND_ERROR }));
}

/**
 * An item is a catalogue reference (`{ "model": ... }`) or a description with a `kind`.
 * A bare `model` is read as a catalogue reference, so contract.md's short form works.
 */
export const itemSchema: z.ZodType<Item> = itemOf([
  catalogueRefSchema,
  icItemSchema,
  memoryItemSchema,
  computerItemSchema as never,
  smeItemSchema,
  materialItemSchema,
  softwareItemSchema,
  technologyItemSchema,
]) as unknown as z.ZodType<Item>;

/**
 * The same items without `computer`, the one kind that holds items: a schema without a cycle,
 * which zod can compile (transaction-parser.ts). Same option schemas, so what it accepts it
 * reads exactly as `itemSchema` does.
 */
export const itemSchemaWithoutNesting: z.ZodType<Exclude<Item, ComputerItem>> = itemOf([
  catalogueRefSchema,
  icItemSchema,
  memoryItemSchema,
  smeItemSchema,
  materialItemSchema,
  softwareItemSchema,
  technologyItemSchema,
]) as unknown as z.ZodType<Exclude<Item, ComputerItem>>;

/** An item after catalogue references are replaced by the catalogue's description of the product. */
export type ResolvedItem = Exclude<Item, CatalogueRef | ComputerItem> & { catalogue?: import('./classification.js').CatalogueInfo }
  | (Omit<ComputerItem, 'ics'> & { ics: ResolvedItem[]; catalogue?: import('./classification.js').CatalogueInfo });
