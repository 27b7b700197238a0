/**
 * Where each primitive lives in Redis. Everything of one namespace is under `<namespace>:`, and
 * each kind of data has its own sub-prefix so that a record key and an index name that happen to
 * be equal never meet as one Redis key of two types (WRONGTYPE).
 *
 *   records  <ns>:rec:<key>    string: keyv's serialized `{"value":…}` envelope
 *   indexes  <ns>:idx:<name>   sorted set
 *   counters <ns>:ctr:<name>   string integer (INCR)
 *   claims   <ns>:clm:<key>    string owner, with a PX expiry unless permanent
 */

export type RedisKind = 'rec' | 'idx' | 'ctr' | 'clm';

export const REDIS_KINDS: readonly RedisKind[] = ['rec', 'idx', 'ctr', 'clm'];

export function redisKey(namespace: string, kind: RedisKind, name: string): string {
  return `${namespace}:${kind}:${name}`;
}

/** A SCAN MATCH pattern for every key of `kind` whose name starts with `prefix` (glob characters escaped). */
export function redisPrefixPattern(namespace: string, kind: RedisKind, prefix: string): string {
  return `${redisKey(namespace, kind, prefix.replace(/[*?[\]\\]/g, '\\$&'))}*`;
}

/** Redis writes infinite scores as `-inf` / `+inf`; `(` makes a bound exclusive. */
export function redisScore(score: number, exclusive = false): string {
  const text = score === Number.POSITIVE_INFINITY ? '+inf' : score === Number.NEGATIVE_INFINITY ? '-inf' : String(score);
  return exclusive ? `(${text}` : text;
}
