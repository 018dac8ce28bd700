import { describe, expect, it } from 'vitest';
import { InputError } from '../domain/index.js';
import { checkCsvHeader, columnOfPath, CSV_COLUMNS, transactionFromCsvRecord } from './csv-row.js';

function problemsOf(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e.problems;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('CSV order-book rows', () => {
  it('reads a header case-insensitively and refuses unknown or doubled columns, naming them', () => {
    expect(checkCsvHeader(['ID', 'To', 'Model'])).toEqual(['id', 'to', 'model']);
    const problems = problemsOf(() => checkCsvHeader(['to', 'model', 'colour', 'model']));
    expect(problems.map((p) => p.path)).toEqual(['header: column 3 "colour"', 'header: column 4 "model"']);
    expect(problems[0]!.message).toContain('unknown column');
    expect(problemsOf(() => checkCsvHeader(['id', 'model']))[0]!.message).toContain('"to" column');
  });

  it('builds a transaction from one order line, with parties by column prefix', () => {
    const { tx } = transactionFromCsvRecord({
      id: 'SO-1', date: '2026-09-30', from: 'us', to: 'cn', model: 'NVIDIA H20', quantity: '1,200', value: '12000.50', currency: 'usd',
      end_use: 'ai_training; datacenter', end_user_name: 'Example Ltd', end_user_country: 'cn', consignee_name: 'Hub Pte Ltd', consignee_country: 'SG',
    });
    expect(tx).toEqual({
      id: 'SO-1', date: '2026-09-30', from: 'US', to: 'CN', items: [{ model: 'NVIDIA H20', quantity: 1200 }], value: 12000.5, currency: 'USD',
      endUse: ['ai_training', 'datacenter'],
      parties: [
        { role: 'end_user', name: 'Example Ltd', country: 'CN' },
        { role: 'ultimate_consignee', name: 'Hub Pte Ltd', country: 'SG' },
      ],
    });
  });

  it('takes an item as JSON, and names the column of every problem it cannot read', () => {
    const { tx } = transactionFromCsvRecord({ to: 'DE', item: '{"kind":"ic","performance":[{"bits":8,"tops":100}]}' });
    expect(tx.items).toEqual([{ kind: 'ic', performance: [{ bits: 8, tops: 100 }] }]);
    const problems = problemsOf(() => transactionFromCsvRecord({ to: 'DE', model: 'X', item: '{}', value: 'lots', end_user_country: 'CN' }));
    expect(problems.map((p) => p.path)).toEqual(['item', 'value', 'end_user_name']);
    expect(problemsOf(() => transactionFromCsvRecord({ to: 'DE', item: '[1]' }))[0]).toEqual({ path: 'item', message: 'must be a JSON object describing one item' });
    expect(problemsOf(() => transactionFromCsvRecord({ to: 'DE' }))[0]!.path).toBe('model');
  });

  it('maps transaction paths back to the columns they came from', () => {
    const { origins } = transactionFromCsvRecord({ to: 'DE', model: 'X', consignee_name: 'A', end_user_name: 'B' });
    expect(columnOfPath('parties[0].country', origins)).toBe('end_user_country');
    expect(columnOfPath('parties[1].ultimateParent', origins)).toBe('consignee_ultimate_parent');
    expect(columnOfPath('items[0].model', origins)).toBe('model');
    expect(columnOfPath('items[0].quantity', origins)).toBe('quantity');
    expect(columnOfPath('endUse[1]', origins)).toBe('end_use[1]');
    expect(columnOfPath('to', origins)).toBe('to');
    const json = transactionFromCsvRecord({ to: 'DE', item: '{"kind":"ic"}' }).origins;
    expect(columnOfPath('items[0].performance[0].bits', json)).toBe('item.performance[0].bits');
  });

  it('documents every column it accepts', () => {
    expect(CSV_COLUMNS).toContain('end_user_ultimate_parent');
    expect(CSV_COLUMNS).toContain('intermediate_consignee_address');
    expect(new Set(CSV_COLUMNS).size).toBe(CSV_COLUMNS.length);
  });
});
