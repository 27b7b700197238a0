/**
 * The Teams app: botbuilder's CloudAdapter on the shared HTTP server at `POST /api/messages`.
 *
 * Microsoft archived the Bot Framework SDK (support ended 2025-12-31). Every botbuilder import is
 * in this folder, so a move to the Teams SDK or the Microsoft 365 Agents SDK replaces this folder
 * and nothing else; the core, the storage and the other adapters do not know Teams exists.
 */
import { randomUUID } from 'node:crypto';
import type { Activity, TurnContext } from 'botbuilder';
import express, { type Request, type RequestHandler, type Response } from 'express';
import type { TeamsConfig } from '../../config.js';
import { type Core, apology, referenceFrom } from '../../core/index.js';
import type { Messenger } from '../../core/ports.js';
import type { HttpServer } from '../http/server.js';
import type { Logger } from '../logging/logger.js';
import type { RecordStore } from '../storage/primitives.js';
import { ConversationReferences } from './conversation-references.js';
import { createTeamsMessenger } from './messenger.js';
import { describeConnectorError } from './messenger-errors.js';
import { replyWith } from './replies.js';
import { createPrivateChat } from './private-chat.js';
import { createTeamsRuntime } from './runtime.js';
import { connectTeams } from './teams-auth.js';
import { REDELIVERY_PAUSES_MS, continueAfterAck } from './continue-after-ack.js';
import { WorkAfterAck, registerWorkAfterAck } from '../http/work-after-ack.js';
import { CustomerFocusBot } from './teams-bot.js';
import { mentionsBot, whereOf } from './teams-activity.js';
import { loopbackOnly } from '../http/loopback-only.js';

export interface TeamsAdapterOptions {
  readonly teams: TeamsConfig;
  readonly core: Core;
  readonly logger: Logger;
  readonly records: RecordStore;
  /** Where the endpoint is mounted (`POST /api/messages`). */
  readonly server: Pick<HttpServer, 'mount'>;
  /** Names this instance in redelivery leases. */
  readonly instanceId: string;
  /** Pause before the messenger's extra attempt after a transient failure; tests pass 0. */
  readonly retryDelayMs?: number;
  /** Pauses before a message whose work failed after its acknowledgement is handled again. */
  readonly redeliveryPausesMs?: readonly number[];
}

export interface TeamsAdapter {
  readonly authenticated: boolean;
  readonly messenger: Messenger;
  /**
   * Waits for the work of acknowledged messages; call it after the HTTP server stopped taking
   * requests and before the store closes.
   */
  drain(): Promise<void>;
}

