/**
 * SIGKILL in the middle of a stream of `/requirement add` commands (SQLite, the default store),
 * then a restart on the same file: every requirement whose author was told "Recorded" is there,
 * every requirement has its evidence entry and every entry its requirement (a record and its entry
 * are one commit), the log has no hole and verifies, and the restarted bot carries on numbering
 * after the old one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startFakeSlackApi } from '../support/slack/fake-slack-api.js';
import { SlackClientSim } from '../support/slack/signed-requests.js';
import { SLACK_TEST_IDS } from '../support/slack/slack-payloads.js';
import { startBotProcess } from './support/bot-process.js';
import { withStore } from './support/read-store.js';
import { expectRegisterMatchesLog } from './support/register-and-log.js';

const SECRET = 'kill-signing-secret-0123456789';
const TOKEN = 'xoxb-kill-token';
const WORKSPACE = `slack:${SLACK_TEST_IDS.teamId}`;
/** Commands in flight at any moment, so the kill always lands in the middle of several writes. */
const SENDERS = 8;
const CONFIRMED_BEFORE_KILL = 60;
const AFTER_RESTART = 5;

const directory = mkdtempSync(join(tmpdir(), 'cfb-sigkill-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('SIGKILL under load (SQLite), then restart', () => {
  it('keeps everything its authors were told was recorded, and the log stays verifiable', { timeout: 120_000 }, async () => {
    const api = await startFakeSlackApi();
    api.setWorkspace(TOKEN, { teamId: SLACK_TEST_IDS.teamId, botUserId: SLACK_TEST_IDS.botUserId, botId: SLACK_TEST_IDS.botId });
    const env = {
      STORE_URL: `sqlite://${join(directory, 'store.sqlite')}`,
      SLACK_BOT_TOKEN: TOKEN,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: api.url,
      LOG_LEVEL: 'warn',
    };
    const confirmed = (run: string): [statement: string, id: string][] =>
      api
        .callsTo('response_url')
        .filter((call) => call.path.startsWith(`/response/${run}/`))
        .flatMap((call) => {
          const id = /Recorded \*(REQ-\d+)\*/.exec(JSON.stringify(call.body.blocks ?? ''))?.[1];
          const n = call.path.split('/').at(-1);
          return id ? [[run === 'before' ? `Before the crash ${n}` : `After the restart ${n}`, id] as [string, string]] : [];
        });
    const recorded = (run: string) => confirmed(run).map(([, id]) => id);
    try {
      const victim = await startBotProcess(env);
      const sim = new SlackClientSim({ baseUrl: victim.baseUrl, signingSecret: SECRET, responseBase: api.origin });
      let sent = 0;
      let killed = false;
      const senders = Array.from({ length: SENDERS }, async () => {
        while (!killed) {
          const n = ++sent;
          await sim
            .command('/requirement', `add Before the crash ${n} customer:"Acme AS"`, {
              userId: 'U0KILL',
              channelId: 'C0KILL',
              responseUrl: `${api.origin}/response/before/${n}`,
            })
            .catch(() => undefined);
        }
      });
      await expect.poll(() => recorded('before').length, { timeout: 60_000, interval: 20 }).toBeGreaterThanOrEqual(CONFIRMED_BEFORE_KILL);
      await victim.kill();
      killed = true;
      await Promise.all(senders);
      expect(victim.process.signalCode).toBe('SIGKILL');
      const confirmedBefore = recorded('before');

      const restarted = await startBotProcess(env);
      const again = new SlackClientSim({ baseUrl: restarted.baseUrl, signingSecret: SECRET, responseBase: api.origin });
      for (let n = 1; n <= AFTER_RESTART; n++) {
        expect(
          (
            await again.command('/requirement', `add After the restart ${n}`, {
              userId: 'U0KILL',
              channelId: 'C0KILL',
              responseUrl: `${api.origin}/response/after/${n}`,
            })
          ).status,
        ).toBe(200);
      }
      await expect.poll(() => recorded('after').length, { timeout: 20_000, interval: 20 }).toBe(AFTER_RESTART);
      await restarted.stop();

      await withStore(env.STORE_URL, async ({ core }) => {
        const listed = new Set((await core.deps.requirements.list(WORKSPACE)).map((requirement) => requirement.id));
        for (const id of [...confirmedBefore, ...recorded('after')])
          expect(listed.has(id), `${id} was confirmed but is missing`).toBe(true);
        // Commands acknowledged but cut off before their reply may be stored or not, but never
        // half: no requirement without its entry, no entry without its requirement, no hole.
        await expectRegisterMatchesLog(core.deps, WORKSPACE, {
          saved: new Map([...confirmed('before'), ...confirmed('after')]),
          notSaved: [],
        });
        const lastSeq = await core.deps.evidence.lastSeq(WORKSPACE);
        const entries = await core.deps.evidence.listBySeq(WORKSPACE, 1, lastSeq);
        // The restarted bot numbered on after everything the killed one had handed out.
        const afterRestart = entries.filter((entry) => entry.personal.statement?.startsWith('After the restart'));
        expect(Math.min(...afterRestart.map((entry) => entry.seq))).toBeGreaterThan(
          Math.max(...entries.filter((entry) => entry.personal.statement?.startsWith('Before')).map((entry) => entry.seq)),
        );
      });
    } finally {
      await api.close();
    }
  });
});
