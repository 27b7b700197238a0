/** Runs the real CLI in-process with a captured stdout/stderr and a given environment. */
import { readFile, writeFile } from 'node:fs/promises';
import { runCli } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';

export interface CliRun {
  code: number;
  /** Lines printed, joined with `\n`, without the final newline. */
  out: string;
  /** Standard output byte for byte, as a file or pipe would receive it. */
  stdout: string;
  err: string;
}

/** Standard input for a test run: the whole text at once, or chunks as they would arrive. */
export type TestStdin = string | Iterable<string | Buffer> | AsyncIterable<string | Buffer>;

async function* chunksOf(stdin: TestStdin): AsyncIterable<string | Buffer> {
  if (typeof stdin === 'string') yield stdin;
  else yield* stdin;
}

/** A CliIo that captures what a command prints, for running commands in-process. */
export function captureIo(
  env: Record<string, string | undefined>,
  stdin?: TestStdin,
): { io: CliIo; out: string[]; err: string[]; stdout: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  let stdout = '';
  const io: CliIo = {
    env: { LOG_LEVEL: 'silent', ...env },
    cwd: process.cwd(),
    out: (text) => {
      out.push(text);
      stdout += `${text}\n`;
    },
    write: (text) => {
      // Raw output continues the current line, as on a terminal.
      if (out.length === 0 || stdout.endsWith('\n')) out.push(text);
      else out[out.length - 1] += text;
      stdout += text;
    },
    err: (text) => err.push(text),
    readFile: (path) => readFile(path, 'utf8'),
    readBytes: (path) => readFile(path),
    writeFile: (path, text) => writeFile(path, text, 'utf8'),
    writeBytes: (path, data) => writeFile(path, data),
    stopSignal: () => new Promise(() => undefined),
    ...(stdin === undefined ? {} : { stdin: chunksOf(stdin) }),
  };
  return { io, out, err, stdout: () => stdout };
}

export async function cli(argv: string[], env: Record<string, string | undefined>, stdin?: TestStdin): Promise<CliRun> {
  const { io, out, err, stdout } = captureIo(env, stdin);
  const code = await runCli(argv, io);
  return { code, out: out.join('\n'), stdout: stdout(), err: err.join('\n') };
}
