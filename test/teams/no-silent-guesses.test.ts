/**
 * Issue 16, items 6 to 10, where a Teams user meets them: activities through the real
 * CloudAdapter, cards read from the fake Bot Framework connector.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeCardAction } from '../../src/adapters/teams/action-codec.js';
import { type TeamsBotHarness, startTeamsBot } from '../support/teams-bot.js';
import { BEN, PERSONAL, cardSubmit, mention, personalMessage } from '../support/teams/activities.js';
import { buttonsOf, cardOf, textOf } from '../support/teams/card-text.js';
import type { ConnectorCall } from '../support/teams/fake-connector.js';

let h: TeamsBotHarness;
beforeEach(async () => {
  h = await startTeamsBot();
});
afterEach(async () => {
  await h.close();
});

const requirements = () => h.bot.services.core.deps.requirements.list(h.workspaceId);
const lastPost = (): ConnectorCall => {
  const last = h.connector.delivered().at(-1);
  if (!last) throw new Error('the bot posted nothing');
  return last;
};
/** A message in the person's own chat with the bot, and the card it answered with. */
async function say(text: string, extra: Record<string, unknown> = {}): Promise<ConnectorCall> {
  await h.send({ ...personalMessage({ serviceUrl: h.connector.url, from: BEN, text }), ...extra });
  return lastPost();
}

/** The inputs of a form card by id, with the values they start with. */
function inputsOf(call: ConnectorCall): Map<string, Record<string, unknown>> {
  const found = new Map<string, Record<string, unknown>>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return void node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const element = node as Record<string, unknown>;
    if (typeof element.type === 'string' && element.type.startsWith('Input.') && typeof element.id === 'string')
      found.set(element.id, element);
    for (const key of ['body', 'items', 'columns']) walk(element[key]);
  };
  walk(cardOf(call).body);
  return found;
}

describe('Teams: the grammar and forms never guess silently', () => {
  it('16.6: names the defaults it applied, with the Teams command that changes them', async () => {
    const text = textOf(await say('requirement add Only a statement'));
    expect(text).toContain('I used these defaults, because you did not give them: customer All customers, type stated, category other');
    expect(text).toContain('requirement edit REQ-1 customer:… type:… category:…');
    expect(text).not.toContain('/requirement');
  });

  it('16.7: options typed without a statement start the form', async () => {
    const dana = mention({ id: '29:dana', name: 'Dana Owner' });
    const form = await say(`requirement add customer:"Acme AS" type:implied category:delivery review:6m owner:${dana.text}`, {
      entities: [dana.entity],
    });
    const inputs = inputsOf(form);
    expect(inputs.get('customer')?.value).toBe('Acme AS');
    expect(inputs.get('type')?.value).toBe('implied');
    expect(inputs.get('category')?.value).toBe('delivery');
    expect(inputs.get('review')?.value).toBe('6m');
    // The people picker starts on the person mentioned, shown by name.
    expect(inputs.get('owner')).toMatchObject({
      value: '<@29:dana|Dana Owner>',
      choices: [{ title: 'Dana Owner', value: '<@29:dana|Dana Owner>' }],
    });
    expect(inputs.get('statement')?.value).toBeUndefined();
  });

  it('16.8: a second record points at the first and offers "Record anyway" as a card button', async () => {
    await say('requirement add Spare parts within 48 hours customer:Acme');
    const warning = await say('requirement add Spare parts within 48 hours customer:Acme');
    expect(textOf(warning)).toContain('REQ-1');
    expect(textOf(warning)).toContain('already records this for Acme: Spare parts within 48 hours. I did not record it a second time.');
    expect(textOf(warning)).toContain('requirement show REQ-1');
    const button = buttonsOf(warning).find((candidate) => candidate.title === 'Record anyway');
    expect(decodeCardAction(button?.data)).toEqual({
      kind: 'command.confirm',
      command: 'requirement add "Spare parts within 48 hours" customer:"Acme" duplicate:ok',
    });
    expect(await requirements()).toHaveLength(1);
  });

  describe('16.9: an owner is a person Teams mentioned', () => {
    it('takes a mention entity', async () => {
      const dana = mention({ id: '29:dana', name: 'Dana Owner' });
      await say(`requirement add Invoices in NOK owner:${dana.text}`, { entities: [dana.entity] });
      expect((await requirements())[0]?.owner).toEqual({ id: '29:dana', name: 'Dana Owner' });
    });

    it.each([
      // Teams escapes what people type; a typed mention has no entity behind it.
      ['a typed <@…>', 'owner:&lt;@29:ghost|Ghost&gt;', 'is not a person'],
      ['a plain @name', 'owner:@ghost', '"@ghost" is not a person I can find in this workspace'],
      ['an e-mail address', 'owner:ghost@example.com', "I can't use an e-mail address for owner"],
    ])('refuses %s with a hint for Teams', async (_label, option, reason) => {
      const text = textOf(await say(`requirement add Invoices in NOK ${option}`));
      expect(text).toContain(reason);
      expect(text).toContain('Mention them with @ and pick them from the list Teams offers');
      expect(await requirements()).toEqual([]);
    });
  });

  it('16.10: a refused form card shows every field error at once', async () => {
    const form = await say('requirement add');
    const submit = buttonsOf(form).find((candidate) => candidate.data.cfbForm === 'requirement.add');
    await h.send(
      cardSubmit({
        serviceUrl: h.connector.url,
        from: BEN,
        conversationId: PERSONAL,
        conversationType: 'personal',
        replyToId: String(form.createdId),
        value: {
          ...submit?.data,
          statement: 'Spare parts within 48 hours',
          type: 'stated',
          reference: 'EU 2019/882',
          review: 'banana',
          owner: '@ghost',
          link: 'javascript:alert(1)',
        },
      }),
    );
    const refused = await h.connector.waitFor((call) => call.kind === 'update' && call.activityId === form.createdId);
    // Card text escapes markdown characters such as parentheses.
    const text = textOf(refused).replaceAll('\\', '');
    expect(text).toContain('A reference (ref:) is for obligatory requirements');
    expect(text).toContain('"banana" is not a review interval');
    expect(text).toContain('"@ghost" is not a person I can find in this workspace');
    expect(text).toContain('is not a web link');
    expect(await requirements()).toEqual([]);
  });
});

describe('Teams forms name people with the people picker', () => {
  it('submits an Entra object id, which records the owner; a refused form keeps the person chosen', async () => {
    const form = await say('requirement add');
    const owner = inputsOf(form).get('owner');
    expect(owner).toMatchObject({ type: 'Input.ChoiceSet', 'choices.data': { type: 'Data.Query', dataset: 'graph.microsoft.com/users' } });
    const submit = buttonsOf(form).find((candidate) => candidate.data.cfbForm === 'requirement.add');
    const dana = '0b5d2f3a-1c4e-4f6a-9b8d-2e7c5a1f3d90';
    const send = (review: string) =>
      h.send(
        cardSubmit({
          serviceUrl: h.connector.url,
          from: BEN,
          conversationId: PERSONAL,
          conversationType: 'personal',
          replyToId: String(form.createdId),
          value: { ...submit?.data, statement: 'Spare parts within 48 hours', owner: dana, review },
        }),
      );
    await send('banana');
    const refused = await h.connector.waitFor((call) => call.kind === 'update' && call.activityId === form.createdId);
    expect(inputsOf(refused).get('owner')).toMatchObject({ value: dana });
    await send('6m');
    expect((await requirements())[0]?.owner).toEqual({ id: dana });
  });
});
