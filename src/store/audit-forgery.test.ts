/**
 * Issue 14, item 4: someone with write access to the database (but not to the audit key)
 * forges, truncates or re-chains the audit log. Each attack is played through raw SQL, as
 * such a person would, and `verifyAudit` must name it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rowToAudit } from './audit.js';
import { chainHash, GENESIS_HASH, keyringFromSecret, openStore, parseAnchor, type AuditAnchor } from './index.js';
import type { AuditLogTable } from './schema.js';
import { dropAuditGuard, openTestStore, type TestStore } from './testing.js';
import type { StoreEngine } from './types.js';

const mark = (t: TestStore, n: number) => (t.engine === 'postgres' ? `$${n}` : '?');

async function rows(t: TestStore): Promise<Record<string, unknown>[]> {
  return t.exec('SELECT * FROM audit_log ORDER BY seq');
}

/** Inserts a record the way an attacker would: content chained with the public SHA-256, optionally claiming a key id. */
async function insertChained(t: TestStore, seq: number, prevHash: string, output: unknown, macKey: string | null = null): Promise<string> {
  const content = { at: new Date().toISOString(), kind: 'screening', keyId: null, ref: null, input: { query: 'forged' }, output, ruleset: null, lists: null, meta: null } as const;
  const hash = chainHash(prevHash, content);
  const cols = ['seq', 'at', 'kind', 'key_id', 'ref', 'input_json', 'output_json', 'ruleset_json', 'lists_json', 'meta_json', 'prev_hash', 'hash', 'mac_key'];
  await t.exec(`INSERT INTO audit_log (${cols.join(', ')}) VALUES (${cols.map((_, i) => mark(t, i + 1)).join(', ')})`, [
    seq, content.at, content.kind, null, null, JSON.stringify(content.input), JSON.stringify(output), null, null, null, prevHash, hash, macKey,
  ]);
  return hash;
}

async function setHead(t: TestStore, seq: number, hash: string, seal?: { mac: unknown; macKey: unknown }): Promise<void> {
  if (seal) await t.exec(`UPDATE audit_head SET seq = ${mark(t, 1)}, hash = ${mark(t, 2)}, mac = ${mark(t, 3)}, mac_key = ${mark(t, 4)} WHERE id = 1`, [seq, hash, seal.mac, seal.macKey]);
  else await t.exec(`UPDATE audit_head SET seq = ${mark(t, 1)}, hash = ${mark(t, 2)} WHERE id = 1`, [seq, hash]);
}

/** Rewrites records from `from` on with the public hash, as if each had been written so (what "re-chaining" is). */
async function rechain(t: TestStore, from: number, keepKeyIds: boolean, to = Infinity): Promise<string> {
  const all = await rows(t);
  let prev = from === 1 ? GENESIS_HASH : String(all[from - 2]!.hash);
  for (const r of all.slice(from - 1, to === Infinity ? undefined : to)) {
    const rec = rowToAudit(r as unknown as AuditLogTable);
    const hash = chainHash(prev, rec);
    await t.exec(`UPDATE audit_log SET prev_hash = ${mark(t, 1)}, hash = ${mark(t, 2)}, mac_key = ${mark(t, 3)} WHERE seq = ${mark(t, 4)}`, [prev, hash, keepKeyIds ? r.mac_key : null, Number(r.seq)]);
    prev = hash;
  }
  return prev;
}

