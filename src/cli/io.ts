/** What a CLI command may touch, passed in so tests run commands in-process. */
export interface CliIo {
  readonly env: Record<string, string | undefined>;
  readonly cwd: string;
  /** Read `.env` before running (the real process only; tests pass their environment). */
  readonly loadDotEnv?: boolean;
  /** Standard output is a terminal a person reads (then logs are printed readably, not as JSON). */
  readonly terminal?: boolean;
  /** Prints a line (a newline is added). */
  out(text: string): void;
  /** Prints text exactly as given, for output whose line endings are part of its format (CSV's CRLF). */
  write(text: string): void;
  err(text: string): void;
  readFile(path: string): Promise<string>;
  /** Reads a file's bytes, for input whose encoding must be checked before it is decoded (CSV import). */
  readBytes(path: string): Promise<Uint8Array>;
  writeFile(path: string, text: string): Promise<void>;
  /** Writes binary data (the audit pack's zip). */
  writeBytes(path: string, data: Uint8Array): Promise<void>;
  /** Resolves when the process is asked to stop (SIGTERM/SIGINT); used by `start`. */
  stopSignal(): Promise<string>;
  /** Standard input, read as a stream by commands that take data on stdin (`detect`). */
  readonly stdin?: AsyncIterable<string | Buffer>;
}

/** Thrown for a mistake in how a command was called; printed without a stack, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
