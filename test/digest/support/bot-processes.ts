/** Starts bot processes (./bot-process.ts) and stops them again, keeping what they log. */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('./bot-process.ts', import.meta.url));

export interface BotProcess {
  readonly child: ChildProcess;
  /** Every JSON line it printed. */
  readonly lines: Record<string, unknown>[];
  readonly ready: Promise<void>;
  /** SIGTERM, then waits for a clean exit; rejects with its stderr otherwise. */
  stop(): Promise<void>;
}

export function startBotProcess(namespace: string, env: Record<string, string>): BotProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', script, namespace], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Record<string, unknown>[] = [];
  let stderr = '';
  let buffered = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const parts = buffered.split('\n');
      buffered = parts.pop() ?? '';
      for (const part of parts.filter(Boolean)) {
        try {
          const line = JSON.parse(part) as Record<string, unknown>;
          lines.push(line);
          if (line.ready) resolve();
        } catch {
          lines.push({ raw: part });
        }
      }
    });
    void exited.then((code) => reject(new Error(`bot process exited (${code}) before it was ready: ${stderr}`)));
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  return {
    child,
    lines,
    ready,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      const code = await exited;
      if (code !== 0) throw new Error(`bot process ended with ${code}: ${stderr}`);
    },
  };
}
