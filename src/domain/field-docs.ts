import { z } from 'zod';
import {
  catalogueRefSchema,
  computerItemSchema,
  dieSchema,
  icItemSchema,
  materialItemSchema,
  memoryItemSchema,
  performanceFigureSchema,
  smeItemSchema,
  smeParametersSchema,
  softwareItemSchema,
  technologyItemSchema,
} from './item.js';
import { exporterSchema, PARTY_ROLES, PARTY_TYPES, partySchema } from './party.js';
import { ownerSchema } from './ownership.js';
import {
  CERTIFICATIONS,
  END_USES,
  facilitySchema,
  NOTIFICATION_REPLIES,
  notificationSchema,
  OBSERVED_RED_FLAGS,
  servicesSchema,
  SUPPORT_ACTIVITIES,
  transactionSchema,
} from './transaction.js';

/**
 * The meaning of every field of a transaction, in one place: docs/transaction.md is rendered
 * from it (src/bundle/transaction-doc.ts), the zod schemas carry it as their description (so the
 * OpenAPI document's JSON Schema says the same), and a test walks the schemas and fails when a
 * field has no entry here. `facts` names the rule-pack facts that read the field; the document
 * lists the measures that use those facts, from the packs themselves.
 */
export interface FieldDoc {
  meaning: string;
  unit?: string;
  /** Fact paths of the rule packs that read this field (src/rules/facts*.ts). */
  facts?: string[];
  /** Words on which rules use it, where facts alone do not say (classification, screening). */
  usedBy?: string;
  /** A JSON value, as written in a transaction. */
  example: string;
}

export interface SchemaDoc {
  /** Where the object sits in a transaction, e.g. `items[] (kind: ic)`. */
  path: string;
  title: string;
  schema: z.ZodType;
  fields: Record<string, FieldDoc>;
}

const name = (what: string): FieldDoc => ({ meaning: `Free text naming the ${what}, shown in answers; not used by any rule.`, example: '"training server rack 4"' });
const model = (what: string): FieldDoc => ({ meaning: `The ${what}'s model name, shown in answers (a bare \`{ "model": ... }\` item is a catalogue reference instead).`, facts: ['item.name'], example: '"XYZ-100"' });
const kind = (k: string): FieldDoc => ({ meaning: `The item kind; \`"${k}"\` selects this description.`, facts: ['item.kind'], example: `"${k}"` });

/** Provenance and shipment facts every item kind takes (rules.md §1.9–1.10, §4). */
const PROVENANCE: Record<string, FieldDoc> = {
  origin: { meaning: 'Country where the item was made (ISO 3166-1 alpha-2). A US-origin item is subject to the EAR wherever it is; a foreign-made item abroad only through de minimis or a foreign-direct-product rule.', facts: ['item.origin', 'item.us.subjectToEar', 'item.cn.chinaOrigin'], example: '"CN"' },
  usContentPct: { meaning: 'Share of the item\'s value that is controlled US-origin content, for the de minimis test (§734.4: 25 %, 10 % to E:1/E:2, 0 % in three SME/FN5 cases).', unit: '% of value, 0–100', facts: ['item.usContentPct', 'item.us.deMinimisExceeded', 'item.us.subjectToEar'], example: '0' },
  usTechnologyDirectProduct: { meaning: 'The item is a direct product of US technology or software on the CCL (product test of the foreign-direct-product rules, §734.9).', facts: ['item.usTechnologyDirectProduct', 'item.us.subjectToEar'], example: 'false' },
  madeWithUsTools: { meaning: 'Made by a plant, or a major component of a plant, that is itself a direct product of US technology ("US tools") — the plant limb of §734.9.', facts: ['item.madeWithUsTools', 'item.us.subjectToEar'], example: 'false' },
  containsUsOriginIc: { meaning: 'Contains a US-origin IC (or one made by a US-technology plant): §734.9(e)(3)/(k) product scope and the 0 % de minimis of §734.4(a)(8)/(a)(9).', facts: ['item.us.subjectToEar', 'item.us.deMinimisExceeded'], example: 'false' },
  chinaOriginContentPct: { meaning: 'Share of value that is Chinese-origin listed rare-earth content, for the 0.1 % content rule of MOFCOM No. 61 of 2025.', unit: '% of value, 0–100', facts: ['item.cn.chinaOriginContentPct'], example: '0.05' },
  chinaRareEarthTechnology: { meaning: 'Made abroad with Chinese rare-earth extraction, separation, smelting, magnet or recycling technology (MOFCOM No. 61 of 2025).', facts: ['item.cn.chinaRareEarthTechnology'], example: 'true' },
  eccn: { meaning: 'A control code the user already knows (e.g. "EAR99", "3B001.c.1.a"); it is taken as given instead of classifying from parameters.', facts: ['item.us.code'], usedBy: 'classification', example: '"EAR99"' },
  quantity: { meaning: 'Number of units on the line; reported, not used by any rule.', unit: 'units', example: '8' },
  value: { meaning: 'Value of the line; used by exposure analyses (redline exposure), not by rules.', unit: 'the transaction currency', example: '250000' },
};

