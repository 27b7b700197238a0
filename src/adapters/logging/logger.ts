/**
 * Structured JSON logs (one object per line, for log collectors) that never contain credentials:
 * any property named like a secret is replaced before the line is written, wherever it sits in
 * the first few levels of the logged object (a request's headers, a client's config, an error).
 */
import { pino, type DestinationStream, type LevelWithSilent, type Logger as PinoLogger } from 'pino';

export type Logger = PinoLogger;
export type LogLevel = LevelWithSilent;

export const REDACTED = '[redacted]';

/** Property names that hold credentials in Slack, Bot Framework, HTTP and our own config. */
const SECRET_KEYS = [
  'token',
  'botToken',
  'appToken',
  'userToken',
  'accessToken',
  'access_token',
  'refreshToken',
  'refresh_token',
  'idToken',
  'password',
  'appPassword',
  'secret',
  'clientSecret',
  'client_secret',
  'signingSecret',
  'stateSecret',
  'linkSecret',
  // A store URL can embed a database password; log a redacted copy under another name instead.
  'storeUrl',
  'authorization',
  'Authorization',
  'cookie',
  'set-cookie',
  'x-slack-signature',
];

// Leading wildcards match exactly one level each, so list the depths explicitly: top level,
// `{ slack: { botToken } }`, `{ req: { headers: { authorization } } }`, `{ err: { config: { headers } } }`.
const DEPTHS = ['', '*.', '*.*.', '*.*.*.'];

const REDACT_PATHS = DEPTHS.flatMap((prefix) =>
  SECRET_KEYS.map((key) => (/^[A-Za-z_]\w*$/.test(key) ? `${prefix}${key}` : `${prefix}["${key}"]`)),
);

export interface LoggerOptions {
  /** Where lines go; standard output when omitted. Tests pass an in-memory stream. */
  readonly destination?: DestinationStream;
}

export function createLogger(level: LogLevel, options: LoggerOptions = {}): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      // Level names rather than numbers, and ISO times: readable without pino-pretty.
      formatters: { level: (label) => ({ level: label }) },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination,
  );
}
