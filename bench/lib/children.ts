/**
 * The processes a benchmark starts: the bot as `npm start` runs it (compiled, no loader), and
 * helper processes written in TypeScript (run through tsx) that answer requests over IPC.
 */
import { type ChildProcess, fork, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI_ENTRY, PROJECT_ROOT } from './paths.js';

/** Compiles src/ into dist/ (what `npm start` runs); incremental, so a second run is quick. */
export function buildDist(): { ok: boolean; output: string } {
  const result = spawnSync(
    process.execPath,
    [join(PROJECT_ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(PROJECT_ROOT, 'tsconfig.build.json')],
    { encoding: 'utf8' },
  );
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}`.trim() };
}

export interface CliBot {
  readonly process: ChildProcess;
  readonly pid: number;
  readonly port: number;
  readonly baseUrl: string;
  /** Milliseconds from spawn to the start-up banner (the server listens from then on). */
  readonly bannerMs: number;
  stop(): Promise<void>;
}

const BANNER = /is running on http:\/\/localhost:(\d+)/;

/**
 * Starts `customer-focus start` from dist/ in a directory of its own, with exactly `env` (no .env
 * file, nothing inherited but PATH and HOME). Log lines go nowhere, as a log collector would take them.
 */
export async function startCliBot(env: Record<string, string>): Promise<CliBot> {
  const cwd = mkdtempSync(join(tmpdir(), 'cfb-bench-bot-'));
  const started = performance.now();
  // BENCH_BOT_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/profiles") profiles the bot under load.
  const nodeArgs = (process.env.BENCH_BOT_NODE_ARGS ?? '').split(' ').filter((arg) => arg !== '');
  const child = spawn(process.execPath, [...nodeArgs, CLI_ENTRY, 'start'], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  const exited = once(child, 'exit');
  const port = await new Promise<number>((resolve, reject) => {
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      const match = BANNER.exec(stderr);
      if (match) resolve(Number(match[1]));
    });
    void exited.then(() => reject(new Error(`the bot exited before it started: ${stderr.slice(-2000)}`)));
  });
  const bannerMs = performance.now() - started;
  return {
    process: child,
    pid: child.pid ?? 0,
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    bannerMs,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export interface Helper {
  readonly process: ChildProcess;
  readonly pid: number;
  /** Sends a request and resolves with the helper's reply to it. */
  ask<T>(type: string, payload?: unknown): Promise<T>;
  stop(): Promise<void>;
}

interface Reply {
  id: number;
  ok: boolean;
  value?: unknown;
  error?: string;
}

/**
 * Starts a helper (bench/processes/*.ts) through tsx with an IPC channel and waits for its
 * `{ ready: … }` message, whose value `ready` resolves with.
 */
export async function startHelper<Ready>(script: string, env: Record<string, string> = {}): Promise<{ helper: Helper; ready: Ready }> {
  const child = fork(join(PROJECT_ROOT, script), [], {
    cwd: PROJECT_ROOT,
    execArgv: ['--import', 'tsx'],
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = once(child, 'exit');
  let next = 0;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.on('message', (message: { ready?: Ready } & Partial<Reply>) => {
      if ('ready' in message) return resolve(message.ready as Ready);
      const waiter = message.id === undefined ? undefined : pending.get(message.id);
      if (!waiter || message.id === undefined) return;
      pending.delete(message.id);
      if (message.ok) waiter.resolve(message.value);
      else waiter.reject(new Error(message.error ?? `${script} failed`));
    });
    void exited.then(() => {
      const error = new Error(`${script} exited (${child.exitCode ?? child.signalCode})`);
      reject(error);
      for (const waiter of pending.values()) waiter.reject(error);
      pending.clear();
    });
  });
  return {
    ready,
    helper: {
      process: child,
      pid: child.pid ?? 0,
      ask<T>(type: string, payload?: unknown): Promise<T> {
        const id = ++next;
        return new Promise<T>((resolve, reject) => {
          pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
          child.send({ id, type, payload });
        });
      },
      async stop() {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGTERM');
        await exited;
      },
    },
  };
}

/** The helper's side: answers requests from the benchmark with `handlers[type](payload)`. */
export function serveRequests(handlers: Record<string, (payload: unknown) => unknown>): void {
  process.on('message', (message: { id: number; type: string; payload: unknown }) => {
    void (async () => {
      try {
        const handler = handlers[message.type];
        if (!handler) throw new Error(`unknown request ${message.type}`);
        process.send?.({ id: message.id, ok: true, value: await handler(message.payload) });
      } catch (error) {
        process.send?.({ id: message.id, ok: false, error: error instanceof Error ? error.message : String(error) });
      }
    })();
  });
  process.once('SIGTERM', () => process.exit(0));
}

export function announceReady(value: unknown): void {
  process.send?.({ ready: value });
}
