/**
 * Arguments every backend checks the same way before anything is sent, so that a bad one fails
 * alike everywhere (Redis, SQL and JavaScript each treat NaN or a fractional ttl differently).
 */

export function checkScore(score: number): void {
  if (Number.isNaN(score)) throw new RangeError('A sorted-index score must be a number, not NaN');
}

export function checkRange(min: number, max: number): void {
  if (Number.isNaN(min) || Number.isNaN(max)) throw new RangeError('A sorted-index range needs numeric bounds, not NaN');
}

/** Undefined for "no limit"; otherwise a non-negative integer. */
export function checkLimit(limit: number | undefined): number | undefined {
  if (limit === undefined) return undefined;
  if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`A sorted-index limit must be a non-negative integer, got ${limit}`);
  return limit;
}

/**
 * Tie order between members with equal scores: by code unit, which matches the byte order Redis,
 * SQLite and PostgreSQL (`COLLATE "C"`) use for everything but characters outside the Basic
 * Multilingual Plane.
 */
export function compareMembers(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A claim's ttl as whole milliseconds (Redis PX and a BIGINT expiry take integers), rounded up so
 * that a claim never ends early; 0 means permanent.
 */
export function checkTtl(ttlMs: number): number {
  if (!Number.isFinite(ttlMs) || ttlMs < 0)
    throw new RangeError(`A claim ttl must be 0 (permanent) or a positive number of milliseconds, got ${ttlMs}`);
  return Math.ceil(ttlMs);
}
