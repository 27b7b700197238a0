/**
 * The quick start, as a newcomer runs it: `customer-focus start` (what `npm start` runs) in an
 * empty directory without credentials creates the SQLite file, answers /healthz, says what to
 * configure next, and stops cleanly on SIGTERM.
 */
import { spawn, spawnSync } from 'node:child_process';
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
    // Calm, and first: what runs locally and why; no alarm about Teams authentication.
    expect(stderr.split('\n').slice(0, 3).join('\n')).toMatch(
      /^ℹ Running locally to try the bot out: no Slack or Teams credentials are set/m,
    );
    expect(stderr + stdout).not.toContain('WITHOUT authentication');
    // Not a terminal: the log stays JSON, one object per line, for log collectors.
    expect(stdout).toMatch(/^\{"level":"info",.*"msg":"customer-focus-bot is running"\}$/m);
    expect(stdout).toContain('"level":"warn"');
    expect(stdout).toContain('LINK_SECRET is not set');

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stdout).toContain('"msg":"stopped"');
  });
});

// util-linux `script` runs the command on a pseudo-terminal, as a person's shell would.
const SCRIPT_MISSING = spawnSync('script', ['--version']).status !== 0;

describe('npm start on a terminal', () => {
  const directory = mkdtempSync(join(tmpdir(), 'cfb-start-tty-'));
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  // Skipped only where util-linux `script` is missing (no pseudo-terminal to run on); Debian, and so CI, has it.
  it.skipIf(SCRIPT_MISSING)('prints readable log lines, not JSON, then says what to configure next', { timeout: 30_000 }, async () => {
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', TERM: 'dumb' };
    const child = spawn('script', ['-qec', `exec ${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} start`, '/dev/null'], {
      cwd: directory,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    let screen = '';
    // The banner's last line comes after the log lines: wait for it, not for a time.
    await new Promise<void>((resolve, reject) => {
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        screen += chunk;
        if (/Next: Teams is not connected[^\n]*\n/.test(screen)) resolve();
      });
      void exited.then(() => reject(new Error(`exited early: ${screen}`)));
    });
    process.kill(-(child.pid as number), 'SIGTERM');
    await exited;

    const plain = screen.replace(/\u001b\[[0-9;]*m/g, '').replace(/\r/g, '');
    expect(plain).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: customer-focus-bot is running$/m);
    expect(plain).toMatch(/^\[\d\d:\d\d:\d\d\] WARN: LINK_SECRET is not set/m);
    expect(plain).not.toContain('{"level"');
    expect(plain).toMatch(/^ℹ Running locally to try the bot out/m);
    expect(plain).toMatch(/^Next: Slack is not connected/m);
    expect(plain).not.toContain('WITHOUT authentication');
  });
});
