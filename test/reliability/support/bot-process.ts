/**
 * The bot as a separate operating-system process, started the way `npm start` starts it (the CLI's
 * `start` command, here from source through tsx), for tests with several instances, SIGKILL and
 * restarts. Its JSON log lines are collected so a test can wait for what the bot reports.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../../../src/cli/run.ts', import.meta.url));
const root = fileURLToPath(new URL('../../..', import.meta.url));

export interface BotProcess {
  readonly process: ChildProcess;
  readonly port: number;
  readonly baseUrl: string;
  /** Parsed JSON log lines, in order. */
  readonly logs: Record<string, unknown>[];
  /** Resolves once the collected logs satisfy `predicate`; rejects when the process ends first. */
  waitForLogs(predicate: (logs: Record<string, unknown>[]) => boolean, timeoutMs?: number): Promise<void>;
  /** Calls `listener` after every batch of log lines: for waits on a condition over several processes, without polling. */
  onLog(listener: () => void): void;
  /** SIGTERM and wait: the graceful shutdown `npm start` does on Ctrl+C. */
  stop(): Promise<void>;
  /** SIGKILL and wait: no chance to finish anything. */
  kill(): Promise<void>;
  readonly stderr: () => string;
}

const BANNER = /is running on http:\/\/localhost:(\d+)/;

export async function startBotProcess(env: Record<string, string>): Promise<BotProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', cli, 'start'], {
    cwd: root,
    // Only what the test gives: no REDIS_URL, DATABASE_URL or developer .env settings leak in.
    // One process unless the test asks for a pool (the default, said explicitly so a change of default does not change these tests).
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', LOG_LEVEL: 'debug', WORKERS: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  let stderr = '';
  let buffered = '';
  const waiters = new Set<{
    predicate: (logs: Record<string, unknown>[]) => boolean;
    resolve: () => void;
    reject: (error: Error) => void;
    timer: NodeJS.Timeout;
  }>();
  const listeners: (() => void)[] = [];
  const settle = () => {
    for (const listener of listeners) listener();
    for (const waiter of waiters) {
      if (!waiter.predicate(logs)) continue;
      waiters.delete(waiter);
      clearTimeout(waiter.timer);
      waiter.resolve();
    }
  };
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.trim()) continue;
      try {
        logs.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        logs.push({ msg: line, unparsed: true });
      }
    }
    settle();
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = once(child, 'exit');
  void exited.then(() => {
    for (const waiter of waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(new Error(`the bot process ended (${child.exitCode ?? child.signalCode}) first; stderr: ${stderr.slice(-2000)}`));
    }
    waiters.clear();
  });

  // Started is an event (the banner on stderr), failed is an event (the process ended): no deadline
  // of our own, which a loaded machine compiling the TypeScript through tsx could miss.
  const port = await new Promise<number>((resolve, reject) => {
    const onData = () => {
      const match = BANNER.exec(stderr);
      if (!match) return;
      child.stderr?.off('data', onData);
      resolve(Number(match[1]));
    };
    child.stderr?.on('data', onData);
    void exited.then(() => {
      reject(new Error(`the bot exited (${child.exitCode ?? child.signalCode}) before it started: ${stderr}`));
    });
  });

  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    await exited;
  };
  return {
    process: child,
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    logs,
    waitForLogs(predicate, timeoutMs = 20_000) {
      if (predicate(logs)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`the expected log lines did not come within ${timeoutMs} ms; last lines: ${JSON.stringify(logs.slice(-10))}`));
        }, timeoutMs);
        const waiter = { predicate, resolve, reject, timer };
        waiters.add(waiter);
      });
    },
    onLog: (listener) => {
      listeners.push(listener);
    },
    stop: () => end('SIGTERM'),
    kill: () => end('SIGKILL'),
    stderr: () => stderr,
  };
}
