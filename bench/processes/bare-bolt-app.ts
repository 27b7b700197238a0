/**
 * A bare Bolt app on the same receiver our bot uses (ExpressReceiver, signatures checked,
 * processBeforeResponse off), for the baselines of `slack-ack`. `commands` handles slash commands
 * (by default it only acks); every other request is only acknowledged.
 */
import { App, ExpressReceiver, LogLevel, type Middleware, type SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { AddressInfo } from 'node:net';
import { announceReady, serveRequests } from '../lib/children.js';
import { residentMemory } from '../lib/memory.js';

export async function serveBareBolt(commands: Middleware<SlackCommandMiddlewareArgs> = async ({ ack }) => ack()): Promise<void> {
  const receiver = new ExpressReceiver({
    signingSecret: process.env.BENCH_SIGNING_SECRET ?? '',
    endpoints: '/slack/events',
    processBeforeResponse: false,
    logLevel: LogLevel.ERROR,
  });
  // botId and botUserId given: Bolt needs no auth.test, so no Web API call happens at all.
  const app = new App({ receiver, token: 'xoxb-bare', botId: 'B0BARE', botUserId: 'U0BARE', logLevel: LogLevel.ERROR });
  app.command(/.*/, commands);
  app.action(/.*/, async ({ ack }) => ack());
  app.view(/.*/, async ({ ack }) => ack());
  app.event(/.*/, async () => undefined);

  const server = await receiver.start(0);
  serveRequests({ memory: () => residentMemory() });
  announceReady({ port: (server.address() as AddressInfo).port });
}
