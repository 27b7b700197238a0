/**
 * Expected failures carry a stable dotted code, a message written for the person who typed the
 * command, and optionally the field it concerns so forms can show the message inline.
 * Unexpected failures (bugs, infrastructure) are thrown as ordinary errors instead.
 */
export type ErrorCode =
  | 'input.invalid'
  | 'input.too_long'
  | 'command.unknown'
  | 'permission.denied'
  | 'workspace.unknown'
  | 'requirement.not_found'
  | 'requirement.retired'
  | 'requirement.duplicate'
  | 'check.not_found'
  | 'check.closed'
  | 'action.not_found'
  | 'action.closed'
  | 'feedback.not_found'
  | 'knowledge.not_found'
  | 'store.unavailable';

export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: DomainError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(code: ErrorCode, message: string, field?: string): Result<T> => ({
  ok: false,
  error: new DomainError(code, message, field),
});

/** Runs `fn` and turns a thrown DomainError into a failed Result; anything else is rethrown. */
export async function captureDomainErrors<T>(fn: () => Promise<T>): Promise<Result<T>> {
  try {
    return ok(await fn());
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, error };
    throw error;
  }
}
