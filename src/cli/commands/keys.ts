import type { Command } from 'commander';
import Table from 'cli-table3';
import { InputError } from '../../domain/index.js';
import { ROLES, isRole, type Store } from '../../store/index.js';
import { printJson } from '../io.js';
import { bold, dim } from '../format/style.js';
import { runWithStore } from './store-cli.js';

interface KeyFlags {
  db?: string;
  json?: boolean;
  role?: string;
  name?: string;
}

async function createKey(store: Store, flags: KeyFlags): Promise<void> {
  if (!isRole(flags.role)) throw new InputError([{ path: '--role', message: `${flags.role === undefined ? 'is required' : `"${flags.role}" is not a role`}; give one of ${ROLES.join(', ')}` }]);
  const created = await store.createApiKey({ role: flags.role, name: flags.name });
  if (flags.json) return printJson({ id: created.id, key: created.key, role: created.role, name: created.name, createdAt: created.createdAt });
  // The key alone on stdout, so `KEY=$(redline keys create --role analyst)` captures it; the note goes to stderr.
  process.stdout.write(`${created.key}\n`);
  process.stderr.write(dim(`API key ${created.id} (${created.role}${created.name ? `, ${created.name}` : ''}) created in ${store.location}. It is shown only now: store it safely. Use it as "Authorization: Bearer <key>".\n`));
}

export function registerKeysCommand(program: Command): void {
  const keys = program.command('keys').description('API keys for `redline serve`: create (printed once, stored hashed), list, revoke');

  keys
    .command('create')
    .description('make an API key and print it once, on its own line')
    .requiredOption('--role <role>', `what the key may do: ${ROLES.join(' | ')}`)
    .option('--name <text>', 'who or what the key is for')
    .option('--db <path or URL>', 'the store: a SQLite file or postgres://… (default ./data/runtime/redline.sqlite)')
    .option('--json', 'JSON output: { "id", "key", "role" }')
    .action((flags: KeyFlags) => runWithStore(flags.db, (store) => createKey(store, flags)));

  keys
    .command('list')
    .description('the keys: id, name, role, created, last used, revoked (never the keys themselves)')
    .option('--db <path or URL>', 'the store')
    .option('--json', 'JSON output')
    .action((flags: KeyFlags) =>
      runWithStore(flags.db, async (store) => {
        const all = await store.listApiKeys();
        if (flags.json) return printJson(all);
        if (!all.length) return void process.stdout.write('no API keys yet: redline keys create --role analyst\n');
        const t = new Table({ head: ['id', 'name', 'role', 'created', 'last used', 'revoked'].map((h) => bold(h)), style: { head: [], border: [] } });
        for (const k of all) t.push([k.id, k.name ?? '', k.role, k.createdAt, k.lastUsedAt ?? dim('never'), k.revokedAt ?? '']);
        process.stdout.write(`${t.toString()}\n`);
      }),
    );

  keys
    .command('revoke')
    .description('revoke a key: it stops working at once here, and within a second on running servers')
    .argument('<id>', 'the key id (the part after rl_, as shown by keys list)')
    .option('--db <path or URL>', 'the store')
    .option('--json', 'JSON output')
    .action((id: string, flags: KeyFlags) =>
      runWithStore(flags.db, async (store) => {
        const keyId = /^rl_([0-9a-f]{12})_/.exec(id)?.[1] ?? id;
        const known = (await store.listApiKeys()).find((k) => k.id === keyId);
        if (!known) throw new InputError([{ path: 'id', message: `no API key ${JSON.stringify(id)} (see: redline keys list)` }]);
        const revoked = await store.revokeApiKey(keyId);
        if (flags.json) return printJson({ id: keyId, revoked: true, alreadyRevoked: !revoked });
        process.stdout.write(revoked ? `revoked ${keyId}\n` : `${keyId} was already revoked (${known.revokedAt})\n`);
      }),
    );
}
