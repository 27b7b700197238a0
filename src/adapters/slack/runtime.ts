/** What every Slack listener needs, built once by the Slack app. */
import { WorkAfterAck } from '../http/work-after-ack.js';
import type { Logger } from '../logging/logger.js';
import { type Core, type Interaction, needsPersonDetails } from '../../core/index.js';
import { SlackAdminLookup, type SlackTeamContext, actorFor, workspaceIdOf } from './slack-context.js';
import { logListenerFailure } from './listener-failure.js';
import { FIRST_DELIVERY, type FirstDeliveryCheck } from './replay-guard.js';
import { type SlackRequest, slackSurface } from './slack-surface.js';

export interface SlackRuntime {
  readonly core: Core;
  readonly logger: Logger;
  /** Emoji name (without colons) whose reaction starts a decision check. */
  readonly checkReaction: string;
  /** Registers the workspace on first contact; cached so it costs one read per process. */
  workspace(context: SlackTeamContext, name?: string): Promise<string>;
  /**
   * Hands one decoded interaction to the core, with this request as its surface. Listeners call it
   * after their ack; the work is bounded (a queue beyond that) and awaited by {@link drain}. It
   * resolves once the work is taken, not when it is done: Bolt keeps every listener's state for a
   * request until the listener returns, and held through the work (store writes, Web API calls)
   * that state outlived the young generation and filled the old one (issue 17, memory). Failures
   * of the work are logged here (listener-failure.ts); the core has already told the person.
   */
  handle(
    context: SlackTeamContext,
    person: { id: string; name?: string },
    interaction: Interaction,
    request: Omit<SlackRequest, 'logger' | 'userId'>,
    workspaceName?: string,
  ): Promise<void>;
  /**
   * The same, resolving when the work is done: for a form submission, whose acknowledgement
   * carries the form's field errors, so it waits for the core to settle it.
   */
  handleUntilDone(...args: Parameters<SlackRuntime['handle']>): ReturnType<Core['handle']>;
  /** Shutdown: resolves once every request already acknowledged has been handled. */
  drain(): Promise<void>;
}

export function createRuntime(core: Core, logger: Logger, checkReaction: string): SlackRuntime {
  const known = new Set<string>();
  const admins = new SlackAdminLookup();
  const afterAck = new WorkAfterAck(logger, 'Slack');
  const runtime: SlackRuntime = {
    core,
    logger,
    checkReaction,
    async workspace(context, name) {
      const id = workspaceIdOf(context);
      if (!known.has(id)) {
        await core.ensureWorkspace({ id, platform: 'slack', name: name ?? id });
        known.add(id);
      }
      return id;
    },
    handle: (...args) =>
      afterAck.admit(async () => {
        try {
          await handleNow(...args);
        } catch (error) {
          // The listener has returned by now, so Bolt's error handler no longer sees it.
          logListenerFailure(logger, error, args[2].kind);
        }
      }),
    handleUntilDone: (...args) =>
      new Promise((resolve, reject) => {
        void afterAck.admit(() => handleNow(...args).then(resolve, reject));
      }),
    drain: () => afterAck.drain(),
  };
  async function handleNow(...[context, person, interaction, request, workspaceName]: Parameters<SlackRuntime['handle']>) {
    // After the listener's ack: a replayed request is acknowledged like any other, then dropped here.
    const firstDelivery = (context as Record<string, unknown>)[FIRST_DELIVERY] as FirstDeliveryCheck | undefined;
    if (firstDelivery && !(await firstDelivery())) return {};
    const workspaceId = workspaceIdOf(context);
    const actor = needsPersonDetails(interaction)
      ? await actorFor(request.client, admins, workspaceId, person.id, person.name)
      : { id: person.id, workspaceId, ...(person.name ? { name: person.name } : {}) };
    const surface = slackSurface({ ...request, logger, userId: person.id });
    return core.handle(actor, interaction, surface, { platform: 'slack', ...(workspaceName ? { name: workspaceName } : {}) });
  }
  return runtime;
}
