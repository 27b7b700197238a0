import { readFile, writeFile } from 'node:fs/promises';
import type { CliIo } from './io.js';

/** The real process: its environment, its streams, its signals. */
export function processIo(): CliIo {
  return {
    env: process.env,
    cwd: process.cwd(),
    loadDotEnv: true,
    terminal: process.stdout.isTTY === true,
    out: (text) => process.stdout.write(`${text}\n`),
    write: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(`${text}\n`),
    readFile: (path) => readFile(path, 'utf8'),
    readBytes: (path) => readFile(path),
    writeFile: (path, text) => writeFile(path, text, 'utf8'),
    writeBytes: (path, data) => writeFile(path, data),
    stopSignal: () =>
      new Promise((resolve) => {
        for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => resolve(signal));
      }),
    stdin: process.stdin,
  };
}
