/**
 * The baseline for Slack ack latency: a bare Bolt app on the same receiver our bot uses
 * (ExpressReceiver, signatures checked, processBeforeResponse off), whose listeners only ack.
 * Whatever it costs is the framework's floor; our bot's figures are compared with it.
 */
import { App, ExpressReceiver, LogLevel } from '@slack/bolt';
import type { AddressInfo } from 'node:net';
import { announceReady, serveRequests } from '../lib/children.js';
import { residentMemory } from '../lib/memory.js';

const receiver = new ExpressReceiver({
  signingSecret: process.env.BENCH_SIGNING_SECRET ?? '',
  endpoints: '/slack/events',
  processBeforeResponse: false,
  logLevel: LogLevel.ERROR,
});
// botId and botUserId given: Bolt needs no auth.test, so no Web API call happens at all.
const app = new App({ receiver, token: 'xoxb-bare', botId: 'B0BARE', botUserId: 'U0BARE', logLevel: LogLevel.ERROR });
app.command(/.*/, async ({ ack }) => ack());
app.action(/.*/, async ({ ack }) => ack());
app.view(/.*/, async ({ ack }) => ack());
app.event(/.*/, async () => undefined);

const server = await receiver.start(0);
serveRequests({ memory: () => residentMemory() });
announceReady({ port: (server.address() as AddressInfo).port });
