import { describe, expect, it } from 'vitest';
// The fact registry loads the topic modules; load it first, as the engine does, so the
// modules' use of its helpers does not meet a half-loaded cycle.
import '../facts.js';
import type { ResolvedItem } from '../../domain/index.js';
import { deMinimisExceeded, deMinimisThreshold, fdpTest, subjectToEar } from './provenance.js';
import { testContext } from './test-context.js';

const etcher = (p: Partial<ResolvedItem> = {}): ResolvedItem => ({ kind: 'sme', category: 'etch.isotropic_dry', origin: 'KR', ...p }) as ResolvedItem;
const us = (code: string) => [{ jurisdiction: 'US' as const, code }];
const party = { role: 'end_user' as const, name: 'Fab Co', country: 'CN' };

describe('de minimis (§734.4)', () => {
  it('is 25 %, 10 % for E:1/E:2, strictly above the level', async () => {
    const base = { from: 'KR', to: 'VN', parties: [] };
    expect(deMinimisExceeded(await testContext({ tx: base, item: etcher({ usContentPct: 25 }), classifications: us('EAR99') })).value).toBe(false);
    expect(deMinimisExceeded(await testContext({ tx: base, item: etcher({ usContentPct: 25.1 }), classifications: us('EAR99') })).value).toBe(true);
    const cuba = await testContext({ tx: { ...base, to: 'CU' }, item: etcher({ usContentPct: 11 }), classifications: us('EAR99') });
    expect(deMinimisThreshold(cuba).pct).toBe(10);
    expect(deMinimisExceeded(cuba).value).toBe(true);
  });

  it('asks for the US content when it is not given', async () => {
    const r = deMinimisExceeded(await testContext({ tx: { from: 'KR', to: 'VN' }, item: etcher(), classifications: us('EAR99') }));
    expect(r.value).toBeUndefined();
    expect(r.missing).toEqual(['items[0].usContentPct']);
  });

  it('has no de minimis for the SME list with a US-origin IC to Macau/D:5 (a)(8), unless the exporter is in a Supp. 4 country', async () => {
    const tx = { from: 'KR', to: 'CN', exporter: { country: 'KR', headquarters: 'KR' } };
    const ctx = await testContext({ tx, item: etcher({ usContentPct: 3, containsUsOriginIc: true }), classifications: us('3B001.c.1') });
    expect(deMinimisThreshold(ctx).pct).toBe(0);
    expect(deMinimisExceeded(ctx).value).toBe(true);
    const jp = await testContext({ tx: { ...tx, from: 'JP', exporter: { country: 'JP', headquarters: 'JP' } }, item: etcher({ usContentPct: 3, containsUsOriginIc: true }), classifications: us('3B001.c.1') });
    expect(deMinimisThreshold(jp).pct).toBe(25);
  });

  it('has no de minimis for 3B993.f.1 for advanced-node logic (a)(3), except tools first exported from Japan or the Netherlands', async () => {
    const scanner = (origin: string) => ({ kind: 'sme', category: 'lithography.duv_immersion', origin, usContentPct: 5, containsUsOriginIc: false }) as ResolvedItem;
    const tx = { from: 'SG', to: 'CN', endUse: ['advanced_node_ic_production' as const] };
    expect(deMinimisExceeded(await testContext({ tx, item: scanner('SG'), classifications: us('3B993.f.1') })).value).toBe(true);
    expect(deMinimisExceeded(await testContext({ tx, item: scanner('NL'), classifications: us('3B993.f.1') })).value).toBe(false);
    // With a US-origin IC the (a)(9) zero level reaches it anyway (advanced-node facility in Macau/D:5).
    expect(deMinimisExceeded(await testContext({ tx, item: { ...scanner('NL'), containsUsOriginIc: true } as ResolvedItem, classifications: us('3B993.f.1') })).value).toBe(true);
  });
});

describe('foreign direct product (§734.9)', () => {
  it('(k): an SME-list tool made with US technology, to Macau/D:5', async () => {
    const tx = { from: 'KR', to: 'CN', exporter: { country: 'KR', headquarters: 'KR' } };
    const ctx = await testContext({ tx, item: etcher({ usTechnologyDirectProduct: true }), classifications: us('3B001.c') });
    expect(fdpTest(ctx, 'k').value).toBe(true);
    expect(fdpTest(await testContext({ tx: { ...tx, to: 'VN' }, item: etcher({ usTechnologyDirectProduct: true }), classifications: us('3B001.c') }), 'k').value).toBe(false);
    expect(fdpTest(await testContext({ tx, item: etcher({ usTechnologyDirectProduct: true }), classifications: us('3B001.c'), date: '2024-12-01' }), 'k').value).toBe(false);
  });

  it('(k): unknown product scope lists the provenance fields', async () => {
    const r = fdpTest(await testContext({ tx: { from: 'KR', to: 'CN', exporter: { country: 'KR', headquarters: 'KR' } }, item: etcher(), classifications: us('3B001.c') }), 'k');
    expect(r.value).toBeUndefined();
    expect(r.missing).toEqual(['items[0].usTechnologyDirectProduct', 'items[0].madeWithUsTools', 'items[0].containsUsOriginIc']);
  });

  it('(e)(1)/(e)(3): reach follows the Entity List footnote of a party', async () => {
    const tx = { from: 'KR', to: 'CN', parties: [party] };
    const item = etcher({ category: 'metrology.overlay', madeWithUsTools: true });
    expect(fdpTest(await testContext({ tx, item, classifications: us('3B993'), hits: [{ party: 0, list: 'us.bis.entity-list', footnotes: [5] }] }), 'e3').value).toBe(true);
    expect(fdpTest(await testContext({ tx, item, classifications: us('3B993'), hits: [{ party: 0, list: 'us.bis.entity-list', footnotes: [1] }] }), 'e1').value).toBe(true);
    expect(fdpTest(await testContext({ tx, item, classifications: us('3B993'), hits: [{ party: 0, list: 'us.bis.entity-list', footnotes: [4] }] }), 'e1').value).toBe(false);
  });

  it('(e)(3): an advanced-node facility in Macau/D:5 is in reach without a listed party', async () => {
    const item = etcher({ category: 'metrology.overlay', madeWithUsTools: true });
    const at = (advancedNode?: boolean) => testContext({ tx: { from: 'KR', to: 'CN', facility: { country: 'CN', ...(advancedNode === undefined ? {} : { advancedNode }) } }, item, classifications: us('3B993') });
    expect(fdpTest(await at(true), 'e3').value).toBe(true);
    expect(fdpTest(await at(false), 'e3').value).toBe(false);
    expect(fdpTest(await at(undefined), 'e3').missing).toEqual(['facility.advancedNode']);
  });
});

