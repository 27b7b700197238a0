/**
 * The local fake Bot Framework connector (test/support/teams), in a process of its own so that
 * its work (recording calls, answering them) is not counted against the bot being measured. It
 * answers POST /v3/conversations/:id/activities (a new post) and /activities/:activityId (a
 * reply) with 201 and a new activity id, PUT (a card updated in place) with 200 and the id.
 * Answers `count` (calls per kind), `replies` (which activity each thread's reply created) and
 * `clear` over IPC.
 */
import { startFakeConnector } from '../../test/support/teams/fake-connector.js';
import { announceReady, serveRequests } from '../lib/children.js';

export interface FakeConnectorReady {
  /** The serviceUrl inbound activities carry (ends with `/`). */
  readonly url: string;
}

export interface ConnectorReply {
  readonly conversationId: string;
  readonly createdId: string;
}

const connector = await startFakeConnector();

serveRequests({
  count: () => {
    const counts: Record<string, number> = {};
    for (const call of connector.calls) counts[call.kind] = (counts[call.kind] ?? 0) + 1;
    return counts;
  },
  replies: (): ConnectorReply[] =>
    connector.calls.flatMap((call) =>
      call.kind === 'reply' && call.createdId ? [{ conversationId: call.conversationId, createdId: call.createdId }] : [],
    ),
  // Recorded calls (with their bodies) are kept in memory; a long run forgets them between slices.
  clear: () => connector.clear(),
});
announceReady({ url: connector.url } satisfies FakeConnectorReady);
