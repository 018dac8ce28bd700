import { describe, expect, it } from 'vitest';
import { blankForm, exampleForm, namesOf, newItem, newParty, transactionOf } from './transaction-form';

const TODAY = '2026-12-07';

describe('the Check form', () => {
  it('opens blank: today, one empty item row and one empty party row, no countries, no end use', () => {
    const f = blankForm(TODAY);
    expect([f.orderRef, f.date, f.from, f.to, f.endUse, f.carried]).toEqual(['', TODAY, '', '', [], {}]);
    expect(f.items.map((i) => [i.mode, i.model, i.quantity, i.value])).toEqual([['catalogue', '', '', '']]);
    expect(f.parties.map((p) => [p.name, p.country, p.headquarters, p.ultimateParent, p.type, p.owners])).toEqual([['', '', '', '', '', '']]);
  });

  it('says what is missing from a blank form instead of sending it', () => {
    expect(() => transactionOf(blankForm(TODAY))).toThrow(/destination/);
    expect(() => transactionOf({ ...blankForm(TODAY), to: 'CN' })).toThrow(/Item 1: choose a product/);
    // A row switched to JSON starts empty (the example is only its placeholder): nothing is sent unless written.
    expect(() => transactionOf({ ...blankForm(TODAY), to: 'CN', items: [newItem({ mode: 'json' })] })).toThrow(/Item 1: choose a product/);
  });

  it('fills the worked example only when asked', () => {
    expect(transactionOf(exampleForm(TODAY))).toEqual({
      date: TODAY,
      from: 'US',
      to: 'CN',
      items: [{ model: 'NVIDIA H100 SXM5 80GB' }],
      parties: [{ role: 'end_user', name: '华为技术有限公司', country: 'CN', headquarters: 'CN', ultimateParent: 'CN', type: 'manufacturer' }],
      endUse: ['ai_training'],
    });
  });

  it('sends the order reference as the transaction id, and leaves out what is not known', () => {
    const tx = transactionOf({ ...blankForm(TODAY), orderRef: '  SO-7 ', to: 'JP', items: [newItem({ model: 'NVIDIA L4', quantity: '2', value: '5000' })], parties: [newParty(), newParty({ name: 'Example KK', role: 'buyer' })] });
    expect(tx).toEqual({ id: 'SO-7', date: TODAY, to: 'JP', items: [{ model: 'NVIDIA L4', quantity: 2, value: 5000 }], parties: [{ role: 'buyer', name: 'Example KK' }], endUse: [], value: 5000, currency: 'USD' });
  });

  it('reports a JSON item or an owners list that does not parse against its row', () => {
    expect(() => transactionOf({ ...blankForm(TODAY), to: 'CN', items: [newItem({ mode: 'json', json: '{ "kind": ' })] })).toThrow(/^Item 1: the description is not valid JSON/);
    expect(() => transactionOf({ ...blankForm(TODAY), to: 'CN', items: [newItem({ model: 'NVIDIA L4' })], parties: [newParty({ name: 'X', owners: '[{' })] })).toThrow(/^Party 1: the owners are not valid JSON/);
  });

  it('names the items and parties it sends, for the answer', () => {
    expect(namesOf({ items: [{ model: 'NVIDIA H20' }, { kind: 'ic' }], parties: [{ name: '曙光有限公司' }] })).toEqual({ items: ['NVIDIA H20', 'described item'], parties: ['曙光有限公司'] });
    expect(namesOf({})).toEqual({ items: [], parties: [] });
  });
});
