/**
 * The uploads folder (`<store folder>/uploads`, or REDLINE_UPLOADS): batch books sent to
 * POST /v1/batches, kept while their job may still read them. Two bounds:
 *
 * - retention: an upload whose job has finished (or that belongs to no job) is removed once
 *   it is older than REDLINE_UPLOADS_RETENTION_DAYS (default 7); the answers stay in the store.
 *   `serve` sweeps at start and every hour.
 * - quota: the folder holds at most REDLINE_UPLOADS_QUOTA_MB (default 2048). An upload that
 *   would pass it first frees finished uploads, oldest first; if the books of unfinished jobs
 *   alone leave no room, it is refused with 507 and a message saying so.
 *
 * An upload whose job is queued or running is never removed, whatever its age.
 */
import { readdirSync, statSync, unlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Store } from '../store/types.js';
import { HttpError } from './errors.js';

export interface UploadsPolicy {
  dir: string;
  quotaBytes: number;
  retentionMs: number;
}

const DAY_MS = 86_400_000;
export const DEFAULT_UPLOADS_QUOTA_MB = 2048;
export const DEFAULT_UPLOADS_RETENTION_DAYS = 7;

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, not ${JSON.stringify(raw)}`);
  return n;
}

export function uploadsPolicyFor(dir: string, env: NodeJS.ProcessEnv = process.env, over: Partial<UploadsPolicy> = {}): UploadsPolicy {
  return {
    dir,
    quotaBytes: over.quotaBytes ?? Math.floor(positive(env, 'REDLINE_UPLOADS_QUOTA_MB', DEFAULT_UPLOADS_QUOTA_MB) * 1024 * 1024),
    retentionMs: over.retentionMs ?? positive(env, 'REDLINE_UPLOADS_RETENTION_DAYS', DEFAULT_UPLOADS_RETENTION_DAYS) * DAY_MS,
  };
}

interface UploadFile {
  path: string;
  bytes: number;
  mtimeMs: number;
}

/** The books of jobs that may still read them (queued or running). */
export async function activeUploads(store: Store): Promise<Set<string>> {
  const out = new Set<string>();
  for (const status of ['queued', 'running'] as const) {
    for (const j of await store.listBatchJobs({ status, limit: 10_000 })) if (j.inputPath) out.add(resolve(j.inputPath));
  }
  return out;
}

export class Uploads {
  constructor(
    readonly policy: UploadsPolicy,
    private readonly active: () => Promise<Set<string>>,
  ) {}

  private files(): UploadFile[] {
    let names: string[];
    try {
      names = readdirSync(this.policy.dir);
    } catch {
      return [];
    }
    const out: UploadFile[] = [];
    for (const name of names) {
      const path = resolve(join(this.policy.dir, name));
      try {
        const s = statSync(path);
        if (s.isFile()) out.push({ path, bytes: s.size, mtimeMs: s.mtimeMs });
      } catch {
        // removed meanwhile
      }
    }
    return out;
  }

  private remove(f: UploadFile): boolean {
    try {
      unlinkSync(f.path);
      return true;
    } catch {
      return false;
    }
  }

  /** Removes finished uploads older than the retention; returns the paths removed. */
  async sweep(now = Date.now()): Promise<string[]> {
    const active = await this.active();
    const removed: string[] = [];
    for (const f of this.files()) {
      if (active.has(f.path) || now - f.mtimeMs < this.policy.retentionMs) continue;
      if (this.remove(f)) removed.push(f.path);
    }
    return removed;
  }

  /** Bytes the folder holds now. */
  usage(): number {
    return this.files().reduce((n, f) => n + f.bytes, 0);
  }

  /** Makes room for an upload of `bytes`, or refuses it (507) when the quota cannot hold it. */
  async admit(bytes: number): Promise<void> {
    const quota = this.policy.quotaBytes;
    const refuse = (why: string) =>
      new HttpError(507, { error: 'uploads_full', message: `the uploads folder cannot take ${bytes} more bytes (quota ${quota} bytes, REDLINE_UPLOADS_QUOTA_MB): ${why}` });
    if (bytes > quota) throw refuse('the upload alone is larger than the quota');
    let files = this.files();
    let used = files.reduce((n, f) => n + f.bytes, 0);
    if (used + bytes <= quota) return;
    const active = await this.active();
    files = files.filter((f) => !active.has(f.path)).sort((a, b) => a.mtimeMs - b.mtimeMs);
    for (const f of files) {
      if (used + bytes <= quota) break;
      if (this.remove(f)) used -= f.bytes;
    }
    if (used + bytes > quota) throw refuse('the books of unfinished jobs fill it; try again when they are done');
  }
}
