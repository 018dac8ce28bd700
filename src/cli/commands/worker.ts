import type { Command } from 'commander';
import { InputError } from '../../domain/index.js';
import { openStore } from '../../store/index.js';
import { BatchStore } from '../../batch/job-store.js';
import { startQueueWorker, QUEUE_NAME } from '../../batch/queue.js';
import { parseMaxListAge } from '../options.js';

export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description('take batch chunks from the BullMQ queue (Redis) and store their answers (PostgreSQL), until stopped')
    .option('--db <url>', 'the shared store (a postgres:// URL; the coordinator must use the same)')
    .option('--redis <url>', 'the Redis that holds the queue', 'redis://127.0.0.1:6379')
    .option('--concurrency <n>', 'chunks at once in this process (answering is CPU-bound: run one process per core instead)', '1')
    .option('--max-list-age <days>', 'lists older than this many days past their source date make answers review', '30')
    .action(async (flags: { db?: string; redis: string; concurrency: string; maxListAge?: string }) => {
      const concurrency = Number(flags.concurrency);
      if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) throw new InputError([{ path: '--concurrency', message: `"${flags.concurrency}" is not a whole number from 1 to 64` }]);
      if (!/^rediss?:\/\//.test(flags.redis)) throw new InputError([{ path: '--redis', message: 'must be a redis:// URL' }]);
      const maxListAgeDays = parseMaxListAge(flags.maxListAge);
      const store = await openStore(flags.db);
      const worker = await startQueueWorker(flags.redis, new BatchStore(store), { concurrency, engine: { maxListAgeDays, listsFrom: { db: flags.db } } });
      process.stderr.write(`redline worker: taking chunks from queue "${QUEUE_NAME}" at ${flags.redis}, storing in ${store.location}\n`);
      let chunks = 0;
      worker.on('completed', () => chunks++);
      worker.on('failed', (job, err) => process.stderr.write(`redline worker: chunk ${job?.id ?? '?'} failed: ${err.message}\n`));
      await new Promise<void>((resolve) => {
        const stop = (): void => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      // Finishes the chunk in hand so it is not redone, then lets go of the queue.
      await worker.close();
      await store.close();
      process.stderr.write(`redline worker: stopped after ${chunks} chunks\n`);
    });
}