const MEMORY_DOC = { meaning: 'Memory bandwidth of the item', unit: 'GB/s' };

export const SCHEMA_DOCS: SchemaDoc[] = [
  {
    path: '(transaction)',
    title: 'Transaction',
    schema: transactionSchema,
    fields: {
      id: { meaning: 'The caller\'s reference, echoed in the determination and the audit log.', example: '"SO-2026-0930-001"' },
      date: { meaning: 'Ship date: the rules in force on it decide (default today; `--as-of` wins).', unit: 'YYYY-MM-DD', facts: ['tx.date'], example: '"2026-09-30"' },
      from: { meaning: 'Country the item leaves from (export or reexport). `US` makes every item subject to the EAR; a foreign `from` with a foreign origin sends the item through de minimis and the FDP rules.', facts: ['tx.from', 'item.us.subjectToEar', 'exporter.location'], example: '"US"' },
      to: { meaning: 'Destination country. Required.', facts: ['tx.to'], example: '"CN"' },
      exporter: { meaning: 'Who exports (see Exporter below).', facts: ['exporter.country', 'exporter.headquarters'], example: '{ "name": "Example US Exporter Inc.", "country": "US", "headquarters": "US" }' },
      items: { meaning: 'The order lines: catalogue references or descriptions (see the item kinds below). At least one.', example: '[{ "model": "NVIDIA H100 SXM5 80GB" }]' },
      parties: { meaning: 'Buyers, consignees and end users (see Party below); each is screened against the restricted-party lists.', facts: ['parties.countries', 'parties.hqCountries', 'screening.lists'], example: '[{ "role": "end_user", "name": "Example Cloud Ltd", "country": "CN" }]' },
      endUse: { meaning: 'Declared end uses (values below). Part 744 end-use rules read them as knowledge of the end use.', facts: ['tx.endUse'], example: '["ai_training"]' },
      facility: { meaning: 'The facility where the items will be used, for IC or SME production end uses (see Facility below).', facts: ['facility.country', 'facility.advancedNode', 'facility.ownerHeadquarters'], example: '{ "country": "CN", "advancedNode": true, "ownerHeadquarters": "CN" }' },
      certifications: { meaning: 'Certifications or documents the applicant holds for this shipment (values below).', facts: ['tx.certifications'], example: '["purchase_order"]' },
      services: { meaning: 'U.S.-person support for the transaction (§744.6; see Services below).', facts: ['services.usPersons', 'services.activities', 'services.employerExcluded'], example: '{ "usPersons": true, "activities": ["install"] }' },
      observedRedFlags: { meaning: 'Diversion red flags the exporter observed (BIS guidance of 2025-05-13; values below); each becomes a red-flag finding for advanced-computing items.', facts: ['tx.observedRedFlags'], example: '["thin_online_presence"]' },
      notifications: { meaning: 'Prior notifications a licence exception needs (see Notification below). NAC is not the headline until BIS has confirmed the notification.', facts: ['tx.notifications.nac'], example: '[{ "exception": "NAC", "submittedOn": "2026-09-01", "bisReply": "confirmed", "confirmationNumber": "A123456" }]' },
      value: { meaning: 'Total value of the transaction; reported, not used by rules.', unit: 'currency below', facts: ['tx.value'], example: '250000' },
      currency: { meaning: 'ISO 4217 code of `value`.', example: '"USD"' },
    },
  },
  {
    path: 'exporter',
    title: 'Exporter',
    schema: exporterSchema,
    fields: {
      name: { meaning: 'Exporter name; matched against the item vendor for the is-informed letters (which bind only the informed vendor).', facts: ['exporter.name', 'exporter.isItemVendor'], example: '"NVIDIA Corporation"' },
      country: { meaning: 'Country the exporter ships from or is located in (stands in for `from` where that is missing, for the Supp. 4 to Part 742 exclusions).', facts: ['exporter.country', 'exporter.location'], example: '"US"' },
      headquarters: { meaning: 'Country of the exporter\'s headquarters (HBM exception, §734.9(e)(3)/(k) exclusions).', facts: ['exporter.headquarters'], example: '"US"' },
      ultimateParent: { meaning: 'Country of the exporter\'s ultimate parent (HBM exception: no Macau/D:5 parent).', facts: ['exporter.ultimateParent'], example: '"US"' },
      usPerson: { meaning: 'The exporter is a U.S. person (§772.1), for the §744.6 support rules when `services` does not say.', facts: ['exporter.usPerson', 'services.usPersons'], example: 'true' },
    },
  },
  {
    path: 'parties[]',
    title: 'Party',
    schema: partySchema,
    fields: {
      role: { meaning: 'What the party does in the transaction (values below).', facts: ['parties.endUserCountries'], example: '"end_user"' },
      name: { meaning: 'The party\'s name in any script; screened against the restricted-party lists.', facts: ['screening.lists', 'screening.entityListFootnotes', 'parties.allSupp8Approved', 'parties.veuFab'], example: '"华为技术有限公司"' },
      country: { meaning: 'Country where the party is located.', facts: ['parties.countries'], example: '"CN"' },
      headquarters: { meaning: 'Country of the party\'s headquarters: the headquarters test (§742.6(a)(6)(iii), §744.23(a)(3)) reaches Macau/D:5-headquartered entities anywhere. Absent = unknown (review where it matters).', facts: ['parties.hqCountries'], example: '"CN"' },
      ultimateParent: { meaning: 'Country of the party\'s ultimate parent; counts for the headquarters test like `headquarters`.', facts: ['parties.hqCountries'], example: '"CN"' },
      address: { meaning: 'Street address; weighs screening hits (never hides an exact name hit).', usedBy: 'screening', example: '"Bantian, Longgang District, Shenzhen"' },
      type: { meaning: 'What kind of business the party is (values below): NAC and HBM exclude distributors, resellers and retailers; GOV needs a government agency.', facts: ['parties.types', 'parties.militaryCountries'], example: '"datacenter_operator"' },
      aliases: { meaning: 'Other names the party is known by; each is screened too.', usedBy: 'screening', example: '["Huawei Technologies"]' },
      listedOwnership: { meaning: 'Ownership by Entity List / MEU List parties that the exporter knows of (Affiliates rule, 90 FR 47201; see below).', facts: ['parties.listedOwnershipPct'], example: '{ "pct": 60, "owners": ["Listed Parent Co."] }' },
      owners: { meaning: 'Who owns the party, as far as the exporter knows, nested to any depth (see Owner below). Every owner is screened and the 50 percent rules (BIS Affiliates, OFAC 50 %, MOFCOM No. 61) are computed with the path; without it the stored ownership register is read (docs/ownership.md).', facts: ['parties.ownership.bisAffiliates.pct', 'parties.ownership.ofac50.pct', 'parties.ownership.cn50.pct'], example: '[{ "name": "Example Holding (HK) Ltd.", "pct": 50, "owners": [{ "name": "Huawei Technologies Co., Ltd.", "pct": 50 }] }]' },
    },
  },
  {
    path: 'parties[].owners[]',
    title: 'Owner',
    schema: ownerSchema,
    fields: {
      name: { meaning: 'The owner\'s name in any script; screened like a party.', usedBy: 'ownership', example: '"Example Holding (HK) Ltd."' },
      pct: { meaning: 'The share this owner holds directly. Absent = not known: Red Flag 29 (review), naming the missing share.', unit: '% of ownership, 0–100; one entity\'s owners may not sum over 100', facts: ['parties.ownership.bisAffiliates.pct', 'parties.ownership.ofac50.pct', 'parties.ownership.cn50.pct'], example: '50' },
      country: { meaning: 'Country of the owner; weighs its screening hits.', usedBy: 'ownership', example: '"HK"' },
      owners: { meaning: 'The owner\'s own owners, the same shape, to any depth (cycles are reported, never looped on).', usedBy: 'ownership', example: '[{ "name": "Huawei Technologies Co., Ltd.", "pct": 50 }]' },
    },
  },
  {
    path: 'parties[].listedOwnership',
    title: 'Listed ownership',
    schema: (partySchema.shape.listedOwnership as z.ZodOptional<z.ZodObject>).unwrap(),
    fields: {
      pct: { meaning: 'Aggregate direct or indirect share held by Entity List / MEU List parties; 50 % or more brings the Affiliates rule.', unit: '% of ownership, 0–100', facts: ['parties.listedOwnershipPct'], example: '60' },
      owners: { meaning: 'Names of the listed owners. Owners named without `pct` is Red Flag 29 (ownership not determined): review.', facts: ['parties.listedOwnershipPct'], example: '["Listed Parent Co."]' },
    },
  },
  {
    path: 'facility',
    title: 'Facility',
    schema: facilitySchema,
    fields: {
      country: { meaning: 'Country of the facility where the items will be used (default: the destination).', facts: ['facility.country', 'facility.location'], example: '"CN"' },
      advancedNode: { meaning: 'Advanced-node ICs (§772.1: non-planar logic or 16/14 nm or below, 128+ layer NAND, advanced DRAM) are produced there. Absent = unknown: §744.23(a)(2)(ii) then reaches Category 3 B–E items.', facts: ['facility.advancedNode'], example: 'true' },
      ownerHeadquarters: { meaning: 'Headquarters country of the facility\'s owner: review policies (presumption of denial vs case-by-case) and §744.6(c)(2).', facts: ['facility.ownerHeadquarters'], example: '"CN"' },
      name: { meaning: 'Facility name; shown in answers.', example: '"Example Fab 2"' },
    },
  },
  {
    path: 'services',
    title: 'Services (U.S.-person support, §744.6)',
    schema: servicesSchema,
    fields: {
      usPersons: { meaning: 'U.S. persons (citizens, permanent residents, US-organised entities, anyone in the US) ship, transmit, transfer, facilitate or service items for the transaction.', facts: ['services.usPersons'], example: 'true' },
      activities: { meaning: 'What the U.S. persons do (values below).', facts: ['services.activities'], example: '["install", "service"]' },
      employerHeadquarters: { meaning: 'Headquarters of the U.S. persons\' employer: natural persons working for a US/A:5/A:6-headquartered company are excluded from §744.6(c)(2).', facts: ['services.employerExcluded'], example: '"US"' },
      employerMajorityOwnedFromMacauD5: { meaning: 'The employer is majority-owned by a Macau/D:5-headquartered entity, which removes that exclusion.', facts: ['services.employerExcluded'], example: 'false' },
    },
  },
  {
    path: 'notifications[]',
    title: 'Notification',
    schema: notificationSchema,
    fields: {
      exception: { meaning: 'The licence exception notified (NAC, §740.8).', facts: ['tx.notifications.nac'], example: '"NAC"' },
      submittedOn: { meaning: 'Day the notification went to BIS via SNAP-R (at least 25 calendar days before shipment).', unit: 'YYYY-MM-DD', example: '"2026-09-01"' },
      bisReply: { meaning: 'BIS\'s answer (values below): only `confirmed` lets NAC be the headline; `apply_for_licence` makes it unavailable; `awaiting_reply` is review.', facts: ['tx.notifications.nac'], example: '"confirmed"' },
      confirmationNumber: { meaning: 'The STELA confirmation number (reported in AES with licence code C67).', unit: '"A" and six digits', example: '"A123456"' },
    },
  },
  {
    path: 'items[] (catalogue reference)',
    title: 'Item: catalogue reference',
    schema: catalogueRefSchema,
    fields: {
      kind: { meaning: '`"catalogue"`, or leave it out: an item with `model` and no `kind` is a catalogue reference.', example: '"catalogue"' },
      model: { meaning: 'A chip (data/catalogue/chips.csv) or tool (data/catalogue/sme.csv) name, matched case- and punctuation-insensitively; an unknown one is an error listing the closest names. At most 200 characters.', facts: ['item.name', 'item.vendor', 'item.tags'], usedBy: 'classification', example: '"NVIDIA H100 SXM5 80GB"' },
      datacenter: { meaning: 'Overrides the catalogue\'s "designed or marketed for datacenters" (NAC/ACA exclude datacenter 3A090.a items).', facts: ['item.datacenter'], example: 'false' },
      ...PROVENANCE,
    },
  },
  {
    path: 'items[] (kind: ic)',
    title: 'Item: integrated circuit',
    schema: icItemSchema,
    fields: {
      kind: kind('ic'),
      name: name('chip'),
      model: model('chip'),
      vendor: { meaning: 'The chip vendor (the is-informed letters bind named vendors).', facts: ['item.vendor', 'exporter.isItemVendor'], example: '"NVIDIA"' },
      datacenter: { meaning: 'Designed or marketed for use in datacenters (3A090.a datacenter items cannot use NAC/ACA). Absent = unknown.', facts: ['item.datacenter'], example: 'true' },
      performance: { meaning: 'Datasheet peak figures, one per operand bit length; TPP = dense TOPS × bit length, the highest counts (§774 3A090 Technical Notes).', usedBy: 'classification (3A090/4A090: TPP)', facts: ['item.tpp', 'item.us.acLevel'], example: '[{ "bits": 8, "tops": 1979 }]' },
      dies: { meaning: 'Every die in the package; the applicable die area for PD counts non-planar logic dies only.', usedBy: 'classification (3A090: PD)', facts: ['item.pd', 'item.us.acLevel'], example: '[{ "areaMm2": 814, "nonPlanar": true }]' },
      dieAreaMm2: { meaning: 'Applicable die area when `dies` is not given (a single non-planar logic die).', unit: 'mm²', usedBy: 'classification (3A090: PD)', facts: ['item.pd'], example: '814' },
      memoryBandwidthGBs: { ...MEMORY_DOC, meaning: 'Total DRAM bandwidth between the IC and its memory (Supp. 2 to Part 748 ¶(dd); the is-informed bandwidth thresholds).', facts: ['item.dramBandwidthGBs', 'item.dramPlusInterconnectGBs'], example: '3350' },
      interconnectGBs: { meaning: 'Aggregate bidirectional I/O bandwidth (the 2022 rule\'s 600 GB/s test; the is-informed thresholds).', unit: 'GB/s', facts: ['item.interconnectGBs', 'item.dramPlusInterconnectGBs'], usedBy: 'classification (2022 3A090)', example: '900' },
      advancedNode: { meaning: 'Logic made with non-planar transistors or at 16/14 nm or below (§772.1 "advanced-node IC").', usedBy: 'classification', example: 'true' },
      ...PROVENANCE,
    },
  },
  {
    path: 'items[].performance[]',
    title: 'Performance figure',
    schema: performanceFigureSchema,
    fields: {
      bits: { meaning: 'Operand bit length of the figure (the largest input to the multiply: FP8 = 8, FP16/BF16 = 16).', unit: 'bits', usedBy: 'classification (TPP)', example: '8' },
      tops: { meaning: 'The datasheet TOPS or TFLOPS figure as printed.', unit: 'TOPS / TFLOPS', usedBy: 'classification (TPP)', example: '1979' },
      sparse: { meaning: 'The figure is quoted with structured sparsity; Redline halves it to the dense figure.', usedBy: 'classification (TPP)', example: 'true' },
    },
  },
  {
    path: 'items[].dies[]',
    title: 'Die',
    schema: dieSchema,
    fields: {
      areaMm2: { meaning: 'Die area.', unit: 'mm²', usedBy: 'classification (PD)', example: '814' },
      nonPlanar: { meaning: '`false` marks a planar die (excluded from the applicable die area); default non-planar.', usedBy: 'classification (PD)', example: 'true' },
      memory: { meaning: '`true` marks a DRAM/HBM die (excluded from the applicable die area).', usedBy: 'classification (PD)', example: 'false' },
    },
  },
  {
    path: 'items[] (kind: memory)',
    title: 'Item: memory (HBM)',
    schema: memoryItemSchema,
    fields: {
      kind: kind('memory'),
      name: name('memory part'),
      model: model('memory part'),
      hbm: { meaning: 'High-bandwidth memory (3A090.c applies to any DRAM meeting the density parameter).', usedBy: 'classification (3A090.c)', example: 'true' },
      bandwidthGBs: { meaning: 'Memory bandwidth of the package or stack.', unit: 'GB/s', usedBy: 'classification (3A090.c density)', facts: ['item.hbmDensity'], example: '1229' },
      packageAreaMm2: { meaning: 'Area of the package or stack; bandwidth ÷ area is the memory bandwidth density (> 2 GB/s/mm²: 3A090.c; < 3.3 for License Exception HBM).', unit: 'mm²', usedBy: 'classification (3A090.c density)', facts: ['item.hbmDensity'], example: '110' },
      ...PROVENANCE,
    },
  },
  {
    path: 'items[] (kind: computer)',
    title: 'Item: computer',
    schema: computerItemSchema,
    fields: {
      kind: kind('computer'),
      name: name('computer'),
      model: model('computer'),
      datacenter: { meaning: 'Designed or marketed for datacenters.', facts: ['item.datacenter'], example: 'true' },
      ics: { meaning: 'The ICs inside (items of any kind, catalogue references included); 4A090 follows from them.', usedBy: 'classification (4A090)', facts: ['item.tags'], example: '[{ "model": "Huawei Ascend 910C" }]' },
      ...PROVENANCE,
    },
  },
  {
    path: 'items[] (kind: sme)',
    title: 'Item: semiconductor manufacturing equipment',
    schema: smeItemSchema,
    fields: {
      kind: kind('sme'),
      name: name('tool'),
      model: model('tool'),
      vendor: { meaning: 'Tool vendor.', facts: ['item.vendor'], example: '"ASML"' },
      category: { meaning: 'Equipment type (values below): non-exposure tools are classified from it; an unknown type is an input error naming the closest.', usedBy: 'classification (3B001/3B993/3B994, Japan, Netherlands, China)', facts: ['item.us.code', 'item.jp.codes', 'item.nl.codes'], example: '"etch.isotropic_dry"' },
      parameters: { meaning: 'Measured parameters (see below); exposure tools are classified from them. Unknown keys are errors.', usedBy: 'classification (3B001.f.1 / 3B993.f.1 / 3B001.f.5)', example: '{ "wavelengthNm": 193, "resolutionNm": 38, "overlayNm": 1.3 }' },
      ...PROVENANCE,
    },
  },
  {
    path: 'items[].parameters',
    title: 'Equipment parameters',
    schema: smeParametersSchema,
    fields: {
      wavelengthNm: { meaning: 'Light-source wavelength; below 193 nm (EUV) is 3B001.f.1. EUV implies 13.5 and ArF immersion 193 when not given.', unit: 'nm', usedBy: 'classification (exposure tools)', example: '193' },
      resolutionNm: { meaning: 'Minimum resolvable feature; at or below 45 nm the overlay decides.', unit: 'nm', usedBy: 'classification (exposure tools)', example: '38' },
      overlayNm: { meaning: 'Dedicated-chuck overlay: <= 1.50 nm 3B001.f.1, (1.50, 2.40] 3B993.f.1; imprint < 1.5 3B001.f.5, 1.5–4.0 3B993; the Dutch 2023/2024 split.', unit: 'nm', usedBy: 'classification (exposure tools, US and NL)', example: '1.3' },
      numericalAperture: { meaning: 'Numerical aperture of the projection optics; recorded, not a threshold in the encoded rules.', unit: 'dimensionless', example: '1.35' },
      throughputWph: { meaning: 'Throughput; recorded, not a threshold in the encoded rules.', unit: 'wafers per hour', example: '275' },
      immersion: { meaning: 'Immersion (ArF-i) exposure; with 193 nm and no category it marks an immersion scanner for Japan\'s list.', usedBy: 'classification (JP)', example: 'true' },
    },
  },
  {
    path: 'items[] (kind: material)',
    title: 'Item: material',
    schema: materialItemSchema,
    fields: {
      kind: kind('material'),
      name: name('material'),
      substance: { meaning: 'What the material is, in words ("gallium", "antimony trioxide", "NdFeB permanent magnet containing dysprosium"). It must name a known material (list below) unless `eccn` is given.', usedBy: 'classification (China\'s material lists)', facts: ['item.cn.codes'], example: '"gallium"' },
      form: { meaning: 'Physical form ("metal", "wafer", "zone-refined ingot"); read with the substance.', usedBy: 'classification', facts: ['item.cn.codes'], example: '"metal"' },
      purityPct: { meaning: 'Purity (antimony oxides are listed at >= 99.99 %).', unit: '%', usedBy: 'classification', facts: ['item.cn.codes'], example: '99.999' },
      ...PROVENANCE,
    },
  },
  {
    path: 'items[] (kind: software / technology)',
    title: 'Item: software or technology',
    schema: softwareItemSchema,
    fields: {
      kind: { meaning: '`"software"` or `"technology"`.', facts: ['item.kind'], example: '"technology"' },
      name: { meaning: 'What it is, in words (China\'s rare-earth technologies are recognised from it).', facts: ['item.name'], usedBy: 'classification (CN)', example: '"NdFeB magnet manufacturing technology"' },
      model: model('software'),
      forCode: { meaning: 'The control code of the commodity it is for, e.g. "3A090.a".', usedBy: 'classification', example: '"3A090.a"' },
      ...PROVENANCE,
    },
  },
];

