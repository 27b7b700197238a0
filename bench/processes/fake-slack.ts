/**
 * The local fake Slack Web API (test/support/slack), in a process of its own so that its work
 * (recording calls, answering response URLs) is not counted against the bot being measured.
 * Answers `count` (calls per method) and `clear` over IPC.
 */
import { startFakeSlackApi } from '../../test/support/slack/fake-slack-api.js';
import { announceReady, serveRequests } from '../lib/children.js';

export interface FakeSlackReady {
  readonly url: string;
  readonly origin: string;
}

const token = process.env.BENCH_SLACK_TOKEN ?? 'xoxb-bench-token';
const api = await startFakeSlackApi();
api.setWorkspace(token, { teamId: process.env.BENCH_SLACK_TEAM ?? 'T0TEAM1', botUserId: 'U0BOT', botId: 'B0BOT' });

serveRequests({
  count: () => {
    const counts: Record<string, number> = {};
    for (const call of api.calls) counts[call.method] = (counts[call.method] ?? 0) + 1;
    return counts;
  },
  // Recorded calls are kept in memory; a long run forgets them between scenarios.
  clear: () => api.clear(),
});
announceReady({ url: api.url, origin: api.origin } satisfies FakeSlackReady);
