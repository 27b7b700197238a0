/**
 * Words and times people read in Slack, through the real Bolt receiver and the fake Slack API:
 * the verification sentence says exactly what was checked and sealed (the same sentence as the
 * command line, the dashboard and the audit pack), every time is in the workspace's zone with the
 * zone named, and each period is named so that the digest and `status` cannot seem to disagree.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sealWorkspace } from '../../src/core/audit/seal-workspace.js';
import { verifyLog } from '../../src/core/audit/verify-log.js';
import { verdictSentence } from '../../src/core/audit/verify-view.js';
import { verificationStatus } from '../../src/core/dashboard/verification.js';
import { type SlackBotHarness, TEAM, startSlackBot } from '../support/slack-bot.js';

const CHANNEL = 'C0PRODUCT';
const ADMIN = 'U0ADMIN';

describe('what people read in Slack', () => {
  let h: SlackBotHarness;
  beforeEach(async () => {
    h = await startSlackBot();
  });
  afterEach(() => h.close());

  /** Runs a slash command and returns the text of the reply it gets (blocks included). */
  async function reply(command: string, text: string, userId = ADMIN): Promise<string> {
    h.api.clear();
    await h.slack.command(command, text, { userId, teamId: TEAM, channelId: CHANNEL });
    const answer = await h.api.waitForCall('response_url');
    return JSON.stringify(answer.body);
  }

  it('after settings timezone:Europe/Oslo, verify, seals, link expiry, status and the digest read in Oslo time, zone named', async () => {
    expect(await reply('/customer-focus', 'settings timezone:Europe/Oslo')).toContain('Europe/Oslo');
    await reply('/requirement', 'add Deliveries to Norway within 5 days customer:"Acme AS" type:stated category:delivery', 'U1');
    await reply('/requirement', 'add Invoices in NOK customer:"Acme AS" type:stated category:price', 'U1');
    const deps = h.bot.services.core.deps;
    await sealWorkspace(deps, h.workspaceId);
    await reply('/requirement', 'add Support in Norwegian customer:"Acme AS" type:stated category:support', 'U1');

    // Verify: what was checked, how many, what is sealed, what is not yet; never "0 entries verified".
    const verified = await reply('/customer-focus', 'verify');
    const sentence =
      /Checked the seal chain \(1 seal over (\d+) entries\) and the 1 entry written after the last seal: all intact\. \1 entries are sealed, up to entry \1 by seal #1 [0-9a-f]{12} at \d{4}-\d\d-\d\d \d\d:\d\d Europe\/Oslo; 1 is not sealed yet\./;
    expect(verified).toMatch(sentence);
    expect(verified).not.toMatch(/\b0 entries verified|UTC/);
    // The very same sentence on the command line's and the dashboard's side, and in the pack.
    const said = sentence.exec(verified)?.[0];
    expect(verdictSentence(await verifyLog(deps, h.workspaceId), 'Europe/Oslo')).toBe(said);
    expect((await verificationStatus(deps, { workspaceId: h.workspaceId, role: 'admin' })).verdict).toBe(said);

    // The dashboard link's expiry.
    const link = await reply('/customer-focus', 'dashboard');
    expect(link).toMatch(/works until \d{4}-\d\d-\d\d \d\d:\d\d Europe\/Oslo/);
    expect(link).not.toContain('UTC');

    // Status names its calendar week and zone; the digest names its week to the minute.
    expect(await reply('/customer-focus', 'status')).toMatch(
      /This week: Monday \d{4}-\d\d-\d\d to Sunday \d{4}-\d\d-\d\d \(Europe\/Oslo\)/,
    );
    const digest = await reply('/customer-focus', 'digest preview');
    expect(digest).toMatch(/Customer focus digest: \d{4}-\d\d-\d\d \d\d:\d\d to \d{4}-\d\d-\d\d \d\d:\d\d/);
    expect(digest).toContain('Dates and times are in Europe/Oslo.');
    expect(digest).toMatch(/seal #1 `[0-9a-f]{12}`, \d{4}-\d\d-\d\d \d\d:\d\d Europe\/Oslo\./);
  });

  it('writes as people write: plurals agree, reviews read as sentences, people by name, empty filters do not say "add one"', async () => {
    await reply('/requirement', 'add Deliveries to Norway within 5 days customer:"Acme AS" type:stated category:delivery', 'U1');
    const one = await reply('/requirement', 'list');
    expect(one).toContain('"text":"1 requirement"');
    expect(one).not.toContain('1 requirements');

    const none = await reply('/requirement', 'list at_risk');
    expect(none).toContain('No requirement matches this filter. Without a filter, \\"/requirement list\\" shows the whole register.');
    expect(none).not.toContain('Add one');

    const reviewed = await reply('/requirement', 'review REQ-1 at_risk Carrier changes in December');
    expect(reviewed).toContain('Your review of *REQ-1* is recorded: it is at risk. Next review on ');
    const retired = await reply('/requirement', 'review REQ-1 retire');
    expect(retired).toContain('Your review of *REQ-1* is recorded: it no longer applies, so it is retired. It will not be reviewed again.');
    expect(retired).not.toMatch(/recorded: retire\./);

    // Slack shows the mention as the person's name; the notification text names them too.
    const granted = await reply('/customer-focus', 'role <@U0KIM|kim> auditor');
    expect(granted).toContain('<@U0KIM> is now an auditor.');
    expect(granted).toContain('"text":"kim is now an auditor."');
    expect(granted).not.toContain('U0KIM is now');
  });
});
