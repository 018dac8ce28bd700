import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The README linked docs/contract.md, which did not exist (issue 14): every relative link in
// README.md and docs/*.md must name a file or folder of the repository.
const ROOT = resolve(import.meta.dirname, '..');
const files = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

/** Markdown link targets `[text](target)`, outside code spans, minus web addresses and #anchors. */
export function relativeLinks(markdown: string): string[] {
  const text = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  const out: string[] = [];
  for (const m of text.matchAll(/\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
    const target = m[1]!;
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) continue;
    out.push(target.split('#')[0]!);
  }
  return out;
}

describe('README links docs/contract.md, which does not exist: every relative doc link resolves', () => {
  it('finds links, and skips web addresses, anchors and code', () => {
    expect(relativeLinks('[a](docs/x.md) [b](https://e.org) [c](#top) `[d](no.md)` [e](y.md#part "t")')).toEqual(['docs/x.md', 'y.md']);
  });

  for (const file of files) {
    it(`${file}: every relative link names an existing file`, () => {
      const links = relativeLinks(readFileSync(join(ROOT, file), 'utf8'));
      const missing = links.filter((l) => !existsSync(resolve(ROOT, dirname(file), decodeURIComponent(l))));
      expect(missing).toEqual([]);
    });
  }

  it('the README links the contract', () => {
    expect(relativeLinks(readFileSync(join(ROOT, 'README.md'), 'utf8'))).toContain('docs/contract.md');
  });
});
