import { afterEach, describe, expect, it, vi } from 'vitest';
import { authFailureCounter, KEY_CACHE_MS, keyCache, type Caller } from './auth.js';

afterEach(() => vi.useRealTimers());

describe('a revoked key kept working about 5 s although the help says "at once"', () => {
  it('a running server stops taking a revoked key within one second', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-04T12:00:00Z'));
    let revoked = false;
    const store = { verifyKey: async () => (revoked ? undefined : ({ id: 'k1', role: 'viewer' } as Caller)) };
    const verify = keyCache(store);
    expect(await verify('rl_x')).toEqual({ id: 'k1', role: 'viewer' });
    revoked = true;
    vi.setSystemTime(new Date(Date.now() + KEY_CACHE_MS + 1));
    expect(await verify('rl_x')).toBeUndefined();
    expect(KEY_CACHE_MS).toBeLessThanOrEqual(1_000);
  });
});

describe('failed key checks per address', () => {
  it('blocks an address at the limit, for the rest of its window only, and no other address', () => {
    let t = 0;
    const c = authFailureCounter({ maxFailures: 3, windowMs: 10_000 }, () => t);
    for (let i = 0; i < 2; i++) c.failed('1.1.1.1');
    expect(c.blocked('1.1.1.1')).toBeUndefined();
    c.failed('1.1.1.1');
    expect(c.blocked('1.1.1.1')).toBe(10);
    expect(c.blocked('2.2.2.2')).toBeUndefined();
    t = 9_500;
    expect(c.blocked('1.1.1.1')).toBe(1);
    t = 10_000;
    expect(c.blocked('1.1.1.1')).toBeUndefined();
  });
});

describe('a revoked key kept working after the revoking process revoked it', () => {
  it('revoked through this process’s own store, a cached key is refused on the very next request', async () => {
    const { openTestStore } = await import('../store/testing.js');
    const t = await openTestStore('sqlite');
    try {
      vi.useFakeTimers({ toFake: ['Date'] });
      const k = await t.store.createApiKey({ role: 'viewer' });
      const other = await t.store.createApiKey({ role: 'viewer' });
      const verify = keyCache(t.store);
      expect(await verify(k.key)).toMatchObject({ id: k.id });
      expect(await verify(other.key)).toMatchObject({ id: other.id });
      await t.store.revokeApiKey(k.id);
      // The clock has not moved: no cache expiry helps; the revocation itself evicts the key.
      expect(await verify(k.key)).toBeUndefined();
      expect(await verify(other.key)).toMatchObject({ id: other.id });
    } finally {
      await t.cleanup();
    }
  });
});
