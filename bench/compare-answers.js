// node bench/compare-answers.js ROOT OUT [LINES] — answers of one build (ROOT: a checkout with dist/ built) over a
// seeded book made from the pack scenarios: re-dated, re-routed, other quantities, values and ids, screened
// with the bundled lists. One line per transaction: index, sha256 of the whole determination JSON, outcome.
// Run it on two builds (e.g. an older commit built in a scratch folder) and compare the files with cmp:
// identical files mean every answer is the same, trace included.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import YAML from 'yaml';
const root = process.argv[2];
const out = process.argv[3];
const N = Number(process.argv[4] ?? 20000);
const { createRedline } = await import(`${root}/dist/bundle/redline.js`);
const { loadDefaultScreener } = await import(`${root}/dist/bundle/lists.js`);
const redline = await createRedline({ screener: loadDefaultScreener });
const txs = [];
for (const j of readdirSync(`${root}/data/packs`)) {
  let files; try { files = readdirSync(`${root}/data/packs/${j}`); } catch { continue; }
  for (const f of files.filter((f) => f.endsWith('.scenarios.yaml'))) {
    const doc = YAML.parse(readFileSync(`${root}/data/packs/${j}/${f}`, 'utf8'), { merge: true, maxAliasCount: -1 });
    for (const s of doc.scenarios ?? []) if (s.given) txs.push(s.given);
  }
}
let seed = 7;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = (a) => a[Math.floor(rand() * a.length)];
const dates = ['2022-10-06', '2022-10-07', '2023-07-23', '2023-11-16', '2023-11-17', '2024-09-07', '2024-12-02', '2025-01-15', '2025-04-09', '2025-05-13', '2025-09-29', '2025-11-10', '2026-01-15', '2026-07-10', '2026-09-30', '2026-11-09', '2026-11-27', '2026-12-07', '2027-04-06'];
const countries = ['US', 'CN', 'HK', 'MO', 'JP', 'NL', 'DE', 'SA', 'AE', 'VN', 'MY', 'SG', 'IN', 'RU', 'TW', 'KR', 'IR'];
const lines = [];
let errors = 0;
for (let i = 0; i < N; i++) {
  const tx = structuredClone(pick(txs));
  const r = rand();
  if (r < 0.6) tx.date = pick(dates);
  if (rand() < 0.3) tx.to = pick(countries);
  if (rand() < 0.15) tx.from = pick(countries);
  tx.id = `E${i}`;
  for (const it of tx.items ?? []) { if (rand() < 0.5) it.quantity = 1 + Math.floor(rand() * 99); if (rand() < 0.5) it.value = Math.floor(rand() * 1e6); }
  if (rand() < 0.2) delete tx.id;
  let text;
  try { text = JSON.stringify(redline.check(tx, { path: '' })); } catch (e) { errors++; text = `ERROR ${e.message}`; }
  lines.push(`${i} ${createHash('sha256').update(text).digest('hex').slice(0, 16)} ${text.startsWith('ERROR') ? 'ERROR' : JSON.parse(text).outcome}`);
}
writeFileSync(out, lines.join('\n') + '\n');
console.log(`${txs.length} scenario transactions, ${N} lines, ${errors} errors → ${out}`);
