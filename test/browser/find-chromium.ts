import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, rmSync, statSync, accessSync, constants } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';

/**
 * Where the browser tests find a Chromium, so `npm test` works on a fresh machine:
 *   1. REDLINE_CHROMIUM, when set (a developer's own browser);
 *   2. a system Chromium (Debian's /usr/bin/chromium, which .ci/run installs);
 *   3. the Chromium that the npm package @sparticuz/chromium carries inside itself (a
 *      devDependency, so `npm ci` brings it; no download at test time). Its brotli-packed binary
 *      is unpacked once into node_modules/.cache, atomically, so a run killed half-way never
 *      leaves a broken browser behind. It needs only libnss3, libnspr4 and libexpat1, which a
 *      Debian machine of this kind has.
 */
export const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export interface FoundChromium {
  path: string;
  source: 'env' | 'system' | 'npm';
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The folder holding @sparticuz/chromium's packed files, or undefined when it is not installed. */
export function packagedChromiumDir(fromDir: string): string | undefined {
  try {
    // The package's exports hide package.json, so resolve its entry point and walk up to bin/.
    let dir = dirname(createRequire(join(fromDir, 'package.json')).resolve('@sparticuz/chromium'));
    for (let up = 0; up < 4; up++, dir = dirname(dir)) {
      if (existsSync(join(dir, 'bin', 'chromium.br'))) return join(dir, 'bin');
    }
    return undefined;
  } catch {
    return undefined;
  }
}

/** Unpacks chromium.br into cacheDir (once; a finished unpack is kept) and returns the binary. */
export async function unpackChromium(binDir: string, cacheDir: string): Promise<string> {
  const packed = join(binDir, 'chromium.br');
  const target = join(cacheDir, `chromium-${statSync(packed).size}`);
  if (executable(target)) return target;
  mkdirSync(cacheDir, { recursive: true });
  const partial = `${target}.${process.pid}.partial`;
  try {
    await pipeline(createReadStream(packed), createBrotliDecompress(), createWriteStream(partial, { mode: 0o755 }));
    renameSync(partial, target);
  } finally {
    rmSync(partial, { force: true });
  }
  return target;
}

export async function findChromium(root: string, env: NodeJS.ProcessEnv = process.env, system = SYSTEM_CHROMIUMS): Promise<FoundChromium> {
  const fromEnv = env.REDLINE_CHROMIUM;
  if (fromEnv) {
    if (!executable(fromEnv)) throw new Error(`REDLINE_CHROMIUM=${fromEnv} is not an executable file`);
    return { path: fromEnv, source: 'env' };
  }
  const onSystem = system.find(executable);
  if (onSystem) return { path: onSystem, source: 'system' };
  const binDir = packagedChromiumDir(root);
  if (binDir) return { path: await unpackChromium(binDir, join(root, 'node_modules', '.cache', 'redline-chromium')), source: 'npm' };
  throw new Error(
    `no Chromium found: looked at REDLINE_CHROMIUM, ${system.join(', ')} and the npm package @sparticuz/chromium ` +
      '(a devDependency: run npm ci), or apt-get install -y chromium',
  );
}
