/**
 * Runs the bot: store, core, the one HTTP server, and graceful shutdown. Platform adapters mount
 * their routes here as they arrive (Slack at /slack/events, Teams at /api/messages).
 */
import type { Config } from '../config.js';
import { ConfigError, productionProblems } from '../config.js';
import { setupChecks, setupLine } from '../setup-checks.js';
import { createHttpServer } from '../adapters/http/server.js';
import type { Logger } from '../adapters/logging/logger.js';
import { redactUrl } from '../adapters/storage/redact-url.js';
import type { TeamsAdapter } from '../adapters/teams/teams-app.js';
import { TeamsCredentialsError } from '../adapters/teams/teams-credentials-error.js';
import { mountTeamsOnFirstUse } from '../adapters/teams/teams-on-first-use.js';
import { type Services, openServices } from './services.js';
import { DigestCronError, readDigestCron } from '../adapters/scheduling/digest-cron.js';
import { DigestScheduler } from '../adapters/scheduling/digest-scheduler.js';
import { pacedMessenger } from '../adapters/scheduling/pacing.js';
import { mountAuditRoutes } from '../adapters/audit/download-route.js';
import { linkOptions } from '../adapters/audit/link-options.js';
import { registerAuditJobs } from '../adapters/audit/audit-jobs.js';
import { PLAYGROUND_PATH, mountWeb } from '../adapters/web/web-adapter.js';

export interface RunningBot {
  readonly port: number;
  /** The running core, for the CLI's in-process checks and for tests that inspect what was stored. */
  readonly services: Services;
  /** The weekly digest's ticker; other parts add their hourly and before-digest jobs to it. */
  readonly scheduler: DigestScheduler;
  /** Stops taking requests, lets in-flight ones finish, then closes the store. Idempotent. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Store namespace (tests that run several bots on one shared Redis or PostgreSQL). */
  readonly namespace?: string;
}

