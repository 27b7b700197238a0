/**
 * Customer knowledge and responsibilities on Teams, end to end: the real CloudAdapter on the bot's
 * HTTP server and a fake Bot Framework connector; the command without a slash and the card form.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TeamsBotHarness, startTeamsBot } from '../support/teams-bot.js';
import { ANN, BEN, PERSONAL, cardSubmit, mention, personalMessage } from '../support/teams/activities.js';
import { buttonsOf, textOf } from '../support/teams/card-text.js';
import type { ConnectorCall } from '../support/teams/fake-connector.js';

let h: TeamsBotHarness;
beforeEach(async () => {
  h = await startTeamsBot();
});
afterEach(async () => {
  await h.close();
});

const lastPost = (): ConnectorCall => {
  const last = h.connector
    .delivered()
    .filter((call) => call.kind === 'reply' || call.kind === 'send')
    .at(-1);
  if (!last) throw new Error('the bot posted nothing');
  return last;
};
const say = (text: string, from = BEN) => h.send(personalMessage({ serviceUrl: h.connector.url, from, text }));
const deps = () => h.bot.services.core.deps;

describe('customer knowledge in Teams', () => {
  it('"knowledge add …" records a source; "knowledge show" and "requirement show" trace it both ways', async () => {
    await say('requirement add Seats clean in five minutes');
    await say('knowledge add "Market study 2026" kind:market-research link:https://example.com/study');
    expect(textOf(lastPost())).toContain('Recorded **K-1** (market research)');
    // Teams spelling in the hints: no slash.
    expect(textOf(lastPost())).toContain('requirement edit REQ-… source:K-1');
    await say('requirement edit REQ-1 source:K-1');
    await say('knowledge show K-1');
    expect(textOf(lastPost())).toContain('REQ-1');
    await say('requirement show REQ-1');
    expect(textOf(lastPost())).toContain('Sources');
    expect(textOf(lastPost())).toMatch(/K-1\*{0,2} market research/);
  });

  it('refuses an unknown kind with the allowed kinds and writes nothing', async () => {
    await say('knowledge add "Gossip" kind:rumour link:https://example.com');
    expect(textOf(lastPost())).toContain('"rumour" is not a valid kind. Use one of: market-research');
    expect(await deps().knowledge.list(h.workspaceId)).toEqual([]);
    expect(await deps().evidence.lastSeq(h.workspaceId)).toBe(0);
  });

  it('opens the knowledge card form, shows a refusal in it, and records a valid submit', async () => {
    await say('knowledge add');
    const form = lastPost();
    const submit = buttonsOf(form).find((b) => b.data.cfbForm === 'knowledge.record');
    expect(submit).toBeDefined();
    const send = (date: string) =>
      h.send(
        cardSubmit({
          serviceUrl: h.connector.url,
          conversationId: PERSONAL,
          conversationType: 'personal',
          replyToId: String(form.createdId),
          value: {
            ...submit?.data,
            title: 'Finished study',
            kind: 'end-user-survey',
            date,
            link: 'https://example.com/s',
            horizon: 'current',
          },
        }),
      );
    await send('2999-01-01');
    expect(JSON.stringify(h.connector.delivered().at(-1))).toContain('is in the future');
    expect(await deps().knowledge.list(h.workspaceId)).toEqual([]);
    await send('2026-01-15');
    const [record] = await deps().knowledge.list(h.workspaceId);
    expect(record).toMatchObject({ id: 'K-1', title: 'Finished study', date: '2026-01-15' });
  });

  it('"responsible category:delivery @person" is for admins, and names a mentioned person', async () => {
    const dana = mention({ id: '29:dana', name: 'Dana' });
    await h.send({
      ...personalMessage({ serviceUrl: h.connector.url, from: BEN, text: `responsible category:delivery ${dana.text}` }),
      entities: [dana.entity],
    });
    expect(textOf(lastPost())).toMatch(/only admins can name who determines customer requirements/);
    await h.send({
      ...personalMessage({ serviceUrl: h.connector.url, from: ANN, text: `responsible future ${dana.text}` }),
      entities: [dana.entity],
    });
    expect(textOf(lastPost())).toContain('now determines customer requirements for future needs');
    expect(await deps().responsibilities.get(h.workspaceId, 'future')).toMatchObject({ person: { id: '29:dana' } });
  });
});
