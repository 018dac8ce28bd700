// Shared by the benches that drive a real `redline serve`: a free port on 127.0.0.1, and a server
// started on it whose first-start admin key is read from its stderr.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

export function freePort() {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Starts `node [nodeArgs] bin/redline.js serve --port PORT ...args`; resolves with the child and the admin key. */
export async function startServe(port, args, { nodeArgs = [], timeoutMs = 180_000 } = {}) {
  const child = spawn(process.execPath, [...nodeArgs, 'bin/redline.js', 'serve', '--port', String(port), ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  const key = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in ${timeoutMs / 1000} s:\n${log}`)), timeoutMs);
    child.stderr.on('data', (d) => {
      log += d;
      const k = /^(rl_\S+)$/m.exec(log);
      if (k && /serving/.test(log)) {
        clearTimeout(timer);
        resolve(k[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}):\n${log}`)));
  });
  return { child, key };
}
