import { describe, expect, it } from 'vitest';
import { jsonErrorAt } from './json-error-at';

describe('jsonErrorAt', () => {
  it('finds nothing wrong with JSON that parses', () => {
    for (const ok of ['{}', '[]', ' { "a": [1, -2.5e3, true, false, null, "x\\u00e9\\n"] } ', '"华为"', '0']) {
      expect(() => JSON.parse(ok)).not.toThrow();
      expect(jsonErrorAt(ok)).toBeUndefined();
    }
  });

  it('names the line and column where the text stops being JSON', () => {
    expect(jsonErrorAt('{\n  "to": "CN",\n  "items": [ }')).toEqual({ line: 3, column: 14 });
    // A trailing comma, a single-quoted string, a missing colon, an unclosed object.
    expect(jsonErrorAt('{ "to": "CN", }')).toEqual({ line: 1, column: 15 });
    expect(jsonErrorAt("{ 'to': 'CN' }")).toEqual({ line: 1, column: 3 });
    expect(jsonErrorAt('{ "to" "CN" }')).toEqual({ line: 1, column: 8 });
    expect(jsonErrorAt('{ "to": "CN"')).toEqual({ line: 1, column: 13 });
    expect(jsonErrorAt('{ "a": tru }')).toEqual({ line: 1, column: 8 });
    expect(jsonErrorAt('{} {}')).toEqual({ line: 1, column: 4 });
  });

  it('agrees with JSON.parse on what is JSON', () => {
    for (const text of ['{"a":1,}', '[1 2]', '01', '"\\x"', '"a\nb"', '{"a":-}', '[,]', 'nul', '1.', '.5', '', '/* c */ {}', '{"a":1} // x', '"\t"']) {
      expect(() => JSON.parse(text)).toThrow();
      expect(jsonErrorAt(text)).toBeDefined();
    }
  });
});
