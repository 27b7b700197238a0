/**
 * Issue 16, items 6 to 10, where a Slack user meets them: signed slash commands and modal
 * submissions to the real Bolt receiver, answers read from the fake Slack Web API.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeAction } from '../../src/adapters/slack/action-codec.js';
import { type SlackBotHarness, TEAM, startSlackBot } from '../support/slack-bot.js';

const CHANNEL = 'C0PRODUCT';
const as = { userId: 'U0KIM', teamId: TEAM, channelId: CHANNEL };

interface ButtonElement {
  type: string;
  action_id: string;
  value: string;
  text: { text: string };
}

const buttonsIn = (blocks: unknown): ButtonElement[] =>
  (blocks as { type: string; elements?: ButtonElement[] }[]).flatMap((block) => (block.type === 'actions' ? (block.elements ?? []) : []));

/** Modal state as Slack sends it: one block per field, one element per block, both named by the field id. */
const stateValues = (fields: Record<string, Record<string, unknown>>) =>
  Object.fromEntries(Object.entries(fields).map(([id, value]) => [id, { [id]: { type: 'x', ...value } }]));

describe('Slack: the grammar and forms never guess silently', () => {
  let h: SlackBotHarness;
  beforeEach(async () => {
    h = await startSlackBot();
  });
  afterEach(() => h.close());

  const requirements = () => h.bot.services.core.deps.requirements.list(h.workspaceId);

  /** Runs a slash command and returns the private reply as text (the blocks, JSON-encoded). */
  async function command(name: string, text: string, userId = as.userId): Promise<{ body: Record<string, unknown>; shown: string }> {
    h.api.clear();
    await h.slack.command(name, text, { ...as, userId });
    const reply = await h.api.waitForCall('response_url');
    return { body: reply.body, shown: JSON.stringify(reply.body.blocks) };
  }

  async function openRequirementForm(text: string): Promise<{ callback_id: string; private_metadata: string; blocks: unknown[] }> {
    h.api.clear();
    await h.slack.command('/requirement', text, { ...as, triggerId: 'trigger-form' });
    const opened = await h.api.waitForCall('views.open');
    return opened.body.view as { callback_id: string; private_metadata: string; blocks: unknown[] };
  }

  describe('16.6: defaults are named, with how to change them', () => {
    it('a statement alone: the reply names customer, type, category, horizon and review, and the edit command', async () => {
      const { shown } = await command('/requirement', 'add Only a statement');
      expect(shown).toContain('Recorded *REQ-1*');
      expect(shown).toContain(
        'I used these defaults, because you did not give them: customer All customers, type stated, category other, horizon current, review every 90 days.',
      );
      expect(shown).toContain('Change them with `/requirement edit REQ-1 customer:… type:… category:… horizon:… review:…`');
    });

    it('names only the defaults it applied', async () => {
      const { shown } = await command('/requirement', 'add Invoices in NOK customer:Acme type:stated category:price horizon:current');
      expect(shown).toContain('I used this default, because you did not give it: review every 90 days.');
      expect(shown).toContain('/requirement edit REQ-1 review:…');
      const { shown: complete } = await command(
        '/requirement',
        'add Invoices in EUR customer:Acme type:stated category:price horizon:current review:6m',
      );
      expect(complete).not.toContain('default');
    });

    it('the form: an empty customer is named as the default in the confirmation', async () => {
      const view = await openRequirementForm('add');
      h.api.clear();
      const done = await h.slack.interaction(
        h.slack.viewSubmission({
          callbackId: view.callback_id,
          privateMetadata: view.private_metadata,
          userId: 'U0KIM',
          teamId: TEAM,
          values: stateValues({
            statement: { value: 'Deliveries within 5 days' },
            type: { selected_option: { value: 'stated' } },
            category: { selected_option: { value: 'delivery' } },
            horizon: { selected_option: { value: 'current' } },
            review: { value: '90d' },
          }),
        }),
      );
      expect(done.status).toBe(200);
      const confirmation = JSON.stringify((await h.api.waitForCall('chat.postEphemeral')).body.blocks);
      expect(confirmation).toContain('I used this default, because you did not give it: customer All customers.');
      expect(confirmation).toContain('/requirement edit REQ-1 customer:…');
    });
  });

  describe('16.7: options given without a statement are carried into the form', () => {
    it('opens the form with customer, type, category, owner and review filled in', async () => {
      const view = await openRequirementForm(
        'add customer:"Acme AS" type:obligatory ref:"EU 2019/882" category:Delivery owner:<@U0DANA|dana> review:6m',
      );
      const element = (id: string) =>
        (view.blocks as { block_id?: string; element?: Record<string, unknown> }[]).find((block) => block.block_id === id)?.element ?? {};
      expect(element('customer').initial_value).toBe('Acme AS');
      expect(element('type').initial_option).toMatchObject({ value: 'obligatory' });
      expect(element('reference').initial_value).toBe('EU 2019/882');
      // Typed "Delivery": the select starts on the option that was meant.
      expect(element('category').initial_option).toMatchObject({ value: 'delivery' });
      expect(element('owner').initial_user).toBe('U0DANA');
      expect(element('review').initial_value).toBe('6m');
      expect(element('statement').initial_value).toBeUndefined();
    });

    it('refuses options it cannot use, instead of opening a form that quietly drops them', async () => {
      const { shown } = await command('/requirement', 'add customer:"Acme AS" category:someday');
      expect(shown).toContain('\\"someday\\" is not a valid category');
      expect(h.api.callsTo('views.open')).toEqual([]);
    });
  });

  describe('16.8: the same requirement twice', () => {
    it('warns, points at the existing requirement, offers "Record anyway", and records nothing', async () => {
      await command('/requirement', 'add Deliveries within 5 days customer:"Acme AS" category:delivery');
      const { shown, body } = await command('/requirement', 'add  deliveries within 5 days  customer:"acme as"');
      expect(shown).toContain('*REQ-1* already records this for Acme AS: Deliveries within 5 days. I did not record it a second time.');
      expect(shown).toContain('See it with \\"/requirement show REQ-1\\"');
      expect(shown).toContain('click *Record anyway*, or give the same command again with duplicate:ok at the end');
      expect(await requirements()).toHaveLength(1);

      const [button] = buttonsIn(body.blocks).filter((element) => element.text.text === 'Record anyway');
      expect(button?.action_id).toMatch(/^command\.confirm:\d+$/);
      // The button runs the same command again with the confirmation, as whoever clicks it.
      expect(decodeAction(button?.action_id ?? '', button?.value)).toEqual({
        kind: 'command.confirm',
        command: 'requirement add "deliveries within 5 days" customer:"acme as" duplicate:ok',
      });
    });

    it('records it anyway when told so by typing duplicate:ok', async () => {
      await command('/requirement', 'add Deliveries within 5 days customer:"Acme AS"');
      const { shown } = await command('/requirement', 'add Deliveries within 5 days customer:"Acme AS" duplicate:ok');
      expect(shown).toContain('Recorded *REQ-2*');
      expect(await requirements()).toHaveLength(2);
      const { shown: refused } = await command('/requirement', 'add Deliveries within 5 days duplicate:maybe');
      expect(refused).toContain('Write duplicate:ok');
    });

    it('a retired requirement is no duplicate: recording it again records a current need', async () => {
      await command('/requirement', 'add Invoices in NOK');
      // Retiring is for admins and managers.
      await command('/requirement', 'retire REQ-1 Replaced by EUR', 'U0ADMIN');
      expect((await requirements())[0]?.status).toBe('retired');
      const { shown } = await command('/requirement', 'add Invoices in NOK');
      expect(shown).toContain('Recorded *REQ-2*');
    });

    it('the form says which requirement is already there, next to the statement', async () => {
      await command('/requirement', 'add Deliveries within 5 days customer:"Acme AS"');
      const view = await openRequirementForm('add');
      const refused = await h.slack.interaction(
        h.slack.viewSubmission({
          callbackId: view.callback_id,
          privateMetadata: view.private_metadata,
          userId: 'U0KIM',
          teamId: TEAM,
          values: stateValues({ statement: { value: 'Deliveries within 5 days' }, customer: { value: 'Acme AS' } }),
        }),
      );
      expect(await refused.json()).toMatchObject({
        response_action: 'errors',
        errors: { statement: expect.stringContaining('REQ-1 already records this statement for this customer') },
      });
      expect(await requirements()).toHaveLength(1);
    });
  });

  describe('16.9: owners are people of the workspace; dates are not in the past', () => {
    it.each([
      ['owner:@nobody-here', '\\"@nobody-here\\" is not a person I can find in this workspace'],
      ['owner:kim', '\\"kim\\" is not a person I can find in this workspace'],
      // Shown escaped, as all text from a person is.
      ['owner:<@ghost>', '\\"&lt;@ghost&gt;\\" is not a person of this workspace'],
      ['owner:kim@example.com', "I can't use an e-mail address for owner"],
      ['owner:<mailto:kim@example.com|kim@example.com>', "I can't use an e-mail address for owner"],
    ])('refuses %s with a hint saying how to name a person', async (option, reason) => {
      const { shown } = await command('/requirement', `add Invoices in NOK ${option}`);
      expect(shown).toContain(reason);
      expect(shown).toContain('Mention them with @ and pick them from the list Slack offers, e.g. owner:@Kim.');
      expect(shown).toContain('Slack member ID');
      expect(await requirements()).toEqual([]);
    });

    it('takes a mention, as Slack sends it, and "me"', async () => {
      await command('/requirement', 'add Invoices in NOK owner:<@U0DANA|dana>');
      await command('/requirement', 'add Invoices in EUR owner:me');
      expect((await requirements()).map((requirement) => requirement.owner)).toMatchObject([
        { id: 'U0DANA', name: 'dana' },
        { id: 'U0KIM' },
      ]);
    });

    it('refuses a review date in the past, saying what review: takes', async () => {
      const { shown } = await command('/requirement', 'add Invoices in NOK review:2020-01-01');
      expect(shown).toContain('The review date 2020-01-01 is in the past');
      expect(shown).toContain('review: says how often to review, e.g. review:30d');
      expect(await requirements()).toEqual([]);
    });

    it('refuses a follow-up action due in the past, next to the date, and records no answer', async () => {
      await h.slack.command('/customer-check', 'We move all EU customers to the Frankfurt data centre', as);
      const posted = await h.api.waitForCall('chat.postMessage');
      const negative = buttonsIn(posted.body.blocks).find((element) => element.text.text === 'Negative');
      h.api.clear();
      await h.slack.interaction(
        h.slack.blockAction({
          actionId: negative?.action_id ?? '',
          value: negative?.value ?? '',
          userId: 'U0KIM',
          teamId: TEAM,
          channelId: CHANNEL,
          messageTs: '1.1',
        }),
      );
      const view = (await h.api.waitForCall('views.open')).body.view as { callback_id: string; private_metadata: string };
      const refused = await h.slack.interaction(
        h.slack.viewSubmission({
          callbackId: view.callback_id,
          privateMetadata: view.private_metadata,
          userId: 'U0KIM',
          teamId: TEAM,
          values: stateValues({
            impact: { selected_option: { value: 'negative' } },
            explanation: { value: 'Latency for Nordic customers' },
            followup: { selected_option: { value: 'action' } },
            action: { value: 'Measure latency' },
            owner: { selected_user: 'U0DANA' },
            due: { selected_date: '2020-01-01' },
          }),
        }),
      );
      expect(await refused.json()).toMatchObject({
        response_action: 'errors',
        errors: { due: expect.stringContaining('The due date 2020-01-01 is in the past, so the action would be overdue at once.') },
      });
      expect(await h.bot.services.core.deps.actions.listOpen(h.workspaceId)).toEqual([]);
    });
  });

  describe('16.10: forms report every mistake at once', () => {
    it('the requirement form: each refused field gets its message in the same answer', async () => {
      const view = await openRequirementForm('add');
      const refused = await h.slack.interaction(
        h.slack.viewSubmission({
          callbackId: view.callback_id,
          privateMetadata: view.private_metadata,
          userId: 'U0KIM',
          teamId: TEAM,
          values: stateValues({
            statement: { value: '   ' },
            type: { selected_option: { value: 'stated' } },
            reference: { value: 'EU 2019/882' },
            review: { value: 'banana' },
            link: { value: 'javascript:alert(1)' },
          }),
        }),
      );
      const answer = (await refused.json()) as { response_action: string; errors: Record<string, string> };
      expect(answer.response_action).toBe('errors');
      expect(Object.keys(answer.errors).sort()).toEqual(['link', 'reference', 'review', 'statement']);
      expect(answer.errors.statement).toContain('needs a statement');
      expect(answer.errors.reference).toContain('A reference (ref:) is for obligatory requirements');
      expect(answer.errors.review).toContain('"banana" is not a review interval');
      expect(answer.errors.link).toContain('is not a web link');
      expect(await requirements()).toEqual([]);
    });

    it('the feedback form: the missing customer and sentiment are both named', async () => {
      h.api.clear();
      await h.slack.command('/customer-feedback', '', { ...as, triggerId: 'trigger-feedback' });
      const view = (await h.api.waitForCall('views.open')).body.view as { callback_id: string; private_metadata: string };
      const refused = await h.slack.interaction(
        h.slack.viewSubmission({
          callbackId: view.callback_id,
          privateMetadata: view.private_metadata,
          userId: 'U0KIM',
          teamId: TEAM,
          values: stateValues({ summary: { value: 'Slow answers' }, link: { value: 'not a link' } }),
        }),
      );
      const answer = (await refused.json()) as { errors: Record<string, string> };
      expect(Object.keys(answer.errors).sort()).toEqual(['customer', 'link', 'sentiment']);
    });
  });
});
