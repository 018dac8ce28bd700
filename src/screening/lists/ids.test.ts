import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ListEntry } from '../../domain/index.js';
import { assignContentIds, identityName } from './ids.js';

const entry = (name: string, over: Partial<ListEntry> = {}): ListEntry => ({ id: '', list: 'test.l', name, altNames: [], countries: [], addresses: [], ...over });
const clone = (e: ListEntry): ListEntry => ({ ...e, altNames: [...e.altNames], countries: [...e.countries], addresses: [...e.addresses], id: '' });

describe('content ids', () => {
  it('fold case, accents, quotes, punctuation and spacing out of the name', () => {
    expect(identityName('Liubov “Luba” Skvortsova')).toBe(identityName('LIUBOV "LUBA" SKVORTSOVA'));
    expect(identityName('Société Générale,  S.A.')).toBe(identityName('societe generale s a'));
    expect(identityName('华为技术有限公司')).toBe('华为技术有限公司');
  });

  it('give a uniquely named entry the same id whatever country, address or row order a format gives it', () => {
    const a = assignContentIds([entry('Quorvane Optics Ltd', { countries: ['CN'], addresses: ['Ningbo, China'] }), entry('Other Co')]);
    const b = assignContentIds([entry('Other Co'), entry('QUORVANE OPTICS LTD.', { countries: ['HK'], addresses: ['Ningbo, China, CN'] })]);
    expect(b[1]!.id).toBe(a[0]!.id);
  });

  it('number namesakes by content, so any file order gives each the same id', () => {
    const pool = fc.array(
      fc.record({
        name: fc.constantFrom('Alpha Trading', 'ALPHA TRADING', 'Beta LLC', 'Gamma'),
        startDate: fc.option(fc.constantFrom('2020-01-02', '2021-05-06', '2024-12-31'), { nil: undefined }),
        citation: fc.option(fc.constantFrom('84 FR 1, 5/21/19', '85 FR 2, 1/1/20', '85 FR  2, 1/1/20'), { nil: undefined }),
        address: fc.constantFrom('1 Road, Dubai', '2 Street, Sharjah', ''),
      }),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(pool, fc.infiniteStream(fc.nat()), (rows, rand) => {
        const entries = rows.map((r) => entry(r.name, { startDate: r.startDate, citation: r.citation, addresses: r.address ? [r.address] : [] }));
        const ids = assignContentIds(entries.map(clone)).map((e) => e.id);
        expect(new Set(ids).size).toBe(ids.length);
        const order = entries.map((e, i) => ({ i, k: rand.next().value as number })).sort((x, y) => x.k - y.k).map((x) => x.i);
        const shuffled = assignContentIds(order.map((i) => clone(entries[i]!)));
        const byContent = (e: ListEntry): string => JSON.stringify({ ...e, id: '' });
        const want = new Map<string, string[]>();
        entries.forEach((e, i) => want.set(byContent(e), [...(want.get(byContent(e)) ?? []), ids[i]!].sort()));
        const got = new Map<string, string[]>();
        for (const e of shuffled) got.set(byContent(e), [...(got.get(byContent(e)) ?? []), e.id].sort());
        expect(got).toEqual(want);
      }),
    );
  });

  it('keep ids apart across lists', () => {
    const [a, b] = assignContentIds([entry('Same Name'), entry('Same Name', { list: 'test.other' })]);
    expect(a!.id.split(':')[1]).toBe(b!.id.split(':')[1]);
    expect(a!.id).not.toBe(b!.id);
  });
});
