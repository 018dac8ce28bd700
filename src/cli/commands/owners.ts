import type { Command } from 'commander';
import Table from 'cli-table3';
import { InputError, ownershipKey, type OwnershipEdge, type OwnershipRegister } from '../../domain/index.js';
import { registerFromEdges } from '../../ownership/index.js';
import { existsSync } from 'node:fs';
import { DEFAULT_DB_PATH, importRegisterCsv, loadOwnershipRegister, type Store } from '../../store/index.js';
import { printJson, readTextInput } from '../io.js';
import { parseAsOf } from '../options.js';
import { bold, dim, heading } from '../format/style.js';
import { runWithStore } from './store-cli.js';

interface OwnersFlags {
  db?: string;
  json?: boolean;
  asOf?: string;
}

/**
 * The stored ownership register, for parties sent without owners: from --db, else from the
 * default store when one exists (check never creates a store just to find it empty).
 */
export async function registerForCheck(db: string | undefined): Promise<OwnershipRegister | undefined> {
  if (db === undefined && !process.env.REDLINE_DB?.trim() && !existsSync(DEFAULT_DB_PATH)) return undefined;
  let register: OwnershipRegister | undefined;
  await runWithStore(db, async (store) => {
    const r = await loadOwnershipRegister(store);
    register = r.edges ? r : undefined;
  });
  return register;
}

const shareText = (e: OwnershipEdge): string => (e.share === undefined ? 'share not known' : `${e.share} %`);

/** The statements about one name: who owns it (by as-of date, the one in force marked) and what it owns. */
async function showOwners(store: Store, name: string, asOf: string, json: boolean): Promise<void> {
  const { asEntity, asOwner } = await store.ownerEdgesFor(ownershipKey(name));
  const inForce = registerFromEdges(asEntity).ownersOf(name, asOf);
  if (json) {
    printJson({ name, asOf, owners: inForce, history: asEntity, holdings: asOwner });
    return;
  }
  if (!asEntity.length && !asOwner.length) {
    process.stdout.write(`${dim(`"${name}" is not in the ownership register (names are matched with case, punctuation and legal forms folded)`)}\n`);
    return;
  }
  const t = new Table({ head: ['as of', 'owner', 'share', 'source', 'import · line', ''].map((h) => bold(h)), style: { head: [], border: [] } });
  for (const e of asEntity) t.push([e.asOf, e.owner, shareText(e), e.source ?? '', `${e.importId} · ${e.line}`, inForce.includes(e) ? `in force on ${asOf}` : '']);
  process.stdout.write(`${heading(`Owners of ${name}`)}\n${asEntity.length ? t.toString() : dim('  none stated')}\n`);
  if (asOwner.length) {
    const h = new Table({ head: ['as of', 'holds', 'share', 'source', 'import · line'].map((x) => bold(x)), style: { head: [], border: [] } });
    for (const e of asOwner) h.push([e.asOf, e.entity, shareText(e), e.source ?? '', `${e.importId} · ${e.line}`]);
    process.stdout.write(`\n${heading(`Holdings of ${name}`)}\n${h.toString()}\n`);
  }
}

export function registerOwnersCommand(program: Command): void {
  const owners = program.command('owners').description('the ownership register: who owns whom, for the 50 percent rules (docs/ownership.md)');
  owners
    .command('import')
    .description('import a register CSV (entity, owner, share, as_of, source) as a new version; any bad row rejects the file')
    .argument('<file>', 'a CSV file, or - for standard input')
    .option('--db <path or url>', 'the store (default data/runtime/redline.sqlite)')
    .option('--json', 'print the import as JSON')
    .action(async (file: string, flags: OwnersFlags) => {
      const text = await readTextInput(file);
      await runWithStore(flags.db, async (store) => {
        let imported;
        try {
          imported = await importRegisterCsv(store, text, { source: file === '-' ? 'stdin' : file });
        } catch (e) {
          if (e instanceof InputError) throw new InputError(e.problems, file === '-' ? 'stdin' : file);
          throw e;
        }
        if (flags.json) printJson(imported);
        else process.stdout.write(`imported ${imported.rows} ownership edge${imported.rows === 1 ? '' : 's'} as register version ${imported.id} ${dim(imported.hash.slice(0, 19))}\n`);
      });
    });
  owners
    .command('show')
    .description('who owns <name> (every statement, the one in force marked) and what it holds')
    .argument('<name>', 'an entity or owner name')
    .option('--db <path or url>', 'the store (default data/runtime/redline.sqlite)')
    .option('--as-of <date>', 'mark the statement in force on this date (default today)')
    .option('--json', 'print as JSON')
    .action(async (name: string, flags: OwnersFlags) => {
      const asOf = parseAsOf(flags.asOf) ?? new Date().toISOString().slice(0, 10);
      await runWithStore(flags.db, (store) => showOwners(store, name, asOf, flags.json === true));
    });
}
