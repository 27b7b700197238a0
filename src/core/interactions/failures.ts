/**
 * What a person is told when handling their interaction failed for a reason that is not theirs
 * (a bug, an unreachable store or platform). Every such message carries a reference the log
 * carries too, and says exactly what happened to their work: saved, not saved, or saved with
 * only the confirmation lost.
 */
import { textMessage, type Message } from '../messages.js';

/**
 * How far the interaction got before it failed. `unknown`: the store failed during a commit, which
 * it may have applied before the connection broke, so nobody can say "not saved".
 */
export type Progress = 'nothing-written' | 'saved' | 'unknown';

/** The core's log, as the adapters' logger provides it (pino's call shape). */
export interface CoreLog {
  debug(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export const silentLog: CoreLog = { debug() {}, warn() {}, error() {} };

/** A short id a person can quote to an admin, and the admin can find in the log. */
export const referenceFrom = (id: string): string =>
  `E-${id
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, 8)
    .toUpperCase()}`;

export function apology(progress: Progress, reference: string): Message {
  switch (progress) {
    case 'saved':
      return textMessage(
        `Your change was saved, but something went wrong afterwards on our side, so you may not see every update. Please don't repeat it; check the result instead (reference ${reference}).`,
      );
    case 'unknown':
      return textMessage(
        `Sorry, I lost contact with my database while saving, so I cannot tell whether your change was saved. Please try again only after checking that it is not there, for example with "{requirement} list" (reference ${reference}).`,
      );
    case 'nothing-written':
      return textMessage(
        `Sorry, something went wrong on our side and nothing was saved. Please try again in a minute; if it keeps happening, tell your admin (reference ${reference}).`,
      );
  }
}

/** Facts about an error that are safe to log: no tokens, no store addresses, no user text. */
export function describeError(error: unknown): { name: string; message: string; code?: string } {
  const { name = 'Error', message = String(error), code } = (error ?? {}) as { name?: string; message?: string; code?: unknown };
  const safe = message
    .replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, '<address>')
    .replace(/\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b/g, '<address>')
    .replace(/\b(?:xox[a-z]|xapp)-[\w-]+/gi, '<token>')
    .slice(0, 300);
  return { name, message: safe, ...(typeof code === 'string' ? { code } : {}) };
}
