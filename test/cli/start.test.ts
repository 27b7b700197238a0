/**
 * The quick start, as a newcomer runs it: `customer-focus start` (what `npm start` runs) in an
 * empty directory without credentials creates the SQLite file, answers /healthz, says what to
 * configure next, and stops cleanly on SIGTERM.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/customer-focus.js', import.meta.url));

describe('npm start on a fresh machine', () => {
  const directory = mkdtempSync(join(tmpdir(), 'cfb-start-'));
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('starts in local mode, creates the store, is healthy, and stops on SIGTERM', { timeout: 30_000 }, async () => {
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0' };
    const child = spawn(process.execPath, [bin, 'start'], { cwd: directory, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const port = await new Promise<number>((resolve, reject) => {
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        stderr += chunk;
        const match = /running on http:\/\/localhost:(\d+)/.exec(stderr);
        if (match) resolve(Number(match[1]));
      });
      void exited.then((code) => reject(new Error(`exited with ${code}: ${stderr}`)));
    });

    expect(existsSync(join(directory, 'data', 'customer-focus.sqlite'))).toBe(true);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(stderr).toMatch(/Next: Slack is not connected/);
    expect(stderr).toMatch(/Next: .*Teams/);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stdout).toContain('"msg":"stopped"');
  });
});
