/**
 * Handles an acknowledged activity after its turn, through a proactive continuation
 * (`continueConversationAsync` with the bot's app id, or '' without authentication).
 *
 * The turn's own context is revoked when the turn ends, so the work gets a context for the same
 * activity that borrows the continuation's connector and identity: replies still answer the
 * original message (its id is their replyToId), a submitted card is still updated in place, and
 * the handlers read the activity exactly as they did inside the turn.
 *
 * Redelivery: a failed turn used to answer 503 so Teams delivered the activity again (the "ask
 * once" protocol lets go of the thread on a passing failure; the delivery lease is released).
 * Teams now has its 200 already, so the adapter delivers the activity to the work again itself,
 * after each pause in `pausesMs`. When the last attempt fails too, `reportFailure` says so with a
 * reference, as a failed turn did (an apology to a person who was waiting for an answer).
 */
import { setTimeout as pause } from 'node:timers/promises';
import { type Activity, type CloudAdapter, TurnContext } from 'botbuilder';
import type { Logger } from '../logging/logger.js';
import { describeConnectorError } from './messenger-errors.js';

/** Pauses before the adapter delivers a failed activity again: about as Teams would, twice. */
export const REDELIVERY_PAUSES_MS: readonly number[] = [1_000, 5_000];

export interface ContinueAfterAckOptions {
  readonly adapter: CloudAdapter;
  readonly botAppId: string;
  readonly logger: Logger;
  readonly pausesMs: readonly number[];
  /** Logs the failure with a reference and tells whoever waits; `context` when one could be opened. */
  reportFailure(error: unknown, context: TurnContext | undefined): Promise<void>;
}

/** A context for the acknowledged activity, sending through the continuation's connector. */
function resumedTurn(continuation: TurnContext, activity: Activity): TurnContext {
  const resumed = new TurnContext(continuation.adapter, activity);
  for (const [key, value] of continuation.turnState) resumed.turnState.set(key, value);
  return resumed;
}

export async function continueAfterAck(
  options: ContinueAfterAckOptions,
  activity: Activity,
  work: (context: TurnContext) => Promise<void>,
  signal: AbortSignal,
): Promise<void> {
  const { adapter, botAppId, logger, pausesMs } = options;
  const reference = TurnContext.getConversationReference(activity);
  for (let attempt = 0; ; attempt++) {
    const last = attempt >= pausesMs.length;
    let failure: { error: unknown } | undefined;
    let reported = false;
    try {
      await adapter.continueConversationAsync(botAppId, reference, async (continuation) => {
        const context = resumedTurn(continuation, activity);
        // Caught here: an error escaping the callback would go to the adapter's onTurnError.
        try {
          await work(context);
        } catch (error) {
          failure = { error };
          if (last) {
            reported = true;
            await options.reportFailure(error, context);
          }
        }
      });
    } catch (error) {
      // The continuation could not start (no connector client, no token).
      failure = { error };
    }
    if (!failure) return;
    if (last) {
      if (!reported) await options.reportFailure(failure.error, undefined);
      return;
    }
    logger.warn(
      { activityId: activity.id, attempt: attempt + 1, connector: describeConnectorError(failure.error) },
      'Teams activity failed after its acknowledgement; delivering it again',
    );
    // Shutdown ends the pause early: the last attempts run while the store is still open.
    await pause(pausesMs[attempt] ?? 0, undefined, { signal }).catch(() => undefined);
  }
}
