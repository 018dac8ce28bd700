#!/usr/bin/env node
/**
 * Writes docs/transaction.md from the schemas, their field documentation and the rule packs
 * (src/bundle/transaction-doc.ts). Run after `npm run build`: `node scripts/transaction-doc.js`.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRuleset } from '../dist/bundle/rules.js';
import { renderTransactionDoc } from '../dist/bundle/transaction-doc.js';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'transaction.md');
writeFileSync(out, renderTransactionDoc(await loadRuleset()));
console.log(`wrote ${out}`);
