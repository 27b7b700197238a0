/**
 * The composition root's shared half: opens the store and builds the core from the config.
 * Both the bot (`start`) and the one-shot CLI commands use it, so they see the same data.
 */
import { randomUUID } from 'node:crypto';
import type { Config } from '../config.js';
import type { Logger } from '../adapters/logging/logger.js';
import { openBackend } from '../adapters/storage/open-backend.js';
import type { Backend } from '../adapters/storage/primitives.js';
import { createRepositories } from '../adapters/storage/repositories/index.js';
import { randomIds, systemClock } from '../adapters/system.js';
import { detectDecision } from '../core/detection/detect-decision.js';
import { LOCAL_WORKSPACE_ID } from '../core/domain/workspace.js';
import { createLinkSigner } from '../core/links/signed-links.js';
import type { LinkOptions } from '../adapters/audit/link-options.js';
import { type Core, createCore } from '../core/index.js';
import { MessengerRegistry } from './messenger-registry.js';

export interface Services {
  readonly backend: Backend;
  readonly core: Core;
  readonly instanceId: string;
  /** Filled by the platform adapters at start-up; the core sends digests and reminders through it. */
  readonly messengers: MessengerRegistry;
  close(): Promise<void>;
}

/**
 * `links`: sign download and dashboard links (the running bot); one-shot commands need none.
 * `namespace`: the store namespace (default `cfb`), for tests that share one Redis or PostgreSQL.
 */
export async function openServices(
  config: Config,
  logger: Logger,
  options: { links?: LinkOptions; namespace?: string } = {},
): Promise<Services> {
  const backend = await openBackend(config.storeUrl, { logger, ...(options.namespace ? { namespace: options.namespace } : {}) });
  const instanceId = randomUUID();
  const messengers = new MessengerRegistry();
  const repositories = createRepositories(backend);
  const linkOptions = options.links;
  const links = linkOptions
    ? {
        signer: createLinkSigner({ clock: systemClock, ids: randomIds, ...repositories }, linkOptions.secret, linkOptions.ttlMs),
        // A getter: with PORT=0 the port is known only once the server listens.
        get baseUrl() {
          return linkOptions.baseUrl();
        },
        urlFor: (path: string) => `${linkOptions.baseUrl()}${path}`,
      }
    : undefined;
  const core = createCore(
    {
      clock: systemClock,
      ids: randomIds,
      ...repositories,
      ...(links ? { links } : {}),
      adminUsers: new Set(config.adminUsers),
      defaultTimeZone: config.digest.timeZone,
      detect: detectDecision,
      defaultDigestCron: config.digest.cron,
      messengers,
    },
    { log: logger },
  );
  // A fresh store has one workspace, `local`, so the CLI and the playground work at once.
  if ((await core.listWorkspaces()).length === 0) {
    await core.ensureWorkspace({ id: LOCAL_WORKSPACE_ID, platform: 'local', name: 'Local workspace' });
  }
  let closed = false;
  return {
    backend,
    core,
    instanceId,
    messengers,
    async close() {
      if (closed) return;
      closed = true;
      await backend.close();
    },
  };
}
