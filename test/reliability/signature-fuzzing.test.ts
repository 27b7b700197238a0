/**
 * Signature fuzzing: 1,000 requests that are genuine Slack requests with one thing changed (a
 * byte of the body, the timestamp, the signature, a header) or genuine requests replayed after
 * Slack's five minutes. Every one gets 401, and none leaves a trace: no call to Slack, no
 * workspace, no record, no evidence entry. The generator is seeded; a failure names its seed.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackBotHarness, SIGNING_SECRET, TEAM, startSlackBot } from '../support/slack-bot.js';
import { signSlackRequest } from '../support/slack/signed-requests.js';
import { type Random, seededRandom } from './support/seeded-random.js';

const REQUESTS = 1000;
const IN_FLIGHT = 25;
const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

interface Genuine {
  readonly body: string;
  readonly contentType: string;
}

interface Attempt {
  readonly kind: string;
  readonly body: string;
  readonly headers: Record<string, string>;
}

const now = () => Math.floor(Date.now() / 1000);
const hmac = (secret: string, timestamp: number | string, body: string) =>
  `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;

/** Genuine requests of every kind the bot takes: commands, clicks, form submissions, events. */
function genuineRequests(h: SlackBotHarness): Genuine[] {
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const payload = (p: Record<string, unknown>) => form({ payload: JSON.stringify(p) });
  return [
    {
      body: form(h.slack.slashCommand('/requirement', 'add Deliveries within 5 days customer:"Acme AS"', { userId: 'U1', teamId: TEAM })),
      contentType: FORM,
    },
    { body: form(h.slack.slashCommand('/customer-focus', 'role <@U2> admin', { userId: 'U1', teamId: TEAM })), contentType: FORM },
    {
      body: form(
        h.slack.slashCommand('/customer-feedback', 'Slow support customer:Acme sentiment:negative', { userId: 'U1', teamId: TEAM }),
      ),
      contentType: FORM,
    },
    {
      body: payload(h.slack.blockAction({ actionId: 'check.answer:0', value: 'c1|positive', userId: 'U1', teamId: TEAM, channelId: 'C1' })),
      contentType: FORM,
    },
    {
      body: payload(
        h.slack.viewSubmission({
          callbackId: 'form:requirement.add',
          privateMetadata: '{}',
          userId: 'U1',
          teamId: TEAM,
          values: { statement: { statement: { type: 'plain_text_input', value: 'Forged requirement' } } },
        }),
      ),
      contentType: FORM,
    },
    {
      body: JSON.stringify(
        h.slack.eventEnvelope(
          h.slack.messageEvent({ channel: 'C1', user: 'U1', text: 'Decision: we stop shipping to Iceland from March.' }),
        ),
      ),
      contentType: JSON_TYPE,
    },
    { body: JSON.stringify(h.slack.eventEnvelope(h.slack.memberJoinedChannel({ user: 'U0BOT', channel: 'C2' }))), contentType: JSON_TYPE },
  ];
}

function flipChar(text: string, random: Random): string {
  const at = random.below(text.length);
  const original = text.charCodeAt(at);
  let replacement = original;
  while (replacement === original) replacement = 32 + random.below(95);
  return `${text.slice(0, at)}${String.fromCharCode(replacement)}${text.slice(at + 1)}`;
}