describe.each(['sqlite', 'postgres'] as StoreEngine[])('audit log forgery by someone who can write the database (%s)', (engine) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await openTestStore(engine);
    for (let i = 0; i < 6; i++) await t.store.appendAudit({ kind: 'screening', input: { query: `party ${i}` }, output: { hits: [] } });
    for (const s of dropAuditGuard(engine)) await t.exec(s);
    expect(await t.store.verifyAudit()).toMatchObject({ ok: true, records: 6, keyed: 6, unkeyed: 0 });
  });
  afterEach(async () => {
    await t?.cleanup();
  });

  it('forged append: a record chained with the public SHA-256 and the head moved onto it is named forged', async () => {
    const [head] = await t.exec('SELECT * FROM audit_head');
    const hash = await insertChained(t, 7, String(head!.hash), { hits: [], note: 'all clear' });
    await setHead(t, 7, hash, { mac: null, macKey: null });
    const v = await t.store.verifyAudit();
    expect(v).toMatchObject({ ok: false, records: 6, firstBad: { seq: 7, problem: 'forged' } });
  });

  it('forged append: a record claiming the audit key id but not sealed with the key is named changed', async () => {
    const [head] = await t.exec('SELECT * FROM audit_head');
    const hash = await insertChained(t, 7, String(head!.hash), { hits: [] }, String(head!.mac_key));
    await setHead(t, 7, hash);
    const v = await t.store.verifyAudit();
    expect(v).toMatchObject({ ok: false, firstBad: { seq: 7, problem: 'changed' } });
    expect(v.firstBad!.detail).toMatch(/seal/);
  });

  it('forged append: a record added past the head without moving it is named forged', async () => {
    const [head] = await t.exec('SELECT * FROM audit_head');
    await insertChained(t, 7, String(head!.hash), { hits: [] }, String(head!.mac_key));
    const v = await t.store.verifyAudit();
    expect(v.ok).toBe(false);
    expect(v.firstBad?.seq).toBe(7);
  });

  it('truncation with rewind: the tail cut and the head rewound to the last kept record is named truncated', async () => {
    const all = await rows(t);
    await t.exec('DELETE FROM audit_log WHERE seq > 4');
    await setHead(t, 4, String(all[3]!.hash)); // the old seal stays: it cannot be recomputed without the key
    expect(await t.store.verifyAudit()).toMatchObject({ ok: false, records: 4, firstBad: { problem: 'truncated' } });
    await setHead(t, 4, String(all[3]!.hash), { mac: null, macKey: null }); // nor removed
    expect(await t.store.verifyAudit()).toMatchObject({ ok: false, records: 4, firstBad: { problem: 'truncated' } });
  });

  it('truncation with rewind to a head saved earlier passes without an anchor but fails against one', async () => {
    const [saved] = await t.exec('SELECT * FROM audit_head'); // the attacker keeps the sealed head at record 6
    const anchorBefore = await t.store.anchorAudit();
    expect(anchorBefore.seq).toBe(6);
    for (let i = 0; i < 3; i++) await t.store.appendAudit({ kind: 'screening', input: { query: `later ${i}` }, output: { hits: [{ score: 0.97 }] } });
    const anchor = await t.store.anchorAudit();
    expect(anchor).toMatchObject({ seq: 9, algorithm: 'Ed25519' });
    await t.exec('DELETE FROM audit_log WHERE seq > 6');
    await setHead(t, 6, String(saved!.hash), { mac: saved!.mac, macKey: saved!.mac_key });
    // A sealed head from the past is genuine: only something kept outside the database shows the cut.
    expect((await t.store.verifyAudit()).ok).toBe(true);
    expect((await t.store.verifyAudit({ anchor: anchorBefore })).ok).toBe(true);
    const v = await t.store.verifyAudit({ anchor });
    expect(v).toMatchObject({ ok: false, records: 6, firstBad: { seq: 7, problem: 'truncated' }, anchor: { seq: 9, ok: false } });
  });

  it('re-chained edit: a record edited and every later hash recomputed with SHA-256 is named changed', async () => {
    await t.exec(`UPDATE audit_log SET output_json = '{"hits":[]}' WHERE seq = 3`);
    await t.exec(`UPDATE audit_log SET input_json = '{"query":"someone else"}' WHERE seq = 3`);
    const head = await rechain(t, 3, true);
    await setHead(t, 6, head);
    expect(await t.store.verifyAudit()).toMatchObject({ ok: false, records: 2, firstBad: { seq: 3, problem: 'changed' } });
  });

  it('re-chained edit: the same with the seals stripped (posing as records from before the key) is named forged', async () => {
    await t.exec(`UPDATE audit_log SET input_json = '{"query":"someone else"}' WHERE seq = 3`);
    const head = await rechain(t, 3, false);
    await setHead(t, 6, head, { mac: null, macKey: null });
    expect(await t.store.verifyAudit()).toMatchObject({ ok: false, records: 2, firstBad: { seq: 3, problem: 'forged' } });
  });

  it('re-chained edit of the whole log as unsealed records passes as a plain chain but fails against an anchor', async () => {
    const anchor = await t.store.anchorAudit();
    await t.exec(`UPDATE audit_log SET input_json = '{"query":"someone else"}' WHERE seq = 2`);
    const head = await rechain(t, 1, false);
    await setHead(t, 6, head, { mac: null, macKey: null });
    const plain = await t.store.verifyAudit();
    expect(plain).toMatchObject({ ok: true, keyed: 0, unkeyed: 6 });
    expect(await t.store.verifyAudit({ anchor })).toMatchObject({ ok: false, firstBad: { seq: 6, problem: 'changed' } });
  });

  it('an anchor whose seq or hash was edited, or signed with another key, is refused', async () => {
    const anchor = await t.store.anchorAudit();
    expect(await t.store.verifyAudit({ anchor })).toMatchObject({ ok: true, anchor: { seq: 6, ok: true } });
    const edited: AuditAnchor = { ...anchor, seq: 4, hash: String((await rows(t))[3]!.hash) };
    expect(await t.store.verifyAudit({ anchor: edited })).toMatchObject({ ok: false, firstBad: { problem: 'anchor' } });
    const other = await openStore(t.url, { auditKeys: keyringFromSecret('b'.repeat(64), 'test') });
    try {
      const v = await other.verifyAudit({ anchor });
      expect(v).toMatchObject({ ok: false, firstBad: { problem: 'anchor' } });
      // Without the key, sealed records cannot be checked at all: that is a failure, never a pass.
      expect(await other.verifyAudit()).toMatchObject({ ok: false, records: 0, firstBad: { seq: 1, problem: 'unverifiable' } });
    } finally {
      await other.close();
    }
    expect(() => parseAnchor({ ...anchor, signature: 'x' })).toThrow(/signature/);
  });

  it('an anchor is refused for a log that does not verify', async () => {
    await t.exec(`UPDATE audit_log SET output_json = '{"hits":["x"]}' WHERE seq = 2`);
    await expect(t.store.anchorAudit()).rejects.toThrow(/cannot be anchored/);
  });
});

