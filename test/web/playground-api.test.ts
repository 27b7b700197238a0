/**
 * The playground's small web adapter over HTTP, as its page uses it: messages go through the
 * core's prompt planning, buttons through the same use cases as Slack's, commands through the one
 * grammar and forms through submitForm, all in the `local` workspace and stored as evidence.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCAL_WORKSPACE_ID } from '../../src/core/domain/workspace.js';
import { textMessage } from '../../src/core/messages.js';
import { type WebHarness, startWebHarness } from './support/web-harness.js';
import { PlaygroundClient, button, plain } from './support/playground-client.js';

const DECISION = 'We have decided to move support hours to 9–17 from January.';

describe('the playground API', () => {
  let h: WebHarness;
  let dana: PlaygroundClient;
  beforeEach(async () => {
    h = await startWebHarness();
    dana = new PlaygroundClient(h.url, 'dana');
  });
  afterEach(() => h.close());

  it('asks about a decision once, in its thread, and records the check as evidence', async () => {
    const answer = await dana.say(DECISION);
    expect(answer.status).toBe(200);
    const [root, prompt] = answer.posts;
    expect(root).toMatchObject({ text: DECISION, author: { name: 'Dana', bot: false }, private: false });
    expect(prompt).toMatchObject({ threadId: root?.id, author: { bot: true }, private: false });
    expect(plain(prompt?.message)).toContain('How does this decision affect customers?');
    const checks = await h.deps.checks.listStarted(LOCAL_WORKSPACE_ID, { from: new Date(0), to: new Date('2100-01-01') });
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({
      text: DECISION,
      origin: 'detected',
      place: { platform: 'local', channelId: 'general', threadId: root?.id },
      prompt: { messageId: prompt?.id },
    });
    const [entry] = await h.deps.evidence.listBySeq(LOCAL_WORKSPACE_ID, 1, 1);
    expect(entry).toMatchObject({ type: 'check.started', actorId: 'local:dana' });

    // A reply in the same thread is not asked about again.
    const reply = await dana.say('Agreed: we go with that decision.', root?.id);
    expect(reply.posts.filter((post) => post.author.bot && !post.note)).toHaveLength(1);
    expect(plain(reply.posts.at(-1)?.message)).toContain('asks once per thread');
  });

  it('stays quiet about ordinary talk, and says why in a playground note only the writer sees', async () => {
    const answer = await dana.say('Anyone up for lunch?');
    const note = answer.posts.at(-1);
    expect(note).toMatchObject({ note: true, private: true });
    expect(plain(note?.message)).toMatch(/^The bot stayed quiet: this does not read as a team decision/);
    expect((await new PlaygroundClient(h.url, 'kim').state()).posts.map((post) => post.text)).toEqual(['Anyone up for lunch?']);
  });

  it('records a one-click answer and redraws the prompt in place; a negative one opens the answer form, which refuses what is missing', async () => {
    const asked = await dana.say(DECISION);
    const prompt = asked.posts[1];
    const clicked = await dana.click(prompt?.id ?? '', button(prompt, 'Positive'));
    expect(clicked.posts).toHaveLength(2);
    expect(plain(clicked.posts[1]?.message)).toContain('@Dana: Positive');

    const kim = new PlaygroundClient(h.url, 'kim');
    const opened = await kim.click(prompt?.id ?? '', button(clicked.posts[1], 'Negative'));
    expect(opened.form).toMatchObject({ kind: 'check.answer', title: 'Customer impact', postId: prompt?.id });
    expect(opened.form?.fields.find((field) => field.id === 'impact')?.initial).toBe('negative');

    const missing = await kim.submit(opened.form!, { impact: 'negative' });
    // Every missing part at once, each next to its field.
    expect(missing.errors).toEqual([
      { field: 'explanation', message: 'Please explain why the impact is "negative": one sentence is enough.' },
      { field: 'action', message: expect.stringContaining('Say what will be done about it') },
    ]);

    const done = await kim.submit(opened.form!, {
      impact: 'negative',
      explanation: 'Customers in Asia lose their morning support',
      affected: 'Acme Asia',
      followup: 'action',
      action: 'Offer an e-mail channel',
      owner: '@kim',
      due: '2026-12-15',
    });
    expect(done.errors).toBeUndefined();
    expect(plain(done.posts[1]?.message)).toMatch(/@Dana: Positive[\s\S]*@Kim: Negative — Customers in Asia lose their morning support/);
    expect(plain(done.posts.at(-1)?.message)).toContain(
      'Thanks, your answer (negative impact) is recorded as evidence. Follow-up: Offer an e-mail channel — @Kim, due 2026-12-15.',
    );
    const [action] = await h.deps.actions.listOpen(LOCAL_WORKSPACE_ID);
    expect(action).toMatchObject({ description: 'Offer an e-mail channel', owner: { id: 'local:kim', name: 'Kim' }, dueOn: '2026-12-15' });
  });

  it('runs the four commands with private replies, forms when text is missing, and checks started by command', async () => {
    const added = await dana.say('/requirement add Deliveries to Norway within 5 days customer:"Acme AS" category:delivery owner:@kim');
    const [echo, reply] = added.posts;
    expect(echo).toMatchObject({
      text: '/requirement add Deliveries to Norway within 5 days customer:"Acme AS" category:delivery owner:@kim',
      private: true,
    });
    expect(reply?.private).toBe(true);
    expect(plain(reply?.message)).toMatch(/^Recorded \*REQ-1\*: Deliveries to Norway within 5 days[\s\S]*Owner: @Kim/);
    expect((await new PlaygroundClient(h.url, 'kim').state()).posts).toEqual([]);

    const form = await dana.say('/requirement add');
    expect(form.form).toMatchObject({ kind: 'requirement.add' });
    expect(
      (await dana.submit(form.form!, { statement: 'Invoices in EUR', type: 'implied', category: 'price', horizon: 'current' })).errors,
    ).toBeUndefined();
    expect(await h.deps.requirements.get(LOCAL_WORKSPACE_ID, 'REQ-2')).toMatchObject({ statement: 'Invoices in EUR', type: 'implied' });

    const feedback = await dana.say(
      '/customer-feedback Support was slow last week customer:"Acme AS" sentiment:negative kind:complaint req:REQ-1',
    );
    expect(plain(feedback.posts.at(-1)?.message)).toBe(
      'Recorded negative complaint from Acme AS: Support was slow last week\nLinked to REQ-1.',
    );

    const check = await dana.say('/customer-check We close the Bergen office in March');
    const started = check.posts.at(-1);
    expect(started).toMatchObject({ private: false, author: { bot: true } });
    // The check says what it asks about, and keeps saying it when it is redrawn.
    expect(plain(started?.message)).toContain('Decision check from @Dana: We close the Bergen office in March');
    expect(plain(started?.message)).toContain('How does this decision affect customers?');
    const clicked = await dana.click(started?.id ?? '', button(started, 'Not a decision'));
    const redrawn = clicked.posts.find((post) => post.id === started?.id);
    expect(plain(redrawn?.message)).toContain('Decision check from @Dana: We close the Bergen office in March');
    expect(plain(redrawn?.message)).toContain('dismissed as not a decision by @Dana');

    const list = await dana.say('/requirement list');
    const listed = list.posts.at(-1);
    expect(plain(listed?.message)).toContain('2 requirements');
    const shared = await dana.click(listed?.id ?? '', button(listed, 'Share in channel'));
    expect(shared.posts.at(-1)).toMatchObject({ private: false });
    expect(plain(shared.posts.at(-1)?.message)).toMatch(/^Shared by @Dana\n2 requirements/);

    const unknown = await dana.say('/customer-focus fly');
    expect(plain(unknown.posts.at(-1)?.message)).toMatch(/^"fly" is not a command I know/);
  });

  it('shows the digest preview and gives a dashboard link that opens the local workspace', async () => {
    const preview = await dana.say('/customer-focus digest preview');
    expect(preview.posts.at(-1)?.private).toBe(true);
    expect(plain(preview.posts.at(-1)?.message)).not.toBe('');

    const dashboard = await dana.say('/customer-focus dashboard');
    const message = dashboard.posts.at(-1)?.message;
    expect(message?.blocks.find((block) => block.kind === 'actions')).toBeUndefined();
    const link = message?.blocks.flatMap((block) => (block.kind === 'text' ? block.parts : [])).find((part) => part.t === 'link');
    expect(link && 'href' in link ? link.href : '').toMatch(new RegExp(`^${h.url}/dashboard/local\\?t=v1\\.`));
    const page = await fetch(link && 'href' in link ? link.href : '');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Read-only, as admin.');
  });

  it('delivers messages sent outside a request (digest, reminders) into the channel or to one person', async () => {
    const messenger = h.messengers.for('local');
    expect(
      await messenger?.send(LOCAL_WORKSPACE_ID, { kind: 'conversation', conversationId: 'general' }, textMessage('Weekly digest')),
    ).toMatchObject({ ok: true });
    expect(
      await messenger?.send(LOCAL_WORKSPACE_ID, { kind: 'person', userId: 'local:kim' }, textMessage('Your review is due')),
    ).toMatchObject({ ok: true });
    expect(await messenger?.send(LOCAL_WORKSPACE_ID, { kind: 'conversation', conversationId: 'random' }, textMessage('x'))).toMatchObject({
      ok: false,
      retryable: false,
    });
    expect((await dana.state()).posts.map((post) => plain(post.message))).toEqual(['Weekly digest']);
    expect((await new PlaygroundClient(h.url, 'kim').state()).posts.map((post) => plain(post.message))).toEqual([
      'Weekly digest',
      'Your review is due',
    ]);
  });

  it('refuses requests it cannot act on, in words, and changes nothing', async () => {
    expect(await dana.say('   ')).toMatchObject({ status: 400, error: 'Type a message first.' });
    // The core's limit for what people write, checked before anything is in the channel.
    expect(await dana.say(`We have decided ${'x'.repeat(3000)}`)).toMatchObject({
      status: 400,
      error: 'That message is 3,016 characters long; the limit is 3,000. Please shorten it: nothing was posted.',
    });
    expect(await dana.say('We have decided \u0007 to ring a bell')).toMatchObject({
      status: 400,
      error: 'The message contains invisible control characters. Please retype it as plain text.',
    });
    expect((await dana.state()).posts).toEqual([]);
    expect(await dana.say('hello', 'no-such-thread')).toMatchObject({
      status: 400,
      error: 'That thread is no longer in the channel. Post in the channel instead.',
    });
    expect(await new PlaygroundClient(h.url, 'mallory').say('hi')).toMatchObject({
      status: 400,
      error: 'Choose who is posting: dana or kim.',
    });
    expect(await dana.click('p1', { kind: 'check.answer', checkId: '../../etc', impact: 'positive' })).toMatchObject({
      status: 400,
      error: 'That button is out of date. Please use the newest message.',
    });
    expect(await dana.click('p1', { kind: 'action.close', actionId: 'a1' })).toMatchObject({
      status: 400,
      error: 'That message is no longer in the channel. Use the newest one.',
    });
    expect(
      await dana.submit({ kind: 'requirement.delete', context: {}, title: '', submitLabel: '', fields: [] } as never, {}),
    ).toMatchObject({ status: 400, error: 'That form is not one the bot shows. Reload the page and try again.' });
    expect(await h.deps.evidence.lastSeq(LOCAL_WORKSPACE_ID)).toBe(0);
  });

  it('answers only its own page: other sites and non-JSON bodies are refused', async () => {
    const post = (headers: Record<string, string>, body = JSON.stringify({ as: 'dana', text: DECISION })) =>
      fetch(`${h.url}/playground/api/say`, { method: 'POST', headers, body });
    const crossSite = await post({ 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    expect(await crossSite.json()).toEqual({ error: 'The playground answers only its own page. Open it at /playground on this server.' });
    expect((await post({ 'content-type': 'application/json', origin: 'https://evil.example' })).status).toBe(403);
    expect((await post({ 'content-type': 'text/plain' })).status).toBe(415);
    expect((await post({ 'content-type': 'application/x-www-form-urlencoded' }, 'as=dana&text=x')).status).toBe(415);
    const broken = await post({ 'content-type': 'application/json' }, '{"as":');
    expect(broken.status).toBe(400);
    expect(await h.deps.evidence.lastSeq(LOCAL_WORKSPACE_ID)).toBe(0);
  });
});
