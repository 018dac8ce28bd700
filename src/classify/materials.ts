import type { Classification, IsoDate, MaterialItem } from '../domain/index.js';
import { setFact, type Facts } from './result.js';

/**
 * China's export-controlled materials (rules.md §4.2), recognised from a material's substance,
 * form and purity. One material can sit in several announcements (artificial graphite anode
 * material is in No. 39 of 2023 and No. 58 of 2025; a Dy-bearing magnet in No. 18 and the
 * No. 61 annex), so the result is a list. The announcement dates are the measures' business
 * (data/packs/cn); here the entry is given from the day its announcement took effect.
 */
interface CnMaterialEntry {
  code: string;
  title: string;
  from: IsoDate;
  /** Words (lower case) or element symbols (exact case) any of which names the substance. */
  words: string[];
  symbols?: string[];
  /** Extra test on the material; `undefined` = cannot tell (a purity not given). */
  also?: (m: MaterialItem, text: string) => boolean | undefined;
  alsoMissing?: string;
}

// Light/medium/heavy rare earths named by No. 18 of 2025 and No. 57 of 2025.
const REE_18 = { words: ['samarium', 'gadolinium', 'terbium', 'dysprosium', 'lutetium', 'scandium', 'yttrium'], symbols: ['Sm', 'Gd', 'Tb', 'Dy', 'Lu', 'Sc'] };
const REE_57 = { words: ['holmium', 'erbium', 'thulium', 'europium', 'ytterbium'], symbols: ['Ho', 'Er', 'Tm', 'Eu', 'Yb'] };
const MAGNET = ['magnet', 'ndfeb', 'smco', 'permanent-magnet', 'permanent magnet'];

function mentions(text: string, raw: string, words: string[], symbols: string[] = []): boolean {
  if (words.some((w) => text.includes(w))) return true;
  // Element symbols only as whole tokens in their exact case ("Dy", not "dynamic").
  const tokens = new Set(raw.split(/[^A-Za-z0-9]+/).filter(Boolean));
  return symbols.some((s) => tokens.has(s) || [...tokens].some((t) => new RegExp(`^${s}\\d*$`).test(t)));
}

export const CN_MATERIALS: readonly CnMaterialEntry[] = [
  { code: 'CN-2023-23:gallium', title: 'gallium items (metal, nitride, oxide, phosphide, arsenide, InGaAs, selenide, antimonide)', from: '2023-08-01', words: ['gallium', 'ingaas'], symbols: ['GaN', 'GaAs', 'GaP', 'Ga2O3', 'GaSb', 'Ga'] },
  { code: 'CN-2023-23:germanium', title: 'germanium items (metal, zone-refined ingot, ZnGeP2, epitaxial substrates, GeO2, GeCl4)', from: '2023-08-01', words: ['germanium', 'zngep2'], symbols: ['Ge', 'GeO2', 'GeCl4'] },
  { code: 'CN-2023-39:graphite', title: 'high-purity / high-strength / high-density synthetic graphite, natural flake and spherical graphite', from: '2023-12-01', words: ['graphite'] },
  {
    code: 'CN-2024-33:antimony',
    title: 'antimony ores and raw materials, metal and products, oxides >= 99.99 %, organo-antimony, antimony hydride, InSb crystals',
    from: '2024-09-15',
    words: ['antimony', 'insb', 'stibnite'],
    symbols: ['Sb', 'Sb2O3', 'SbH3', 'InSb'],
    // Antimony oxides are listed only at >= 99.99 % purity.
    also: (m, text) => (!text.includes('oxide') ? true : m.purityPct === undefined ? undefined : m.purityPct >= 99.99),
    alsoMissing: 'purityPct (antimony oxides are listed at >= 99.99 %)',
  },
  { code: 'CN-2025-10:tungsten', title: 'tungsten items and technology', from: '2025-02-04', words: ['tungsten'] },
  { code: 'CN-2025-10:tellurium', title: 'tellurium items and technology', from: '2025-02-04', words: ['tellurium'], symbols: ['Te'] },
  { code: 'CN-2025-10:bismuth', title: 'bismuth items and technology', from: '2025-02-04', words: ['bismuth'], symbols: ['Bi'] },
  { code: 'CN-2025-10:molybdenum', title: 'molybdenum items and technology', from: '2025-02-04', words: ['molybdenum'] },
  { code: 'CN-2025-10:indium', title: 'indium items and technology', from: '2025-02-04', words: ['indium'] },
  { code: 'CN-2025-18:rare-earth', title: 'Sm, Gd, Tb, Dy, Lu, Sc, Y metals, alloys, oxides, compounds, targets; Sm/Tb/Dy permanent-magnet materials', from: '2025-04-04', ...REE_18 },
  { code: 'CN-2025-55:superhard', title: 'superhard materials: synthetic diamond micropowder, single crystals, wire saws, grinding wheels', from: '2025-11-08', words: ['synthetic diamond', 'diamond micropowder', 'diamond wire', 'diamond grinding', 'lab-grown diamond'] },
  { code: 'CN-2025-56:rare-earth-materials', title: 'rare-earth production raw and auxiliary materials', from: '2025-11-08', words: ['rare-earth extractant', 'rare earth extractant', 'rare-earth auxiliary', 'rare earth auxiliary'] },
  { code: 'CN-2025-57:rare-earth', title: 'Ho, Er, Tm, Eu, Yb items', from: '2025-11-08', ...REE_57 },
  { code: 'CN-2025-58:battery', title: 'lithium-ion batteries, cathode materials, artificial-graphite anode materials', from: '2025-11-08', words: ['lithium-ion', 'li-ion', 'lithium ion', 'cathode material', 'lfp cathode', 'anode material', 'artificial graphite'] },
  {
    code: 'CN-2025-61:annex',
    title: "No. 61 annex: rare-earth permanent-magnet materials and other items containing listed medium/heavy rare earths",
    from: '2025-10-09',
    words: MAGNET,
    // Only magnets carrying a listed medium/heavy rare earth (plain Nd-Pr magnets are not named).
    also: (_m, text) => mentions(text, text, REE_18.words) || mentions(text, text, REE_57.words) || /\b(dy|tb|sm|gd|ho)\b/.test(text) || text.includes('smco'),
  },
];