describe.each(['sqlite', 'postgres'] as StoreEngine[])('audit records from before audit keys (%s)', (engine) => {
  let t: TestStore;
  afterEach(async () => {
    await t?.cleanup();
  });

  it('still verify, as a plain chain reported unkeyed, and sealed records follow them', async () => {
    t = await openTestStore(engine);
    let prev = GENESIS_HASH;
    for (let i = 1; i <= 3; i++) prev = await insertChained(t, i, prev, { hits: [], i });
    await setHead(t, 3, prev);
    expect(await t.store.verifyAudit()).toMatchObject({ ok: true, records: 3, keyed: 0, unkeyed: 3, head: prev });
    const sealed = await t.store.appendAudit({ kind: 'screening', input: { query: 'after the key' }, output: { hits: [] } });
    expect(sealed.prevHash).toBe(prev);
    expect(sealed.macKeyId).toMatch(/^[0-9a-f]{16}$/);
    const v = await t.store.verifyAudit();
    expect(v).toMatchObject({ ok: true, records: 4, keyed: 1, unkeyed: 3, keyId: sealed.macKeyId });
    // A legacy record rewritten breaks the link of the first sealed record, whose seal covers it.
    for (const s of dropAuditGuard(engine)) await t.exec(s);
    await t.exec(`UPDATE audit_log SET output_json = '{"hits":[],"i":9}' WHERE seq = 2`);
    await rechain(t, 2, false, 3);
    expect((await t.store.verifyAudit()).firstBad).toMatchObject({ seq: 4, problem: 'removed' });
  });
});
