/**
 * The Teams endpoint without credentials, for trying the bot out from this machine (the Bot
 * Framework Emulator, the tests' fake connector): botbuilder is loaded on the first request, not at
 * start-up. Loading it takes about half a second and keeps some 18 MB of heap for as long as the
 * process runs, which a Slack-only deployment or a playground session never uses. With
 * credentials the adapter is made at start-up (teams-app.ts), as Teams will be used.
 *
 * This file imports nothing from botbuilder, so importing it loads none of it.
 */
import express, { type RequestHandler } from 'express';
import type { HttpServer } from '../http/server.js';
import { loopbackOnly } from '../http/loopback-only.js';
import type { TeamsAdapter, TeamsAdapterOptions } from './teams-app.js';

const PATH = '/api/messages';

export function mountTeamsOnFirstUse(
  options: Omit<TeamsAdapterOptions, 'server'> & { readonly server: Pick<HttpServer, 'mount'> },
): TeamsAdapter {
  // Routes the adapter mounts when it is made; requests reach them through the handler below.
  const routes = express.Router();
  let loading: Promise<TeamsAdapter> | undefined;
  const adapter = (): Promise<TeamsAdapter> =>
    (loading ??= import('./teams-app.js').then(({ createTeamsAdapter }) =>
      createTeamsAdapter({ ...options, server: { mount: (_path, handler) => routes.use(handler) } }),
    ));

  // Refused before anything loads: only this machine may make the bot load Teams at all.
  options.server.mount(PATH, loopbackOnly('The Teams endpoint (without credentials)', options.logger));
  const onFirstUse: RequestHandler = (req, res, next) => {
    adapter().then(() => routes(req, res, next), next);
  };
  options.server.mount(PATH, onFirstUse);

  return {
    authenticated: false,
    messenger: { send: async (workspaceId, destination, message) => (await adapter()).messenger.send(workspaceId, destination, message) },
    // Nothing to wait for unless a request made the adapter.
    drain: async () => {
      if (loading) await (await loading).drain();
    },
  };
}
