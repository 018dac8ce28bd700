import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Uploads, uploadsPolicyFor } from './uploads.js';
import { openStore } from '../store/index.js';
import { DATA_DIR } from '../bundle/paths.js';
import { createServer, uploadsDirFor } from './server.js';

describe('uploads were kept in <package>/data/runtime/uploads even when --db pointed elsewhere', () => {
  it('keeps uploads beside the SQLite store it serves', () => {
    expect(uploadsDirFor('/srv/redline/store.sqlite', {})).toBe('/srv/redline/uploads');
    expect(uploadsDirFor('sqlite:///var/lib/r/x.db', {})).toBe('/var/lib/r/uploads');
    expect(uploadsDirFor('rel/dir/s.sqlite', {})).toBe(resolve('rel/dir/uploads'));
  });

  it('REDLINE_UPLOADS overrides; a PostgreSQL store has no folder, so data/runtime/uploads', () => {
    expect(uploadsDirFor('/srv/redline/store.sqlite', { REDLINE_UPLOADS: '/data/up' })).toBe('/data/up');
    expect(uploadsDirFor('postgres://u@127.0.0.1/db', {})).toBe(join(DATA_DIR, 'runtime', 'uploads'));
  });
});

describe('uploads were kept forever, without quota', () => {
  const made: string[] = [];
  afterAll(() => {
    for (const d of made) rmSync(d, { recursive: true, force: true });
  });
  function folder(files: Record<string, { bytes: number; ageDays: number }>): string {
    const dir = mkdtempSync(join(tmpdir(), 'redline-uploads-'));
    made.push(dir);
    for (const [name, f] of Object.entries(files)) {
      const p = join(dir, name);
      writeFileSync(p, 'x'.repeat(f.bytes));
      const t = new Date(Date.now() - f.ageDays * 86_400_000);
      utimesSync(p, t, t);
    }
    return dir;
  }
  const days = (n: number) => n * 86_400_000;

  it('retention: a finished upload older than the retention is removed; a recent one and an old one whose job still runs are kept', async () => {
    const dir = folder({ 'old.csv': { bytes: 10, ageDays: 9 }, 'recent.csv': { bytes: 10, ageDays: 1 }, 'running.csv': { bytes: 10, ageDays: 30 } });
    const uploads = new Uploads({ dir, quotaBytes: 1e9, retentionMs: days(7) }, async () => new Set([resolve(dir, 'running.csv')]));
    expect((await uploads.sweep()).map((p) => p.slice(dir.length + 1))).toEqual(['old.csv']);
    expect(readdirSync(dir).sort()).toEqual(['recent.csv', 'running.csv']);
  });

  it('quota: an upload that would pass it frees finished uploads oldest first, and is refused (507) when unfinished jobs fill it', async () => {
    const dir = folder({ 'a.csv': { bytes: 400, ageDays: 3 }, 'b.csv': { bytes: 400, ageDays: 2 }, 'live.csv': { bytes: 150, ageDays: 5 } });
    const uploads = new Uploads({ dir, quotaBytes: 1000, retentionMs: days(7) }, async () => new Set([resolve(dir, 'live.csv')]));
    await uploads.admit(50); // 950 + 50 fits exactly: nothing removed
    expect(readdirSync(dir).sort()).toEqual(['a.csv', 'b.csv', 'live.csv']);
    await uploads.admit(300); // frees a.csv (the oldest finished one) only
    expect(readdirSync(dir).sort()).toEqual(['b.csv', 'live.csv']);
    await expect(uploads.admit(900)).rejects.toMatchObject({ statusCode: 507, body: { error: 'uploads_full' } });
    expect(readdirSync(dir)).toEqual(['live.csv']);
    await expect(uploads.admit(1001)).rejects.toMatchObject({ statusCode: 507 });
  });

  it('reads the quota and retention from REDLINE_UPLOADS_QUOTA_MB and REDLINE_UPLOADS_RETENTION_DAYS, refusing nonsense', () => {
    expect(uploadsPolicyFor('/u', {})).toEqual({ dir: '/u', quotaBytes: 2048 * 1024 * 1024, retentionMs: days(7) });
    expect(uploadsPolicyFor('/u', { REDLINE_UPLOADS_QUOTA_MB: '1', REDLINE_UPLOADS_RETENTION_DAYS: '0.5' })).toEqual({ dir: '/u', quotaBytes: 1024 * 1024, retentionMs: days(0.5) });
    expect(() => uploadsPolicyFor('/u', { REDLINE_UPLOADS_QUOTA_MB: '-3' })).toThrow(/REDLINE_UPLOADS_QUOTA_MB/);
  });
});

describe('uploads were kept forever, without quota (through the API)', () => {
  it('POST /v1/batches answers 507 when the upload cannot fit the uploads quota', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'redline-uploads-api-'));
    const store = await openStore(join(dir, 'r.sqlite'));
    const server = await createServer({ store, uploadsDir: join(dir, 'uploads'), uploads: { quotaBytes: 100 }, batchMode: 'inline', webDir: join(dir, 'no-web'), listRefreshMs: 0 });
    try {
      const key = (await store.createApiKey({ role: 'analyst' })).key;
      const send = (csv: string) => server.app.inject({ method: 'POST', url: '/v1/batches', payload: csv, headers: { authorization: `Bearer ${key}`, 'content-type': 'text/csv' } });
      expect((await send('id,to,model\n1,DE,NVIDIA L4\n')).statusCode).toBe(202);
      const big = await send(`id,to,model\n${Array.from({ length: 10 }, (_, i) => `${i},DE,NVIDIA L4`).join('\n')}\n`);
      expect(big.statusCode).toBe(507);
      expect(big.json()).toMatchObject({ error: 'uploads_full' });
    } finally {
      await server.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
