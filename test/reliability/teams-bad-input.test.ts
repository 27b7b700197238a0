/**
 * Bad input over Teams' real path (/api/messages through the CloudAdapter). Every command typed
 * in a personal chat, given empty, huge, control-character, right-to-left, zero-width or
 * mention-injection text, gets one reply meant for a person: never the apology for an unexpected
 * error, never a stack trace, never a mention the person did not make, and the evidence log and
 * the register stay whole. (Bodies of 1 MB and malformed JSON: test/teams/teams-connection.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TeamsBotHarness, startTeamsBot } from '../support/teams-bot.js';
import { ANN, CHANNEL, channelMessage, personalMessage } from '../support/teams/activities.js';
import type { ConnectorCall } from '../support/teams/fake-connector.js';
import { HOSTILE_TEXTS } from './support/hostile-texts.js';
import { expectStoreWhole } from './support/store-whole.js';

const directory = mkdtempSync(join(tmpdir(), 'cfb-teams-bad-input-'));

/** The common hostile texts, and what Teams would read as a mention or card markup. */
const TEXTS: readonly [name: string, text: string][] = [
  ...HOSTILE_TEXTS,
  ['mention injection', '<at>Victim</at> &lt;at&gt;Everyone&lt;/at&gt; @General customer:"<at>Ann Admin</at>"'],
  ['card injection', '[Click to verify](https://evil.example) **bold** {{DATE(2026-01-01T00:00:00Z)}} "}], "actions": [ {'],
];

/** Every command as typed to the bot in Teams, with `{}` where the text goes. */
const TEMPLATES = [
  'requirement {}',
  'requirement add {}',
  'requirement add Valid statement customer:"{}"',
  'requirement list {}',
  'requirement show {}',
  'requirement edit REQ-1 {}',
  'requirement review REQ-1 {}',
  'requirement retire REQ-1 {}',
  'requirement reassign {} @Kim',
  'feedback {} customer:Acme',
  'check {}',
  '{}',
  'settings {}',
  'role {} manager',
  'detection {}',
];

const STACK_TRACE = /at .*\.(ts|js):\d+|Error: /;
const APOLOGY = /something went wrong on my side/;

let h: TeamsBotHarness;
beforeAll(async () => {
  h = await startTeamsBot({ STORE_URL: `sqlite://${join(directory, 'store.sqlite')}`, LOG_LEVEL: 'warn' });
  // A channel the bot knows, so nothing refuses for lack of one; and REQ-1, so edit, review,
  // retire and show have something to change or refuse.
  await h.send(channelMessage({ serviceUrl: h.connector.url, text: 'Good morning' }));
  await h.send(
    personalMessage({
      serviceUrl: h.connector.url,
      from: ANN,
      text: 'requirement add Deliveries to Norway within 5 days customer:"Acme AS"',
    }),
  );
});
afterAll(async () => {
  await h.close();
  rmSync(directory, { recursive: true, force: true });
});

/** Mentions the bot would create: an entity in the activity or in an Adaptive Card's msteams part. */
function mentionsIn(call: ConnectorCall): boolean {
  const body = JSON.stringify(call.body);
  return /"type":"mention"/.test(body) || /<at>/.test(body.replace(/&lt;at&gt;/g, ''));
}

describe('every Teams command with hostile text', () => {
  const cases = TEMPLATES.flatMap((template) => TEXTS.map(([name, text]) => ({ template, name, line: template.replace('{}', text) })));

  it(`${cases.length} commands: one reply for a person each, no mention, no half-written data`, { timeout: 120_000 }, async () => {
    expect(JSON.stringify(h.connector.delivered().at(-1)?.body)).toContain('REQ-1');
    const problems: string[] = [];
    for (const { template, name, line } of cases) {
      const before = h.connector.calls.length;
      const { status, body } = await h.send(personalMessage({ serviceUrl: h.connector.url, from: ANN, text: line }));
      if (status !== 200) problems.push(`${template} / ${name}: HTTP ${status} ${body.slice(0, 100)}`);
      const replies = h.connector.calls.slice(before).filter((call) => call.kind === 'reply' || call.kind === 'send');
      if (replies.length !== 1) problems.push(`${template} / ${name}: ${replies.length} replies`);
      for (const reply of replies) {
        const shown = JSON.stringify(reply.body);
        if (reply.status >= 300) problems.push(`${template} / ${name}: the connector refused the reply (${reply.status})`);
        if (APOLOGY.test(shown)) problems.push(`${template} / ${name}: the unexpected-error apology`);
        if (STACK_TRACE.test(shown)) problems.push(`${template} / ${name}: a stack trace`);
        if (mentionsIn(reply)) problems.push(`${template} / ${name}: a mention in ${shown.slice(0, 200)}`);
      }
    }
    expect(problems).toEqual([]);
    expect(h.logs.filter((entry) => entry.msg === 'Teams turn failed')).toEqual([]);
    expect((await fetch(`http://127.0.0.1:${h.bot.port}/healthz`)).status).toBe(200);

    await expectStoreWhole(h.bot.services, h.workspaceId);
    // The channel saw nothing of all this.
    expect(h.connector.calls.filter((call) => call.conversationId.startsWith(CHANNEL))).toEqual([]);
  });
});
