/**
 * Where a backend reports store trouble. A store that is down raises the same error on every
 * reconnect attempt and every command, so repeats of one message are logged at most once per
 * interval, with the number left out, instead of flooding the log.
 */
import type { BackendKind } from './primitives.js';

/** The part of the application logger (pino) a backend uses. */
export interface StoreLogger {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

const REPEAT_INTERVAL_MS = 30_000;

/** A readable reason, also for Node's AggregateError (a refused IPv4 + IPv6 connect has an empty message). */
export function errorMessage(error: unknown): string {
  if (error instanceof AggregateError && !error.message && error.errors.length > 0) {
    return [...new Set(error.errors.map(errorMessage))].join('; ');
  }
  if (error instanceof Error) return error.message || errorCode(error) || error.name;
  return typeof error === 'string' ? error : (JSON.stringify(error) ?? String(error));
}

/** The `code` that Node, pg and sqlite3 errors carry (`ECONNREFUSED`, `23505`, `SQLITE_BUSY`). */
export function errorCode(error: unknown): string | undefined {
  const code = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

/** Returns a listener for 'error' events that logs without repeating itself. */
export function storeErrorReporter(kind: BackendKind, logger: StoreLogger | undefined): (error: unknown) => void {
  const lastLogged = new Map<string, { at: number; suppressed: number }>();
  return (error) => {
    if (!logger) return;
    const message = errorMessage(error);
    const now = Date.now();
    const seen = lastLogged.get(message);
    if (seen && now - seen.at < REPEAT_INTERVAL_MS) {
      seen.suppressed += 1;
      return;
    }
    lastLogged.set(message, { at: now, suppressed: 0 });
    if (lastLogged.size > 100) lastLogged.clear();
    // Only the message and code: a pg error carries its client, whose config holds the password.
    logger.error({ store: kind, code: errorCode(error), repeatsNotLogged: seen?.suppressed ?? 0 }, `store error (${kind}): ${message}`);
  };
}
