/**
 * The one log line for a Slack listener that failed, whether Bolt's error handler saw it or the
 * failure came from work that ran after the listener returned (runtime.ts). The core has already
 * answered the person; this is for whoever runs the bot. Message and code only: a Web API error
 * carries the request, which can hold a token.
 */
import type { Logger } from '../logging/logger.js';

export function logListenerFailure(logger: Logger, error: unknown, type: string | undefined): void {
  const { message, code } = error instanceof Error ? (error as Error & { code?: string }) : { message: String(error), code: undefined };
  logger.error({ err: { message, code }, type }, 'Slack listener failed');
}
