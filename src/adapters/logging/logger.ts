/**
 * Structured JSON logs (one object per line, for log collectors) that never contain credentials:
 * any property named like a secret is replaced before the line is written, wherever it sits in
 * the first few levels of the logged object (a request's headers, a client's config, an error).
 * On a terminal, the same lines are printed readably (pino-pretty) instead of as JSON.
 */
import { pino, type DestinationStream, type LevelWithSilent, type Logger as PinoLogger } from 'pino';
import pinoPretty from 'pino-pretty';

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
  /**
   * A person reads the output (standard output is a terminal): one readable line per event,
   * "[10:42:07] WARN: …", instead of JSON. Redaction applies all the same.
   */
  readonly readable?: boolean;
}

/** Readable lines on standard output; written synchronously so they interleave with the banner. */
function readableDestination(): DestinationStream {
  return pinoPretty({ sync: true, colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname', destination: 1 });
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
    options.destination ?? (options.readable ? readableDestination() : undefined),
  );
}
