/**
 * Teams connector faults inside a turn (the proactive side is in test/teams/teams-connection):
 * the connector answering the bot's reply with 403, 429 or 500. Nothing recorded is lost, the
 * process keeps serving, and when Teams delivers the activity again the card is posted once.
 * The real CloudAdapter over HTTP; replies land on the fake connector.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TeamsBotHarness, startTeamsBot } from '../support/teams-bot.js';
import { ANN, channelMessage, CHANNEL, personalMessage } from '../support/teams/activities.js';
import { textOf } from '../support/teams/card-text.js';

const DECISION = 'We have decided to close the Oslo warehouse on Saturdays from March.';

let h: TeamsBotHarness;
beforeEach(async () => {
  h = await startTeamsBot();
});
afterEach(async () => {
  await h.close();
});

const cards = () =>
  h.connector.delivered().filter((call) => call.kind === 'reply' && textOf(call).includes('How does this decision affect customers?'));
const checks = () => h.bot.services.core.deps.checks.listStarted(h.workspaceId, { from: new Date(0), to: new Date(Date.now() + 60_000) });

describe('Teams connector faults during a turn', () => {
  it('a 429 on the reply is retried and the card is posted once', async () => {
    const message = channelMessage({ serviceUrl: h.connector.url, text: DECISION });
    h.connector.fail(`${CHANNEL};messageid=${String(message.id)}`, { status: 429, retryAfterSeconds: 0 });
    expect((await h.send(message)).status).toBe(200);
    expect(cards()).toHaveLength(1);
    expect(await checks()).toHaveLength(1);
  });

  it('a lasting 500 keeps the check; the redelivered activity posts its card once', async () => {
    const message = channelMessage({ serviceUrl: h.connector.url, text: DECISION });
    const thread = `${CHANNEL};messageid=${String(message.id)}`;
    h.connector.fail(thread, { status: 500 }, Number.POSITIVE_INFINITY);
    // Acknowledged at once; the adapter's own redeliveries of the work fail too, and the last
    // failure is logged with a reference.
    const first = await h.send(message);
    expect(first.status).toBe(200);
    expect(first.body).not.toMatch(/at .*\.js:\d+/); // no stack trace to the caller
    expect(cards()).toHaveLength(0);
    expect((await checks()).map((check) => check.text)).toEqual([DECISION]);
    expect(h.logs.filter((line) => line.msg === 'Teams activity failed after its acknowledgement; delivering it again')).toHaveLength(2);
    expect(h.logs.find((line) => line.msg === 'Teams turn failed')?.reference).toMatch(/^E-[A-Z0-9]{8}$/);

    // The connector recovers; Teams delivers the same activity again, twice.
    h.connector.fail(thread, { status: 500 }, 0);
    expect((await h.send(message)).status).toBe(200);
    expect((await h.send(message)).status).toBe(200);
    expect(cards()).toHaveLength(1);
    expect(await checks()).toHaveLength(1);
  }, 90_000);

  it('a 403 on the reply is logged without the token, and the bot goes on serving others', async () => {
    const message = channelMessage({ serviceUrl: h.connector.url, text: DECISION });
    h.connector.fail(`${CHANNEL};messageid=${String(message.id)}`, { status: 403, code: 'BotDisabledByAdmin' }, Number.POSITIVE_INFINITY);
    await h.send(message);
    expect(await checks()).toHaveLength(1);
    // A 403 will fail again on a retry: the core logs it and keeps the check, and the turn ends well.
    const failure = h.logs.find((line) => line.msg === 'could not post the decision prompt; the check is kept');
    expect(JSON.stringify(failure)).toContain('403');
    expect(JSON.stringify(h.logs)).not.toMatch(/Bearer\s+\S/);

    await h.send(personalMessage({ serviceUrl: h.connector.url, from: ANN, text: 'help' }));
    expect(
      h.connector
        .delivered()
        .filter((call) => call.kind !== 'create')
        .map(textOf)
        .at(-1),
    ).toMatch(/requirement/i);
  });
});
