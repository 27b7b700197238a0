/**
 * The web adapter: the read-only dashboard (always, behind signed links), its files, the privacy
 * and terms pages the Teams package links to, and the local playground (when switched on). All on
 * the bot's one HTTP server, mounted before it listens.
 */
import type { Core } from '../../core/index.js';
import type { Messenger } from '../../core/ports.js';
import type { HttpServer } from '../http/server.js';
import { loopbackOnly } from '../http/loopback-only.js';
import type { Logger } from '../logging/logger.js';
import { mountAboutPages } from './about-pages.js';
import { assetsRouter } from './assets.js';
import { dashboardRouter } from './dashboard/routes.js';
import { PlaygroundBot } from './playground/playground-bot.js';
import { playgroundRouter } from './playground/routes.js';

export const PLAYGROUND_PATH = '/playground';

export interface WebAdapterOptions {
  readonly core: Core;
  readonly server: HttpServer;
  /** Serve the playground (PLAYGROUND: on, or auto without platform credentials). */
  readonly playground: boolean;
  /** For refused requests to the playground. */
  readonly logger: Logger;
}

export interface WebAdapter {
  /** Delivers the digest and reminders of the `local` workspace into the playground; absent when it is off. */
  readonly playgroundMessenger?: Messenger;
}

export function mountWeb(options: WebAdapterOptions): WebAdapter {
  const { core, server } = options;
  server.mount('/assets', assetsRouter());
  // The Teams package links here by default (privacyUrl, termsOfUseUrl).
  mountAboutPages(server);
  server.mount('/dashboard', dashboardRouter(core));
  if (!options.playground) return {};
  const bot = new PlaygroundBot(core);
  // It acts as the admin "Dana" without a login: this machine only.
  server.mount(PLAYGROUND_PATH, loopbackOnly('The playground', options.logger));
  server.mount(PLAYGROUND_PATH, playgroundRouter(bot));
  // Someone who opens the bot's address in a browser is looking for the playground.
  server.app.get('/', (_req, res) => res.redirect(302, PLAYGROUND_PATH));
  return { playgroundMessenger: bot.messenger() };
}
