import type { Command } from 'commander';
import { InputError } from '../../domain/index.js';
import { openStore, parseInterval } from '../../store/index.js';
import { createServer } from '../../api/server.js';
import { parseMaxListAge } from '../options.js';

interface ServeFlags {
  port: string;
  host: string;
  db?: string;
  rateLimit: string;
  maxListAge?: string;
  listUpdateInterval?: string;
  sources?: string;
  requestLog?: boolean;
  queue?: string;
  queuePrefix?: string;
  batchThreads?: string;
}

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InputError([{ path: '--port', message: `"${value}" is not a port number (0-65535)` }]);
  return n;
}

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('the HTTP API under /v1 (OpenAPI at /v1/openapi.json) and the web app at /')
    .option('--port <n>', 'port to listen on', '8080')
    .option('--host <addr>', 'address to listen on', '127.0.0.1')
    .option('--db <url>', 'the store (SQLite path or postgres:// URL; default data/runtime/redline.sqlite)')
    .option('--rate-limit <n>', 'requests per minute per API key', '100000')
    .option('--no-request-log', 'no JSON request log on stdout')
    .option('--max-list-age <days>', 'lists older than this many days past their source date make answers review', '30')
    .option('--list-update-interval <interval>', 'run `lists update` from the official sources this often (default 6h; 30m, 90s …; 0 or off: never); env REDLINE_LIST_UPDATE_INTERVAL')
    .option('--sources <file>', 'the list sources file for the scheduled updates (default: REDLINE_LIST_SOURCES, else the bundled one)')
    .option('--queue <redis-url>', 'answer uploaded books on the BullMQ queue at this Redis URL, by `redline worker` processes (use a postgres:// --db they share)')
    .option('--queue-prefix <prefix>', 'the queue\'s key prefix in Redis (the workers must use the same)')
    .option('--batch-threads <n>', 'worker threads answering uploaded books in this process (default: the cores but one, up to 4)')
    .action(async (flags: ServeFlags) => {
      const rateMax = Number(flags.rateLimit);
      if (!Number.isInteger(rateMax) || rateMax < 1) throw new InputError([{ path: '--rate-limit', message: `"${flags.rateLimit}" is not a whole number of requests per minute` }]);
      const maxListAgeDays = parseMaxListAge(flags.maxListAge);
      const listUpdateIntervalMs = parseInterval(flags.listUpdateInterval);
      if (flags.queue !== undefined && !/^rediss?:\/\//.test(flags.queue)) throw new InputError([{ path: '--queue', message: 'must be a redis:// URL' }]);
      // Workers store the rows in the server's store, so it must be one they reach.
      if (flags.queue !== undefined && !/^postgres(ql)?:\/\//.test(flags.db ?? '')) throw new InputError([{ path: '--db', message: 'with --queue, give the postgres:// store the workers share' }]);
      const batchThreads = flags.batchThreads === undefined ? undefined : Number(flags.batchThreads);
      if (batchThreads !== undefined && (!Number.isInteger(batchThreads) || batchThreads < 1 || batchThreads > 64)) throw new InputError([{ path: '--batch-threads', message: `"${flags.batchThreads}" is not a whole number from 1 to 64` }]);
      const store = await openStore(flags.db);
      const server = await createServer({
        batchQueue: flags.queue ? { redis: flags.queue, prefix: flags.queuePrefix } : undefined,
        batchThreads,
        store,
        db: flags.db,
        limits: { rateMax },
        maxListAgeDays,
        logger: flags.requestLog !== false,
        listUpdateIntervalMs,
        listSources: flags.sources,
        onListUpdate: (r) => process.stderr.write(`redline: list update: ${r.sources.map((s) => `${s.source} ${s.status.replace('_', ' ')}`).join(', ')}\n`),
      });
      if (server.listsAdded) process.stderr.write(`redline: loaded ${server.listsAdded} bundled list snapshots into ${store.location}\n`);
      // First start: no key at all means nobody could use the API, so make one admin key and show it once.
      if ((await store.listApiKeys()).length === 0) {
        const k = await store.createApiKey({ role: 'admin', name: 'first start' });
        process.stderr.write(`redline: no API keys yet; created an admin key (shown once, stored hashed):\n${k.key}\nMake others with: redline keys create --role viewer|analyst|admin${flags.db ? ` --db ${flags.db}` : ''}\n`);
      }
      server.deps.batches.warm();
      const address = await server.app.listen({ port: port(flags.port), host: flags.host });
      process.stderr.write(`redline: serving ${address}/v1 (OpenAPI: ${address}/v1/openapi.json), store ${store.location}\n`);
      process.stderr.write(
        listUpdateIntervalMs ? `redline: list updates from the official sources every ${Math.round(listUpdateIntervalMs / 60_000)} min (first in one minute; GET /v1/lists shows them)\n` : 'redline: scheduled list updates are off\n',
      );
      await new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      });
      await server.close();
      await store.close();
    });
}
