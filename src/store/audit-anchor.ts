/**
 * Signed anchors: the chain head (seq and hash) at a moment, signed with an Ed25519 key
 * derived from the audit key, kept outside the database (a file, a ticket, an e-mail).
 * `audit verify --anchor FILE` then fails when the log ends before the anchored record
 * (a truncation that rewound the head) or when the record at the anchored seq is no longer
 * the one anchored (anything before it rewritten, even a legacy record with no seal).
 * The public key travels in the anchor so that someone without the secret can check the
 * signature against a public key they were given.
 */
import { createHmac, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import type { AuditKey } from './audit-key.js';
import { canonicalJson } from './canonical.js';

export const ANCHOR_FORMAT = 'redline-audit-anchor/1';

export interface AuditAnchor {
  format: typeof ANCHOR_FORMAT;
  /** The anchored record: the last one of the chain when the anchor was made (0 for an empty log). */
  seq: number;
  /** Its hash (64 zeros for an empty log). */
  hash: string;
  /** When the anchor was made (ISO-8601 UTC). */
  at: string;
  /** The store it was taken from (for people; not compared). */
  store: string;
  /** The id of the audit key whose signing key signed it. */
  keyId: string;
  algorithm: 'Ed25519';
  /** The Ed25519 public key, raw 32 bytes in base64. */
  publicKey: string;
  /** Ed25519 signature (base64) over the canonical JSON of every other member. */
  signature: string;
}

export class AnchorFormatError extends Error {
  override name = 'AnchorFormatError';
}

// PKCS#8 wrapping of a raw Ed25519 seed (RFC 8410): the fixed prefix, then the 32-byte seed.
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicRaw: string;
}

const signingKeys = new Map<string, SigningKey>();

/** The Ed25519 key pair of an audit key: its seed is an HMAC of a fixed label under the audit key. */
export function anchorSigningKey(key: AuditKey): SigningKey {
  const seen = signingKeys.get(key.id);
  if (seen) return seen;
  const seed = createHmac('sha256', key.secret).update('redline audit anchor signing key v1').digest();
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  const publicKey = createPublicKey(privateKey);
  const publicRaw = (publicKey.export({ format: 'der', type: 'spki' }) as Buffer).subarray(-32).toString('base64');
  const made = { privateKey, publicKey, publicRaw };
  signingKeys.set(key.id, made);
  return made;
}

function signedText(a: Omit<AuditAnchor, 'signature'>): Buffer {
  const { format, seq, hash, at, store, keyId, algorithm, publicKey } = a;
  return Buffer.from(canonicalJson({ format, seq, hash, at, store, keyId, algorithm, publicKey }));
}

export function signAnchor(key: AuditKey, head: { seq: number; hash: string }, store: string, at = new Date().toISOString()): AuditAnchor {
  const sk = anchorSigningKey(key);
  const body: Omit<AuditAnchor, 'signature'> = { format: ANCHOR_FORMAT, seq: head.seq, hash: head.hash, at, store, keyId: key.id, algorithm: 'Ed25519', publicKey: sk.publicRaw };
  return { ...body, signature: sign(null, signedText(body), sk.privateKey).toString('base64') };
}

/** Checks the shape of an anchor read from a file or a request; throws AnchorFormatError naming the member. */
export function parseAnchor(value: unknown): AuditAnchor {
  const a = value as Record<string, unknown> | null;
  const fail = (member: string, why: string): never => {
    throw new AnchorFormatError(`anchor ${member}: ${why}`);
  };
  if (!a || typeof a !== 'object' || Array.isArray(a)) fail('', 'must be a JSON object (made by: redline audit anchor)');
  if (a!.format !== ANCHOR_FORMAT) fail('format', `must be "${ANCHOR_FORMAT}"`);
  if (!Number.isSafeInteger(a!.seq) || (a!.seq as number) < 0) fail('seq', 'must be a whole number from 0');
  if (typeof a!.hash !== 'string' || !/^[0-9a-f]{64}$/.test(a!.hash)) fail('hash', 'must be 64 lowercase hex digits');
  if (typeof a!.at !== 'string' || Number.isNaN(Date.parse(a!.at))) fail('at', 'must be an ISO-8601 time');
  if (typeof a!.store !== 'string' || a!.store.length > 2000) fail('store', 'must be a string');
  if (typeof a!.keyId !== 'string' || !/^[0-9a-f]{16}$/.test(a!.keyId)) fail('keyId', 'must be 16 hex digits');
  if (a!.algorithm !== 'Ed25519') fail('algorithm', 'must be "Ed25519"');
  if (typeof a!.publicKey !== 'string' || Buffer.from(a!.publicKey, 'base64').length !== 32) fail('publicKey', 'must be a base64 Ed25519 public key');
  if (typeof a!.signature !== 'string' || Buffer.from(a!.signature, 'base64').length !== 64) fail('signature', 'must be a base64 Ed25519 signature');
  return a as unknown as AuditAnchor;
}

/**
 * Why an anchor cannot be trusted under this key, or undefined when its signature holds.
 * The signature is checked with the public key derived from the audit key this process
 * holds, never with the one the anchor carries (which anyone could put there).
 */
export function anchorProblem(anchor: AuditAnchor, key: AuditKey | undefined): string | undefined {
  if (!key) return `the anchor was signed with audit key ${anchor.keyId}, and this process holds no audit key to check it`;
  const sk = anchorSigningKey(key);
  if (anchor.keyId !== key.id || anchor.publicKey !== sk.publicRaw) return `the anchor was signed with audit key ${anchor.keyId}, not with the key this process holds (${key.id})`;
  const ok = verify(null, signedText(anchor), sk.publicKey, Buffer.from(anchor.signature, 'base64'));
  return ok ? undefined : 'the anchor\'s signature does not match its content: the anchor file was changed';
}
