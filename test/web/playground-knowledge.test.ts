/**
 * Customer knowledge and responsibilities in the playground, over its HTTP API as the page uses
 * it: the command in the Slack spelling, the form, and bad input that writes nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCAL_WORKSPACE_ID } from '../../src/core/domain/workspace.js';
import { type WebHarness, startWebHarness } from './support/web-harness.js';
import { PlaygroundClient, plain } from './support/playground-client.js';

describe('customer knowledge in the playground', () => {
  let h: WebHarness;
  let dana: PlaygroundClient;
  let kim: PlaygroundClient;
  beforeEach(async () => {
    h = await startWebHarness();
    dana = new PlaygroundClient(h.url, 'dana');
    kim = new PlaygroundClient(h.url, 'kim');
  });
  afterEach(() => h.close());

  it('records knowledge by command and by form, and traces it to requirements both ways', async () => {
    await kim.say('/requirement add Seats clean in five minutes');
    const added = await kim.say('/customer-knowledge add "Q3 end-user survey" kind:end-user-survey link:https://example.com/q3 req:REQ-1');
    expect(plain(added.posts.at(-1)?.message)).toContain('Recorded *K-1* (end-user survey): Q3 end-user survey');
    expect(plain((await kim.say('/customer-knowledge show K-1')).posts.at(-1)?.message)).toContain(
      '*REQ-1* [open] Seats clean in five minutes',
    );
    expect(plain((await kim.say('/requirement show REQ-1')).posts.at(-1)?.message)).toContain('*Sources* (1)');

    const form = await kim.say('/customer-knowledge add');
    expect(form.form).toMatchObject({ kind: 'knowledge.record', title: 'Customer knowledge' });
    const refused = await kim.submit(form.form!, {
      title: 'Brief',
      kind: 'design-brief',
      link: 'https://example.com/b',
      requirements: 'REQ-9',
    });
    expect(refused.errors).toEqual([{ field: 'requirements', message: expect.stringContaining('There is no REQ-9') }]);
    expect((await kim.submit(form.form!, { title: 'Brief', kind: 'design-brief', link: 'https://example.com/b' })).errors).toBeUndefined();
    expect(await h.deps.knowledge.get(LOCAL_WORKSPACE_ID, 'K-2')).toMatchObject({ kind: 'design-brief', owner: { id: 'local:kim' } });
  });

  it('lets the admin name who determines requirements, and refuses a name that is nobody here', async () => {
    const before = await h.deps.evidence.lastSeq(LOCAL_WORKSPACE_ID);
    const nobody = await dana.say('/customer-focus responsible category:price @nobody');
    expect(plain(nobody.posts.at(-1)?.message)).toContain('is not a person I can find in this workspace');
    expect(await h.deps.evidence.lastSeq(LOCAL_WORKSPACE_ID)).toBe(before);
    const set = await dana.say('/customer-focus responsible category:price @kim');
    expect(plain(set.posts.at(-1)?.message)).toContain('@Kim now determines customer requirements for price');
    const refused = await kim.say('/customer-focus responsible obligatory @kim');
    expect(plain(refused.posts.at(-1)?.message)).toContain('only admins');
  });
});
