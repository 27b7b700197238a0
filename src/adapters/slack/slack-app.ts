/**
 * The Slack app: a Bolt App on the shared HTTP server (`POST /slack/events`, signatures checked
 * with SLACK_SIGNING_SECRET), or on Socket Mode when SLACK_APP_TOKEN is set. Single workspace with
 * SLACK_BOT_TOKEN, or the multi-workspace OAuth install with a store-backed installation store.
 */
import { App, ExpressReceiver, type InstallationStore } from '@slack/bolt';
import type { Config } from '../../config.js';
import type { Core } from '../../core/index.js';
import { type HttpServer, MAX_REQUEST_BYTES } from '../http/server.js';
import type { Logger } from '../logging/logger.js';
import type { RecordStore } from '../storage/primitives.js';
import { boltLogger } from './bolt-logger.js';
import { StoreInstallationStore } from './installation-store.js';
import { createSlackMessenger, slackTokenSource } from './messenger.js';
import type { Messenger } from '../../core/ports.js';
import { leanFetch } from './lean-fetch.js';
import { singleWorkspaceAuthorize } from './single-workspace-authorize.js';
import { registerActionListeners } from './listeners/actions.js';
import { registerCommandListeners } from './listeners/commands.js';
import { logListenerFailure } from './listener-failure.js';
import { registerEventListeners } from './listeners/events.js';
import { homeAndLifecycleHandlers, registerRequirementSearch } from './listeners/home-and-lifecycle.js';
import { messageEventHandlers } from './listeners/messages.js';
import { registerShortcutListeners } from './listeners/shortcuts.js';
import { registerViewListeners } from './listeners/views.js';
import { createRuntime } from './runtime.js';
import { claimEachRequestOnce, refuseStaleSlackRequests } from './replay-guard.js';
import { BOT_SCOPES } from './surface.js';

export interface SlackAdapterOptions {
  readonly slack: Config['slack'];
  readonly checkReaction: string;
  readonly core: Core;
  readonly logger: Logger;
  readonly records: RecordStore;
  readonly server: HttpServer;
  /** Web API retries; production keeps a few, tests pass 0 or 1 so a failing fake answers fast. */
  readonly retries?: number;
}

export interface SlackAdapter {
  readonly app: App;
  /** Posts outside a request (digest, reminders); the composition root registers it. */
  readonly messenger: Messenger;
  /** Connects Socket Mode (HTTP mode is served by the shared server). */
  start(): Promise<void>;
  /** Resolves once every request already acknowledged has been handled (shutdown, after the server closed). */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * How long one Web API call may take before it counts as failed (and is retried). WebClient waits
 * for ever by default, and a hung call would hold a decision thread's lease until it runs out.
 */
const SLACK_API_TIMEOUT_MS = 10_000;

export function createSlackAdapter(options: SlackAdapterOptions): SlackAdapter {
  const { slack, logger } = options;
  const clientOptions = {
    ...(slack.apiUrl ? { slackApiUrl: slack.apiUrl } : {}),
    // A few quick retries (429s honour Retry-After); never Bolt's default of thirty minutes.
    retryConfig: { retries: options.retries ?? 3, factor: 2, minTimeout: 500, maxTimeout: 5000 },
    timeout: SLACK_API_TIMEOUT_MS,
    fetch: leanFetch,
  };
  const storeOfInstallations = slack.oauth ? new StoreInstallationStore(options.records) : undefined;
  const installationStore: InstallationStore | undefined = storeOfInstallations;
  const singleWorkspace = slack.botToken && !slack.oauth ? { authorize: singleWorkspaceAuthorize(slack.botToken, clientOptions) } : {};
  const auth = slack.oauth
    ? {
        clientId: slack.oauth.clientId,
        clientSecret: slack.oauth.clientSecret,
        stateSecret: slack.oauth.stateSecret,
        scopes: [...BOT_SCOPES],
        installationStore,
        installerOptions: { directInstall: true },
      }
    : singleWorkspace;
  const log = boltLogger(logger);
  // Bolt's conversation store (an in-memory map read on every event) serves `context.conversation`,
  // which nothing here uses: the store is ours, in the core. Off, it costs nothing per request.
  const noConversationStore = { convoStore: false } as const;

  // Before Bolt's receiver, which refuses old timestamps but not ones from the future.
  if (!slack.appToken) options.server.mount('/slack/events', refuseStaleSlackRequests(logger));
  const app = slack.appToken
    ? new App({
        ...auth,
        ...noConversationStore,
        socketMode: true,
        appToken: slack.appToken,
        logger: log,
        clientOptions,
        extendedErrorHandler: true,
      })
    : new App({
        ...singleWorkspace,
        ...noConversationStore,
        receiver: new ExpressReceiver({
          signingSecret: slack.signingSecret ?? '',
          app: options.server.app,
          endpoints: '/slack/events',
          processBeforeResponse: false,
          // Bolt's own limit (4 MB) applies to bodies sent without a Content-Length.
          bodyLimit: MAX_REQUEST_BYTES - 1,
          logger: log,
          ...(slack.oauth
            ? {
                clientId: slack.oauth.clientId,
                clientSecret: slack.oauth.clientSecret,
                stateSecret: slack.oauth.stateSecret,
                scopes: [...BOT_SCOPES],
                installationStore,
                installerOptions: { directInstall: true, clientOptions },
              }
            : {}),
        }),
        logger: log,
        clientOptions,
        extendedErrorHandler: true,
      });

  app.use(claimEachRequestOnce(options.core, logger));
  const runtime = createRuntime(options.core, logger, options.checkReaction);
  registerEventListeners(app, messageEventHandlers(runtime), homeAndLifecycleHandlers(runtime, installationStore));
  registerCommandListeners(app, runtime);
  registerActionListeners(app, runtime);
  registerViewListeners(app, runtime);
  registerShortcutListeners(app, runtime);
  registerRequirementSearch(app, runtime);

  // The core answers every failure inside a listener itself; what reaches Bolt's handler is a
  // failure of Bolt's own (an acknowledgement that could not be sent), so it is only logged.
  const onError = async ({ error, body }: { error: Error; body: unknown }): Promise<void> =>
    logListenerFailure(logger, error, (body as { type?: string } | undefined)?.type);
  app.error(onError as Parameters<App['error']>[0]);

  // Socket Mode connects out to Slack. If Slack cannot be reached at start-up the bot keeps running
  // (health, other platforms) and tries again, rather than exiting.
  let retry: NodeJS.Timeout | undefined;
  let stopped = false;
  const connect = async (): Promise<void> => {
    try {
      await app.start();
      logger.info('connected to Slack over Socket Mode');
    } catch (error) {
      logger.error({ err: { message: (error as Error).message } }, 'could not connect to Slack over Socket Mode; trying again in 10 s');
      if (!stopped) retry = setTimeout(() => void connect(), 10_000).unref();
    }
  };
  const tokens = storeOfInstallations
    ? slackTokenSource({ installations: storeOfInstallations })
    : slack.botToken
      ? slackTokenSource({ botToken: slack.botToken })
      : async () => undefined;
  const messenger = createSlackMessenger({
    tokens,
    clientOptions: { ...(slack.apiUrl ? { slackApiUrl: slack.apiUrl } : {}), fetch: leanFetch },
    logger,
  });
  return {
    app,
    messenger,
    async start() {
      if (slack.appToken) await connect();
    },
    drain: () => runtime.drain(),
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      if (slack.appToken) await app.stop().catch(() => undefined);
    },
  };
}
