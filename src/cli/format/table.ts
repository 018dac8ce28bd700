/**
 * Tables for people at a terminal: fixed column widths, every cell wrapped at word boundaries,
 * words longer than a column broken (never cut with "…": a code or id that is the answer must
 * be readable whole), East Asian wide characters counted as two columns.
 *
 * Written here rather than with cli-table3, whose wrapping of multi-line cells took most of a
 * second per cell (a 10-hit determination took 5 s to print).
 */

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** Columns a string takes on a terminal (escape codes take none, CJK characters two). */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s.replace(ANSI, '')) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

/** Splits a word into pieces of at most `width` columns (escape codes stay with their text). */
function breakWord(word: string, width: number): string[] {
  const out: string[] = [];
  let cur = '';
  let w = 0;
  const parts = word.split(/(\x1b\[[0-9;]*m)/);
  for (const part of parts) {
    if (ANSI.test(part)) {
      ANSI.lastIndex = 0;
      cur += part;
      continue;
    }
    for (const ch of part) {
      const cw = WIDE.test(ch) ? 2 : 1;
      if (w + cw > width && w > 0) {
        out.push(cur);
        cur = '';
        w = 0;
      }
      cur += ch;
      w += cw;
    }
  }
  if (cur) out.push(cur);
  return out;
}

/** Wraps text to lines of at most `width` columns; explicit newlines are kept. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    let lw = 0;
    for (const word of para.split(' ')) {
      const ww = displayWidth(word);
      if (ww > width) {
        if (line) lines.push(line);
        const pieces = breakWord(word, width);
        lines.push(...pieces.slice(0, -1));
        line = pieces[pieces.length - 1] ?? '';
        lw = displayWidth(line);
        continue;
      }
      if (!line) {
        line = word;
        lw = ww;
      } else if (lw + 1 + ww <= width) {
        line += ` ${word}`;
        lw += 1 + ww;
      } else {
        lines.push(line);
        line = word;
        lw = ww;
      }
    }
    lines.push(line);
  }
  return lines;
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

/** A bordered table; `widths` are the columns' outer widths (content + one space each side). */
export class TextTable {
  private readonly rows: string[][] = [];
  constructor(private readonly head: string[], private readonly widths: number[]) {}

  push(cells: string[]): void {
    this.rows.push(cells);
  }

  private renderRow(cells: string[]): string[] {
    const wrapped = this.widths.map((w, i) => wrapText(cells[i] ?? '', Math.max(1, w - 2)));
    const height = Math.max(1, ...wrapped.map((c) => c.length));
    const out: string[] = [];
    for (let r = 0; r < height; r++) out.push(`│${this.widths.map((w, i) => ` ${pad(wrapped[i]![r] ?? '', w - 2)} `).join('│')}│`);
    return out;
  }

  toString(): string {
    const rule = (l: string, m: string, r: string): string => `${l}${this.widths.map((w) => '─'.repeat(w)).join(m)}${r}`;
    const out = [rule('┌', '┬', '┐'), ...this.renderRow(this.head)];
    for (const row of this.rows) out.push(rule('├', '┼', '┤'), ...this.renderRow(row));
    out.push(rule('└', '┴', '┘'));
    return out.join('\n');
  }
}
