import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findChromium } from './find-chromium.js';
import { ROOT } from './harness.js';

const scratch = mkdtempSync(join(tmpdir(), 'redline-find-chromium-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('npm test on a fresh machine without /usr/bin/chromium', () => {
  it('finds the Chromium that npm delivers when no system browser exists, and it runs', async () => {
    const found = await findChromium(ROOT, {}, [join(scratch, 'no-such-chromium')]);
    expect(found.source).toBe('npm');
    expect(found.path.startsWith(join(ROOT, 'node_modules'))).toBe(true);
    const version = spawnSync(found.path, ['--version'], { encoding: 'utf8', timeout: 60_000 });
    expect(version.status).toBe(0);
    expect(version.stdout).toMatch(/Chrom(e|ium)[^\d]*\d+\./);
  }, 120_000);

  it('prefers a system browser when one is executable', async () => {
    const fake = join(scratch, 'chromium');
    writeFileSync(fake, '#!/bin/sh\n');
    chmodSync(fake, 0o755);
    expect(await findChromium(ROOT, {}, [join(scratch, 'missing'), fake])).toEqual({ path: fake, source: 'system' });
  });

  it('a file that is not executable is not taken for a browser', async () => {
    const plain = join(scratch, 'not-executable');
    writeFileSync(plain, 'x');
    chmodSync(plain, 0o644);
    expect((await findChromium(ROOT, {}, [plain])).source).toBe('npm');
  }, 120_000);

  it('REDLINE_CHROMIUM wins, and a wrong one is refused naming the variable', async () => {
    const fake = join(scratch, 'my-chrome');
    writeFileSync(fake, '#!/bin/sh\n');
    chmodSync(fake, 0o755);
    expect(await findChromium(ROOT, { REDLINE_CHROMIUM: fake })).toEqual({ path: fake, source: 'env' });
    await expect(findChromium(ROOT, { REDLINE_CHROMIUM: join(scratch, 'nope') })).rejects.toThrow(/REDLINE_CHROMIUM=.*not an executable/);
  });
});
