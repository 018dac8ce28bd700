import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// The CLI as a user runs it (from dist/; npm test builds first).
function runWithClosedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/redline.js', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    // The reader goes away before the CLI writes a byte, as `| head` does once it has its lines.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('redline --help | head died with an unhandled EPIPE', () => {
  it('ends quietly, exit 0, nothing on stderr, when its reader closes the pipe', async () => {
    const r = await runWithClosedStdout(['--help']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  }, 120_000);
});
