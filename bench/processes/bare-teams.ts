/**
 * The baseline for Teams latency: a bare botbuilder bot on the same stack our bot uses (an
 * Express server, `express.json()`, a `CloudAdapter` with no credentials, so no token is checked
 * or fetched), whose ActivityHandler answers every message with an echo. Like ours, it answers
 * the HTTP request only when the turn is over, so its figure includes one round trip to the
 * (fake) connector: that is the framework's floor for a message that gets a reply.
 */
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import express from 'express';
import type { AddressInfo } from 'node:net';
import { announceReady, serveRequests } from '../lib/children.js';
import { residentMemory } from '../lib/memory.js';

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
adapter.onTurnError = async (_context, error) => {
  process.stderr.write(`bare-teams: turn failed: ${error instanceof Error ? error.message : String(error)}\n`);
};

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(`Echo: ${context.activity.text ?? '(a card submit)'}`);
      await next();
    });
  }
}
const bot = new EchoBot();

const app = express();
app.post('/api/messages', express.json({ limit: 256 * 1024 }), async (req, res) => {
  await adapter.process(req, res, (context) => bot.run(context));
});

const server = app.listen(0, '127.0.0.1');
await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
serveRequests({ memory: () => residentMemory() });
announceReady({ port: (server.address() as AddressInfo).port });
