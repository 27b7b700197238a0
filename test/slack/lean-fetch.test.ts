/**
 * The Web API client's lean fetch (issue 17), driven through the real WebClient against the local
 * fake Slack: answers, Slack's errors, a 429 with Retry-After, other HTTP statuses, a hung call
 * cut by the client's timeout, and a refused connection all reach the caller as they do through
 * the built-in fetch. A body it cannot send lean goes to the built-in fetch.
 */
import { type Server, createServer } from 'node:http';
import { type Logger, LogLevel, WebClient, WebClientEvent, type WebAPICallError } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leanFetch } from '../../src/adapters/slack/lean-fetch.js';
import { type FakeSlackApi, startFakeSlackApi } from '../support/slack/fake-slack-api.js';

let slack: FakeSlackApi;
// The client's own warnings about the failures these tests provoke are expected: kept out of the output.
const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel: () => LogLevel.ERROR, setName() {} };
beforeAll(async () => {
  slack = await startFakeSlackApi();
});
afterAll(() => slack.close());

interface ClientOptions {
  readonly timeout?: number;
  readonly retries?: number;
  /** The Web API's base URL; the fake Slack's by default. */
  readonly apiUrl?: string;
}

const clientWith = (fetch: typeof globalThis.fetch, options: ClientOptions = {}) =>
  new WebClient('xoxb-lean-fetch-test', {
    logger: quiet,
    slackApiUrl: options.apiUrl ?? slack.url,
    fetch,
    timeout: options.timeout ?? 5_000,
    retryConfig: { retries: options.retries ?? 0, minTimeout: 1, maxTimeout: 1 },
  });

/** Starts `server` on a free loopback port; resolves with the port. */
async function listening(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

const closing = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

async function failureOf(call: Promise<unknown>): Promise<WebAPICallError> {
  try {
    await call;
  } catch (error) {
    return error as WebAPICallError;
  }
  throw new Error('the call succeeded');
}

describe('the lean fetch under the Web API client', () => {
  it('posts the form and returns the answer, as the built-in fetch does', async () => {
    const answers = [];
    for (const fetch of [leanFetch, globalThis.fetch]) {
      const result = await clientWith(fetch).chat.postMessage({ channel: 'C0LEAN', text: 'Saved REQ-1 — "quoted" & <escaped>' });
      answers.push({ ok: result.ok, channel: result.channel, text: (result.message as { text?: string } | undefined)?.text });
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]).toMatchObject({ ok: true, channel: 'C0LEAN', text: 'Saved REQ-1 — "quoted" & <escaped>' });
    const sent = slack.callsTo('chat.postMessage').slice(-2);
    expect(sent[0]?.body).toEqual(sent[1]?.body);
    expect(sent[0]?.token).toBe('xoxb-lean-fetch-test');
  });

  it("reports Slack's errors, rate limits and other statuses as the built-in fetch does", async () => {
    const codes = [];
    for (const fetch of [leanFetch, globalThis.fetch]) {
      const client = clientWith(fetch);
      slack.failNext('chat.postMessage', { kind: 'error', error: 'channel_not_found' });
      const refused = await failureOf(client.chat.postMessage({ channel: 'C0GONE', text: 'x' }));
      slack.failNext('chat.update', { kind: 'http', status: 500, body: 'boom' });
      const broken = await failureOf(client.chat.update({ channel: 'C0LEAN', ts: '1.2', text: 'x' }));
      codes.push({
        refused: [refused.code, (refused as { data?: { error?: string } }).data?.error],
        broken: [broken.code, (broken as { statusCode?: number }).statusCode],
      });
    }
    expect(codes[0]).toEqual(codes[1]);
    expect(codes[0]).toEqual({ refused: ['slack_webapi_platform_error', 'channel_not_found'], broken: ['slack_webapi_http_error', 500] });
  });

  it('honours Retry-After on a 429 and then succeeds, with the unread 429 body not holding the connection', async () => {
    const client = clientWith(leanFetch, { retries: 1 });
    let limited = 0;
    client.on(WebClientEvent.RATE_LIMITED, () => {
      limited += 1;
    });
    slack.failNext('chat.postMessage', { kind: 'ratelimited', retryAfterSeconds: 0 });
    const result = await client.chat.postMessage({ channel: 'C0LEAN', text: 'after the limit' });
    expect(result.ok).toBe(true);
    expect(limited).toBe(1);
  });

  it("cuts a hung call at the client's timeout and reports a refused connection", async () => {
    slack.failNext('chat.postMessage', { kind: 'hang' });
    const hung = await failureOf(clientWith(leanFetch, { timeout: 200 }).chat.postMessage({ channel: 'C0LEAN', text: 'x' }));
    expect(hung.code).toBe('slack_webapi_request_error');
    const closed = createServer();
    const port = await listening(closed);
    await closing(closed);
    const nobody = clientWith(leanFetch, { apiUrl: `http://127.0.0.1:${port}/api/` });
    expect((await failureOf(nobody.auth.test())).code).toBe('slack_webapi_request_error');
  });

  it('refuses a redirect, as the client asks, and leaves bodies it cannot send lean to the built-in fetch', async () => {
    const redirecting = createServer((_req, res) => res.writeHead(302, { location: 'http://127.0.0.1:1/elsewhere' }).end());
    const port = await listening(redirecting);
    try {
      const client = clientWith(leanFetch, { apiUrl: `http://127.0.0.1:${port}/api/` });
      expect((await failureOf(client.auth.test())).code).toBe('slack_webapi_request_error');
    } finally {
      await closing(redirecting);
    }
    const form = new FormData();
    form.set('channel', 'C0FORM');
    form.set('text', 'sent by the built-in fetch');
    const response = await leanFetch(`${slack.url}chat.postMessage`, {
      method: 'POST',
      body: form,
      headers: { authorization: 'Bearer xoxb-lean-fetch-test' },
    });
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(200);
  });
});
