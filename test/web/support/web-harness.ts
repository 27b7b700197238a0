/**
 * The web adapter on the bot's real HTTP server, over the real core and a real store, with a clock
 * and ids the test controls and a link signer like the composition root's. Nothing of ours is
 * replaced; the harness only assembles the parts the way src/app/start.ts does.
 */
import { Writable } from 'node:stream';
import { createHttpServer } from '../../../src/adapters/http/server.js';
import { createLogger } from '../../../src/adapters/logging/logger.js';
import { openBackend } from '../../../src/adapters/storage/open-backend.js';
import type { Backend } from '../../../src/adapters/storage/primitives.js';
import { createRepositories } from '../../../src/adapters/storage/repositories/index.js';
import { mountAuditRoutes } from '../../../src/adapters/audit/download-route.js';
import { mountWeb } from '../../../src/adapters/web/web-adapter.js';
import { MessengerRegistry } from '../../../src/app/messenger-registry.js';
import { detectDecision } from '../../../src/core/detection/detect-decision.js';
import type { Role } from '../../../src/core/domain/roles.js';
import type { Actor } from '../../../src/core/domain/shared.js';
import { LOCAL_WORKSPACE_ID } from '../../../src/core/domain/workspace.js';
import { type Core, createCore } from '../../../src/core/index.js';
import { type LinkGrant, type LinkPurpose, createLinkSigner } from '../../../src/core/links/signed-links.js';
import type { CoreDeps, LinkService } from '../../../src/core/ports.js';
import { dashboardPath } from '../../../src/core/dashboard/dashboard-link.js';
import { removeNamespace, uniqueNamespace } from '../../support/real-stores.js';
import { SequentialIds, TestClock } from '../../support/test-core.js';

export const LINK_SECRET = 'web-tests-link-secret-0123456789abcdef';
/** The chat workspace the tests use besides the playground's `local`. */
export const CHAT_WORKSPACE = 'slack:T0WEB';

export interface WebHarness {
  readonly url: string;
  readonly core: Core;
  readonly deps: CoreDeps;
  readonly clock: TestClock;
  readonly backend: Backend;
  readonly messengers: MessengerRegistry;
  /** Log lines the server wrote, parsed. */
  readonly logs: Record<string, unknown>[];
  /** A person with this role in a workspace (stored like an admin would). */
  actor(role: Role, workspaceId?: string, id?: string): Promise<Actor>;
  /** Signs a link as the `dashboard` command would (evidence included); returns its full URL. */
  link(options?: {
    role?: Role;
    workspaceId?: string;
    purpose?: LinkPurpose;
    ttlMs?: number;
  }): Promise<{ url: string; grant: LinkGrant; token: string }>;
  close(): Promise<void>;
}

export interface WebHarnessOptions {
  readonly storeUrl?: string;
  readonly playground?: boolean;
  /** Leave links out, as production without LINK_SECRET does. */
  readonly withoutLinks?: boolean;
  /** Wraps the opened backend (read counting). */
  readonly wrapBackend?: (backend: Backend) => Backend;
  readonly timeZone?: string;
}

export async function startWebHarness(options: WebHarnessOptions = {}): Promise<WebHarness> {
  const storeUrl = options.storeUrl ?? 'memory://';
  const namespace = uniqueNamespace();
  const opened = await openBackend(storeUrl, { namespace });
  const backend = options.wrapBackend ? options.wrapBackend(opened) : opened;
  const clock = new TestClock();
  const ids = new SequentialIds();
  const repositories = createRepositories(backend);
  let base = 'http://127.0.0.1:0';
  const links: LinkService = {
    signer: createLinkSigner({ clock, ids, ...repositories }, LINK_SECRET),
    get baseUrl() {
      return base;
    },
    urlFor: (path: string) => `${base}${path}`,
  };
  const messengers = new MessengerRegistry();
  const deps: CoreDeps = {
    clock,
    ids,
    ...repositories,
    ...(options.withoutLinks ? {} : { links }),
    adminUsers: new Set<string>(),
    defaultTimeZone: options.timeZone ?? 'Europe/Oslo',
    detect: detectDecision,
    defaultDigestCron: '0 9 * * 1',
    messengers,
  };
  const core = createCore(deps);
  await core.ensureWorkspace({ id: LOCAL_WORKSPACE_ID, platform: 'local', name: 'Local workspace' });
  await core.ensureWorkspace({ id: CHAT_WORKSPACE, platform: 'slack', name: 'Acme Support' });

  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const logger = createLogger('info', { destination: sink });
  const server = createHttpServer({
    logger,
    port: 0,
    host: '127.0.0.1',
    health: async () => ({ ok: true }),
  });
  // As in production (src/app/start.ts): download links wherever links are signed.
  if (!options.withoutLinks) mountAuditRoutes(server, { web: core.web, now: core.now, signer: links.signer });
  const web = mountWeb({ core, server, playground: options.playground ?? true, logger });
  if (web.playgroundMessenger) messengers.register('local', web.playgroundMessenger);
  const { port } = await server.listen();
  base = `http://127.0.0.1:${port}`;

  return {
    url: base,
    core,
    deps,
    clock,
    backend,
    messengers,
    logs,
    async actor(role, workspaceId = CHAT_WORKSPACE, id = `U_${role.toUpperCase()}`) {
      await deps.roles.set({ workspaceId, userId: id, role, assignedBy: 'test', assignedAt: clock.now().toISOString() });
      return { id, name: `${role} person`, workspaceId };
    },
    async link(request = {}) {
      const workspaceId = request.workspaceId ?? CHAT_WORKSPACE;
      const { token, grant } = await links.signer.issue({
        workspaceId,
        purpose: request.purpose ?? 'dashboard',
        role: request.role ?? 'member',
        issuedTo: `U_${(request.role ?? 'member').toUpperCase()}`,
        ...(request.ttlMs ? { ttlMs: request.ttlMs } : {}),
      });
      return { url: `${base}${dashboardPath(workspaceId, token)}`, grant, token };
    },
    async close() {
      await server.close();
      await backend.close();
      // Shared Redis and PostgreSQL servers keep nothing of the run.
      await removeNamespace(storeUrl, namespace);
    },
  };
}