describe('subject to the EAR', () => {
  it('is true in the US and for US-origin items, whatever the content', async () => {
    expect(subjectToEar(await testContext({ tx: { from: 'US', to: 'DE' }, item: etcher() })).value).toBe(true);
    expect(subjectToEar(await testContext({ tx: { from: 'DE', to: 'CN' }, item: etcher({ origin: 'US' }) })).value).toBe(true);
  });

  it('is false for a foreign item within de minimis and outside every FDP rule', async () => {
    const item = etcher({ usContentPct: 10, usTechnologyDirectProduct: false, madeWithUsTools: false, containsUsOriginIc: false });
    const r = subjectToEar(await testContext({ tx: { from: 'KR', to: 'CN', exporter: { country: 'KR', headquarters: 'KR' } }, item, classifications: us('3B001.c') }));
    expect(r.value).toBe(false);
  });

  it('is unknown, listing the inputs, when origin or content are missing', async () => {
    const r = subjectToEar(await testContext({ tx: { from: 'KR', to: 'DE' }, item: { kind: 'sme', category: 'etch.tsv' } as ResolvedItem, classifications: us('3B001.c') }));
    expect(r.value).toBeUndefined();
    expect(r.missing).toEqual(expect.arrayContaining(['items[0].origin', 'items[0].usContentPct']));
  });
});

describe('the subject-to-the-EAR gate in words', () => {
  const chip = (p: Partial<ResolvedItem> = {}): ResolvedItem =>
    ({ kind: 'ic', origin: 'CN', usContentPct: 0, usTechnologyDirectProduct: false, madeWithUsTools: false, containsUsOriginIc: false, ...p }) as ResolvedItem;

  it('names origin, US content against the de minimis level and the FDP facts when not subject', async () => {
    const r = subjectToEar(await testContext({ tx: { from: 'CN', to: 'SA' }, item: chip(), classifications: us('3A090.a') }));
    expect(r.value).toBe(false);
    const why = r.why.join(' ');
    expect(why).toContain('foreign-made (CN origin');
    expect(why).toContain('US content 0 % <= de minimis 25 % (§734.4(d))');
    expect(why).toContain('no foreign direct product rule met');
    expect(why).toContain('not made with US tools');
    expect(why).toContain('not a direct product of US technology');
  });

  it('US tools make a 3A090.a chip bound for an advanced-computing destination a §734.9(h) product', async () => {
    const r = subjectToEar(await testContext({ tx: { from: 'CN', to: 'SA' }, item: chip({ madeWithUsTools: true }), classifications: us('3A090.a') }));
    expect(r.value).toBe(true);
    expect(r.why.join(' ')).toContain('§734.9(h)');
    // The same chip to a destination outside the (h) reach stays outside the EAR.
    expect(subjectToEar(await testContext({ tx: { from: 'CN', to: 'DE' }, item: chip({ madeWithUsTools: true }), classifications: us('3A090.a') })).value).toBe(false);
  });

  it('content just above the level is subject, at the level is not', async () => {
    const at = (usContentPct: number) => testContext({ tx: { from: 'CN', to: 'SA' }, item: chip({ usContentPct }), classifications: us('3A090.a') });
    expect(subjectToEar(await at(25)).value).toBe(false);
    expect(subjectToEar(await at(25.01)).value).toBe(true);
  });

  it('presumes a GP10-named PRC 3A090 IC subject unless the facts say otherwise, then asks for evidence', async () => {
    const ascend = (p: Partial<ResolvedItem> = {}) => ({ kind: 'ic', origin: 'CN', catalogue: { name: 'Huawei Ascend 910C', vendor: 'Huawei', tags: ['prc_3a090_ic'] }, ...p }) as ResolvedItem;
    const presumed = subjectToEar(await testContext({ tx: { from: 'CN', to: 'DE' }, item: ascend(), classifications: us('3A090.a') }));
    expect(presumed.value).toBe(true);
    expect(presumed.why.join(' ')).toContain('GP10');
    const rebutted = subjectToEar(await testContext({ tx: { from: 'CN', to: 'DE' }, item: ascend({ usContentPct: 0, usTechnologyDirectProduct: false, madeWithUsTools: false, containsUsOriginIc: false }), classifications: us('3A090.a') }));
    expect(rebutted.value).toBeUndefined();
    expect(rebutted.missing.join(' ')).toContain('GP10 presumption');
    // Before the guidance the ordinary tests decide.
    expect(subjectToEar(await testContext({ tx: { from: 'CN', to: 'DE' }, item: ascend({ usContentPct: 0, usTechnologyDirectProduct: false, madeWithUsTools: false, containsUsOriginIc: false }), classifications: us('3A090.a'), date: '2025-05-12' })).value).toBe(false);
  });
});
