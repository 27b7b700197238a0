/**
 * Bad input over Slack's real HTTP path. Bodies of 1 MB and more are refused with 413 before they
 * are read; bodies that cannot be parsed get 400. Every command, given empty, huge,
 * control-character, right-to-left, zero-width or mention-injection text, gets a reply meant for a
 * person (never the "something went wrong" apology, never a stack trace, never a live mention),
 * and the store is left whole: nothing written by halves, no number used up and left empty.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedCall } from '../support/slack/fake-slack-api.js';
import { type SlackBotHarness, SIGNING_SECRET, TEAM, startSlackBot } from '../support/slack-bot.js';
import { signSlackRequest } from '../support/slack/signed-requests.js';
import { HOSTILE_TEXTS } from './support/hostile-texts.js';
import { expectStoreWhole } from './support/store-whole.js';

const directory = mkdtempSync(join(tmpdir(), 'cfb-bad-input-'));
const CHANNEL = 'C0BAD';
const ADMIN = 'U0ADMIN';

/** The common hostile texts, and Slack's own markup: mentions, links, formatting. */
const TEXTS: readonly [name: string, text: string][] = [
  ...HOSTILE_TEXTS,
  ['mention injection', '<!channel> <!here> <!everyone> <@U0VICTIM> <!subteam^S0TEAM|@leads> customer:"<!channel>"'],
  ['link injection', '<https://evil.example|Click to verify> *bold* `code` &amp; &lt;'],
];

/** Every command, with `{}` where the text goes. */
const TEMPLATES = [
  '/requirement {}',
  '/requirement add {}',
  '/requirement add Valid statement customer:"{}"',
  '/requirement list {}',
  '/requirement show {}',
  '/requirement edit REQ-1 {}',
  '/requirement review REQ-1 {}',
  '/requirement retire REQ-1 {}',
  '/requirement reassign {} <@U0KIM>',
  '/customer-feedback {} customer:Acme',
  '/customer-check {}',
  '/customer-focus {}',
  '/customer-focus settings {}',
  '/customer-focus role {} manager',
  '/customer-focus detection {}',
];

/** Slack turns these into notifications when they reach it unescaped. */
const LIVE_MENTION = /<!channel>|<!here>|<!everyone>|<@U0VICTIM>|<!subteam\^/;
const STACK_TRACE = /at .*\.(ts|js):\d+|Error: /;
const APOLOGY = /something went wrong on our side/;

let h: SlackBotHarness;
beforeAll(async () => {
  h = await startSlackBot({ STORE_URL: `sqlite://${join(directory, 'store.sqlite')}`, LOG_LEVEL: 'warn' });
});
afterAll(async () => {
  await h.close();
  rmSync(directory, { recursive: true, force: true });
});

const endpoint = () => `http://127.0.0.1:${h.bot.port}/slack/events`;

async function post(body: string | Uint8Array, headers: Record<string, string>): Promise<number> {
  const response = await fetch(endpoint(), { method: 'POST', headers, body });
  await response.arrayBuffer();
  return response.status;
}

