/**
 * Golden tests: the digest of a typical week and of an empty week, as Slack receives it (Block
 * Kit and the plain-text fallback), as Teams receives it (an Adaptive Card and its text summary)
 * and as plain text (the CLI preview and the evidence copy).
 * Any change to the digest's content shows up here as a diff to review.
 *
 * Regenerate after an intended change with `UPDATE_GOLDEN=1 npx vitest run test/digest/golden.test.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { toSlackMessage } from '../../src/adapters/slack/block-kit.js';
import { toTeamsMessage } from '../../src/adapters/teams/adaptive-cards.js';
import { spellCommands } from '../../src/core/commands/usage.js';
import { weeklySchedule } from '../../src/core/digest/slots.js';
import { type Message, messageToPlain } from '../../src/core/messages.js';
import { createTestCore, expectOk } from '../support/test-core.js';
import { recordingMessengers } from './support/recording-messenger.js';
import { DIGEST_AT, TIME_ZONE, typicalWeek } from './support/typical-week.js';

const golden = (name: string) => new URL(`./golden/${name}`, import.meta.url);

function expectGolden(name: string, value: unknown): void {
  const text = typeof value === 'string' ? `${value}\n` : `${JSON.stringify(value, null, 2)}\n`;
  if (process.env.UPDATE_GOLDEN) writeFileSync(golden(name), text);
  expect(text).toBe(readFileSync(golden(name), 'utf8'));
}

const MONDAYS_9 = weeklySchedule(1, '09:00');
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** Runs the scheduled digest once and returns what the management channel received. */
async function scheduledDigest(
  build: (
    registry: ReturnType<typeof recordingMessengers>['registry'],
  ) => Promise<{ core: Awaited<ReturnType<typeof createTestCore>>['core']; workspaceId: string; close(): Promise<void> }>,
): Promise<Message> {
  const { registry, messengers } = recordingMessengers(['slack']);
  const { core, workspaceId, close } = await build(registry);
  closers.push(close);
  const outcome = await core.runScheduledDigest(workspaceId, { defaultSchedule: MONDAYS_9, owner: 'golden' });
  expect(outcome).toMatchObject({ status: 'delivering', issuedNow: true, complete: true });
  const [sent, ...others] = messengers.slack?.to('conversation:C0MGMT') ?? [];
  expect(others).toEqual([]);
  if (!sent) throw new Error('the management channel received nothing');
  // The manager's direct message is the same digest.
  expect(messengers.slack?.to('person:U0MGR').map((dm) => dm.message)).toEqual([sent.message]);
  return sent.message;
}

describe('the digest, pinned', () => {
  it('a typical week', async () => {
    const message = await scheduledDigest(async (registry) => {
      const week = await typicalWeek({ messengers: registry });
      expectOk(
        await week.t.core.runCommand(week.admin, '/customer-focus digest here', { place: { platform: 'slack', channelId: 'C0MGMT' } }),
      );
      week.t.clock.set(DIGEST_AT);
      return { core: week.t.core, workspaceId: week.t.workspaceId, close: week.t.close };
    });
    expectGolden('typical-week.slack.json', toSlackMessage(message));
    expectGolden('typical-week.txt', spellCommands(messageToPlain(message), 'teams'));
    expectGolden('typical-week.teams.json', toTeamsMessage(message));
    // What a user typed stays inert: Slack gets it escaped.
    const slack = JSON.stringify(toSlackMessage(message));
    expect(slack).not.toContain('<!here>');
    expect(slack).toContain('again &amp; again &lt;!here&gt;');
  });

  it('an empty week says so in one line, followed by what is missing to determine requirements (5.1.2)', async () => {
    const message = await scheduledDigest(async (registry) => {
      const t = await createTestCore({ timeZone: TIME_ZONE, messengers: registry });
      const admin = await t.actor('admin', 'U0ADMIN');
      await t.actor('manager', 'U0MGR');
      expectOk(await t.core.runCommand(admin, '/customer-focus digest here', { place: { platform: 'slack', channelId: 'C0MGMT' } }));
      t.clock.set(DIGEST_AT);
      return { core: t.core, workspaceId: t.workspaceId, close: t.close };
    });
    expectGolden('empty-week.slack.json', toSlackMessage(message));
    expectGolden('empty-week.txt', spellCommands(messageToPlain(message), 'teams'));
    expectGolden('empty-week.teams.json', toTeamsMessage(message));
    const sections = message.blocks.filter((block) => block.kind === 'text');
    expect(sections).toHaveLength(2);
    expect(messageToPlain({ fallback: '', blocks: sections })).toMatch(
      /^A quiet week: .*\nHow we determine customer requirements \(5\.1\.2\)/,
    );
  });

  it('renders as an Adaptive Card for Teams, with the Reviewed button and the review buttons', async () => {
    const message = await scheduledDigest(async (registry) => {
      const week = await typicalWeek({ messengers: registry });
      expectOk(
        await week.t.core.runCommand(week.admin, '/customer-focus digest here', { place: { platform: 'slack', channelId: 'C0MGMT' } }),
      );
      week.t.clock.set(DIGEST_AT);
      return { core: week.t.core, workspaceId: week.t.workspaceId, close: week.t.close };
    });
    const { card, text } = toTeamsMessage(message);
    const json = JSON.stringify(card);
    expect(text).toContain('Customer focus digest, 2026-11-23 09:00 to 2026-11-30 09:00');
    expect(json).toContain('"cfbAction":"digest.reviewed","digestId":"2026-W49"');
    expect(json).toContain('"cfbAction":"requirement.keep","requirementId":"REQ-2"');
    expect(json).toContain('"cfbAction":"requirement.retire","requirementId":"REQ-2"');
    expect(card.body.length).toBeLessThanOrEqual(40);
  });
});
