import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayWidth, TextTable, wrapText } from './table.js';

describe('CLI tables', () => {
  it('wraps a code longer than its column instead of cutting it', () => {
    const t = new TextTable(['code'], [10]);
    t.push(['METI-2023:lithography-euv']);
    const text = t.toString();
    expect(text).not.toContain('…');
    expect(text.replace(/[│\s]/g, '')).toContain('METI-2023:lithography-euv');
  });

  it('counts Chinese characters as two columns, so borders line up', () => {
    expect(displayWidth('华为')).toBe(4);
    expect(displayWidth('\x1b[1mab\x1b[22m')).toBe(2);
    const t = new TextTable(['name', 'x'], [12, 5]);
    t.push(['华为技术有限公司', '1']);
    const widths = new Set(t.toString().split('\n').map(displayWidth));
    expect(widths.size).toBe(1);
  });

  it('never loses or reorders a character and never exceeds the width (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z华为.:-]{0,30}$/), { maxLength: 12 }), fc.integer({ min: 1, max: 20 }), (words, width) => {
        const text = words.join(' ');
        const lines = wrapText(text, width);
        for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(Math.max(width, 2));
        expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
      }),
    );
  });
});
