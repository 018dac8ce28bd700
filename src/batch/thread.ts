import { parentPort, workerData } from 'node:worker_threads';
import { runChunk, type ChunkInput, type ChunkSettings } from './chunks.js';
import { openBatchRedline, type BatchEngineOptions } from './engine.js';

/** Entry point of a batch worker thread: builds its own Redline once, then answers chunks. */
const { settings, engine } = workerData as { settings: ChunkSettings; engine: BatchEngineOptions };
const port = parentPort!;
const redline = openBatchRedline(engine);

port.on('message', (input: ChunkInput) => {
  redline.then(
    (r) => {
      try {
        port.postMessage({ ok: true, result: runChunk(input, r, settings) });
      } catch (err) {
        port.postMessage({ ok: false, chunk: input.chunk, message: (err as Error)?.stack ?? String(err) });
      }
    },
    (err: unknown) => port.postMessage({ ok: false, chunk: input.chunk, message: (err as Error)?.stack ?? String(err) }),
  );
});
