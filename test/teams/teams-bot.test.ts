/**
 * End to end: the real CloudAdapter on the bot's HTTP server, activities posted over HTTP, replies
 * received by a local fake Bot Framework connector. `send` resolves when the bot's turn is over
 * and so is the work it did after acknowledging a message, so each assertion sees everything the
 * activity caused.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TeamsBotHarness, startTeamsBot } from '../support/teams-bot.js';
import {
  ANN,
  BEN,
  BOT,
  CHANNEL,
  GROUP_CHAT,
  PERSONAL,
  cardSubmit,
  channelMessage,
  groupChatMessage,
  mention,
  personalMessage,
} from '../support/teams/activities.js';
import { buttonsOf, cardOf, textOf } from '../support/teams/card-text.js';
import type { ConnectorCall } from '../support/teams/fake-connector.js';

// Due dates of follow-up actions must not be in the past: one a month from the real today.
const DUE = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

const DECISION = "We've decided to move support hours to 9-17 from January.";

let h: TeamsBotHarness;
beforeEach(async () => {
  h = await startTeamsBot();
});
afterEach(async () => {
  await h.close();
});

const posts = () => h.connector.delivered().filter((call) => call.kind === 'reply' || call.kind === 'send');
const lastPost = (): ConnectorCall => {
  const all = posts();
  const last = all.at(-1);
  if (!last) throw new Error('the bot posted nothing');
  return last;
};

async function postDecisionInChannel(): Promise<{ rootId: string; card: ConnectorCall }> {
  const message = channelMessage({ serviceUrl: h.connector.url, text: DECISION });
  expect((await h.send(message)).status).toBe(200);
  return { rootId: String(message.id), card: lastPost() };
}

describe('decision checks in Teams', () => {
  it('asks once, in the thread of a decision posted in a channel', async () => {
    const { rootId, card } = await postDecisionInChannel();
    expect(posts()).toHaveLength(1);
    expect(card.kind).toBe('reply');
    expect(card.conversationId).toBe(`${CHANNEL};messageid=${rootId}`);
    expect(card.activityId).toBe(rootId);
    expect(textOf(card)).toContain('How does this decision affect customers?');
    expect(buttonsOf(card).map((b) => b.title)).toEqual(['Positive', 'Negative', 'No impact', 'Not sure', 'Add details', 'Not a decision']);

    // Another decision in the same thread, and the same message delivered again: no second card.
    await h.send(channelMessage({ serviceUrl: h.connector.url, text: 'We decided to also close on Saturdays.', threadRoot: rootId }));
    expect(posts()).toHaveLength(1);
  });

  it('stays quiet about messages that are not decisions', async () => {
    await h.send(channelMessage({ serviceUrl: h.connector.url, text: 'Has anyone seen the new coffee machine?' }));
    expect(posts()).toHaveLength(0);
  });

  it('replies to the message itself in a group chat, once', async () => {
    const message = groupChatMessage({ serviceUrl: h.connector.url, text: DECISION });
    await h.send(message);
    await h.send(message);
    expect(posts()).toHaveLength(1);
    expect(lastPost()).toMatchObject({ kind: 'reply', conversationId: GROUP_CHAT, activityId: message.id });
  });

  it('records a one-click answer as evidence and updates the card in place', async () => {
    const { rootId, card } = await postDecisionInChannel();
    const positive = buttonsOf(card).find((b) => b.title === 'Positive');
    const thread = `${CHANNEL};messageid=${rootId}`;
    await h.send(
      cardSubmit({
        serviceUrl: h.connector.url,
        from: ANN,
        conversationId: thread,
        replyToId: String(card.createdId),
        value: positive?.data ?? {},
      }),
    );

    const checks = await h.bot.services.core.deps.checks.listStarted(h.workspaceId, {
      from: new Date(0),
      to: new Date(Date.now() + 60_000),
    });
    expect(checks).toHaveLength(1);
    const answers = await h.bot.services.core.deps.checks.listAnswers(h.workspaceId, checks[0]?.id ?? '');
    expect(answers.map((a) => [a.impact, a.by.id])).toEqual([['positive', ANN.id]]);
    const evidence = await h.bot.services.core.deps.evidence.listBetween(h.workspaceId, {
      from: new Date(0),
      to: new Date(Date.now() + 60_000),
    });
    expect(evidence.map((e) => e.type)).toContain('check.answered');

    const update = await h.connector.waitFor((call) => call.kind === 'update');
    expect(update).toMatchObject({ conversationId: thread, activityId: card.createdId });
    expect(textOf(update)).toContain('Ann Admin: Positive');
    // Nothing new was posted: the answer shows on the card that was clicked.
    expect(posts()).toHaveLength(1);
  });

  it('"Not a decision" turns the card into one line, with that line as the notification summary', async () => {
    const { rootId, card } = await postDecisionInChannel();
    const dismiss = buttonsOf(card).find((b) => b.title === 'Not a decision');
    await h.send(
      cardSubmit({
        serviceUrl: h.connector.url,
        from: ANN,
        conversationId: `${CHANNEL};messageid=${rootId}`,
        replyToId: String(card.createdId),
        value: dismiss?.data ?? {},
      }),
    );
    const update = await h.connector.waitFor((call) => call.kind === 'update');
    expect(textOf(update)).toContain('dismissed as not a decision');
    expect(String(update.body.summary)).toMatch(/^How does this decision affect customers\? — dismissed as not a decision by \S/);
  });

  it('opens the answer form for a negative impact, shows errors in the form, and records the follow-up action', async () => {
    const { rootId, card } = await postDecisionInChannel();
    const thread = `${CHANNEL};messageid=${rootId}`;
    const negative = buttonsOf(card).find((b) => b.title === 'Negative');
    await h.send(
      cardSubmit({
        serviceUrl: h.connector.url,
        from: BEN,
        conversationId: thread,
        replyToId: String(card.createdId),
        value: negative?.data ?? {},
      }),
    );
    const formCall = lastPost();
    expect(textOf(formCall)).toContain('Customer impact');
    const submit = buttonsOf(formCall).find((b) => b.title === 'Record');
    expect(submit?.data).toMatchObject({ cfbForm: 'check.answer' });

    // Negative without an explanation is refused next to the field, on the same card.
    await h.send(
      cardSubmit({
        serviceUrl: h.connector.url,
        from: BEN,
        conversationId: thread,
        replyToId: String(formCall.createdId),
        value: { ...submit?.data, impact: 'negative' },
      }),
    );
    const refused = await h.connector.waitFor((call) => call.kind === 'update' && call.activityId === formCall.createdId);
    expect(textOf(refused)).toMatch(/explanation/i);

    await h.send(
      cardSubmit({
        serviceUrl: h.connector.url,
        from: BEN,
        conversationId: thread,
        replyToId: String(formCall.createdId),
        value: {
          ...submit?.data,
          impact: 'negative',
          explanation: 'Customers in Asia lose evening support',
          followup: 'action',
          action: 'Offer e-mail support',
          owner: 'me',
          due: DUE,
        },
      }),
    );
    const checks = await h.bot.services.core.deps.checks.listStarted(h.workspaceId, {
      from: new Date(0),
      to: new Date(Date.now() + 60_000),
    });
    const answers = await h.bot.services.core.deps.checks.listAnswers(h.workspaceId, checks[0]?.id ?? '');
    expect(answers.map((a) => a.impact)).toEqual(['negative']);
    const actions = await h.bot.services.core.deps.actions.listOpen(h.workspaceId);
    expect(actions.map((a) => [a.description, a.dueOn])).toEqual([['Offer e-mail support', DUE]]);
    const updates = h.connector.delivered().filter((call) => call.kind === 'update');
    expect(updates.some((u) => u.activityId === formCall.createdId && textOf(u).includes('recorded as evidence'))).toBe(true);
    expect(updates.some((u) => u.activityId === card.createdId && textOf(u).includes('Ben Member: Negative'))).toBe(true);
  });

  it('starts a check on demand with "check <decision>" when mentioned in a channel', async () => {
    const bot = mention(BOT);
    await h.send(channelMessage({ serviceUrl: h.connector.url, text: `${bot.text} check We stop shipping to Iceland`, mentions: [bot] }));
    expect(textOf(lastPost())).toContain('We stop shipping to Iceland');
    expect(textOf(lastPost())).toContain('How does this decision affect customers?');
  });

  it('answers "@bot check this" in a thread about the thread, never about the word "this"', async () => {
    const { rootId } = await postDecisionInChannel();
    const bot = mention(BOT);
    await h.send(channelMessage({ serviceUrl: h.connector.url, text: `${bot.text} check this`, threadRoot: rootId, mentions: [bot] }));
    expect(textOf(lastPost())).toContain('already asked');
    await h.send(
      channelMessage({ serviceUrl: h.connector.url, text: `${bot.text} check this`, threadRoot: 'an-unseen-thread', mentions: [bot] }),
    );
    expect(textOf(lastPost())).toContain('Say what was decided');
    const checks = await h.bot.services.core.deps.checks.listStarted(h.workspaceId, {
      from: new Date(0),
      to: new Date(Date.now() + 60_000),
    });
    expect(checks.map((c) => c.text)).toEqual([DECISION]);
  });

  it('refuses forged card data politely and records nothing', async () => {
    await h.send(
      cardSubmit({
        serviceUrl: h.connector.url,
        conversationId: PERSONAL,
        conversationType: 'personal',
        replyToId: 'x',
        value: { cfbAction: 'check.answer', checkId: 'nope', impact: 'positive', extra: '1' },
      }),
    );
    expect(textOf(lastPost())).toContain('out of date');
    expect(await h.bot.services.core.deps.evidence.lastSeq(h.workspaceId)).toBe(0);
  });
});

describe('commands in Teams', () => {
  it('records a requirement from a personal chat and confirms it', async () => {
    await h.send(
      personalMessage({
        serviceUrl: h.connector.url,
        text: 'requirement add Deliveries to Norway within 5 days customer:"Acme AS" type:stated category:delivery',
      }),
    );
    const requirements = await h.bot.services.core.deps.requirements.list(h.workspaceId);
    expect(requirements.map((r) => [r.id, r.statement, r.customer])).toEqual([['REQ-1', 'Deliveries to Norway within 5 days', 'Acme AS']]);
    expect(textOf(lastPost())).toContain('Recorded **REQ-1**');
    // Teams spelling in the hints: no slash.
    expect(textOf(lastPost())).toContain('requirement edit REQ-1');
    expect(textOf(lastPost())).not.toContain('/requirement');
  });

  it('understands commands after an @mention in a channel, with people mentioned as owners', async () => {
    const bot = mention(BOT);
    const dana = mention({ id: '29:dana', name: 'Dana Owner' });
    await h.send(
      channelMessage({
        serviceUrl: h.connector.url,
        text: `${bot.text} requirement add Invoices in NOK owner:${dana.text} category:price`,
        mentions: [bot, dana],
      }),
    );
    const [requirement] = await h.bot.services.core.deps.requirements.list(h.workspaceId);
    expect(requirement?.owner).toEqual({ id: '29:dana', name: 'Dana Owner' });
  });

  it('takes no command from a channel message that does not mention the bot', async () => {
    await h.send(channelMessage({ serviceUrl: h.connector.url, text: 'requirement add Something everyone says in passing' }));
    expect(await h.bot.services.core.deps.requirements.list(h.workspaceId)).toEqual([]);
    expect(posts()).toHaveLength(0);
  });

  it('answers an unknown command with help, and help lists the commands', async () => {
    await h.send(personalMessage({ serviceUrl: h.connector.url, text: 'frobnicate the widgets' }));
    expect(textOf(lastPost())).toContain('Type `help`');
    await h.send(personalMessage({ serviceUrl: h.connector.url, text: 'help' }));
    const help = textOf(lastPost());
    for (const command of ['requirement add', 'feedback', 'check', 'settings', 'digest here', 'role']) expect(help).toContain(command);
  });

  it('opens the requirement form as a card and records what was submitted', async () => {
    await h.send(personalMessage({ serviceUrl: h.connector.url, text: 'requirement add' }));
    const form = lastPost();
    const submit = buttonsOf(form).find((b) => b.data.cfbForm === 'requirement.add');
    await h.send(
      cardSubmit({
        serviceUrl: h.connector.url,
        conversationId: PERSONAL,
        conversationType: 'personal',
        replyToId: String(form.createdId),
        value: {
          ...submit?.data,
          statement: 'Spare parts within 48 hours',
          type: 'implied',
          category: 'service',
          horizon: 'current',
          review: '90d',
        },
      }),
    );
    const requirements = await h.bot.services.core.deps.requirements.list(h.workspaceId);
    expect(requirements.map((r) => [r.statement, r.type])).toEqual([['Spare parts within 48 hours', 'implied']]);
  });

  it('lets the ADMIN_USERS person set roles, and refuses members', async () => {
    const dana = mention({ id: '29:dana', name: 'Dana' });
    await h.send({
      ...personalMessage({ serviceUrl: h.connector.url, from: BEN, text: `role ${dana.text} manager` }),
      entities: [dana.entity],
    });
    expect(textOf(lastPost())).toMatch(/only admins/i);
    await h.send({
      ...personalMessage({ serviceUrl: h.connector.url, from: ANN, text: `role ${dana.text} manager` }),
      entities: [dana.entity],
    });
    expect((await h.bot.services.core.deps.roles.get(h.workspaceId, '29:dana'))?.role).toBe('manager');
  });

  it('makes mention and markup typed by people inert on cards', async () => {
    await h.send(
      personalMessage({
        serviceUrl: h.connector.url,
        text: 'requirement add <at>Everyone</at> gets **free** [shipping](https://evil.example) <!channel>',
      }),
    );
    const card = lastPost();
    const raw = JSON.stringify(cardOf(card));
    expect(raw).not.toContain('<at>');
    expect(raw).not.toContain('<!channel>');
    expect(raw).not.toContain('](https://evil.example)');
    expect(textOf(card)).toContain('\\*\\*free\\*\\*');
    // The notification text is plain text, and carries no mention either.
    expect(String(card.body.summary)).not.toContain('<!channel>');
    expect(card.body.entities ?? []).toEqual([]);
  });
});

describe('redelivery', () => {
  it('records a redelivered activity once, also when both copies arrive at the same time', async () => {
    const message = personalMessage({ serviceUrl: h.connector.url, text: 'requirement add Same activity twice' });
    await Promise.all([h.send(message), h.send(message)]);
    await h.send(message);
    expect(await h.bot.services.core.deps.requirements.list(h.workspaceId)).toHaveLength(1);
    expect(posts()).toHaveLength(1);
  });
});
