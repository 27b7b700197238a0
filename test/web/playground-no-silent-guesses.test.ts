/**
 * Issue 16, items 6 to 9, in the playground as its page uses it: commands typed into the channel,
 * buttons clicked, forms submitted, over the real HTTP server and core.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCAL_WORKSPACE_ID } from '../../src/core/domain/workspace.js';
import { type WebHarness, startWebHarness } from './support/web-harness.js';
import { PlaygroundClient, button, plain } from './support/playground-client.js';

describe('the playground: nothing guessed silently', () => {
  let h: WebHarness;
  let dana: PlaygroundClient;
  beforeEach(async () => {
    h = await startWebHarness();
    dana = new PlaygroundClient(h.url, 'dana');
  });
  afterEach(() => h.close());

  const requirements = () => h.deps.requirements.list(LOCAL_WORKSPACE_ID);

  it('16.8: "Record anyway" on the duplicate warning records the second requirement, for whoever clicks it', async () => {
    await dana.say('/requirement add Deliveries within 5 days customer:"Acme AS" owner:@kim');
    const warned = await dana.say('/requirement add Deliveries within 5 days customer:"Acme AS" owner:@kim');
    const warning = warned.posts.at(-1);
    expect(warning?.private).toBe(true);
    expect(plain(warning?.message)).toContain('*REQ-1* already records this for Acme AS: Deliveries within 5 days.');
    expect(await requirements()).toHaveLength(1);

    const clicked = await dana.click(warning?.id ?? '', button(warning, 'Record anyway'));
    expect(plain(clicked.posts.at(-1)?.message)).toContain('Recorded *REQ-2*');
    const [, second] = await requirements();
    expect(second).toMatchObject({ statement: 'Deliveries within 5 days', customer: 'Acme AS', owner: { id: 'local:kim', name: 'Kim' } });
  });

  it('16.9: @kim is Kim; @ghost is refused with a hint naming the people the playground knows', async () => {
    const refused = await dana.say('/requirement add Invoices in NOK owner:@ghost');
    expect(plain(refused.posts.at(-1)?.message)).toContain(
      '"@ghost" is not a person I can find in this workspace, so reminders for owner could never reach them. Mention them with @, e.g. owner:@kim (the playground knows @dana and @kim).',
    );
    expect(await requirements()).toEqual([]);
    await dana.say('/requirement add Invoices in NOK owner:@kim');
    expect((await requirements())[0]?.owner).toEqual({ id: 'local:kim', name: 'Kim' });
  });

  it('16.6 and 16.7: options without a statement prefill the form; its confirmation names the defaults used', async () => {
    const opened = await dana.say('/requirement add customer:"Acme AS" category:delivery owner:@kim');
    const initial = (id: string) => opened.form?.fields.find((field) => field.id === id)?.initial;
    expect([initial('customer'), initial('category'), initial('owner')]).toEqual(['Acme AS', 'delivery', '<@local:kim|Kim>']);
    const done = await dana.submit(opened.form!, {
      statement: 'Deliveries within 5 days',
      customer: 'Acme AS',
      type: 'stated',
      category: 'delivery',
      horizon: 'current',
      owner: '<@local:kim|Kim>',
    });
    expect(done.errors).toBeUndefined();
    expect(plain(done.posts.at(-1)?.message)).toContain('I used this default, because you did not give it: review every 90 days.');
  });
});
