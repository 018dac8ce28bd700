#!/usr/bin/env node
/**
 * Writes data/examples/order-book-exposure.csv: a made-up but realistic order book of a
 * distributor and equipment/materials trader, 2022–2026, for `redline exposure` and the web
 * app's Exposure page. Seeded, so the file is the same on every run (`node scripts/make-example-book.js`).
 *
 * Prices are indicative list prices per unit in USD (press and distributor quotes), not data
 * anyone should rely on; they only make the value columns of the analysis look like a real book.
 * Parties mix invented names with real companies (some on US lists, in Latin and Chinese script)
 * so screening has something to find.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const LINES = Number(process.argv[2] ?? 3000);
const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'examples', 'order-book-exposure.csv');

// mulberry32: a tiny seeded generator, so the book does not change between runs.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(20260930);
const pick = (xs) => xs[Math.floor(random() * xs.length)];
const between = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
function weighted(pairs) {
  const total = pairs.reduce((s, [, w]) => s + w, 0);
  let r = random() * total;
  for (const [x, w] of pairs) if ((r -= w) < 0) return x;
  return pairs[pairs.length - 1][0];
}

// Chips from data/catalogue/chips.csv: unit price, on sale from (and, for China-only SKUs, until).
const CHIPS = [
  ['NVIDIA A100 SXM4 80GB', 15000, '2022-01', '2024-06', 6],
  ['NVIDIA A100 PCIe 40GB', 10000, '2022-01', '2024-06', 4],
  ['NVIDIA A800 SXM4 80GB', 14000, '2022-11', '2023-11', 4, 'china'],
  ['NVIDIA A800 PCIe 80GB', 12000, '2022-11', '2023-11', 2, 'china'],
  ['NVIDIA A30', 5500, '2022-01', '2024-12', 3],
  ['NVIDIA A40', 5000, '2022-01', '2024-06', 2],
  ['NVIDIA A10', 3200, '2022-01', '2026-09', 4],
  ['NVIDIA T4', 1800, '2022-01', '2026-09', 4],
  ['NVIDIA L4', 2600, '2023-03', '2026-09', 6],
  ['NVIDIA L40', 7000, '2022-10', '2026-09', 3],
  ['NVIDIA L40S', 8500, '2023-08', '2026-09', 5],
  ['NVIDIA L20', 4500, '2024-02', '2025-06', 3, 'china'],
  ['NVIDIA L2', 2500, '2024-02', '2025-06', 1, 'china'],
  ['NVIDIA H100 SXM5 80GB', 28000, '2022-10', '2026-09', 10],
  ['NVIDIA H100 PCIe 80GB', 24000, '2022-10', '2026-09', 5],
  ['NVIDIA H100 NVL 94GB', 27000, '2023-05', '2026-09', 2],
  ['NVIDIA H800 SXM5', 27000, '2023-03', '2023-11', 4, 'china'],
  ['NVIDIA H800 PCIe', 23000, '2023-03', '2023-11', 2, 'china'],
  ['NVIDIA H200 SXM 141GB', 32000, '2024-06', '2026-09', 6],
  ['NVIDIA H200 NVL 141GB', 30000, '2024-12', '2026-09', 2],
  ['NVIDIA H20', 12000, '2024-02', '2026-09', 7, 'china'],
  ['NVIDIA B200 (HGX)', 38000, '2025-01', '2026-09', 6],
  ['NVIDIA B100', 32000, '2024-12', '2026-09', 1],
  ['NVIDIA B300 (HGX)', 45000, '2025-09', '2026-09', 3],
  ['NVIDIA GeForce RTX 4090', 1800, '2022-10', '2026-09', 5],
  ['NVIDIA GeForce RTX 4090 D', 1700, '2024-01', '2026-09', 3, 'china'],
  ['NVIDIA GeForce RTX 4080', 1200, '2022-11', '2026-09', 3],
  ['NVIDIA GeForce RTX 5090', 2200, '2025-02', '2026-09', 3],
  ['NVIDIA GeForce RTX 5090 D', 2100, '2025-02', '2026-09', 2, 'china'],
  ['NVIDIA RTX 6000 Ada Generation', 7000, '2023-01', '2026-09', 2],
  ['NVIDIA RTX PRO 6000 Blackwell Server Edition', 9000, '2025-06', '2026-09', 2],
  ['AMD Instinct MI300X', 16000, '2024-01', '2026-09', 4],
  ['AMD Instinct MI325X', 18000, '2025-01', '2026-09', 2],
  ['AMD Instinct MI250X', 11000, '2022-01', '2024-06', 2],
  ['AMD Instinct MI210', 6000, '2022-03', '2025-06', 2],
  ['AMD Instinct MI350X', 25000, '2025-07', '2026-09', 2],
  ['AMD Instinct MI308X', 12000, '2025-01', '2026-09', 1, 'china'],
  ['Intel Gaudi 2 (HL-225H)', 8000, '2022-06', '2026-09', 2],
  ['Intel Gaudi 3 (HL-325L OAM)', 15000, '2024-10', '2026-09', 2],
  ['Google TPU v5e', 4000, '2024-01', '2026-09', 1],
  ['Cambricon MLU370-X8', 4500, '2022-01', '2026-09', 1, 'cn-origin'],
  ['Huawei Ascend 910B', 14000, '2023-06', '2026-09', 2, 'cn-origin'],
  ['Huawei Ascend 910C', 20000, '2025-02', '2026-09', 1, 'cn-origin'],
];

// Equipment: a named tool of data/catalogue/sme.csv (a string), or a tool described by its type
// (src/classify/sme-categories.ts); the exporting country; unit price; where it may go; on sale from.
const NO_CHINA = ['TW', 'KR', 'US', 'JP'];
const TOOLS = [
  ['ASML TWINSCAN NXT:1970i', 'NL', 45_000_000],
  ['ASML TWINSCAN NXT:1980i', 'NL', 55_000_000],
  ['ASML TWINSCAN NXT:2000i', 'NL', 70_000_000],
  ['ASML TWINSCAN NXT:2050i', 'NL', 80_000_000, undefined, '2023-01'],
  ['ASML TWINSCAN NXT:2100i', 'NL', 90_000_000, NO_CHINA, '2023-06'],
  ['ASML TWINSCAN NXT:1470', 'NL', 25_000_000],
  ['ASML TWINSCAN NXE:3600D', 'NL', 180_000_000, NO_CHINA],
  ['Nikon NSR-S635E', 'JP', 40_000_000],
  ['Tokyo Electron CLEAN TRACK LITHIUS Pro Z (EUV configuration)', 'JP', 12_000_000],
  ['Lasertec ACTIS A150', 'JP', 40_000_000, NO_CHINA],
  ['Applied Materials Centura Sculpta', 'US', 8_000_000, NO_CHINA, '2023-03'],
  ['Lam Research Vantex', 'US', 7_000_000],
  ['KLA Archer 750', 'US', 6_000_000],
  [{ kind: 'sme', name: 'Applied Materials Si/SiGe epitaxy system', category: 'deposition.epitaxy_si_sige' }, 'US', 4_500_000],
  [{ kind: 'sme', name: 'Applied Materials cobalt deposition system', category: 'deposition.cobalt' }, 'US', 4_000_000],
  [{ kind: 'sme', name: 'ASM International metal ALD system', category: 'deposition.metal_ald' }, 'NL', 3_500_000],
  [{ kind: 'sme', name: 'Tokyo Electron conductor etcher', category: 'etch.anisotropic_dry' }, 'JP', 5_000_000],
  [{ kind: 'sme', name: 'SCREEN single-wafer cleaning system', category: 'cleaning.single_wafer_wet_surface_modification' }, 'JP', 3_000_000],
  [{ kind: 'sme', name: 'KLA patterned wafer inspection system', category: 'inspection.patterned_wafer_defect' }, 'US', 15_000_000],
  [{ kind: 'sme', name: 'Axcelis high-current ion implanter', category: 'ion_implant.volume_production' }, 'US', 5_000_000],
];

// Materials from China: substance, form, price per tonne-ish lot.
const MATERIALS = [
  ['gallium', 'metal', [80_000, 600_000]],
  ['germanium', 'zone-refined ingot', [100_000, 900_000]],
  ['gallium nitride', 'wafer', [50_000, 400_000]],
  ['artificial graphite', 'anode material', [40_000, 500_000]],
  ['antimony', 'ingot', [60_000, 700_000]],
  ['tungsten', 'powder', [50_000, 400_000]],
  ['indium', 'ingot', [40_000, 300_000]],
  ['dysprosium', 'oxide', [80_000, 1_200_000]],
  ['terbium', 'metal', [100_000, 1_500_000]],
  ['high-purity quartz', 'crucible', [20_000, 150_000]],
];

// End users by country: name, headquarters, ultimate parent, type. Real names are used where a
// compliance officer would meet them (several are on US lists; some are written in Chinese).
const PARTIES = {
  CN: [
    ['华为技术有限公司', 'CN', 'CN', 'manufacturer'],
    ['中芯国际集成电路制造有限公司', 'CN', 'CN', 'fab'],
    ['Inspur Electronic Information Industry Co., Ltd.', 'CN', 'CN', 'manufacturer'],
    ['Alibaba Cloud Computing Co., Ltd.', 'CN', 'CN', 'cloud_provider'],
    ['Tencent Cloud Computing (Beijing) Co., Ltd.', 'CN', 'CN', 'cloud_provider'],
    ['Beijing Volcano Engine Technology Co., Ltd.', 'CN', 'CN', 'cloud_provider'],
    ['Pearl River Compute Co., Ltd.', 'CN', 'CN', 'datacenter_operator'],
    ['上海智算云科技有限公司', 'CN', 'CN', 'datacenter_operator'],
    ['Hangzhou Lakeside AI Research Institute', 'CN', 'CN', 'research_institute'],
    ['Shenzhen Bay Electronics Trading Co., Ltd.', 'CN', 'CN', 'distributor'],
    ['长江存储科技有限责任公司', 'CN', 'CN', 'fab'],
    ['Hua Hong Semiconductor Ltd.', 'CN', 'CN', 'fab'],
    ['Wuxi Riverside Microelectronics Co., Ltd.', 'CN', 'CN', 'fab'],
    ['Tsinghua University', 'CN', 'CN', 'university'],
    ['曙光信息产业股份有限公司', 'CN', 'CN', 'manufacturer'],
  ],
  HK: [
    ['Harbourfront Digital Trading Ltd.', 'HK', 'HK', 'distributor'],
    ['Kowloon Compute Services Ltd.', 'HK', 'CN', 'cloud_provider'],
  ],
  MO: [['Macau Cotai Data Ltd.', 'MO', 'MO', 'datacenter_operator']],
  SG: [
    ['Straits AI Cloud Pte. Ltd.', 'SG', 'SG', 'cloud_provider'],
    ['Lion City Semiconductor Distribution Pte. Ltd.', 'SG', 'SG', 'distributor'],
    ['Redstone Compute (Singapore) Pte. Ltd.', 'CN', 'CN', 'cloud_provider'],
    ['Woodlands Wafer Fab Pte. Ltd.', 'SG', 'SG', 'fab'],
  ],
  MY: [
    ['Johor Hyperscale Data Centre Sdn. Bhd.', 'MY', 'MY', 'datacenter_operator'],
    ['Penang Test & Assembly Sdn. Bhd.', 'MY', 'US', 'osat'],
    ['Nusantara Compute Sdn. Bhd.', 'CN', 'CN', 'datacenter_operator'],
  ],
  TW: [
    ['Hsinchu Advanced Foundry Corp.', 'TW', 'TW', 'fab'],
    ['Taipei Server Works Inc.', 'TW', 'TW', 'manufacturer'],
  ],
  JP: [
    ['Sakura Compute K.K.', 'JP', 'JP', 'cloud_provider'],
    ['Kumamoto Logic Manufacturing Co., Ltd.', 'JP', 'JP', 'fab'],
  ],
  KR: [
    ['Hanbit AI Cloud Co., Ltd.', 'KR', 'KR', 'cloud_provider'],
    ['Pyeongtaek Memory Fab Co., Ltd.', 'KR', 'KR', 'fab'],
  ],
  IN: [
    ['Bharat Sovereign AI Cloud Pvt. Ltd.', 'IN', 'IN', 'cloud_provider'],
    ['Dholera Semiconductor Fab Pvt. Ltd.', 'IN', 'IN', 'fab'],
  ],
  AE: [
    ['Gulf Frontier AI Campus LLC', 'AE', 'AE', 'datacenter_operator'],
    ['Jebel Ali Electronics Trading FZE', 'AE', 'AE', 'distributor'],
  ],
  SA: [['Riyadh National Compute Co.', 'SA', 'SA', 'cloud_provider']],
  VN: [['Saigon Cloud Infrastructure JSC', 'VN', 'VN', 'datacenter_operator']],
  IL: [['Negev Research Computing Ltd.', 'IL', 'IL', 'research_institute']],
  DE: [
    ['Rhein-Main Rechenzentrum GmbH', 'DE', 'DE', 'datacenter_operator'],
    ['Dresden Silicon Fab GmbH', 'DE', 'DE', 'fab'],
  ],
  NL: [['Eindhoven Photonics B.V.', 'NL', 'NL', 'manufacturer']],
  FR: [['Lyon Calcul Scientifique SAS', 'FR', 'FR', 'research_institute']],
  GB: [['Thames Valley AI Labs Ltd.', 'GB', 'GB', 'research_institute']],
  US: [
    ['Pacific Northwest Cloud Inc.', 'US', 'US', 'cloud_provider'],
    ['Austin Wafer Works LLC', 'US', 'US', 'fab'],
    ['Ohio Battery Materials Inc.', 'US', 'US', 'manufacturer'],
  ],
  BR: [['São Paulo Dados e Nuvem Ltda.', 'BR', 'BR', 'datacenter_operator']],
};

const CHIP_DESTINATIONS = [
  ['CN', 26], ['HK', 5], ['MO', 0.5], ['SG', 8], ['MY', 6], ['TW', 6], ['JP', 6], ['KR', 5], ['IN', 5], ['AE', 4],
  ['SA', 2], ['VN', 2], ['IL', 2], ['DE', 6], ['NL', 2], ['FR', 2], ['GB', 3], ['US', 8], ['BR', 1.5],
];
const TOOL_DESTINATIONS = [['CN', 40], ['TW', 18], ['KR', 14], ['JP', 6], ['US', 10], ['DE', 4], ['SG', 4], ['MY', 2], ['IN', 2]];
const MATERIAL_DESTINATIONS = [['US', 25], ['JP', 20], ['KR', 15], ['DE', 12], ['NL', 6], ['TW', 10], ['IN', 5], ['VN', 4], ['MY', 3]];

// Order volume grows over the years, as AI hardware demand did.
const MONTHS = [];
for (let y = 2022; y <= 2026; y++) {
  for (let m = 1; m <= 12; m++) {
    if (y === 2026 && m > 9) break;
    MONTHS.push([`${y}-${String(m).padStart(2, '0')}`, 1 + (y - 2022) * 0.35 + m * 0.02]);
  }
}
const daysIn = (ym) => new Date(Date.UTC(Number(ym.slice(0, 4)), Number(ym.slice(5, 7)), 0)).getUTCDate();

const END_USES = {
  cloud_provider: ['cloud_iaas;ai_inference', 'ai_training', 'datacenter'],
  datacenter_operator: ['datacenter', 'ai_training', 'ai_inference'],
  research_institute: ['research', 'ai_training'],
  university: ['research'],
  manufacturer: ['commercial', 'resale'],
  distributor: ['resale'],
  osat: ['ic_production'],
  fab: ['ic_production'],
};

function partyFor(country, wanted) {
  const all = PARTIES[country] ?? [];
  const fit = all.filter((p) => wanted.includes(p[3]));
  return pick(fit.length ? fit : all);
}

const round = (v, to) => Math.round(v / to) * to;

function chipLine(ym) {
  let to = weighted(CHIP_DESTINATIONS);
  const live = CHIPS.filter((c) => c[2] <= ym && ym <= c[3]);
  const fits = live.filter((c) => (c[5] === 'china' ? to === 'CN' || to === 'HK' : true));
  const chip = weighted(fits.map((c) => [c, c[4]]));
  // Chinese accelerators leave China for its neighbours and the Gulf.
  let from = chip[5] === 'cn-origin' ? 'CN' : weighted([['US', 80], ['SG', 8], ['TW', 7], ['HK', 5]]);
  if (chip[5] === 'cn-origin' && (to === 'CN' || to === 'US')) to = pick(['MY', 'SA', 'AE', 'SG']);
  if (from === to) from = 'US';
  const consumer = chip[0].includes('GeForce');
  const party = partyFor(to, consumer ? ['distributor', 'manufacturer', 'research_institute'] : ['cloud_provider', 'datacenter_operator', 'research_institute', 'university', 'manufacturer', 'distributor']);
  const quantity = consumer ? between(10, 400) : weighted([[between(4, 16), 4], [between(16, 128), 4], [between(128, 1024), 1]]);
  const price = chip[1] * (0.85 + random() * 0.25);
  return { from, to, model: chip[0], quantity, value: round(quantity * price, 10), party, endUse: pick(END_USES[party[3]] ?? ['commercial']) };
}

function toolLine(ym) {
  const [tool, from, price, only] = pick(TOOLS.filter((t) => (t[4] ?? '') <= ym));
  let to = only ? pick(only) : weighted(TOOL_DESTINATIONS);
  if (to === from) to = only ? 'TW' : 'CN';
  const party = partyFor(to, ['fab', 'osat']);
  const quantity = weighted([[1, 6], [2, 3], [3, 1]]);
  const named = typeof tool === 'string' ? { model: tool } : { item: { ...tool, origin: from } };
  const endUse = ym >= '2023-06' && random() < 0.3 ? 'advanced_node_ic_production' : 'ic_production';
  return { from, to, ...named, quantity, value: round(quantity * price * (0.9 + random() * 0.15), 1000), party, endUse };
}

function materialLine() {
  const [substance, form, [lo, hi]] = pick(MATERIALS);
  const to = weighted(MATERIAL_DESTINATIONS);
  const party = partyFor(to, ['manufacturer', 'fab']);
  const item = { kind: 'material', substance, form, origin: 'CN' };
  return { from: 'CN', to, item, quantity: between(1, 40), value: round(lo + random() * (hi - lo), 100), party, endUse: 'commercial' };
}

// The batch columns of docs/batch.md (a subset), so the book also runs through `redline batch`.
const HEADER = ['id', 'date', 'from', 'to', 'model', 'item', 'quantity', 'value', 'currency', 'end_use', 'end_user_name', 'end_user_country', 'end_user_headquarters', 'end_user_ultimate_parent', 'end_user_type'];
const cell = (v) => {
  const s = v === undefined ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

const rows = [];
for (let i = 0; i < LINES; i++) {
  const ym = weighted(MONTHS);
  const date = `${ym}-${String(between(1, daysIn(ym))).padStart(2, '0')}`;
  const kind = weighted([['chip', 86], ['tool', 6], ['material', 8]]);
  const l = kind === 'chip' ? chipLine(ym) : kind === 'tool' ? toolLine(ym) : materialLine();
  const [name, hq, parent, type] = l.party;
  rows.push({
    date,
    cells: {
      from: l.from, to: l.to, model: l.model, item: l.item ? JSON.stringify(l.item) : undefined, quantity: l.quantity, value: l.value, currency: 'USD',
      end_use: l.endUse, end_user_name: name, end_user_country: l.to, end_user_headquarters: hq, end_user_ultimate_parent: parent, end_user_type: type,
    },
  });
}
rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
const out = [HEADER.join(',')];
rows.forEach((r, i) => {
  const id = `SO-${r.date.slice(0, 4)}-${String(i + 1).padStart(5, '0')}`;
  const cells = { id, date: r.date, ...r.cells };
  out.push(HEADER.map((h) => cell(cells[h])).join(','));
});
writeFileSync(OUT, `${out.join('\n')}\n`);
process.stderr.write(`wrote ${rows.length} lines to ${OUT}\n`);