/** One genuine request with one thing changed, or replayed too late; never the genuine request itself. */
function mutate(genuine: Genuine, other: Genuine, random: Random): Attempt {
  const ts = now();
  const signature = hmac(SIGNING_SECRET, ts, genuine.body);
  const headers = (overrides: Record<string, string | undefined>): Record<string, string> => {
    const all: Record<string, string | undefined> = {
      'content-type': genuine.contentType,
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': signature,
      ...overrides,
    };
    return Object.fromEntries(Object.entries(all).filter((entry): entry is [string, string] => entry[1] !== undefined));
  };
  const mutations: (() => Attempt)[] = [
    () => ({ kind: 'body: one character changed', body: flipChar(genuine.body, random), headers: headers({}) }),
    () => ({ kind: 'body: truncated', body: genuine.body.slice(0, 1 + random.below(genuine.body.length - 1)), headers: headers({}) }),
    () => ({
      kind: 'body: something appended',
      body: `${genuine.body}${random.pick(['&admin=true', ' ', '\n', '&text=x', '}'])}`,
      headers: headers({}),
    }),
    () => ({
      kind: 'body: another request under this signature',
      body: other.body,
      headers: headers({ 'content-type': other.contentType }),
    }),
    () => ({
      kind: 'timestamp: moved',
      body: genuine.body,
      headers: headers({ 'x-slack-request-timestamp': String(ts + random.pick([-1, 1]) * (1 + random.below(299))) }),
    }),
    () => ({
      kind: 'timestamp: not a number',
      body: genuine.body,
      headers: headers({ 'x-slack-request-timestamp': random.pick(['', 'abc', `${ts}.5x`, 'NaN', '-']) }),
    }),
    () => ({ kind: 'timestamp: missing', body: genuine.body, headers: headers({ 'x-slack-request-timestamp': undefined }) }),
    () => {
      // A genuine request captured earlier and sent again after Slack's five minutes.
      const then = ts - 301 - random.below(7 * 86_400);
      return {
        kind: 'replay: older than five minutes',
        body: genuine.body,
        headers: headers({ 'x-slack-request-timestamp': String(then), 'x-slack-signature': hmac(SIGNING_SECRET, then, genuine.body) }),
      };
    },
    () => ({
      kind: 'signature: one hex digit changed',
      body: genuine.body,
      headers: headers({ 'x-slack-signature': `v0=${flipHex(signature.slice(3), random)}` }),
    }),
    () => ({
      kind: 'signature: truncated',
      body: genuine.body,
      headers: headers({ 'x-slack-signature': signature.slice(0, 3 + random.below(signature.length - 3)) }),
    }),
    () => ({
      kind: 'signature: other version',
      body: genuine.body,
      headers: headers({ 'x-slack-signature': signature.replace(/^v0=/, random.pick(['v1=', 'V0=', '', 'v0:', 'v0=='])) }),
    }),
    () => ({
      kind: 'signature: upper case',
      body: genuine.body,
      headers: headers({ 'x-slack-signature': `v0=${signature.slice(3).toUpperCase()}` }),
    }),
    () => ({ kind: 'signature: empty', body: genuine.body, headers: headers({ 'x-slack-signature': '' }) }),
    () => ({ kind: 'signature: missing', body: genuine.body, headers: headers({ 'x-slack-signature': undefined }) }),
    () => ({
      kind: 'signature: wrong secret',
      body: genuine.body,
      headers: headers({ 'x-slack-signature': hmac(`${SIGNING_SECRET}x`, ts, genuine.body) }),
    }),
    () => ({
      kind: 'signature: of another request',
      body: genuine.body,
      headers: headers({ 'x-slack-signature': hmac(SIGNING_SECRET, ts, other.body) }),
    }),
    () => ({
      kind: 'signature: sent twice',
      body: genuine.body,
      headers: headers({ 'x-slack-signature': `${hmac(SIGNING_SECRET, ts, other.body)}, ${signature}` }),
    }),
    () => ({
      kind: 'headers: both missing',
      body: genuine.body,
      headers: headers({ 'x-slack-signature': undefined, 'x-slack-request-timestamp': undefined }),
    }),
  ];
  return random.pick(mutations)();
}

function flipHex(hex: string, random: Random): string {
  const at = random.below(hex.length);
  const digits = '0123456789abcdef'.replace(hex.charAt(at), '');
  return `${hex.slice(0, at)}${digits.charAt(random.below(digits.length))}${hex.slice(at + 1)}`;
}

describe(`signature fuzzing (seed ${SEED}; rerun with FUZZ_SEED=${SEED})`, () => {
  let h: SlackBotHarness;
  beforeAll(async () => {
    h = await startSlackBot({ LOG_LEVEL: 'warn' });
  });
  afterAll(() => h.close());

  it(`${REQUESTS} mutated or replayed requests all get 401 and record nothing`, { timeout: 120_000 }, async () => {
    const random = seededRandom(SEED);
    const genuine = genuineRequests(h);
    // The genuine requests themselves would be accepted: the mutations, not the set-up, are refused.
    const sample = genuine[0];
    if (!sample) throw new Error('no genuine request');
    const attempts = Array.from({ length: REQUESTS }, () => {
      const [first, second] = [random.pick(genuine), random.pick(genuine.filter((g) => g !== sample))];
      return mutate(first, second === first ? sample : second, random);
    });
    const endpoint = `http://127.0.0.1:${h.bot.port}/slack/events`;
    const refusedWith = new Map<string, number[]>();
    for (let start = 0; start < attempts.length; start += IN_FLIGHT) {
      await Promise.all(
        attempts.slice(start, start + IN_FLIGHT).map(async (attempt) => {
          const response = await fetch(endpoint, { method: 'POST', headers: attempt.headers, body: attempt.body });
          await response.arrayBuffer();
          refusedWith.set(attempt.kind, [...(refusedWith.get(attempt.kind) ?? []), response.status]);
        }),
      );
    }
    const notRefused = [...refusedWith].flatMap(([kind, statuses]) =>
      statuses.filter((status) => status !== 401).map((status) => `${kind}: ${status}`),
    );
    expect(notRefused).toEqual([]);
    expect([...refusedWith.values()].flat()).toHaveLength(REQUESTS);
    // Every kind of mutation was tried.
    expect(refusedWith.size).toBeGreaterThanOrEqual(15);

    expect(h.api.calls.map((call) => call.method)).toEqual([]);
    const { core, backend } = h.bot.services;
    expect((await core.listWorkspaces()).map((workspace) => workspace.id)).toEqual(['local']);
    expect(await core.deps.evidence.lastSeq(h.workspaceId)).toBe(0);
    expect(await core.deps.requirements.list(h.workspaceId)).toEqual([]);
    expect(await backend.counters.current(`ws:${h.workspaceId}:req`)).toBe(0);
    expect(h.logs.filter((line) => line.level === 'error')).toEqual([]);

    // The same bot still serves a genuine request: the 401s were about the requests, not the bot.
    const signed = signSlackRequest(sample.body, SIGNING_SECRET);
    const genuineResponse = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': sample.contentType, ...signed },
      body: sample.body,
    });
    expect(genuineResponse.status).toBe(200);
    await h.api.waitForCall('response_url');
  });
});
