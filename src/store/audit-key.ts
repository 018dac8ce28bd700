/**
 * The audit key: a secret the database does not hold. Every audit record's hash is an
 * HMAC-SHA256 under it, and the chain head carries a seal (an HMAC of its seq and hash),
 * so someone who can write the database but cannot read the key can neither append a
 * record, nor re-chain an edit, nor rewind the head without `audit verify` noticing.
 * Anchors (audit-anchor.ts) are signed with an Ed25519 key derived from it.
 *
 * Where the key comes from, first match wins:
 *   1. REDLINE_AUDIT_KEY       the secret itself (64 hex digits, or any text of 32+ characters)
 *   2. REDLINE_AUDIT_KEY_FILE  a file holding it (created with mode 0600 on first use)
 *   3. a SQLite file store:    `<store file>.audit-key` beside it (created, 0600, on first use)
 *      PostgreSQL:             data/runtime/audit.key in the working directory (same)
 *      SQLite `:memory:`:      a random key that lives as long as the process
 * A key file may hold several keys, one per line: the first seals new records, every one
 * verifies (key rotation: put the new key first, keep the old ones below it).
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export interface AuditKey {
  /** A short public id of the key (16 hex digits): what records name, never the secret. */
  id: string;
  secret: Buffer;
}

export interface AuditKeyring {
  /** Where the keys come from, for messages (never the secret). */
  readonly source: string;
  /** The key that seals new records; created (file or memory) when `create` and there is none yet. */
  current(create: boolean): AuditKey | undefined;
  /** Any key of the ring by its id (old keys verify the records they sealed). */
  byId(id: string): AuditKey | undefined;
}

export class AuditKeyError extends Error {
  override name = 'AuditKeyError';
}

/** The default key file for a PostgreSQL store (which has no folder of its own). */
export const POSTGRES_AUDIT_KEY_FILE = 'data/runtime/audit.key';

export function auditKeyId(secret: Buffer): string {
  return createHash('sha256').update('redline audit key id\0').update(secret).digest('hex').slice(0, 16);
}

/** One key from text: 64 hex digits are 32 bytes; other text of at least 32 characters is used as it is. */
export function parseAuditSecret(text: string, where: string): AuditKey {
  const t = text.trim();
  let secret: Buffer;
  if (/^[0-9a-fA-F]{64}$/.test(t)) secret = Buffer.from(t, 'hex');
  else if (t.length >= 32) secret = Buffer.from(t, 'utf8');
  else throw new AuditKeyError(`${where}: an audit key must be 64 hex digits or at least 32 characters (make one with: openssl rand -hex 32)`);
  return { id: auditKeyId(secret), secret };
}

function parseKeyFile(text: string, path: string): AuditKey[] {
  const keys = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l, i) => parseAuditSecret(l, `audit key file ${path}, key ${i + 1}`));
  if (!keys.length) throw new AuditKeyError(`audit key file ${path} holds no key`);
  return keys;
}

/**
 * Creates the key file once, atomically, readable by its owner only. Several processes
 * starting at once all end up with the same key: each writes its own temporary file and
 * links it into place; the link fails for all but the first, and the others read that one.
 */
function createKeyFile(path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(tmp, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(tmp, 0o600);
  try {
    linkSync(tmp, path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    unlinkSync(tmp);
  }
}

class Ring implements AuditKeyring {
  private keys: AuditKey[] | undefined;
  constructor(
    readonly source: string,
    private readonly load: (create: boolean) => AuditKey[] | undefined,
  ) {}
  private ring(create: boolean): AuditKey[] | undefined {
    if (!this.keys) this.keys = this.load(create);
    return this.keys;
  }
  current(create: boolean): AuditKey | undefined {
    return this.ring(create)?.[0];
  }
  byId(id: string): AuditKey | undefined {
    return this.ring(false)?.find((k) => k.id === id);
  }
}

export function keyringFromFile(file: string): AuditKeyring {
  const path = resolve(file);
  return new Ring(`key file ${path}`, (create) => {
    if (!existsSync(path)) {
      if (!create) return undefined;
      try {
        createKeyFile(path);
      } catch (err) {
        throw new AuditKeyError(`cannot create the audit key file ${path}: ${(err as Error).message} (set REDLINE_AUDIT_KEY_FILE to a writable place, or REDLINE_AUDIT_KEY)`);
      }
    }
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (err) {
      throw new AuditKeyError(`cannot read the audit key file ${path}: ${(err as Error).message}`);
    }
    return parseKeyFile(text, path);
  });
}

export function keyringFromSecret(text: string, source: string): AuditKeyring {
  const key = parseAuditSecret(text, source);
  return new Ring(source, () => [key]);
}

/** A random key held in memory only (`:memory:` stores, which die with the process anyway). */
export function memoryKeyring(): AuditKeyring {
  const secret = randomBytes(32);
  return new Ring('a key held in memory', () => [{ id: auditKeyId(secret), secret }]);
}

/** Picks the keyring for a store: the environment first, else the default file for its engine. */
export function auditKeyringFor(store: { engine: 'sqlite' | 'postgres'; connection: string }, env: NodeJS.ProcessEnv = process.env): AuditKeyring {
  const secret = env.REDLINE_AUDIT_KEY;
  if (secret !== undefined && secret.trim()) return keyringFromSecret(secret, 'REDLINE_AUDIT_KEY');
  const file = env.REDLINE_AUDIT_KEY_FILE?.trim();
  if (file) return keyringFromFile(file);
  if (store.engine === 'sqlite') return store.connection === ':memory:' ? memoryKeyring() : keyringFromFile(`${store.connection}.audit-key`);
  return keyringFromFile(POSTGRES_AUDIT_KEY_FILE);
}

export function hmacHex(key: AuditKey, ...parts: string[]): string {
  const h = createHmac('sha256', key.secret);
  for (const p of parts) h.update(p);
  return h.digest('hex');
}

/** Constant-time comparison of two hex strings (a seal is a secret-derived value). */
export function sameHex(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
