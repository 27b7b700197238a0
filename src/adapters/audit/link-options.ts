/**
 * The link secret and lifetime the bot signs links with. LINK_SECRET is what makes a link work on
 * every instance and after a restart; without it, development gets a random per-process secret,
 * and production gets no links at all rather than links that silently die. Start-up warns about
 * either (src/setup-checks.ts, shared with `doctor`).
 */
import { randomBytes } from 'node:crypto';
import type { Config } from '../../config.js';

export interface LinkOptions {
  readonly secret: string;
  readonly ttlMs: number;
  /** Where the bot is reached, without a trailing slash. */
  baseUrl(): string;
}

/** Undefined when links must stay off (production without LINK_SECRET). */
export function linkOptions(config: Config, baseUrl: () => string): LinkOptions | undefined {
  let secret = config.linkSecret;
  if (!secret) {
    if (config.nodeEnv === 'production') return undefined;
    secret = randomBytes(32).toString('hex');
  }
  return { secret, ttlMs: config.linkTtlHours * 3_600_000, baseUrl };
}
