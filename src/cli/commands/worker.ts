import type { Command } from 'commander';
import { InputError } from '../../domain/index.js';
import { openStore, parseInterval, scheduleListUpdates } from '../../store/index.js';
import { BatchStore } from '../../batch/job-store.js';
import { startQueueWorker, QUEUE_NAME } from '../../batch/queue.js';
import { parseMaxListAge } from '../options.js';

export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description('take batch chunks from the BullMQ queue (Redis) and store their answers (PostgreSQL), until stopped')
    .option('--db <url>', 'the shared store (a postgres:// URL; the coordinator must use the same)')
    .option('--redis <url>', 'the Redis that holds the queue', 'redis://127.0.0.1:6379')
    .option('--queue-prefix <prefix>', 'the queue\'s key prefix in Redis (as given to `serve --queue-prefix`)')
    .option('--concurrency <n>', 'chunks at once in this process (answering is CPU-bound: run one process per core instead)', '1')
    .option('--max-list-age <days>', 'lists older than this many days past their source date make answers review', '30')
    .option('--list-update-interval <interval>', 'run `lists update` this often (6h, 30m, 90s; 0 or off: never); env REDLINE_LIST_UPDATE_INTERVAL', undefined)
    .option('--sources <file>', 'the list sources file for the scheduled updates (default: REDLINE_LIST_SOURCES, else the bundled one)')
    .action(async (flags: { db?: string; redis: string; queuePrefix?: string; concurrency: string; maxListAge?: string; listUpdateInterval?: string; sources?: string }) => {
      const concurrency = Number(flags.concurrency);
      if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) throw new InputError([{ path: '--concurrency', message: `"${flags.concurrency}" is not a whole number from 1 to 64` }]);
      if (!/^rediss?:\/\//.test(flags.redis)) throw new InputError([{ path: '--redis', message: 'must be a redis:// URL' }]);
      const maxListAgeDays = parseMaxListAge(flags.maxListAge);
      const intervalMs = parseInterval(flags.listUpdateInterval);
      const store = await openStore(flags.db);
      const worker = await startQueueWorker(flags.redis, new BatchStore(store), { concurrency, prefix: flags.queuePrefix, engine: { maxListAgeDays, listsFrom: { db: flags.db } } });
      process.stderr.write(`redline worker: taking chunks from queue "${QUEUE_NAME}" at ${flags.redis}, storing in ${store.location}\n`);
      const updates = scheduleListUpdates(store, {
        intervalMs,
        sourcesFile: flags.sources,
        onReport: async (r) => {
          process.stderr.write(`redline worker: list update: ${r.sources.map((s) => `${s.source} ${s.status.replace('_', ' ')}`).join(', ')}\n`);
          if (r.sources.some((s) => s.status === 'updated')) await worker.reloadLists();
        },
        onError: (err) => process.stderr.write(`redline worker: list update failed: ${(err as Error).message}\n`),
      });
      let chunks = 0;
      worker.on('completed', () => chunks++);
      worker.on('failed', (job, err) => process.stderr.write(`redline worker: chunk ${job?.id ?? '?'} failed: ${err.message}\n`));
      await new Promise<void>((resolve) => {
        const stop = (): void => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      // Finishes the chunk in hand so it is not redone, then lets go of the queue.
      await updates.stop();
      await worker.close();
      await store.close();
      process.stderr.write(`redline worker: stopped after ${chunks} chunks\n`);
    });
}
