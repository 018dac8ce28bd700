import { randomBytes, timingSafeEqual } from 'node:crypto';
import { appendAuditIn } from './audit.js';
import { sha256Hex } from './canonical.js';
import { nowIso, writeTx, type StoreContext } from './context.js';
import type { ApiKeysTable } from './schema.js';
import { ROLES, type ApiKeyInfo, type CreatedApiKey, type Role } from './types.js';

/**
 * API keys look like `rl_<id>_<secret>`: the id finds the row without a scan,
 * the 32-byte secret makes the key unguessable, and only SHA-256 of the whole
 * key is stored (a fast hash is enough for 256 bits of randomness; slow
 * password hashes are for low-entropy secrets).
 */
const KEY_PATTERN = /^rl_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

/** Last-used times are written at most this often per key, so verifying a key is a read on the hot path. */
const LAST_USED_EVERY_MS = 60_000;

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

function toInfo(r: ApiKeysTable): ApiKeyInfo {
  return { id: r.id, name: r.name, role: r.role as Role, createdAt: r.created_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at };
}

export function createApiKey(ctx: StoreContext, options: { role: Role; name?: string | undefined }): Promise<CreatedApiKey> {
  if (!isRole(options.role)) throw new Error(`role must be one of ${ROLES.join(', ')}`);
  const id = randomBytes(6).toString('hex');
  const key = `rl_${id}_${randomBytes(32).toString('base64url')}`;
  const row: ApiKeysTable = { id, name: options.name ?? null, role: options.role, key_hash: sha256Hex(key), created_at: nowIso(), last_used_at: null, revoked_at: null };
  return writeTx(ctx, async (trx) => {
    await trx.insertInto('api_keys').values(row).execute();
    await appendAuditIn(trx, ctx, { kind: 'key', input: { action: 'create', role: row.role, name: row.name }, output: { id }, ref: id });
    return { ...toInfo(row), key };
  });
}

export function keyVerifier(ctx: StoreContext): (key: string) => Promise<{ id: string; role: Role } | undefined> {
  const lastWritten = new Map<string, number>();
  return async (key) => {
    const m = typeof key === 'string' ? KEY_PATTERN.exec(key) : null;
    if (!m) return undefined;
    const id = m[1]!;
    const row = await ctx.db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || row.revoked_at) return undefined;
    const given = Buffer.from(sha256Hex(key), 'hex');
    const stored = Buffer.from(row.key_hash, 'hex');
    if (given.length !== stored.length || !timingSafeEqual(given, stored)) return undefined;
    const now = Date.now();
    if (now - (lastWritten.get(id) ?? 0) >= LAST_USED_EVERY_MS) {
      lastWritten.set(id, now);
      await ctx.db.updateTable('api_keys').set({ last_used_at: new Date(now).toISOString() }).where('id', '=', id).execute();
    }
    return { id, role: row.role as Role };
  };
}

export async function listApiKeys(ctx: StoreContext): Promise<ApiKeyInfo[]> {
  const rows = await ctx.db.selectFrom('api_keys').selectAll().orderBy('created_at').orderBy('id').execute();
  return rows.map(toInfo);
}

export function revokeApiKey(ctx: StoreContext, id: string): Promise<boolean> {
  return writeTx(ctx, async (trx) => {
    const row = await trx.selectFrom('api_keys').select(['id', 'revoked_at']).where('id', '=', id).executeTakeFirst();
    if (!row || row.revoked_at) return false;
    await trx.updateTable('api_keys').set({ revoked_at: nowIso() }).where('id', '=', id).execute();
    await appendAuditIn(trx, ctx, { kind: 'key', input: { action: 'revoke', id }, output: { revoked: true }, ref: id });
    return true;
  });
}
