/**
 * Who administers a Teams workspace (the hostile tester's first finding): installing the app in a
 * personal or group chat grants nothing; with ADMIN_USERS empty and no admin yet, the first person
 * to install it into a team becomes the first admin, once, as evidence, said in the introduction.
 * Driven through the real CloudAdapter with Bot Framework activities.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { BEN, CHANNEL, installation, personalMessage } from '../support/teams/activities.js';
import { textOf } from '../support/teams/card-text.js';
import { type TeamsBotHarness, startTeamsBot } from '../support/teams-bot.js';

const MALLORY = { id: '29:mallory', name: 'Mallory', aadObjectId: 'aad-mallory' };

describe('Teams: the first admin', () => {
  let h: TeamsBotHarness;
  afterEach(() => h.close());

  const evidence = async (type: string) =>
    (await h.bot.services.core.deps.evidence.listBySeq(h.workspaceId, 1, 100)).filter((entry) => entry.type === type);
  const replyTo = async (from: typeof BEN, text: string) => {
    const before = h.connector.calls.length;
    await h.send(personalMessage({ serviceUrl: h.connector.url, from, text, conversationId: `a:personal-${from.id}` }));
    return h.connector.calls.slice(before).map(textOf).join('\n');
  };

  it('a personal install makes nobody an admin, even in a workspace that has none', async () => {
    h = await startTeamsBot({ ADMIN_USERS: '' });
    await h.send(
      installation({
        serviceUrl: h.connector.url,
        from: MALLORY,
        conversationId: `a:personal-${MALLORY.id}`,
        conversationType: 'personal',
      }),
    );
    await h.send(
      installation({ serviceUrl: h.connector.url, from: MALLORY, conversationId: '19:chat@thread.v2', conversationType: 'groupChat' }),
    );
    expect(await replyTo(MALLORY, 'settings retention:7d')).toContain('only admins can change settings');
    expect(await replyTo(MALLORY, 'export 2026-Q4')).toMatch(/only .*can/);
    expect(await evidence('role.changed')).toEqual([]);
  });

  it('the first team install, with ADMIN_USERS empty, makes the installer admin once, as evidence, and says so', async () => {
    h = await startTeamsBot({ ADMIN_USERS: '' });
    const before = h.connector.calls.length;
    await h.send(installation({ serviceUrl: h.connector.url, from: BEN, conversationId: CHANNEL, conversationType: 'channel' }));
    const introduction = h.connector.calls.slice(before).map(textOf).join('\n');
    expect(introduction).toContain('first admin');
    expect(introduction).toContain('Ben Member');
    expect(await evidence('role.changed')).toMatchObject([
      { actorId: BEN.id, subject: { id: BEN.id }, data: { role: 'admin', reason: 'first team install' } },
    ]);
    expect(await replyTo(BEN, 'settings retention:365d')).not.toContain('only admins');

    // Another team later: its installer gets no role.
    await h.send(
      installation({
        serviceUrl: h.connector.url,
        from: MALLORY,
        conversationId: '19:other-team@thread.tacv2',
        conversationType: 'channel',
      }),
    );
    expect(await evidence('role.changed')).toHaveLength(1);
    expect(await replyTo(MALLORY, 'settings retention:7d')).toContain('only admins can change settings');
  });

  it('with ADMIN_USERS set, installing into a team grants nothing', async () => {
    h = await startTeamsBot({ ADMIN_USERS: 'aad-ann' });
    await h.send(installation({ serviceUrl: h.connector.url, from: MALLORY, conversationId: CHANNEL, conversationType: 'channel' }));
    expect(await evidence('role.changed')).toEqual([]);
    expect(await replyTo(MALLORY, 'settings retention:7d')).toContain('only admins can change settings');
  });
});
