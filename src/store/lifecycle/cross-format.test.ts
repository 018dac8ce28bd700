import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LISTS_DIR } from '../../bundle/paths.js';
import { countryCode, parseListExtract, splitMulti } from '../../screening/index.js';
import type { ListEntry } from '../../domain/index.js';
import { openTestStore, type TestStore } from '../testing.js';
import { loadListFile, type LoadReport } from './index.js';

/**
 * Entry identity across formats: the CSL CSV that trade.gov would print for
 * the very entries of the bundled 2026-07-09 extracts (names, aliases,
 * citations, dates carried over, the country code appended to each address
 * as the CSL prints it) loaded over the store those extracts seeded must
 * remove and add nothing.
 */
const CSL_HEADER =
  '_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date,standard_order,license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,source_information_url,ids'.split(',');

const EXTRACTS: [file: string, cslSource: string][] = [
  ['nsfreg_bis_entity_list_2026-07-09.json', 'Entity List (EL) - Bureau of Industry and Security'],
  ['nsfreg_bis_dpl_2026-07-09.json', 'Denied Persons List (DPL) - Bureau of Industry and Security'],
  ['nsfreg_bis_meu_2026-07-09.json', 'Military End User (MEU) List - Bureau of Industry and Security'],
  ['nsfreg_state_nonproliferation_2026-07-09.json', 'Nonproliferation Sanctions (ISN) - State Department'],
];

const quote = (v: string | undefined): string => `"${(v ?? '').replace(/"/g, '""')}"`;

/**
 * The country the CSL prints after an address is that address's own (an Entity
 * List entry filed under China with a Hong Kong address gets ", HK"); an entry
 * with no address (every ISN entry) gets no address and so no country.
 */
function ownCountry(address: string): string | undefined {
  const parts = address.replace(/[.\s]+$/, '').split(',').map((p) => p.trim());
  return countryCode(parts.at(-1)) ?? countryCode(parts.at(-2));
}

/** One CSL row, in the current layout (every cell quoted, a fresh sha-like `_id`), in reverse file order to prove order does not matter. */
function cslRow(e: ListEntry, source: string, i: number): string {
  const addresses = e.addresses.map((a) => {
    const cc = ownCountry(a) ?? e.countries[0];
    return cc && !a.endsWith(`, ${cc}`) ? `${a}, ${cc}` : a;
  });
  const cells: Record<string, string | undefined> = {
    _id: `${i.toString(16).padStart(8, '0')}deadbeef`,
    source,
    name: e.name,
    addresses: addresses.join('; '),
    federal_register_notice: e.citation,
    start_date: e.startDate,
    end_date: e.endDate,
    license_requirement: e.licenseRequirement,
    remarks: e.remarks,
    alt_names: e.altNames.join('; '),
  };
  return CSL_HEADER.map((h) => quote(cells[h])).join(',');
}

function cslFromExtracts(): { csv: string; extracted: Map<string, ListEntry[]> } {
  const lines = [CSL_HEADER.join(',')];
  const extracted = new Map<string, ListEntry[]>();
  for (const [file, source] of EXTRACTS) {
    const parsed = parseListExtract(readFileSync(join(LISTS_DIR, 'us', file), 'utf8'), file);
    extracted.set(parsed.list, parsed.entries);
    [...parsed.entries].reverse().forEach((e, i) => lines.push(cslRow(e, source, i)));
  }
  return { csv: lines.join('\r\n'), extracted };
}

describe('entry identity across formats', () => {
  let t: TestStore;
  let dir: string;
  let report: LoadReport;
  let extracted: Map<string, ListEntry[]>;
  beforeAll(async () => {
    t = await openTestStore('sqlite');
    dir = mkdtempSync(join(tmpdir(), 'redline-xformat-'));
    const built = cslFromExtracts();
    extracted = built.extracted;
    const file = join(dir, 'consolidated_2026-07-10.csv');
    writeFileSync(file, built.csv);
    // The default data gate (20 %): the load must pass it, not be forced through.
    report = await loadListFile(t.store, file, {});
  }, 120_000);
  afterAll(async () => {
    await t?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('passes the data gate and removes or adds no entry of any list', () => {
    expect(report.forced).toBe(false);
    expect(report.lists.map((l) => l.list).sort()).toEqual([...extracted.keys()].sort());
    for (const l of report.lists) {
      expect({ list: l.list, removed: l.diff.removed.length, added: l.diff.added.length }).toEqual({ list: l.list, removed: 0, added: 0 });
    }
  });

  it('reports as changed only what the CSL really prints differently (its row id and the address with the country code)', () => {
    const el = report.lists.find((l) => l.list === 'us.bis.entity-list')!;
    expect(el.diff.changed.length).toBeGreaterThan(0);
    const fields = new Set(report.lists.flatMap((l) => l.diff.changed.flatMap((c) => c.fields)));
    expect([...fields].sort()).toEqual(expect.arrayContaining(['sourceId']));
    // Not localNames: the load path re-attaches the curated Chinese names (cn_names_curated.csv) the bundled seed carried.
    for (const f of fields) expect(['addresses', 'countries', 'sourceId', 'programs', 'altNames', 'status']).toContain(f);
    // Only ISN entries change status: the extract reads each sanction's status from its notes, the CSL has no such column.
    const statusChanged = report.lists.filter((l) => l.diff.changed.some((c) => c.fields.includes('status'))).map((l) => l.list);
    expect(statusChanged).toEqual(statusChanged.length ? ['us.state.isn'] : []);
    // The names, citations and dates the rules read are carried over unchanged; aliases too, except that a
    // CSL cell cannot hold an alias with ";" in it (the extract has a few such scraping artefacts), so it splits there.
    for (const c of report.lists.flatMap((l) => l.diff.changed)) {
      expect([c.after.name, c.after.citation, c.after.startDate]).toEqual([c.before.name, c.before.citation, c.before.startDate]);
      expect(c.after.altNames).toEqual(splitMulti(c.before.altNames.join('; ')));
    }
  });

  it('keeps every DPL duplicate (one person denied by several orders) on its own id', () => {
    const dpl = report.lists.find((l) => l.list === 'us.bis.dpl')!;
    expect(dpl.version!.entries).toBe(extracted.get('us.bis.dpl')!.length);
    const ids = extracted.get('us.bis.dpl')!.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