function facts(m: MaterialItem): Facts {
  const f: Facts = { substance: m.substance };
  setFact(f, 'form', m.form);
  setFact(f, 'purityPct', m.purityPct);
  return f;
}

/** China's classification of a material on `asOf`: one entry per announcement it falls under, or NOT_LISTED. */
export function classifyMaterialCN(m: MaterialItem, index: number, asOf: IsoDate): Classification[] {
  const raw = [m.substance, m.form, m.name].filter(Boolean).join(' ');
  const text = raw.toLowerCase();
  const f = facts(m);
  const out: Classification[] = [];
  const notYet: string[] = [];
  for (const e of CN_MATERIALS) {
    if (!mentions(text, raw, e.words, e.symbols)) continue;
    const extra = e.also ? e.also(m, text) : true;
    if (extra === false) continue;
    if (extra === undefined) {
      out.push({ item: index, jurisdiction: 'CN', code: 'INDETERMINATE', because: `${e.title}: cannot tell from the description`, facts: f, missing: [e.alsoMissing ?? 'substance details'] });
      continue;
    }
    if (asOf < e.from) {
      notYet.push(`${e.code} from ${e.from}`);
      continue;
    }
    out.push({ item: index, jurisdiction: 'CN', code: e.code, because: e.title, facts: f, regime: e.from, paragraphs: [e.title] });
  }
  if (out.length === 0) {
    const because = notYet.length ? `not yet listed on ${asOf} (${notYet.join('; ')})` : "not among China's encoded controlled materials (rules.md §4.2)";
    out.push({ item: index, jurisdiction: 'CN', code: 'NOT_LISTED', because, facts: f });
  }
  return out;
}

/**
 * China's rare-earth technologies (MOFCOM No. 62 of 2025: mining, smelting/separation, metal
 * smelting, magnet manufacturing, recycling, production-line assembly and maintenance, incl.
 * drawings, process specifications, parameters and simulation data), recognised from the
 * technology's name. Other technologies are not modelled for China.
 */
export function classifyTechnologyCN(name: string | undefined, index: number, asOf: IsoDate): Classification[] {
  const text = (name ?? '').toLowerCase();
  const f: Facts = {};
  setFact(f, 'name', name);
  const rareEarth = /rare[- ]earth|ndfeb|magnet|smco|separation|extraction/.test(text);
  if (!rareEarth) return [{ item: index, jurisdiction: 'CN', code: 'NOT_LISTED', because: "only China's rare-earth technologies (No. 62 of 2025) are modelled for technology", facts: f }];
  if (asOf < '2025-10-09') return [{ item: index, jurisdiction: 'CN', code: 'NOT_LISTED', because: 'rare-earth technologies listed from 2025-10-09 (No. 62 of 2025)', facts: f }];
  return [{ item: index, jurisdiction: 'CN', code: 'CN-2025-62:rare-earth-technology', because: 'rare-earth technology (MOFCOM No. 62 of 2025)', facts: f, regime: '2025-10-09' }];
}

/**
 * Common chip-making materials Redline recognises that are on none of the encoded lists (China
 * answers NOT_LISTED; the US classification needs a declared ECCN). Recognising them keeps a
 * misspelt controlled material ("galium") from passing as an unknown one without a word.
 */
export const OTHER_KNOWN_MATERIALS = ['quartz', 'silicon', 'sapphire', 'copper', 'aluminium', 'aluminum', 'photoresist'] as const;

/** The substance names and symbols Redline recognises (for "did you mean" on an unknown material). */
export function knownMaterialNames(): string[] {
  return [...new Set([...CN_MATERIALS.flatMap((e) => e.words), ...OTHER_KNOWN_MATERIALS])].sort();
}

/** Whether the description names a substance of the encoded lists (otherwise it can only be classified by a declared ECCN). */
export function isKnownMaterial(m: MaterialItem): boolean {
  const raw = [m.substance, m.form, m.name].filter(Boolean).join(' ');
  const text = raw.toLowerCase();
  return CN_MATERIALS.some((e) => mentions(text, raw, e.words, e.symbols)) || OTHER_KNOWN_MATERIALS.some((w) => text.includes(w));
}
