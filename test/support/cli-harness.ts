/** Runs the real CLI in-process with a captured stdout/stderr and a given environment. */
import { readFile, writeFile } from 'node:fs/promises';
import { runCli } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export async function cli(argv: string[], env: Record<string, string | undefined>): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    env: { LOG_LEVEL: 'silent', ...env },
    cwd: process.cwd(),
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    readFile: (path) => readFile(path, 'utf8'),
    writeFile: (path, text) => writeFile(path, text, 'utf8'),
    stopSignal: () => new Promise(() => undefined),
  };
  const code = await runCli(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}
