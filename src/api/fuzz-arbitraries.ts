import fc from 'fast-check';

/**
 * Random and malformed inputs for the fuzz test: near-valid transactions (the shapes of
 * contract.md with wrong types, unknown fields, bad dates and codes mixed in), arbitrary JSON,
 * and raw text that is JSON broken at a random place.
 */

const MODELS = ['NVIDIA H100 SXM5 80GB', 'NVIDIA H20', 'nvidia h-20', 'NVIDIA L4', 'AMD Instinct MI300X', 'No Such Chip', ''];
const COUNTRIES = ['CN', 'US', 'DE', 'NL', 'JP', 'HK', 'MO', 'AE', 'XX', 'cn', '', 'CHN', '中国'];
const ROLES = ['end_user', 'buyer', 'ultimate_consignee', 'intermediate_consignee', 'exporter', 'owner', ''];
const NAMES = ['华为技术有限公司', 'Huawei Technologies Co., Ltd.', 'Example Ltd', 'ACME', ' ', '\u0000', 'Ω≈ç√∫˜µ≤≥÷', '🙂🙃', 'a'.repeat(600)];

export const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.string({ maxLength: 30 }),
  fc.double(),
  fc.constantFrom(null, true, -1, 0, 1e308, Number.NaN, [], {}),
);

const country = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...COUNTRIES) }, { weight: 1, arbitrary: junk });
const date = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('2026-09-30', '2022-10-07', '2024-12-02', '2025-01-15') },
  { weight: 1, arbitrary: fc.constantFrom('2026-02-30', '2026-13-01', '26-09-30', '') },
  { weight: 1, arbitrary: junk },
);

const performance = fc.array(
  fc.record({ bits: fc.oneof(fc.constantFrom(4, 8, 16, 32, 64), fc.integer(), junk), tops: fc.oneof(fc.double({ min: 0, max: 1e5, noNaN: true }), junk) }, { requiredKeys: [] }),
  { maxLength: 3 },
);

export const item: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ model: fc.constantFrom(...MODELS) }) },
  {
    weight: 2,
    arbitrary: fc.record(
      { kind: fc.constantFrom('ic', 'memory', 'sme', 'material', 'computer', 'chip'), performance, dieAreaMm2: fc.oneof(fc.double({ min: -10, max: 2000 }), junk), datacenter: fc.oneof(fc.boolean(), junk), substance: fc.constantFrom('gallium', 'germanium', '') },
      { requiredKeys: ['kind'] },
    ),
  },
  { weight: 1, arbitrary: junk },
);

const party = fc.oneof(
  { weight: 4, arbitrary: fc.record({ role: fc.constantFrom(...ROLES), name: fc.oneof(fc.constantFrom(...NAMES), fc.string({ maxLength: 40 })), country }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: junk },
);

export const transaction: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record(
      {
        id: fc.oneof(fc.string({ maxLength: 12 }), junk),
        date,
        from: country,
        to: country,
        items: fc.oneof({ weight: 5, arbitrary: fc.array(item, { maxLength: 3 }) }, { weight: 1, arbitrary: junk }),
        parties: fc.oneof({ weight: 5, arbitrary: fc.array(party, { maxLength: 2 }) }, { weight: 1, arbitrary: junk }),
        endUse: fc.oneof(fc.array(fc.constantFrom('ai_training', 'datacenter', 'military', 'fun'), { maxLength: 2 }), junk),
        value: fc.oneof(fc.double({ min: -1, max: 1e9 }), junk),
        currency: fc.constantFrom('USD', 'usd', 'EURO', ''),
        colour: junk,
      },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: junk },
  { weight: 1, arbitrary: fc.array(fc.record({ to: country, items: fc.array(item, { maxLength: 2 }) }, { requiredKeys: [] }), { maxLength: 3 }) },
);

/** JSON text of a value, sometimes broken: cut short, a character dropped or inserted. */
export const jsonText: fc.Arbitrary<string> = fc
  .tuple(transaction, fc.nat(), fc.constantFrom('none', 'cut', 'drop', 'insert'), fc.constantFrom('{', '"', ',', ']', '\\', '\u0000', 'ä'))
  .map(([v, at, how, ch]) => {
    const text = JSON.stringify(v) ?? 'undefined';
    const i = text.length ? at % text.length : 0;
    if (how === 'cut') return text.slice(0, i);
    if (how === 'drop') return text.slice(0, i) + text.slice(i + 1);
    if (how === 'insert') return text.slice(0, i) + ch + text.slice(i);
    return text;
  });

const CSV_KEYS = ['id', 'date', 'from', 'to', 'model', 'item', 'quantity', 'value', 'currency', 'end_use', 'end_user_name', 'end_user_country', 'consignee_name', 'consignee_country', 'buyer_type'];

/** A CSV record as the reader hands it on (column → cell), with any cell text at all. */
export const csvRecord: fc.Arbitrary<Record<string, string>> = fc.dictionary(
  fc.constantFrom(...CSV_KEYS),
  fc.oneof(
    fc.constantFrom('CN', 'DE', 'NVIDIA H20', '2026-09-30', '12', '1,250.50', 'lots', '{"kind":"ic"}', '{bad', '[]', 'ai_training;military', 'Example Ltd', ''),
    fc.string({ maxLength: 20 }),
  ),
  { maxKeys: CSV_KEYS.length },
);
