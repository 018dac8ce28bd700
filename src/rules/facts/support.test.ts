import { describe, expect, it } from 'vitest';
import '../facts.js';
import type { ResolvedItem } from '../../domain/index.js';
import type { FactDef } from '../facts.js';
import { CHINA_FACTS } from './china.js';
import { CLASSIFICATION_FACTS } from './classification.js';
import { SUPPORT_FACTS } from './support.js';
import { testContext } from './test-context.js';

const fact = (path: string): FactDef => [...SUPPORT_FACTS, ...CHINA_FACTS, ...CLASSIFICATION_FACTS].find((f) => f.path === path)!;
const ic: ResolvedItem = { kind: 'ic' };

describe('U.S.-person support facts (§744.6)', () => {
  it('falls back to the exporter being a U.S. person', async () => {
    expect(fact('services.usPersons').get(await testContext({ tx: { exporter: { usPerson: true } }, item: ic })).value).toBe(true);
    expect(fact('services.usPersons').get(await testContext({ tx: { from: 'US' }, item: ic })).value).toBe(true);
    expect(fact('services.usPersons').get(await testContext({ tx: { exporter: { country: 'NL' } }, item: ic })).value).toBe(false);
    expect(fact('services.usPersons').get(await testContext({ tx: {}, item: ic })).missing).toEqual(['services.usPersons']);
  });

  it('excludes employees of US/A:5/A:6-headquartered companies not majority-owned from Macau/D:5', async () => {
    const f = fact('services.employerExcluded');
    expect(f.get(await testContext({ tx: { services: { employerHeadquarters: 'US', employerMajorityOwnedFromMacauD5: false } }, item: ic })).value).toBe(true);
    expect(f.get(await testContext({ tx: { services: { employerHeadquarters: 'US', employerMajorityOwnedFromMacauD5: true } }, item: ic })).value).toBe(false);
    expect(f.get(await testContext({ tx: { services: { employerHeadquarters: 'CN' } }, item: ic })).value).toBe(false);
    expect(f.get(await testContext({ tx: { services: { employerHeadquarters: 'JP' } }, item: ic })).missing).toEqual(['services.employerMajorityOwnedFromMacauD5']);
  });
});

describe('ownership by listed parties (Affiliates rule)', () => {
  it('is the largest stated share; an owner named without a share is unknown (Red Flag 29)', async () => {
    const f = fact('parties.listedOwnershipPct');
    const p = (listedOwnership?: { pct?: number; owners?: string[] }) => ({ role: 'end_user' as const, name: 'X', ...(listedOwnership ? { listedOwnership } : {}) });
    expect(f.get(await testContext({ tx: { parties: [p()] }, item: ic })).value).toBe(0);
    expect(f.get(await testContext({ tx: { parties: [p({ pct: 60 }), p({ owners: ['Y'] })] }, item: ic })).value).toBe(60);
    expect(f.get(await testContext({ tx: { parties: [p({ owners: ['Listed Parent'] })] }, item: ic })).missing).toEqual(['parties[0].listedOwnership.pct']);
  });
});

describe("Japan's bulk-licence destinations", () => {
  it('knows some members and some non-members; the rest is unknown', async () => {
    const f = fact('tx.jp.bulkLicenceDestination');
    expect(f.get(await testContext({ tx: { to: 'US' }, item: ic })).value).toBe(true);
    expect(f.get(await testContext({ tx: { to: 'CN' }, item: ic })).value).toBe(false);
    expect(f.get(await testContext({ tx: { to: 'DE' }, item: ic })).missing?.[0]).toMatch(/DE is among Japan's 42/);
  });
});

describe('China facts', () => {
  it('counts a China-origin item as 100 % China-origin content', async () => {
    const f = fact('item.cn.chinaOriginContentPct');
    expect(f.get(await testContext({ tx: {}, item: { kind: 'material', substance: 'gallium', origin: 'CN' } })).value).toBe(100);
    expect(f.get(await testContext({ tx: {}, item: { kind: 'material', substance: 'magnet', origin: 'KR', chinaOriginContentPct: 0.5 } })).value).toBe(0.5);
  });

  it("leaves chips out of China's encoded lists but does not call them clean dual-use items", async () => {
    const ctx = await testContext({ tx: {}, item: ic, classifications: [{ jurisdiction: 'US', code: '3A090.a' }] });
    expect(fact('item.cn.codes').get(ctx).value).toEqual([]);
    expect(fact('item.cn.dualUse').get(ctx).value).toBeUndefined();
  });
});

describe('US list facts', () => {
  it('read sub-paragraphs into their list and keep chips out of equipment lists', async () => {
    const sme = await testContext({ tx: {}, item: { kind: 'sme' }, classifications: [{ jurisdiction: 'US', code: '3B001.c.1' }] });
    expect(fact('item.us.smeMacauD5List').get(sme).value).toBe(true);
    expect(fact('item.us.fn5FdpProductScope').get(sme).value).toBe(false);
    const unknownChip = await testContext({ tx: {}, item: ic, classifications: [{ jurisdiction: 'US', code: 'INDETERMINATE' }] });
    expect(fact('item.us.smeMacauD5List').get(unknownChip).value).toBe(false);
    const unknownTool = await testContext({ tx: {}, item: { kind: 'sme' }, classifications: [{ jurisdiction: 'US', code: 'INDETERMINATE', missing: ['parameters.overlayNm'] }] });
    expect(fact('item.us.smeMacauD5List').get(unknownTool).missing).toEqual(['items[0]: parameters.overlayNm']);
  });
});
