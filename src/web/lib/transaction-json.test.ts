import { describe, expect, it } from 'vitest';
import { partySchema } from '../../domain/party';
import { transactionSchema } from '../../domain/transaction';
import { i18n } from './i18n';
import { transactionOf } from './transaction-form';
import { carriedFieldsOf, FieldProblems, formOf, itemIndexOf, PARTY_KEYS, problemLabel, readTransactionJson, TRANSACTION_KEYS } from './transaction-json';

const TODAY = '2026-12-07';

function problemsOf(fn: () => unknown): { path: string; message: string }[] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(FieldProblems);
    return (e as FieldProblems).problems;
  }
  throw new Error('expected FieldProblems');
}

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error');
}

describe('the field lists stay in step with the schemas', () => {
  it('knows every top-level transaction field and every party field, and no other', () => {
    expect([...TRANSACTION_KEYS].sort()).toEqual(Object.keys(transactionSchema.shape).sort());
    expect([...PARTY_KEYS].sort()).toEqual(Object.keys(partySchema.shape).sort());
  });
});

describe('readTransactionJson', () => {
  it('reads one transaction, and an array of one as that one', () => {
    expect(readTransactionJson('{ "to": "CN", "items": [] }')).toEqual({ kind: 'one', tx: { to: 'CN', items: [] } });
    expect(readTransactionJson('[{ "to": "JP" }]')).toEqual({ kind: 'one', tx: { to: 'JP' } });
  });

  it('returns several transactions as a list, for the page to take one at a time', () => {
    const r = readTransactionJson('[{ "id": "a", "to": "CN" }, { "id": "b", "to": "JP" }]');
    expect(r).toEqual({ kind: 'many', count: 2, txs: [{ id: 'a', to: 'CN' }, { id: 'b', to: 'JP' }] });
  });

  it('says where JSON that does not parse goes wrong', () => {
    const message = messageOf(() => readTransactionJson('{\n  "to": "CN",\n  "items": [ }'));
    expect(message).toMatch(/^This is not valid JSON \(line 3, column 14\): /);
  });

  it('refuses empty text, an empty list and JSON that is not an object', () => {
    expect(messageOf(() => readTransactionJson('  '))).toMatch(/Paste a transaction/);
    expect(messageOf(() => readTransactionJson('[]'))).toMatch(/list is empty/);
    expect(messageOf(() => readTransactionJson('"CN"'))).toMatch(/must be one transaction/);
    expect(messageOf(() => readTransactionJson('[1]'))).toMatch(/must be one transaction/);
  });
});

describe('formOf', () => {
  const tx = {
    id: 'SO-2026-1207-7',
    date: '2026-09-30',
    from: 'US',
    to: 'CN',
    exporter: { name: 'Example US Exporter Inc.', country: 'US' },
    items: [{ model: 'NVIDIA H20', quantity: 8, value: 96000 }, { kind: 'ic', performance: [{ bits: 8, tops: 296 }] }, { model: 'NVIDIA L4', origin: 'TW' }],
    parties: [{ role: 'end_user', name: '华为技术有限公司', country: 'CN', headquarters: 'CN', type: 'manufacturer', address: 'Shenzhen', owners: [{ name: 'Holding Ltd', pct: 50 }] }],
    endUse: ['ai_training', 'commercial'],
  };

  it('puts the order reference, countries, end uses, items and parties in the form', () => {
    const f = formOf(tx, TODAY);
    expect([f.orderRef, f.date, f.from, f.to, f.endUse]).toEqual(['SO-2026-1207-7', '2026-09-30', 'US', 'CN', ['ai_training', 'commercial']]);
    expect(f.items.map((i) => [i.mode, i.model, i.quantity, i.value])).toEqual([
      ['catalogue', 'NVIDIA H20', '8', '96000'],
      ['json', '', '', ''],
      // A catalogue item with a field the row has no control for is edited as JSON, so nothing is lost.
      ['json', '', '', ''],
    ]);
    expect(JSON.parse(f.items[2]!.json)).toEqual({ model: 'NVIDIA L4', origin: 'TW' });
    const p = f.parties[0]!;
    expect([p.role, p.name, p.country, p.headquarters, p.ultimateParent, p.type]).toEqual(['end_user', '华为技术有限公司', 'CN', 'CN', '', 'manufacturer']);
    expect(JSON.parse(p.owners)).toEqual([{ name: 'Holding Ltd', pct: 50 }]);
  });

  it('sends back the transaction it was given, the fields without a control included', () => {
    const back = transactionOf(formOf(tx, TODAY));
    expect(back).toEqual({ ...tx, value: 96000, currency: 'USD' });
  });

  it('names in words the fields it carries without a control', () => {
    expect(carriedFieldsOf(formOf(tx, TODAY))).toEqual(['exporter', 'Party 1 address']);
  });

  it('starts from a blank form where the JSON is silent: today, one empty item and party row', () => {
    const f = formOf({ to: 'NL' }, TODAY);
    expect([f.orderRef, f.date, f.from, f.to, f.endUse, f.items.length, f.parties.length]).toEqual(['', TODAY, '', 'NL', [], 1, 1]);
    expect(f.parties[0]!.name).toBe('');
  });

  it('names each field the form cannot take as given, with the closest valid names', () => {
    const problems = problemsOf(() =>
      formOf({ to: 'China', endUse: ['ai_trainig'], colour: 'red', items: ['H100'], parties: [{ name: 'X', role: 'enduser', headqarters: 'CN' }, { name: 'Y' }] }, TODAY),
    );
    const byPath = Object.fromEntries(problems.map((p) => [p.path, p.message]));
    expect(Object.keys(byPath).sort()).toEqual(['colour', 'endUse[0]', 'items[0]', 'parties[0].headqarters', 'parties[0].role', 'parties[1].role', 'to'].sort());
    expect(byPath.to).toContain('not a country code');
    expect(byPath['endUse[0]']).toContain('did you mean ai_training');
    expect(byPath['parties[0].role']).toContain('did you mean end_user');
    expect(byPath['parties[0].headqarters']).toContain('did you mean headquarters');
    expect(byPath['parties[1].role']).toMatch(/role/);
    expect(byPath['items[0]']).toMatch(/JSON object/);
  });

  it('refuses text where a list belongs', () => {
    expect(problemsOf(() => formOf({ to: 'CN', items: 'NVIDIA H20' }, TODAY))).toEqual([{ path: 'items', message: expect.stringMatching(/list/) }]);
  });
});

describe('problem labels', () => {
  it('names fields in the form’s words, and a field the labels do not know as the JSON does, numbered from 1', () => {
    expect(problemLabel('items[0].model')).toBe('Item 1 model');
    expect(problemLabel('to')).toBe('Destination');
    expect(problemLabel('parties[1].headquarters')).toBe('Party 2 headquarters');
    expect(problemLabel('notifications[0].bisReply')).toBe('notifications 1 › bisReply');
    expect(problemLabel('body')).toBe('');
  });

  it('in Chinese too', async () => {
    await i18n.changeLanguage('zh-CN');
    try {
      expect(problemLabel('items[0].model')).toBe('物项 1的型号');
      expect(problemLabel('to')).toBe('目的国');
    } finally {
      await i18n.changeLanguage('en');
    }
  });

  it('finds the item row a model problem points at', () => {
    expect(itemIndexOf('items[2].model')).toBe(2);
    expect(itemIndexOf('items[2].ics[0].model')).toBeUndefined();
    expect(itemIndexOf('to')).toBeUndefined();
  });
});
