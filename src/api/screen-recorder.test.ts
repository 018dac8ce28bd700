import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../store/testing.js';
import type { Counterparty, Store } from '../store/index.js';
import { ScreeningRecorder, type ScreeningToRecord } from './screen-recorder.js';

const VERSIONS = [{ list: 'us-entity-list', sourceDate: '2026-01-01', hash: 'h1' }] as never;

function screening(query: string, extra: Partial<ScreeningToRecord> = {}): ScreeningToRecord {
  return { query, result: { query, hits: [] }, keyId: 'key_a', ...extra };
}

async function all(store: Store): Promise<Counterparty[]> {
  return store.listCounterparties({ limit: 10_000 });
}

async function screeningsRecorded(store: Store): Promise<string[]> {
  const records = await store.listAudit({ kind: 'screening', order: 'asc', limit: 1000 });
  return records.flatMap((r) => (r.input as { screenings: { query: string }[] }).screenings.map((s) => s.query));
}

describe('ScreeningRecorder', () => {
  let t: TestStore;
  beforeEach(async () => {
    t = await openTestStore('sqlite');
  });
  afterEach(async () => {
    await t.cleanup();
  });

  it('records every screening answered and stores each new counterparty once, in the same commit', async () => {
    const recorder = new ScreeningRecorder(t.store, () => VERSIONS);
    const names = Array.from({ length: 1200 }, (_, i) => `Party ${i % 700} Ltd`);
    await Promise.all(names.map((n, i) => recorder.record(screening(n, { country: i % 2 ? 'cn' : undefined, keyId: i % 3 ? 'key_a' : 'key_b' }))));
    expect((await screeningsRecorded(t.store)).sort()).toEqual([...names].sort());
    const stored = await all(t.store);
    const expected = new Set(names.map((n, i) => `${n.toLowerCase()}|${i % 2 ? 'CN' : ''}`));
    expect(stored.map((c) => c.key).sort()).toEqual([...expected].sort());
    expect((await t.store.verifyAudit()).ok).toBe(true);
  });

  it('keeps the answers and audit records when the counterparties cannot be stored, and stores them later', async () => {
    let failCounterparties = true;
    const flaky: Store = {
      ...t.store,
      appendAudits: (inputs, options) =>
        failCounterparties && options?.counterparties?.length ? Promise.reject(new Error('disk full')) : t.store.appendAudits(inputs, options),
    };
    const recorder = new ScreeningRecorder(flaky, () => VERSIONS);
    await Promise.all(['Alpha Ltd', 'Beta GmbH'].map((n) => recorder.record(screening(n))));
    expect(await screeningsRecorded(t.store)).toEqual(['Alpha Ltd', 'Beta GmbH']);
    expect(await all(t.store)).toEqual([]);

    failCounterparties = false;
    await recorder.record(screening('Alpha Ltd', { address: '1 Road' }));
    const stored = await all(t.store);
    expect(stored.map((c) => [c.name, c.address])).toEqual([['Alpha Ltd', '1 Road']]);
  });

  it('answers with the error when the audit record itself cannot be written', async () => {
    const broken: Store = { ...t.store, appendAudits: () => Promise.reject(new Error('store is read-only')) };
    const recorder = new ScreeningRecorder(broken, () => VERSIONS);
    await expect(recorder.record(screening('Gamma Ltd'))).rejects.toThrow(/read-only/);
    expect(await all(t.store)).toEqual([]);
  });
});
