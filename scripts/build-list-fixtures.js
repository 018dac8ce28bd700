#!/usr/bin/env node
/**
 * Builds the list-format fixtures that have no real sample here, from files
 * that do (or from a CSV written from the publisher's documented layout), so
 * each fixture can be rebuilt byte for byte: `node scripts/build-list-fixtures.js`.
 *
 * - `us_csl_format_sample_2025-06.json`: the real CSL CSV sample's 13 rows in
 *   the CSL JSON layout (`{ results: [...] }`, addresses as objects).
 * - `ofac_consolidated_nonsdn_2025-12.xml`: the real OFAC consolidated legacy
 *   CSV fixture's entries (cons_prim/add/alt/comments) in OFAC's XML layout
 *   (`sdnList.xsd`). OFAC's CSV carries no date; Publish_Date 12/01/2025 is
 *   set by this script (the month the CSV files are from), for tests only.
 * - `jp_meti_end_user_list_layout_sample.xlsx`: the workbook written with
 *   write-excel-file from `jp_meti_end_user_list_layout_sample.csv`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import writeXlsxFile from 'write-excel-file/node';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'lists', 'fixtures');
const read = (f, enc = 'utf8') => readFileSync(join(DIR, f), enc);

function cslJson() {
  const rows = parse(read('us_csl_format_sample_2025-06.csv'), { columns: true, skip_empty_lines: true, relax_quotes: true });
  const list = (v) => (v ? v.split(/;\s*/).map((s) => s.trim()).filter(Boolean) : []);
  const results = rows.map((r) => {
    const out = {};
    for (const [k, v] of Object.entries(r)) if (k !== '_id' && k !== 'addresses') out[k] = v === '' ? null : v;
    out.id = r._id;
    for (const k of ['alt_names', 'programs', 'citizenships', 'nationalities', 'dates_of_birth', 'places_of_birth']) out[k] = list(r[k]);
    out.addresses = list(r.addresses).map((a) => {
      const m = /^(.*?),\s*([A-Z]{2})$/.exec(a);
      return m ? { address: m[1], city: null, state: null, postal_code: null, country: m[2] } : { address: a, city: null, state: null, postal_code: null, country: null };
    });
    out.ids = [];
    return out;
  });
  writeFileSync(join(DIR, 'us_csl_format_sample_2025-06.json'), `${JSON.stringify({ results }, null, 1)}\n`);
}

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const groupBy = (rows) => {
  const out = new Map();
  for (const r of rows) out.set(r[0], [...(out.get(r[0]) ?? []), r]);
  return out;
};
const cells = (f) => parse(read(f, 'latin1').replace(/\u001a/g, ''), { skip_empty_lines: true, relax_quotes: true, relax_column_count: true, trim: true }).map((r) => r.map((c) => (c === '-0-' ? '' : c)));

function ofacXml() {
  const base = 'ofac_consolidated_nonsdn_legacy_2025-12_cons_';
  const add = groupBy(cells(`${base}add.csv`));
  const alt = groupBy(cells(`${base}alt.csv`));
  const com = groupBy(cells(`${base}comments.csv`));
  const el = (name, v) => (v ? `<${name}>${esc(v)}</${name}>` : '');
  const split = (name) => {
    const i = name.indexOf(', ');
    return i > 0 ? { last: name.slice(0, i), first: name.slice(i + 2) } : { last: name, first: '' };
  };
  const entries = cells(`${base}prim.csv`).map(([num, name, type, program, title, , , , , , , remarks]) => {
    const n = type?.toLowerCase() === 'individual' ? split(name) : { last: name, first: '' };
    const programs = (program ?? '').split(/\]\s*\[|\s*;\s*/).map((p) => p.replace(/[[\]]/g, '').trim()).filter(Boolean);
    const akas = (alt.get(num) ?? []).map(([, uid, kind, altName]) => {
      const a = type?.toLowerCase() === 'individual' ? split(altName) : { last: altName, first: '' };
      return `<aka><uid>${uid}</uid><type>${esc(kind === 'fka' ? 'f.k.a.' : 'a.k.a.')}</type><category>strong</category>${el('lastName', a.last)}${el('firstName', a.first)}</aka>`;
    });
    const addresses = (add.get(num) ?? []).map(([, uid, street, city, country]) => `<address><uid>${uid}</uid>${el('address1', street)}${el('city', city)}${el('country', country)}</address>`);
    const allRemarks = [remarks, ...(com.get(num) ?? []).map((r) => r[1])].filter(Boolean).join(' ');
    return [
      '<sdnEntry>',
      `<uid>${num}</uid>`,
      el('firstName', n.first),
      el('lastName', n.last),
      el('title', title),
      `<sdnType>${type?.toLowerCase() === 'individual' ? 'Individual' : type?.toLowerCase() === 'vessel' ? 'Vessel' : type?.toLowerCase() === 'aircraft' ? 'Aircraft' : 'Entity'}</sdnType>`,
      el('remarks', allRemarks),
      `<programList>${programs.map((p) => el('program', p)).join('')}</programList>`,
      akas.length ? `<akaList>${akas.join('')}</akaList>` : '',
      addresses.length ? `<addressList>${addresses.join('')}</addressList>` : '',
      '</sdnEntry>',
    ].join('');
  });
  const xml = [
    '<?xml version="1.0" standalone="yes"?>',
    '<sdnList xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="https://tempuri.org/sdnList.xsd">',
    `<publshInformation><Publish_Date>12/01/2025</Publish_Date><Record_Count>${entries.length}</Record_Count></publshInformation>`,
    ...entries,
    '</sdnList>',
  ].join('\n');
  writeFileSync(join(DIR, 'ofac_consolidated_nonsdn_2025-12.xml'), `${xml}\n`);
}

async function metiXlsx() {
  const rows = parse(read('jp_meti_end_user_list_layout_sample.csv'), { skip_empty_lines: true, comment: '#', relax_column_count: true });
  const cell = (v) => ({ value: v, type: String });
  const data = [
    [cell('外国ユーザーリスト End User List')],
    [cell('令和7年9月29日改正 (layout sample for tests; see README)')],
    [],
    ...rows.map((r) => r.map((v, i) => (i === 0 && /^\d+$/.test(v) ? { value: Number(v), type: Number } : cell(v)))),
  ];
  const buffer = await writeXlsxFile(data, { sheet: 'End User List' }).toBuffer();
  writeFileSync(join(DIR, 'jp_meti_end_user_list_layout_sample.xlsx'), buffer);
}

cslJson();
ofacXml();
await metiXlsx();
