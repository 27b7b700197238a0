/**
 * Replay protection for Slack requests. A signed request is proof that Slack sent it once, not
 * that it should be acted on each time it arrives: anyone who captures one (a proxy log, a
 * debugging session) could send it again. Two checks close that:
 *
 * - freshness: the signed `x-slack-request-timestamp` must be within five minutes of our clock,
 *   in either direction. Bolt refuses old timestamps only, so a request "from tomorrow" would
 *   stay replayable for a day;
 * - once only: each slash command and interaction is claimed by its `trigger_id` (with the
 *   clicked action's `action_ts` where there is one), for longer than the freshness window, so
 *   the same request sent again is acknowledged but not acted on, on any instance.
 *
 * Events are left alone: Slack redelivers them on purpose (`x-slack-retry-num`), and the event
 * handlers already act on each one once.
 */
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { RequestHandler } from 'express';
import type { Core } from '../../core/index.js';
import type { Logger } from '../logging/logger.js';

/** Slack's own rule for a fresh request: signed within five minutes of now. */
export const FRESHNESS_WINDOW_SECONDS = 5 * 60;
/**
 * A request can be accepted from five minutes before its timestamp to five minutes after, so its
 * claim must outlive ten minutes; a little more covers clock drift between instances.
 */
const ONCE_ONLY_TTL_MS = 15 * 60 * 1000;

/** Express middleware for Slack's request URL: refuses signed timestamps too far from now (401). */
export function refuseStaleSlackRequests(logger: Logger, now: () => number = Date.now): RequestHandler {
  return (req, res, next) => {
    const header = req.get('x-slack-request-timestamp');
    const timestamp = header === undefined ? Number.NaN : Number(header);
    // Missing or malformed timestamps are Bolt's to refuse, together with the signature.
    if (req.method !== 'POST' || !Number.isFinite(timestamp)) return next();
    const skewSeconds = timestamp - Math.floor(now() / 1000);
    if (Math.abs(skewSeconds) <= FRESHNESS_WINDOW_SECONDS) return next();
    logger.warn({ skewSeconds }, 'Slack request refused: its timestamp is more than five minutes from our clock');
    res.status(401).send();
  };
}

interface Interaction {
  readonly type?: string;
  readonly command?: string;
  readonly trigger_id?: string;
  readonly actions?: readonly { readonly action_ts?: string }[];
  readonly action_ts?: string;
  readonly user?: { readonly id?: string } | string;
  readonly user_id?: string;
  readonly team?: { readonly id?: string } | null;
  readonly team_id?: string;
}

/** The id that makes one slash command or interaction unique, or undefined for events and the like. */
function deliveryIdOf(body: Interaction): { kind: string; id: string } | undefined {
  if (body.type === 'event_callback' || body.type === 'url_verification') return undefined;
  const kind = body.command !== undefined ? 'command' : (body.type ?? 'unknown');
  const actionTs = body.actions?.[0]?.action_ts ?? body.action_ts;
  const parts = [body.trigger_id, actionTs].filter((part): part is string => typeof part === 'string' && part !== '');
  return parts.length === 0 ? undefined : { kind, id: `${kind}:${parts.join(':')}` };
}

/**
 * Whether this is the first delivery. When the store cannot say, the request goes on: the core
 * then answers it ("nothing was saved", with a reference) instead of Slack showing a timeout, and
 * nothing can be written twice while nothing can be written at all.
 */
async function firstOrUnknown(core: Core, logger: Logger, id: string): Promise<boolean> {
  try {
    return await core.firstDelivery('slack', id, ONCE_ONLY_TTL_MS);
  } catch (error) {
    logger.warn({ err: { message: (error as Error).message } }, 'could not check for a replayed Slack request; handling it');
    return true;
  }
}

/** Where the middleware leaves the once-only check in Bolt's per-request context. */
export const FIRST_DELIVERY = 'cfbFirstDelivery';

/** The context key's value: true when this request may be acted on (claimed once, after the ack). */
export type FirstDeliveryCheck = () => Promise<boolean>;

/**
 * Global Bolt middleware: leaves in the request's context a check that claims the request once.
 * The check runs in the listener after the acknowledgement (runtime.handle), so the store is
 * never between Slack and its ack; a replay is acknowledged, logged and dropped there.
 */
export function claimEachRequestOnce(core: Core, logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const body = args.body as Interaction;
    const delivery = deliveryIdOf(body);
    if (delivery) {
      let verdict: Promise<boolean> | undefined;
      const check: FirstDeliveryCheck = () =>
        (verdict ??= firstOrUnknown(core, logger, delivery.id).then((first) => {
          if (!first) {
            const user = typeof body.user === 'string' ? body.user : (body.user?.id ?? body.user_id);
            logger.warn(
              { kind: delivery.kind, user, team: body.team?.id ?? body.team_id },
              'Slack request refused: it was already handled (a replay)',
            );
          }
          return first;
        }));
      (args.context as Record<string, unknown>)[FIRST_DELIVERY] = check;
    }
    await args.next();
  };
}
