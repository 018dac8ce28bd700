import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { buildCatalogue, type Catalogue, type CatalogueRow } from '../classify/index.js';
import { buildEquipmentCatalogue, type EquipmentCatalogue } from '../classify/sme-catalogue.js';
import { CATALOGUE_DIR } from './paths.js';

/** The chip catalogue's file inside the catalogue folder (data/catalogue/README.md describes it). */
export const CHIPS_FILE = 'chips.csv';
/** Named chip-making tools (ASML scanners and others) with their parameters. */
export const EQUIPMENT_FILE = 'sme.csv';

const cache = new Map<string, Catalogue>();

/** Reads the rows of `<dir>/chips.csv` as text records keyed by the header. */
export function readCatalogueRows(dir: string = CATALOGUE_DIR): CatalogueRow[] {
  const file = join(dir, CHIPS_FILE);
  const text = readFileSync(file, 'utf8');
  try {
    return parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as CatalogueRow[];
  } catch (err) {
    throw new Error(`${file}: ${(err as Error).message}`, { cause: err });
  }
}

/**
 * The bundled chip catalogue, read once per process and folder (the data does not change while
 * Redline runs; tests that write their own folder get their own cache entry).
 */
export function loadCatalogue(dir: string = CATALOGUE_DIR): Catalogue {
  const key = resolve(dir);
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const rows = readCatalogueRows(key);
  let catalogue: Catalogue;
  try {
    catalogue = buildCatalogue(rows);
  } catch (err) {
    throw new Error(`${join(key, CHIPS_FILE)}: ${(err as Error).message}`, { cause: err });
  }
  const equipment = loadEquipment(key);
  if (equipment) catalogue = { ...catalogue, equipment };
  cache.set(key, catalogue);
  return catalogue;
}

/** The equipment catalogue of the folder, or undefined when the folder has none (test folders). */
function loadEquipment(dir: string): EquipmentCatalogue | undefined {
  const file = join(dir, EQUIPMENT_FILE);
  if (!existsSync(file)) return undefined;
  try {
    const rows = parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, trim: true, bom: true }) as CatalogueRow[];
    return buildEquipmentCatalogue(rows);
  } catch (err) {
    throw new Error(`${file}: ${(err as Error).message}`, { cause: err });
  }
}