/** technologyItemSchema shares every field schema with softwareItemSchema (one doc entry covers both). */
export const SHARED_SCHEMAS: [z.ZodType, z.ZodType][] = [[technologyItemSchema, softwareItemSchema]];

function describeText(d: FieldDoc): string {
  return `${d.meaning}${d.unit ? ` Unit: ${d.unit}.` : ''} Example: ${d.example}`;
}

/** The object schema behind optional/default wrappers (for docs of a nested object). */
export function shapeOf(schema: z.ZodType): Record<string, z.ZodType> {
  const def = (schema as unknown as { _zod: { def: { shape?: Record<string, z.ZodType> } } })._zod.def;
  return def.shape ?? {};
}

// Each field's own schema carries its description, so z.toJSONSchema (the OpenAPI document)
// shows the same words as docs/transaction.md. Shared field schemas (provenance) get one text.
for (const doc of SCHEMA_DOCS) {
  const shape = shapeOf(doc.schema);
  for (const [field, d] of Object.entries(doc.fields)) {
    const s = shape[field];
    if (s && !z.globalRegistry.has(s)) z.globalRegistry.add(s, { description: describeText(d) });
  }
}
for (const [target, source] of SHARED_SCHEMAS) {
  const doc = SCHEMA_DOCS.find((x) => x.schema === source)!;
  for (const [field, s] of Object.entries(shapeOf(target))) {
    const d = doc.fields[field];
    if (d && !z.globalRegistry.has(s)) z.globalRegistry.add(s, { description: describeText(d) });
  }
}