/** Teams activities are small; a card submit with long texts is a few KB. */
export const MAX_ACTIVITY_BYTES = 256 * 1024;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What the adapter needs to answer at all; anything less is a client error, not a crash. */
function activityProblem(body: unknown): string | undefined {
  if (!isRecord(body)) return 'The body must be a JSON object (a Bot Framework activity).';
  if (typeof body.type !== 'string' || body.type === '') return 'The activity has no type.';
  if (body.type === 'message' || body.type === 'invoke') {
    if (typeof body.serviceUrl !== 'string' || !/^https?:\/\//.test(body.serviceUrl)) return 'The activity has no valid serviceUrl.';
    if (!isRecord(body.conversation) || typeof body.conversation.id !== 'string') return 'The activity has no conversation id.';
  }
  return undefined;
}

/**
 * For activities handled within their turn (installs, invokes): the adapter answers 200 once
 * onTurnError has handled a failed turn. A failed turn answers 503 instead, so a channel that
 * redelivers (Teams does on errors and timeouts) runs the turn again; the redelivery guard let go
 * of the activity, and what the turn recorded is not recorded twice. Messages are acknowledged
 * before their work, and the adapter delivers them again itself (continue-after-ack.ts).
 */
function answerFailedTurnsWith503(res: Response, turn: { readonly failed: boolean }): Response {
  return new Proxy(res, {
    get(target, property, receiver) {
      if (property === 'status') return (code: number) => target.status(turn.failed && code < 300 ? 503 : code);
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

export function createTeamsAdapter(options: TeamsAdapterOptions): TeamsAdapter {
  const { logger, core } = options;
  const { adapter, authenticated, botAppId } = connectTeams(options.teams);
  const references = new ConversationReferences(options.records);
  const runtime = createTeamsRuntime(core, logger, references, createPrivateChat({ adapter, botAppId, references, logger }));
  const bot = new CustomerFocusBot(runtime);

  /** What a failed turn leaves: a log line with a reference, and an apology to whoever waits. */
  async function reportFailure(error: unknown, context: TurnContext | undefined, activity: Partial<Activity>): Promise<void> {
    const reference = referenceFrom(randomUUID());
    logger.error(
      {
        reference,
        err: error instanceof Error ? { message: error.message, ...describeConnectorError(error) } : String(error),
        type: activity.type,
        activityId: activity.id,
      },
      'Teams turn failed',
    );
    // Only someone who spoke to the bot is waiting for an answer; nobody waits for a prompt about
    // a decision the bot noticed by itself (it was delivered again before it came to this).
    const addressed =
      activity.type === 'message' &&
      (activity.conversation?.conversationType === 'personal' || activity.value != null || mentionsBot(activity));
    if (!addressed || !context) return;
    try {
      await replyWith(context, apology('nothing-written', reference));
    } catch (replyError) {
      logger.warn({ connector: describeConnectorError(replyError) }, 'could not tell the person that their message failed');
    }
  }

  adapter.onTurnError = (context, error) => reportFailure(error, context, context.activity);

  /** The turn's work: the bot's handlers, once per delivery of the activity. */
  async function deliver(context: TurnContext): Promise<void> {
    const where = whereOf(context.activity);
    if (!where) return bot.run(context);
    const activity = context.activity;
    // A channel message nobody addressed to the bot can only lead to a decision prompt, which the
    // core asks once per thread whatever the deliveries; claiming each such message as a delivery
    // cost three store writes for every line of chatter. Commands and card submits are claimed.
    const onlyNoticed =
      activity.type === 'message' &&
      activity.conversation?.conversationType !== 'personal' &&
      activity.value == null &&
      !mentionsBot(activity);
    // Without an id there is nothing to recognise a redelivery by (Teams always sends one).
    const outcome =
      !onlyNoticed && activity.id && activity.conversation?.id
        ? await core.onceForDelivery(options.instanceId, where.workspaceId, `teams|${activity.conversation.id}|${activity.id}`, () =>
            bot.run(context),
          )
        : (await bot.run(context), 'handled');
    if (outcome === 'duplicate') logger.debug({ activityId: activity.id }, 'redelivered Teams activity ignored');
  }

  const afterAck = new WorkAfterAck(logger, 'Teams');
  registerWorkAfterAck(core, afterAck);
  const continuation = {
    adapter,
    botAppId,
    logger,
    pausesMs: options.redeliveryPausesMs ?? REDELIVERY_PAUSES_MS,
  };

  const handle: RequestHandler = async (req: Request, res: Response) => {
    const problem = activityProblem(req.body);
    if (problem) {
      res.status(400).json({ error: problem });
      return;
    }
    // The adapter would reject it too, but only after logging a stack trace for every stray request.
    if (authenticated && !/^Bearer\s+\S+/i.test(req.get('authorization') ?? '')) {
      res.status(401).json({ error: 'This endpoint needs a Bot Framework token.' });
      return;
    }
    const turn = { failed: false };
    await adapter.process(req, answerFailedTurnsWith503(res, turn), async (context) => {
      // Messages (card submits included: Action.Submit sends a message) are acknowledged as soon
      // as the adapter has authenticated them; their work follows the answer. Other activities
      // (installs, invokes, whose answer is the invoke response) are handled within the turn.
      if (context.activity.type === 'message') {
        const activity = structuredClone(context.activity) as Activity;
        await afterAck.admit((signal) =>
          continueAfterAck(
            { ...continuation, reportFailure: (error, resumed) => reportFailure(error, resumed, activity) },
            activity,
            deliver,
            signal,
          ),
        );
        return;
      }
      try {
        await deliver(context);
      } catch (error) {
        turn.failed = true;
        throw error; // to onTurnError, which logs it and apologises
      }
    });
  };

  const router = express.Router();
  router.post('/', express.json({ limit: MAX_ACTIVITY_BYTES, strict: false }), handle);
  // Without credentials anyone could post as anyone: this machine only.
  if (!authenticated) options.server.mount('/api/messages', loopbackOnly('The Teams endpoint (without credentials)', logger));
  options.server.mount('/api/messages', router);

  // Without TEAMS_APP_ID nothing is authenticated; start-up says so (src/setup-checks.ts).
  return {
    authenticated,
    drain: () => afterAck.drain(),
    messenger: createTeamsMessenger({
      adapter,
      botAppId,
      references,
      logger,
      ...(options.retryDelayMs !== undefined ? { retryDelayMs: options.retryDelayMs } : {}),
    }),
  };
}