export async function startBot(config: Config, logger: Logger, options: StartOptions = {}): Promise<RunningBot> {
  const refusals = productionProblems(config);
  if (refusals.length > 0) throw new ConfigError(refusals);
  // A DIGEST_CRON the digest cannot follow (L, W, #) stops start-up before anything is opened.
  try {
    readDigestCron(config.digest.cron);
  } catch (error) {
    if (error instanceof DigestCronError) throw new ConfigError([{ variables: ['DIGEST_CRON'], message: error.message }]);
    throw error;
  }
  // Links name the port actually listened on when PUBLIC_URL is unset (PORT=0 picks one).
  let listening = config.port;
  const links = linkOptions(config, () => config.publicUrl ?? `http://localhost:${listening}`);
  const services = await openServices(config, logger, {
    ...(links ? { links } : {}),
    ...(options.namespace ? { namespace: options.namespace } : {}),
  });
  const server = createHttpServer({
    logger,
    port: config.port,
    ...(config.host ? { host: config.host } : {}),
    health: async () => {
      try {
        await services.backend.ping();
        return { ok: true };
      } catch (error) {
        // /healthz answers anyone: the driver's message names hosts, ports and file paths, so it
        // goes to the log (and `customer-focus doctor` shows it), never into the answer.
        logger.warn({ err: { message: error instanceof Error ? error.message : String(error) } }, 'health check: the store is unreachable');
        return { ok: false, reason: 'the store is unreachable' };
      }
    },
  });
  // Platform adapters mount their routes on the one server before it starts listening. Each is
  // loaded only when configured: Bolt alone keeps some 9 MB of heap that a Teams-only deployment
  // or a local try-out never uses.
  const slack = config.slack.configured
    ? (await import('../adapters/slack/slack-app.js')).createSlackAdapter({
        slack: config.slack,
        checkReaction: config.slack.checkReaction,
        core: services.core,
        logger,
        records: services.backend.records,
        server,
      })
    : undefined;
  const teams = config.teams.enabled ? await mountTeams(config, services, server, logger) : undefined;
  const signer = services.core.web.links;
  if (signer) mountAuditRoutes(server, { web: services.core.web, now: services.core.now, signer });
  // The dashboard (behind signed links) and, without platform credentials, the local playground.
  const web = mountWeb({ core: services.core, server, playground: config.playground.enabled, logger });
  if (web.playgroundMessenger) services.messengers.register('local', web.playgroundMessenger);
  if (config.playground.enabled && config.playground.mode === 'on' && (config.slack.configured || config.teams.configured)) {
    logger.warn(
      'PLAYGROUND=on: /playground lets anyone who reaches this server act in the local workspace without a login. Use it for development only.',
    );
  }
  // Digest and reminder posts are paced per conversation (about one a second), on both platforms.
  if (teams) services.messengers.register('teams', pacedMessenger(teams.messenger));
  if (slack) services.messengers.register('slack', pacedMessenger(slack.messenger));
  const scheduler = new DigestScheduler({
    core: services.core,
    logger,
    instanceId: services.instanceId,
    digestCron: config.digest.cron,
    timeZone: config.digest.timeZone,
  });
  registerAuditJobs(scheduler, services.core.evidenceJobs, logger);
  let port: number;
  try {
    ({ port } = await server.listen());
    listening = port;
    await slack?.start();
  } catch (error) {
    await server.close();
    await services.close();
    throw error;
  }
  logger.info({ port, store: redactUrl(config.storeUrl), instance: services.instanceId }, 'customer-focus-bot is running');
  // The same checks `customer-focus doctor` prints; warnings go to the log for whoever operates it.
  for (const check of setupChecks(config)) if (check.kind === 'warning') logger.warn(check.text);
  // Started once the server listens; its first tick sends any digest missed while the bot was down.
  scheduler.start();
  let stopping: Promise<void> | undefined;
  return {
    port,
    services,
    scheduler,
    stop() {
      stopping ??= (async () => {
        logger.info('shutting down: finishing in-flight requests');
        // The ticker first: a tick in progress finishes while the store is still open.
        await scheduler.stop();
        await slack?.stop();
        await server.close();
        // Work acknowledged before it was done finishes while the store is still open.
        await slack?.drain();
        await teams?.drain();
        await services.close();
        logger.info('stopped');
      })();
      return stopping;
    },
  };
}

/**
 * The Teams endpoint, unless its credentials are incomplete (then the log says what to set). With
 * credentials botbuilder loads now; without them (a local try-out) on the endpoint's first request.
 */
async function mountTeams(
  config: Config,
  services: Services,
  server: ReturnType<typeof createHttpServer>,
  logger: Logger,
): Promise<TeamsAdapter | undefined> {
  const options = {
    teams: config.teams,
    core: services.core,
    logger,
    records: services.backend.records,
    server,
    instanceId: services.instanceId,
  };
  if (!config.teams.configured) return mountTeamsOnFirstUse(options);
  try {
    const { createTeamsAdapter } = await import('../adapters/teams/teams-app.js');
    return createTeamsAdapter(options);
  } catch (error) {
    if (!(error instanceof TeamsCredentialsError)) throw error;
    logger.error(`${error.message} Teams stays off until then.`);
    return undefined;
  }
}

/**
 * What a person starting the bot for the first time should read: where it runs, why it runs
 * locally (when it does), what to configure next. Warnings are in the log lines just above.
 */
export function startBanner(config: Config, port: number): string[] {
  const checks = setupChecks(config);
  return [
    `customer-focus-bot is running on http://localhost:${port} (health: http://localhost:${port}/healthz)`,
    ...(config.playground.enabled
      ? [`Playground: http://localhost:${port}${PLAYGROUND_PATH} (try the bot in your browser, no Slack or Teams needed)`]
      : []),
    ...checks.filter((check) => check.kind === 'local').map(setupLine),
    `Store: ${redactUrl(config.storeUrl)}`,
    ...(config.workers > 1 ? [`Processes: ${config.workers}, all serving port ${port} (WORKERS)`] : []),
    ...checks.filter((check) => check.kind === 'todo').map((check) => `Next: ${check.text}`),
  ];
}