describe('request bodies', () => {
  it.each([
    ['exactly 1 MB', 1_000_000],
    ['1 MiB', 1_048_576],
    ['5 MB', 5_000_000],
  ])('a body of %s gets 413, signed or not', async (_name, bytes) => {
    const body = `text=${'a'.repeat(bytes - 5)}`;
    expect(await post(body, { 'content-type': 'application/x-www-form-urlencoded', ...signSlackRequest(body, SIGNING_SECRET) })).toBe(413);
    expect(await post(body, { 'content-type': 'application/json' })).toBe(413);
  });

  it('a 2 MB body streamed without a length gets 413', async () => {
    // node:http rather than fetch: the answer comes while the body is still being sent, and the
    // status must be read even though the server then stops reading.
    const status = await new Promise<number>((resolve, reject) => {
      const request = httpRequest(endpoint(), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked', ...signSlackRequest('', SIGNING_SECRET) },
      });
      request.on('response', (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on('error', reject);
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      const write = () => {
        while (sent < 2_000_000) {
          sent += chunk.length;
          if (!request.write(chunk)) return void request.once('drain', write);
        }
        request.end();
      };
      write();
    });
    expect(status).toBe(413);
  });

  it.each([
    ['JSON cut short', 'application/json', '{"type":"event_callback","event":{"type":"message"'],
    ['JSON with a stray comma', 'application/json', '{"type":"event_callback",}'],
    ['not JSON at all', 'application/json', 'hello=world'],
    ['a form whose payload is not JSON', 'application/x-www-form-urlencoded', 'payload=%7Bnot%20json'],
    [
      'a form whose payload is cut short',
      'application/x-www-form-urlencoded',
      `payload=${encodeURIComponent('{"type":"block_actions","actions":[')}`,
    ],
  ])('%s, correctly signed, gets 400', async (_name, contentType, body) => {
    expect(await post(body, { 'content-type': contentType, ...signSlackRequest(body, SIGNING_SECRET) })).toBe(400);
  });

  it('the bot is still healthy and nothing was recorded', async () => {
    expect((await fetch(`http://127.0.0.1:${h.bot.port}/healthz`)).status).toBe(200);
    expect(await h.bot.services.core.deps.evidence.lastSeq(h.workspaceId)).toBe(0);
    expect(h.api.calls.map((call) => call.method)).toEqual([]);
  });
});

describe('every command with hostile text', () => {
  let seed: string;
  beforeAll(async () => {
    // REQ-1 exists, so edit, review, retire and show have something to refuse or change.
    await h.slack.command('/requirement', 'add Deliveries to Norway within 5 days customer:"Acme AS"', {
      userId: ADMIN,
      teamId: TEAM,
      channelId: CHANNEL,
    });
    seed = JSON.stringify((await h.api.waitForCall('response_url')).body);
    h.api.clear();
  });

  const cases = TEMPLATES.flatMap((template) => TEXTS.map(([name, text]) => ({ template, name, line: template.replace('{}', text) })));

  it(`${cases.length} commands: a reply for a person each, no live mention, no half-written data`, { timeout: 120_000 }, async () => {
    expect(seed).toContain('REQ-1');
    const problems: string[] = [];
    for (const [i, { template, name, line }] of cases.entries()) {
      const [command = '', ...rest] = line.split(' ');
      const responseUrl = `${h.api.origin}/response/bad/${i}`;
      const triggerId = `trigger-bad-${i}`;
      const before = h.api.calls.length;
      const status = (
        await h.slack.command(command, rest.join(' '), { userId: ADMIN, teamId: TEAM, channelId: CHANNEL, responseUrl, triggerId })
      ).status;
      if (status !== 200) problems.push(`${template} / ${name}: HTTP ${status}`);
      // Each command ends in one thing the person sees: a private reply, a form, or a post.
      const isOutcome = (call: RecordedCall) =>
        (call.method === 'response_url' && call.path === `/response/bad/${i}`) ||
        (call.method === 'views.open' && call.body.trigger_id === triggerId) ||
        call.method === 'chat.postMessage';
      const outcome = await expect
        .poll(() => h.api.calls.slice(before).find(isOutcome), { timeout: 10_000, interval: 5 })
        .toBeDefined()
        .then(
          () => h.api.calls.slice(before).find(isOutcome),
          () => undefined,
        );
      if (!outcome) {
        problems.push(`${template} / ${name}: no reply at all`);
        continue;
      }
      const shown = JSON.stringify(replyOf(outcome));
      if (!shown || shown === '{}') problems.push(`${template} / ${name}: an empty reply`);
      if (APOLOGY.test(shown)) problems.push(`${template} / ${name}: the unexpected-error apology`);
      if (STACK_TRACE.test(shown)) problems.push(`${template} / ${name}: a stack trace`);
      if (LIVE_MENTION.test(shown)) problems.push(`${template} / ${name}: a live mention in ${shown.slice(0, 200)}`);
    }
    expect(problems).toEqual([]);
    expect(h.logs.filter((entry) => entry.msg === 'Slack listener failed')).toEqual([]);
    expect((await fetch(`http://127.0.0.1:${h.bot.port}/healthz`)).status).toBe(200);

    await expectStoreWhole(h.bot.services, h.workspaceId);
  });
});

/** What the person sees of a call: the reply, the form, or the post. */
function replyOf(call: RecordedCall): unknown {
  if (call.method === 'views.open') return call.body.view;
  return { text: call.body.text, blocks: call.body.blocks };
}
