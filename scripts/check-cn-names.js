#!/usr/bin/env node
/**
 * Consistency check of data/lists/cn/cn_names_curated.csv (`npm run check:cn-names`): for each
 * row, does the pinyin or the glossary account for the English name the list prints? Prints the
 * counts and the rows for a human look, and with `--write` rewrites data/lists/cn/cn_names_review.md.
 * Exit code 0 whatever the verdicts: review rows are for a person, not a build failure.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { loadLexiconSync } from '../dist/bundle/lists.js';
import { LISTS_DIR } from '../dist/bundle/paths.js';
import { checkCuratedNames, curatedReviewMarkdown } from '../dist/screening/index.js';

const file = join(LISTS_DIR, 'cn', 'cn_names_curated.csv');
const rows = parse(readFileSync(file, 'utf8'), { columns: true, comment: '#', skip_empty_lines: true, trim: true }).map((r) => ({
  list: r.list,
  name: r.name,
  nameZh: r.name_zh,
  confidence: r.confidence,
  source: r.source,
}));
const lex = loadLexiconSync();
const glossaryRows = readFileSync(join(LISTS_DIR, 'terms', 'glossary_zh.csv'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).length - 1;
const summary = checkCuratedNames(rows, lex);
const pad = (s, n) => (s.length > n ? `${s.slice(0, n - 1)}…` : s.padEnd(n));
console.log(`${summary.rows} rows: ${summary.byVerdict.transliteration} transliteration, ${summary.byVerdict.translation} translation, ${summary.byVerdict.review} for review`);
const byConfidence = {};
for (const c of summary.checks) {
  const k = `${c.row.confidence ?? '-'}`;
  byConfidence[k] ??= { transliteration: 0, translation: 0, review: 0 };
  byConfidence[k][c.verdict]++;
}
for (const [k, v] of Object.entries(byConfidence)) console.log(`  confidence ${k}: ${v.transliteration} transliteration, ${v.translation} translation, ${v.review} review`);
console.log('');
console.log(`${pad('listed name', 60)} ${pad('Chinese name', 28)} unaccounted for`);
for (const c of summary.checks.filter((x) => x.verdict === 'review')) {
  console.log(`${pad(c.row.name, 60)} ${pad(c.row.nameZh, 28)} zh: ${c.unmatchedZh.join(', ') || '—'}; en: ${c.unmatchedEn.join(', ') || '—'}`);
}
if (process.argv.includes('--write')) {
  const out = join(LISTS_DIR, 'cn', 'cn_names_review.md');
  writeFileSync(out, curatedReviewMarkdown(summary, `glossary_zh.csv with ${glossaryRows} words`));
  console.error(`wrote ${out}`);
}
