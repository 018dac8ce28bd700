import { closestNames, InputError, type CatalogueRef, type IcItem, type Item, type ResolvedItem } from '../domain/index.js';
import type { Catalogue } from './catalogue.js';
import { resolveEquipmentRef } from './sme-catalogue.js';
import { MODEL_NAME_LIMIT } from './model-name.js';
import { isKnownMaterial, knownMaterialNames } from './materials.js';

/**
 * Replaces catalogue references (`{ "model": ... }`, also inside a computer's `ics`) by the
 * catalogue's description of the product. What the reference says about this shipment —
 * provenance, quantity, value, a declared ECCN — is kept and wins over the catalogue, and so
 * does an explicit `datacenter` (the buyer may know how a part is marketed to them).
 *
 * `path` is where the item sits in the input (e.g. `items[0]`), so an unknown model names the
 * field: `items[0].model`.
 */
export function resolveItem(item: Item, catalogue: Catalogue, path = ''): ResolvedItem {
  switch (item.kind) {
    case 'catalogue':
      return fromCatalogue(item, catalogue, path);
    case 'computer': {
      let changed = false;
      const ics = item.ics.map((ic, k) => {
        const r = resolveItem(ic, catalogue, `${path}${path ? '.' : ''}ics[${k}]`);
        if (r !== ic) changed = true;
        return r;
      });
      return changed ? { ...item, ics } : (item as ResolvedItem);
    }
    case 'material':
      // A substance Redline cannot recognise and no declared ECCN: nothing could classify it, so
      // say so at the door instead of answering review in every jurisdiction.
      if (item.eccn === undefined && !isKnownMaterial(item)) {
        const close = closestNames(item.substance, knownMaterialNames(), 3);
        throw new InputError([
          {
            path: `${path}${path ? '.' : ''}substance`,
            message: `unknown material "${item.substance.slice(0, 60)}"${close.length ? `; did you mean ${close.join(', ')}?` : ''} (known materials are listed in docs/transaction.md; for anything else give "eccn", e.g. "EAR99")`,
          },
        ]);
      }
      return item;
    default:
      return item;
  }
}

function fromCatalogue(ref: CatalogueRef, catalogue: Catalogue, path: string): ResolvedItem {
  // Refused before any lookup, so the fuzzy work never grows with what was sent.
  if (ref.model.length > MODEL_NAME_LIMIT) {
    throw new InputError([{ path: `${path}${path ? '.' : ''}model`, message: `a model name of ${ref.model.length} characters; catalogue names are at most ${MODEL_NAME_LIMIT}` }]);
  }
  const m = catalogue.match(ref.model);
  if (m.kind === 'unknown') {
    const tool = catalogue.equipment?.resolve(ref.model);
    if (tool) return resolveEquipmentRef(ref, tool);
  }
  if (m.kind === 'ambiguous' || m.kind === 'unknown') {
    const suggestions = m.kind === 'ambiguous' ? [...m.candidates] : closestModels(ref.model, catalogue);
    const message =
      m.kind === 'ambiguous'
        ? `"${ref.model}" matches several catalogue models (${quoteList(suggestions)}); give the full name`
        : `unknown model "${ref.model}"; closest catalogue names: ${quoteList(suggestions)}`;
    throw new InputError([{ path: `${path}${path ? '.' : ''}model`, message, ...(suggestions.length ? { suggestions } : {}) }]);
  }
  const { entry } = m;
  const ic: IcItem & { catalogue: typeof entry.info } = { ...entry.ic, catalogue: entry.info };
  if (entry.origin !== undefined) ic.origin = entry.origin;
  for (const key of Object.keys(ref) as (keyof CatalogueRef)[]) {
    if (key === 'kind' || key === 'model') continue;
    const value = ref[key];
    if (value !== undefined) (ic as Record<string, unknown>)[key] = value;
  }
  return ic;
}

/** Chips and tools ranked together by one similarity of the model string (vendor and series first). */
function closestModels(model: string, catalogue: Catalogue): string[] {
  const all = [...catalogue.closestScored(model, 3), ...(catalogue.equipment?.closestScored(model, 3) ?? [])];
  all.sort((a, b) => b.score - a.score || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return all.slice(0, 3).map((s) => s.name);
}

function quoteList(names: readonly string[]): string {
  return names.map((n) => `"${n}"`).join(', ');
}
