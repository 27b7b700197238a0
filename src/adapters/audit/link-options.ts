/**
 * The link secret and lifetime the bot signs links with. LINK_SECRET is what makes a link work on
 * every instance and after a restart; without it, development gets a random per-process secret
 * (and a warning), and production gets no links at all rather than links that silently die.
 */
import { randomBytes } from 'node:crypto';
import type { Config } from '../../config.js';
import type { Logger } from '../logging/logger.js';

export interface LinkOptions {
  readonly secret: string;
  readonly ttlMs: number;
  /** Where the bot is reached, without a trailing slash. */
  baseUrl(): string;
}

/** Undefined when links must stay off (production without LINK_SECRET). */
export function linkOptions(config: Config, logger: Logger, baseUrl: () => string): LinkOptions | undefined {
  let secret = config.linkSecret;
  if (!secret) {
    if (config.nodeEnv === 'production') {
      logger.warn(
        'LINK_SECRET is not set, so download and dashboard links are off: set it to at least 32 random characters (openssl rand -hex 32) to turn them on.',
      );
      return undefined;
    }
    secret = randomBytes(32).toString('hex');
    logger.warn(
      'LINK_SECRET is not set: links are signed with a random secret of this process, so they stop working when it restarts and other instances refuse them. Set LINK_SECRET (openssl rand -hex 32).',
    );
  }
  return { secret, ttlMs: config.linkTtlHours * 3_600_000, baseUrl };
}
