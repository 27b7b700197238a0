/** Runs test/support/child-writer.ts in its own Node process and collects what it prints. */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('./child-writer.ts', import.meta.url));

export interface Child {
  readonly process: ChildProcess;
  readonly lines: string[];
  /** Resolves when a printed line matches, or rejects when the process exits first. */
  waitFor(predicate: (lines: string[]) => boolean): Promise<void>;
  /** Tells a writer waiting after READY to start writing. */
  go(): void;
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

export function spawnWriter(args: string[]): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let stderr = '';
  let buffered = '';
  const waiters: { predicate: (lines: string[]) => boolean; resolve: () => void; reject: (error: Error) => void }[] = [];
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    lines.push(...parts);
    for (const waiter of [...waiters]) {
      if (waiter.predicate(lines)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => {
    child.on('exit', (code, signal) => {
      for (const waiter of waiters.splice(0))
        waiter.reject(new Error(`child exited (${code ?? signal}) before the expected output: ${stderr}`));
      resolve({ code, signal, stderr });
    });
  });
  return {
    process: child,
    lines,
    exited,
    go: () => {
      child.stdin.end('GO\n');
    },
    waitFor: (predicate) =>
      predicate(lines) ? Promise.resolve() : new Promise((resolve, reject) => waiters.push({ predicate, resolve, reject })),
  };
}