/** One enumeration of the input: where it is used and what each value means. */
export interface EnumDoc {
  path: string;
  values: readonly string[];
  meaning: Record<string, string>;
  /** The fact through which rules read the values (measures using each value are listed from the packs). */
  fact?: string;
}

export const ENUM_DOCS: EnumDoc[] = [
  {
    path: 'parties[].role',
    values: PARTY_ROLES,
    meaning: {
      buyer: 'buys the items',
      intermediate_consignee: 'receives the items on the way (forwarder, integrator)',
      ultimate_consignee: 'receives the items at the destination',
      end_user: 'uses the items (the end-user tests and the Jan-2026 China lane read it)',
      exporter: 'the exporter as a party (screened, but not a receiving party for the headquarters test)',
    },
  },
  {
    path: 'parties[].type',
    values: PARTY_TYPES,
    fact: 'parties.types',
    meaning: {
      distributor: 'distributor (NAC and HBM exclude it: BIS returns NAC notifications with a distributor)',
      reseller: 'reseller (as distributor)',
      retailer: 'retailer (as distributor)',
      manufacturer: 'makes products with the items',
      cloud_provider: 'cloud / IaaS provider',
      datacenter_operator: 'operates a data centre',
      fab: 'wafer fab (the VEU fabs are recognised by name)',
      osat: 'outsourced assembly and test',
      research_institute: 'research institute',
      university: 'university',
      government: 'government agency (License Exception GOV when it is the US government\'s)',
      military: 'military end user (§744.21; China\'s dual-use rules)',
      individual: 'a natural person',
      other: 'none of the above',
    },
  },
  {
    path: 'endUse[]',
    values: END_USES,
    fact: 'tx.endUse',
    meaning: {
      commercial: 'ordinary commercial use',
      consumer: 'consumer products',
      resale: 'for resale',
      research: 'research',
      datacenter: 'data-centre deployment',
      cloud_iaas: 'infrastructure-as-a-service to third parties',
      ai_training: 'training AI models',
      ai_inference: 'running AI models',
      supercomputer: 'a supercomputer (§744.23(a)(1), FDP §734.9(i))',
      ic_production: 'development or production of ICs (§744.23(a)(2); the facility says whether advanced-node)',
      advanced_node_ic_production: 'development or production of advanced-node ICs (knowledge of the end use)',
      sme_development: 'development or production of SME (§744.23(a)(4))',
      ic_design: 'IC design (ECAD/TCAD, §744.23(a)(2)(iii))',
      servicing: 'servicing or installing equipment (§744.6(c)(2))',
      technical_analysis: 'solely technical analysis or evaluation, e.g. teardown (outside the GP10 guidance)',
      military: 'military end use',
      military_intelligence: 'military-intelligence end use',
      wmd: 'weapons of mass destruction',
    },
  },
  {
    path: 'certifications[]',
    values: CERTIFICATIONS,
    fact: 'tx.certifications',
    meaning: {
      supp2_dd: 'the Supp. 2 to Part 748 ¶(dd) certification for the Jan-2026 case-by-case lane (91 FR 1684)',
      purchase_order: 'a written purchase order (a condition of NAC and ACA, §740.8)',
    },
  },
  {
    path: 'observedRedFlags[]',
    values: OBSERVED_RED_FLAGS,
    fact: 'tx.observedRedFlags',
    meaning: {
      thin_online_presence: 'the customer has no or little online presence',
      newly_formed_entity: 'the customer is newly formed',
      residential_or_shared_address: 'residential address, or one shared with other businesses',
      quantity_inconsistent_with_business: 'quantities inconsistent with the customer\'s business',
      cash_or_third_party_payment: 'payment in cash or by a third party',
      reluctant_end_use_information: 'reluctant to say who uses the items and how',
      inadequate_datacenter_power_or_cooling: 'the stated data centre lacks the power or cooling',
      iaas_customer_seeks_anonymity: 'an IaaS customer seeks anonymity',
      transshipment_via_third_country: 'routing through a third country without a business reason',
      ultimate_parent_unknown: 'the customer will not name its ultimate parent',
    },
  },
  {
    path: 'services.activities[]',
    values: SUPPORT_ACTIVITIES,
    fact: 'services.activities',
    meaning: { ship: 'ship', transmit: 'transmit (software, technology)', transfer: 'transfer', facilitate: 'facilitate (authorise, arrange)', service: 'service', install: 'install' },
  },
  {
    path: 'notifications[].exception',
    values: ['NAC'],
    meaning: { NAC: 'License Exception Notified Advanced Computing (§740.8)' },
  },
  {
    path: 'notifications[].bisReply',
    values: NOTIFICATION_REPLIES,
    fact: 'tx.notifications.nac',
    meaning: {
      awaiting_reply: 'notified, no answer yet: NAC is not usable yet (review)',
      confirmed: 'BIS confirmed (STELA confirmation number): NAC can be the headline',
      apply_for_licence: 'BIS answered "apply for a licence": NAC is not available',
    },
  },
];
