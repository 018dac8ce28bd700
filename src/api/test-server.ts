import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTestStore, type TestStore } from '../store/testing.js';
import type { Role } from '../store/types.js';
import type { ApiLimits } from './app.js';
import { createServer, type RedlineServer } from './server.js';

/** A server over a fresh SQLite store with one key per role (tests). */
export interface TestServer {
  server: RedlineServer;
  ts: TestStore;
  keys: Record<Role, string> & { keyIds: Record<Role, string> };
  auth(role: Role): { authorization: string };
  close(): Promise<void>;
}

export async function startTestServer(limits: Partial<ApiLimits> = {}): Promise<TestServer> {
  const ts = await openTestStore('sqlite');
  const uploads = mkdtempSync(join(tmpdir(), 'redline-uploads-'));
  const server = await createServer({ store: ts.store, limits, uploadsDir: uploads, batchMode: 'inline', webDir: join(uploads, 'no-web') });
  const keys = { keyIds: {} } as TestServer['keys'];
  for (const role of ['viewer', 'analyst', 'admin'] as const) {
    const k = await ts.store.createApiKey({ role, name: `test ${role}` });
    keys[role] = k.key;
    keys.keyIds[role] = k.id;
  }
  await server.app.ready();
  return {
    server,
    ts,
    keys,
    auth: (role) => ({ authorization: `Bearer ${keys[role]}` }),
    async close() {
      await server.close();
      await ts.cleanup();
      rmSync(uploads, { recursive: true, force: true });
    },
  };
}
