/**
 * Runs the bot: store, core, the one HTTP server, and graceful shutdown. Platform adapters mount
 * their routes here as they arrive (Slack at /slack/events, Teams at /api/messages).
 */
import type { Config } from '../config.js';
import { ConfigError, describeNextSteps, productionProblems } from '../config.js';
import { createHttpServer } from '../adapters/http/server.js';
import type { Logger } from '../adapters/logging/logger.js';
import { redactUrl } from '../adapters/storage/redact-url.js';
import { createSlackAdapter } from '../adapters/slack/slack-app.js';
import { type TeamsAdapter, createTeamsAdapter } from '../adapters/teams/teams-app.js';
import { TeamsCredentialsError } from '../adapters/teams/teams-auth.js';
import { type Services, openServices } from './services.js';

export interface RunningBot {
  readonly port: number;
  /** The running core, for the CLI's in-process checks and for tests that inspect what was stored. */
  readonly services: Services;
  /** Stops taking requests, lets in-flight ones finish, then closes the store. Idempotent. */
  stop(): Promise<void>;
}

export async function startBot(config: Config, logger: Logger): Promise<RunningBot> {
  const refusals = productionProblems(config);
  if (refusals.length > 0) throw new ConfigError(refusals);
  const services = await openServices(config, logger);
  const server = createHttpServer({
    logger,
    port: config.port,
    health: async () => {
      try {
        await services.backend.ping();
        return { ok: true };
      } catch (error) {
        return { ok: false, reason: `the store is unreachable: ${error instanceof Error ? error.message : String(error)}` };
      }
    },
  });
  // Platform adapters mount their routes on the one server before it starts listening.
  const slack = config.slack.configured
    ? createSlackAdapter({ slack: config.slack, checkReaction: config.slack.checkReaction, core: services.core, logger, records: services.backend.records, server })
    : undefined;
  const teams = config.teams.enabled ? mountTeams(config, services, server, logger) : undefined;
  if (teams) services.messengers.register('teams', teams.messenger);
  let port: number;
  try {
    ({ port } = await server.listen());
    await slack?.start();
  } catch (error) {
    await server.close();
    await services.close();
    throw error;
  }
  logger.info({ port, store: redactUrl(config.storeUrl), instance: services.instanceId }, 'customer-focus-bot is running');
  let stopping: Promise<void> | undefined;
  return {
    port,
    services,
    stop() {
      stopping ??= (async () => {
        logger.info('shutting down: finishing in-flight requests');
        await slack?.stop();
        await server.close();
        await services.close();
        logger.info('stopped');
      })();
      return stopping;
    },
  };
}

/** The Teams endpoint, unless its credentials are incomplete (then the log says what to set). */
function mountTeams(config: Config, services: Services, server: ReturnType<typeof createHttpServer>, logger: Logger): TeamsAdapter | undefined {
  try {
    return createTeamsAdapter({ teams: config.teams, core: services.core, logger, records: services.backend.records, server, instanceId: services.instanceId });
  } catch (error) {
    if (!(error instanceof TeamsCredentialsError)) throw error;
    logger.error(`${error.message} Teams stays off until then.`);
    return undefined;
  }
}

/** What a person starting the bot for the first time should read: where it runs, what is next. */
export function startBanner(config: Config, port: number): string[] {
  return [
    `customer-focus-bot is running on http://localhost:${port} (health: http://localhost:${port}/healthz)`,
    `Store: ${redactUrl(config.storeUrl)}`,
    ...describeNextSteps(config).map((step) => `Next: ${step}`),
  ];
}
