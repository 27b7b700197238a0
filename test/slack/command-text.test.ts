/**
 * What a person types after a slash command, through the real Bolt receiver with signed requests:
 * quotes (issue 16.5) and oversized text (issue 15.2). Nothing is guessed silently: a single-quoted
 * value is a value, an unclosed quote is refused with the place it opens, and a command too long to
 * be one is refused before it is parsed. A refusal writes nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_COMMAND_LENGTH } from '../../src/core/commands/grammar.js';
import { type SlackBotHarness, TEAM, startSlackBot } from '../support/slack-bot.js';

const CHANNEL = 'C0PRODUCT';

describe('command text on Slack', () => {
  let h: SlackBotHarness;
  beforeEach(async () => {
    h = await startSlackBot();
  });
  afterEach(() => h.close());

  async function requirement(text: string): Promise<string> {
    h.api.clear();
    expect((await h.slack.command('/requirement', text, { userId: 'U1', teamId: TEAM, channelId: CHANNEL })).status).toBe(200);
    return JSON.stringify((await h.api.waitForCall('response_url')).body);
  }
  const stored = () => h.bot.services.core.deps.requirements.list(h.workspaceId);

  it('reads single quotes as quotes, and apostrophes inside words as apostrophes', async () => {
    expect(await requirement("add Deliveries within 5 days customer:'Acme AS' type:stated")).toContain('Recorded *REQ-1*');
    expect(await requirement("add Deliver to the customer's own warehouse customer:'O'Brien Ltd' category:delivery")).toContain(
      'Recorded *REQ-2*',
    );
    expect(await requirement("add Customers' invoices in EUR customer: ‘Acme Nordic’")).toContain('Recorded *REQ-3*');
    expect((await stored()).map(({ statement, customer }) => ({ statement, customer }))).toEqual([
      { statement: 'Deliveries within 5 days', customer: 'Acme AS' },
      { statement: "Deliver to the customer's own warehouse", customer: "O'Brien Ltd" },
      { statement: "Customers' invoices in EUR", customer: 'Acme Nordic' },
    ]);
  });

  it('refuses an unclosed quote, showing where it opens, and saves nothing', async () => {
    const double = await requirement('add Deliveries within 5 days customer:"Acme AS type:stated category:delivery');
    expect(double).toContain('The quote \\" at the start of `customer:\\"Acme AS type:stated category:d…` is never closed');
    expect(double).toContain('so I did not do anything');
    const single = await requirement("add Deliveries within 5 days customer:'Acme AS type:stated");
    expect(single).toContain("The quote ' at the start of `customer:'Acme AS type:stated` is never closed");
    expect(single).toContain("An apostrophe inside a word (customer's) is fine");
    expect(await stored()).toEqual([]);
    expect(await h.bot.services.core.deps.evidence.lastSeq(h.workspaceId)).toBe(0);
  });

  it('refuses a command longer than any a person types, before parsing it, and saves nothing', async () => {
    // About what Teams accepts in one message; the old scanner took seconds over this.
    const flood = 'customer:"x" '.repeat(2_200);
    const reply = await requirement(`add ${flood}`);
    // The command line as the core reads it: "/requirement add …" with the trailing space trimmed.
    expect(reply).toContain(
      `That command is 28,615 characters long; I read commands of up to ${MAX_COMMAND_LENGTH.toLocaleString('en-US')}`,
    );
    expect(reply).toContain('Nothing was saved. Please shorten it.');
    expect(await stored()).toEqual([]);
  });
});
