import { seededRandom } from '../domain/index.js';
import { CSV_COLUMNS } from './csv-row.js';
import { csvCell } from './rows.js';

/**
 * A synthetic order book for the resume test and `npm run bench:batch`: catalogue chips to
 * sixteen destinations on seven dates, with a pool of counterparties that includes listed
 * names (in Latin and Chinese script) and about one bad row in a hundred, seeded so every run
 * of the same size writes the same file.
 */

const MODELS = [
  'NVIDIA H100 SXM5 80GB', 'NVIDIA H20', 'NVIDIA A100 SXM4 80GB', 'NVIDIA L40S', 'NVIDIA L4', 'NVIDIA GeForce RTX 4090',
  'NVIDIA B200 (HGX)', 'AMD Instinct MI300X', 'AMD Instinct MI250X', 'NVIDIA T4', 'NVIDIA A30', 'NVIDIA H200 SXM 141GB',
];
const DESTINATIONS = ['CN', 'DE', 'NL', 'JP', 'AE', 'SG', 'IN', 'KR', 'TW', 'HK', 'MY', 'VN', 'SA', 'BR', 'GB', 'MO'];
const DATES = ['2022-06-01', '2022-11-15', '2023-12-01', '2024-06-30', '2025-03-01', '2025-09-30', '2026-09-30'];
const END_USES = ['commercial', 'ai_training', 'datacenter', 'research', 'ai_inference;cloud_iaas', ''];
const PARTY_STEMS = [
  'Example Cloud', 'Northwind Compute', 'Harbour Data Systems', 'Blue River Research', 'Summit AI Labs', 'Lotus Semiconductor Trading',
  'Pacific Rim Logistics', 'Golden Gate Analytics', 'Orion Datacenters', 'Meridian University',
];
const LISTED = ['Huawei Technologies Co., Ltd.', '华为技术有限公司', 'Semiconductor Manufacturing International Corporation', 'Inspur Group', 'Sugon'];
const SUFFIXES = ['Ltd', 'GmbH', 'Co., Ltd.', 'Pte. Ltd.', 'Inc.', 'B.V.'];


export const SAMPLE_BOOK_COLUMNS = [
  'id', 'date', 'from', 'to', 'model', 'quantity', 'value', 'currency', 'end_use',
  'end_user_name', 'end_user_country', 'end_user_headquarters', 'end_user_ultimate_parent',
  'consignee_name', 'consignee_country',
] as const satisfies readonly (typeof CSV_COLUMNS)[number][];

/** Rows 1…n of the sample book, each a CSV line with its newline (no header). */
/** How many distinct end users and consignees the book deals with (each with its own country). */
const END_USERS = 3000;
const CONSIGNEES = 300;

interface Counterparty {
  name: string;
  country: string;
}

function counterparties(rnd: () => number, n: number, word: string): Counterparty[] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  return Array.from({ length: n }, (_, k) => ({ name: `${pick(PARTY_STEMS)} ${word}${k + 1} ${pick(SUFFIXES)}`.replace('  ', ' '), country: pick(DESTINATIONS) }));
}

/** Rows 1…n of the sample book, each a CSV line with its newline (no header). */
export function* sampleBookLines(n: number, seed = 42): Generator<string> {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  // Like a real book: a few thousand customers, each in its own country, ordering again and again.
  const endUsers = counterparties(rnd, END_USERS, '');
  const consignees = counterparties(rnd, CONSIGNEES, 'Logistics ');
  for (let i = 1; i <= n; i++) {
    const listed = rnd() < 0.03;
    const endUser: Counterparty = listed ? { name: pick(LISTED), country: 'CN' } : pick(endUsers);
    const to = rnd() < 0.9 ? endUser.country : pick(DESTINATIONS);
    const quantity = 1 + Math.floor(rnd() * 64);
    const bad = rnd() < 0.01;
    const consignee = rnd() < 0.5 ? pick(consignees) : undefined;
    const cells: (string | number)[] = [
      `SO-${String(i).padStart(8, '0')}`,
      bad && rnd() < 0.5 ? '2026-02-30' : pick(DATES),
      'US',
      bad ? 'XX' : to,
      pick(MODELS),
      quantity,
      quantity * (1000 + Math.floor(rnd() * 30000)),
      'USD',
      pick(END_USES),
      endUser.name,
      endUser.country,
      endUser.country,
      '',
      consignee?.name ?? '',
      consignee?.country ?? '',
    ];
    yield `${cells.map((c) => csvCell(c)).join(',')}\n`;
  }
}

export function sampleBookHeader(): string {
  return `${SAMPLE_BOOK_COLUMNS.join(',')}\n`;
}
