#!/usr/bin/env node
// Serves the files the bundled list snapshots came from on 127.0.0.1, the way a publisher does
// (ETag, Last-Modified), and writes a sources file pointing at them — so `redline lists update`
// can be tried (and was, for the README) without the internet. The Entity List is served
// re-dated to today with one extra party, to show an update that changes something.
//   node scripts/list-fixture-server.mjs /tmp/s.yaml     (Ctrl-C to stop)
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startFixtureServer } from '../dist/store/updates/fixture-server.js';

const root = resolve(import.meta.dirname, '..');
const lists = join(root, 'data/lists');
const out = process.argv[2] ?? 'sources.local.yaml';
const manifest = JSON.parse(readFileSync(join(lists, 'manifest.json'), 'utf8'));
const today = new Date().toISOString().slice(0, 10);
const srv = await startFixtureServer();
const yaml = ['sources:'];
for (const s of manifest.sources) {
  let body = readFileSync(join(lists, s.file));
  if (s.file.includes('entity_list')) {
    const el = JSON.parse(body.toString('utf8'));
    el.extracted = today;
    el.entities.push({ name: 'Zephyrine Quantum Lithography Works', aliases: [], country: 'China', address: 'Hefei, Anhui, China', status: null, effective_date: today, federal_register: '91 FR 99999 (fixture)', notes: 'For all items subject to the EAR. (See § 744.11 of the EAR)' });
    el.count = el.entities.length;
    body = Buffer.from(JSON.stringify(el));
  }
  srv.routes.set(`/${s.file}`, { body, etag: true, lastModified: new Date() });
  const id = s.file.replace(/^.*\//, '').replace(/\.\w+$/, '').replace(/_\d{4}-\d{2}(-\d{2})?$/, '').replace(/[^a-z0-9]+/gi, '-').toLowerCase();
  yaml.push(`  - id: ${id}`, `    format: ${s.format}`, `    url: ${srv.url}/${s.file}`);
  if (s.exclude) yaml.push(`    exclude: [${s.exclude.join(', ')}]`);
}
writeFileSync(out, `${yaml.join('\n')}\n`);
process.stderr.write(`serving ${manifest.sources.length} list files at ${srv.url}; sources file: ${out}\n`);
process.once('SIGINT', () => srv.close().then(() => process.exit(0)));
process.once('SIGTERM', () => srv.close().then(() => process.exit(0)));
