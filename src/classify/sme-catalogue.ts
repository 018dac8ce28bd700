import { isCountryCode, type SmeCategoryName, type CatalogueInfo, type CatalogueRef, type ResolvedItem, type SmeItem } from '../domain/index.js';
import { modelTokens, nameVariants, normaliseModel, suggestionScore, prepareQuery } from './model-name.js';
import { smeCategoryNames } from './sme-categories.js';

/** One CSV row of data/catalogue/sme.csv, as text. */
export type EquipmentRow = Readonly<Record<string, string | undefined>>;

export interface EquipmentEntry {
  name: string;
  /** The equipment description a reference resolves to (shared: never mutate). */
  item: Readonly<SmeItem>;
  info: CatalogueInfo;
}

export interface EquipmentCatalogue {
  readonly entries: readonly EquipmentEntry[];
  /** The tool a name means (case, punctuation, brand and series words do not matter), or undefined. */
  resolve(model: string): EquipmentEntry | undefined;
  closest(model: string, n: number): string[];
  closestScored(model: string, n: number): { name: string; score: number }[];
}

const REQUIRED = ['name', 'vendor', 'origin', 'category'] as const;
const NUMBERS: [column: string, parameter: string][] = [
  ['wavelength_nm', 'wavelengthNm'],
  ['resolution_nm', 'resolutionNm'],
  ['overlay_nm', 'overlayNm'],
  ['numerical_aperture', 'numericalAperture'],
  ['throughput_wph', 'throughputWph'],
];

/** Turns one row into an entry; a bad row is an error naming the row, the column and what is right. */
export function equipmentEntryFromRow(row: EquipmentRow, rowNumber: number): EquipmentEntry {
  const text = (col: string): string => (row[col] ?? '').trim();
  const fail = (message: string): never => {
    throw new Error(`equipment catalogue row ${rowNumber}${text('name') ? ` (${text('name')})` : ''}: ${message}`);
  };
  for (const col of REQUIRED) if (text(col) === '') fail(`"${col}" is empty`);
  const origin = text('origin');
  if (!isCountryCode(origin)) fail(`"origin" is "${origin}"; it must be an ISO country code such as NL or JP`);
  const category = text('category');
  const known = smeCategoryNames();
  if (!known.includes(category)) fail(`"category" is "${category}"; it must be one of ${known.join(', ')}`);
  const parameters: Record<string, number | boolean> = {};
  for (const [col, key] of NUMBERS) {
    const v = text(col);
    if (v === '') continue;
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) fail(`"${col}" is "${v}"; it must be a positive number or empty`);
    parameters[key] = n;
  }
  if (category === 'lithography.duv_immersion') parameters.immersion = true;
  const name = text('name');
  const item: SmeItem = { kind: 'sme', name, model: name, vendor: text('vendor'), category: category as SmeCategoryName, origin, parameters: Object.freeze(parameters) as Record<string, number | boolean> };
  const info: CatalogueInfo = {
    name,
    vendor: text('vendor'),
    tags: [],
    source: text('source') || undefined,
    confidence: text('confidence') || undefined,
    note: text('note') || undefined,
  };
  return { name, item: Object.freeze(item), info: Object.freeze(info) };
}

function aliasesOf(row: EquipmentRow): string[] {
  return (row.aliases ?? '')
    .split(';')
    .map((a) => a.trim())
    .filter(Boolean);
}

/**
 * Builds the equipment catalogue (pure: src/bundle reads the file). A tool answers to its full
 * name, the name without the vendor, the bare model ("NXT:2000i") and its aliases; failing that,
 * to words that fit exactly one tool, at least one of them a whole word with a digit.
 */
export function buildEquipmentCatalogue(rows: readonly EquipmentRow[]): EquipmentCatalogue {
  const entries: EquipmentEntry[] = [];
  const byKey = new Map<string, EquipmentEntry | null>();
  const tokens: { entry: EquipmentEntry; words: Set<string>; keys: string[] }[] = [];
  rows.forEach((row, i) => {
    const entry = equipmentEntryFromRow(row, i + 1);
    entries.push(entry);
    const names = [...nameVariants(entry.name), ...aliasesOf(row)];
    // "ASML TWINSCAN NXT:2000i" also answers to "NXT:2000i".
    const words = entry.name.split(' ');
    if (words.length > 2) names.push(words.slice(2).join(' '));
    const keys = [...new Set(names.map(normaliseModel))];
    for (const k of keys) {
      const prev = byKey.get(k);
      byKey.set(k, prev === undefined || prev === entry ? entry : null); // a shared short form names neither tool
    }
    tokens.push({ entry, words: new Set([...modelTokens(entry.name), ...aliasesOf(row).flatMap(modelTokens)]), keys });
  });
  for (const e of entries) byKey.set(normaliseModel(e.name), e);

  function byWords(model: string): EquipmentEntry | undefined {
    const words = modelTokens(model);
    if (words.length === 0) return undefined;
    const found = tokens.filter((t) => {
      let anchored = false;
      for (const w of words) {
        if (t.words.has(w)) {
          if (/\d/.test(w)) anchored = true;
          continue;
        }
        if (![...t.words].some((x) => x.startsWith(w))) return false;
      }
      return anchored;
    });
    return found.length === 1 ? found[0]!.entry : undefined;
  }

  return {
    entries: Object.freeze(entries),
    resolve(model) {
      const hit = byKey.get(normaliseModel(model));
      if (hit) return hit;
      if (hit === null) return undefined;
      return byWords(model);
    },
    closest(model, n) {
      return this.closestScored(model, n).map((s) => s.name);
    },
    closestScored(model, n) {
      const q = prepareQuery(model);
      return tokens
        .map((t) => ({ name: t.entry.name, score: suggestionScore(q, { name: t.entry.name, keys: t.keys, words: t.words, vendor: normaliseModel(t.entry.info.vendor ?? "") }) }))
        .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
        .slice(0, Math.max(0, n));
    },
  };
}

/**
 * The equipment description a catalogue reference stands for. What the reference says about this
 * shipment (provenance, quantity, value, a declared ECCN) is kept and wins over the catalogue.
 */
export function resolveEquipmentRef(ref: CatalogueRef, entry: EquipmentEntry): ResolvedItem {
  const item: SmeItem & { catalogue: CatalogueInfo } = { ...entry.item, catalogue: entry.info };
  for (const key of Object.keys(ref) as (keyof CatalogueRef)[]) {
    if (key === 'kind' || key === 'model' || key === 'datacenter') continue;
    const value = ref[key];
    if (value !== undefined) (item as Record<string, unknown>)[key] = value;
  }
  return item;
}
