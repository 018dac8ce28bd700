import { parentPort, workerData } from 'node:worker_threads';
import type { Redline } from '../bundle/redline.js';
import type { Screener } from '../domain/index.js';
import { runChunk, type ChunkInput, type ChunkSettings } from './chunks.js';
import { openBatchRedline, openListsScreener, redlineWithReviews, type BatchEngineOptions, type JobContext } from './engine.js';

/**
 * Entry point of a batch worker thread. It lives as long as its pool: it loads the rules,
 * catalogue and lists once and answers chunks of any job. A chunk either names a job context
 * (the API: the cleared hits as they stood when its job started, sent once beforehand) or
 * none (a CLI run: the lists and reviews as they were when the thread started).
 */
export type ThreadMessage =
  | { type: 'context'; key: string; context: JobContext }
  | { type: 'forget'; key: string }
  | { type: 'chunk'; id: number; input: ChunkInput; settings: ChunkSettings; context?: string | undefined };

const { engine, warm } = workerData as { engine: BatchEngineOptions; warm?: { plain: true } | { listsKey: string } };
const port = parentPort!;

let plain: Promise<Redline> | undefined;
let lists: { key: string; screener: Promise<Screener> } | undefined;
const contexts = new Map<string, Promise<Redline>>();

function listsFor(key: string): Promise<Screener> {
  if (lists?.key !== key) lists = { key, screener: openListsScreener(engine) };
  return lists.screener;
}

function redlineFor(key: string | undefined): Promise<Redline> {
  if (key === undefined) return (plain ??= openBatchRedline(engine));
  const r = contexts.get(key);
  if (!r) return Promise.reject(new Error(`no job context "${key}" was sent to this thread`));
  return r;
}

// Start loading at once, so the first chunk does not wait for it.
if (warm && 'plain' in warm) plain = openBatchRedline(engine);
else if (warm) listsFor(warm.listsKey).catch(() => {});

const fail = (id: number, chunk: number, err: unknown): void => port.postMessage({ ok: false, id, chunk, message: (err as Error)?.stack ?? String(err) });

port.on('message', (m: ThreadMessage) => {
  if (m.type === 'context') {
    const { context } = m;
    const built = listsFor(context.listsKey).then((screener) => redlineWithReviews(screener, context, engine));
    built.catch(() => {});
    contexts.set(m.key, built);
    return;
  }
  if (m.type === 'forget') {
    contexts.delete(m.key);
    return;
  }
  redlineFor(m.context).then(
    (r) => {
      try {
        port.postMessage({ ok: true, id: m.id, result: runChunk(m.input, r, m.settings) });
      } catch (err) {
        fail(m.id, m.input.chunk, err);
      }
    },
    (err: unknown) => fail(m.id, m.input.chunk, err),
  );
});
