/**
 * Messages are acknowledged before their work: the HTTP answer comes once the adapter has
 * authenticated the activity, and the work runs after it through a proactive continuation. The
 * connector is held to show the answer did not wait for it; the harness's `settled` (a promise,
 * no timer) says when the work is over.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkAfterAck, workAfterAckOf } from '../../src/adapters/http/work-after-ack.js';
import { createLogger } from '../../src/adapters/logging/logger.js';
import { type TeamsBotHarness, startTeamsBot } from '../support/teams-bot.js';
import { BEN, CHANNEL, PERSONAL, cardSubmit, channelMessage, personalMessage } from '../support/teams/activities.js';
import { buttonsOf, textOf } from '../support/teams/card-text.js';
import type { ConnectorCall } from '../support/teams/fake-connector.js';

const DECISION = "We've decided to move support hours to 9-17 from January.";

let h: TeamsBotHarness;
beforeEach(async () => {
  h = await startTeamsBot();
});
afterEach(async () => {
  await h.close();
});

/** The last post of the bot in a conversation (the test fails when there is none). */
function lastReply(conversationId: string): ConnectorCall {
  const call = replies(conversationId).at(-1);
  if (!call) throw new Error(`the bot posted nothing in ${conversationId}`);
  return call;
}

const replies = (conversationId: string) =>
  h.connector.delivered().filter((call) => (call.kind === 'reply' || call.kind === 'send') && call.conversationId === conversationId);

describe('Teams work after the acknowledgement', () => {
  it('acknowledges a card submit before its work; a failure after that still ends in the evidence and the apology with a reference', async () => {
    const decision = channelMessage({ serviceUrl: h.connector.url, text: DECISION });
    await h.send(decision);
    const thread = `${CHANNEL};messageid=${String(decision.id)}`;
    const card = lastReply(thread);
    const negative = buttonsOf(card).find((button) => button.title === 'Negative');
    await h.send(
      cardSubmit({
        serviceUrl: h.connector.url,
        from: BEN,
        conversationId: thread,
        replyToId: String(card.createdId),
        value: negative?.data ?? {},
      }),
    );
    const form = lastReply(thread);
    const record = buttonsOf(form).find((button) => button.title === 'Record');

    // The form card's update fails (with the connector client's own retries) after the answer is stored.
    h.connector.fail(thread, { status: 500 }, 4);
    const gate = h.connector.hold(thread);
    const ack = await h.post(
      cardSubmit({
        serviceUrl: h.connector.url,
        from: BEN,
        conversationId: thread,
        replyToId: String(form.createdId),
        value: { ...record?.data, impact: 'none', explanation: 'Only the internal rota changes' },
      }),
    );
    expect(ack.status).toBe(200);
    await gate.reached; // the work reached the connector after the acknowledgement
    gate.release();
    await h.settled();

    const checks = await h.bot.services.core.deps.checks.listStarted(h.workspaceId, {
      from: new Date(0),
      to: new Date(Date.now() + 60_000),
    });
    const answers = await h.bot.services.core.deps.checks.listAnswers(h.workspaceId, checks[0]?.id ?? '');
    expect(answers.map((answer) => answer.impact)).toEqual(['none']);
    const apology = textOf(lastReply(thread));
    expect(apology).toMatch(/Your change was saved, but something went wrong afterwards/);
    const reference = /reference (E-[A-Z0-9]{8})/.exec(apology)?.[1];
    const logged = h.logs.find((line) => line.msg === 'interaction failed');
    expect(logged).toMatchObject({ reference, progress: 'saved', interaction: 'form.submit' });
  });

  it('shutdown drains the work of acknowledged messages before the store closes', async () => {
    const gate = h.connector.hold(PERSONAL);
    const ack = await h.post(personalMessage({ serviceUrl: h.connector.url, text: 'requirement add Spare parts within 48 hours' }));
    expect(ack.status).toBe(200);
    await gate.reached;

    let drained = false;
    const draining = (workAfterAckOf(h.bot.services.core)?.drain() ?? Promise.reject(new Error('no Teams work registered'))).then(() => {
      drained = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(drained).toBe(false); // the reply is still held at the connector
    gate.release();
    await draining;

    expect(replies(PERSONAL).map(textOf).join('\n')).toMatch(/REQ-1/);
    expect((await h.bot.services.core.deps.requirements.list(h.workspaceId)).map((requirement) => requirement.statement)).toEqual([
      'Spare parts within 48 hours',
    ]);
  });
});

describe('the bounds on work after acknowledgements', () => {
  it('queues work beyond what runs at once, and lets the next acknowledgement wait once the queue is full', async () => {
    const work = new WorkAfterAck(createLogger('silent'), 'Teams', { concurrency: 1, queueLimit: 1 });
    let finishFirst = () => {};
    const first = new Promise<void>((resolve) => (finishFirst = resolve));
    const started: string[] = [];
    await work.admit(() => first);
    await work.admit(async () => {
      started.push('second');
    });
    let thirdAdmitted = false;
    const third = work
      .admit(async () => {
        started.push('third');
      })
      .then(() => {
        thirdAdmitted = true;
      });
    await new Promise((resolve) => setImmediate(resolve));
    expect({ started, thirdAdmitted, inFlight: work.inFlight }).toEqual({ started: [], thirdAdmitted: false, inFlight: 2 });
    finishFirst();
    await third;
    await work.idle();
    expect({ started, inFlight: work.inFlight }).toEqual({ started: ['second', 'third'], inFlight: 0 });
  });
});
