import { describe, expect, it } from 'vitest';
import { bookFormatOf, parseBook } from './book.js';

const HEADER = 'id,date,from,to,model,quantity,value,currency,end_user_name,end_user_country,end_user_headquarters,end_user_ultimate_parent,end_user_type,end_use';
const kindOf = (m: string) => (m.startsWith('ASML') ? 'sme' : m.startsWith('NVIDIA') ? 'ic' : undefined);

describe('parseBook (CSV)', () => {
  it('turns a row into a transaction with one item and its end user, and a line to count', () => {
    const [e] = parseBook(`${HEADER}\nSO-1,2024-03-01,US,CN,NVIDIA H100 SXM5 80GB,8,240000,USD,华为技术有限公司,CN,CN,CN,manufacturer,ai_training;datacenter\n`, 'csv', kindOf);
    expect(e!.transaction).toEqual({
      id: 'SO-1', date: '2024-03-01', from: 'US', to: 'CN',
      items: [{ model: 'NVIDIA H100 SXM5 80GB', quantity: 8 }],
      parties: [{ role: 'end_user', name: '华为技术有限公司', country: 'CN', headquarters: 'CN', ultimateParent: 'CN', type: 'manufacturer' }],
      endUse: ['ai_training', 'datacenter'], value: 240000, currency: 'USD',
    });
    expect(e!.line).toMatchObject({ row: 1, id: 'SO-1', to: 'CN', item: 'NVIDIA H100 SXM5 80GB', kind: 'ic', value: 240000, currency: 'USD', quantity: 8 });
  });

  it('reads named tools through the catalogue, and anything else as a JSON item', () => {
    const text = 'id,to,model,item,value,consignee_name,consignee_country\n' +
      'a,cn,ASML TWINSCAN NXT:2000i,,"75,000,000",Example Fab,cn\n' +
      'b,US,,"{""kind"":""material"",""substance"":""gallium"",""form"":""metal""}",2000,,\n' +
      'c,CN,,"{""kind"":""sme"",""category"":""lithography.duv_immersion"",""parameters"":{""overlayNm"":1.3}}",3000,,\n';
    const [a, b, c] = parseBook(text, 'csv', kindOf);
    expect(a!.transaction).toEqual({ id: 'a', to: 'CN', items: [{ model: 'ASML TWINSCAN NXT:2000i' }], value: 75_000_000, parties: [{ role: 'ultimate_consignee', name: 'Example Fab', country: 'CN' }] });
    expect(a!.line.kind).toBe('sme');
    expect(b!.line).toMatchObject({ item: 'gallium metal', kind: 'material' });
    expect(c!.line.item).toBe('lithography.duv_immersion tool');
    expect(c!.transaction!.items).toEqual([{ kind: 'sme', category: 'lithography.duv_immersion', parameters: { overlayNm: 1.3 } }]);
  });

  it('keeps an unreadable row as an error line with its row number, never dropping it', () => {
    const entries = parseBook('id,to,model,item,value\nx,CN,NVIDIA L4,,lots\ny,CN,NVIDIA L4,,\nz,CN\nw,CN,NVIDIA L4,{},1\n', 'csv');
    expect(entries.map((e) => [e.line.row, e.error])).toEqual([
      [1, 'value: "lots" is not a number'],
      [2, "value: exposure needs each line's value (a number in the book's currency)"],
      [3, 'has 2 cells where the header has 5'],
      [4, 'item: give either "model" or "item", not both'],
    ]);
  });

  it('names unknown columns, and requires the destination', () => {
    expect(() => parseBook('id,to,colour\n1,CN,red\n', 'csv')).toThrow(/unknown column colour/);
    expect(() => parseBook('id,model,value\n1,NVIDIA L4,3\n', 'csv')).toThrow(/"to" \(destination country\) is required/);
  });
});

describe('parseBook (JSON Lines)', () => {
  it('reads one transaction per line, valuing it by its items when it gives no total', () => {
    const text = `${JSON.stringify({ id: 't1', to: 'CN', items: [{ model: 'NVIDIA H100 SXM5 80GB', value: 100 }, { model: 'NVIDIA L40', value: 50 }] })}\n\nnot json\n`;
    const [a, b] = parseBook(text, 'jsonl', kindOf);
    expect(a!.line).toMatchObject({ row: 1, id: 't1', value: 150, item: 'NVIDIA H100 SXM5 80GB + NVIDIA L40', kind: 'ic' });
    expect(b!.line.row).toBe(3);
    expect(b!.error).toMatch(/not valid JSON/);
  });

  it('tells the format from the file name', () => {
    expect(bookFormatOf('book.jsonl')).toBe('jsonl');
    expect(bookFormatOf('book.CSV')).toBe('csv');
  });
});
