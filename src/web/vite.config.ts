import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = fileURLToPath(new URL('.', import.meta.url));

// The web app builds into dist/web, which `redline serve` serves at `/` (the API is under /v1).
// A relative base and hash routes let the same files work under any path prefix.
export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 900,
  },
  server: {
    // `vite --config src/web/vite.config.ts` during development: the API runs on 8080.
    proxy: { '/v1': 'http://127.0.0.1:8080', '/healthz': 'http://127.0.0.1:8080' },
    fs: { allow: [fileURLToPath(new URL('../..', import.meta.url))] },
  },
});
