/**
 * Paces posts per conversation: about one per second to the same channel or person, which is what
 * Slack asks for (api.slack.com/docs/rate-limits) and keeps Teams' per-thread throttling quiet.
 * Posts to different conversations, and to different workspaces, do not wait for each other.
 */
import type { DeliveryResult, Destination, Messenger } from '../../core/ports.js';

export const DEFAULT_PACING_MS = 1_000;

interface Lane {
  /** Sends queued or in flight on this lane. */
  pending: number;
  /** The earliest moment (epoch ms) the next send may start. */
  nextAt: number;
  /** Settles when the last queued send has finished. */
  tail: Promise<void>;
}

const idOf = (destination: Destination) => (destination.kind === 'conversation' ? destination.conversationId : destination.userId);

// A timer of the global setTimeout (not timers/promises), so tests with fake timers control it.
const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function pacedMessenger(inner: Messenger, intervalMs = DEFAULT_PACING_MS): Messenger {
  const lanes = new Map<string, Lane>();
  const forgetIdle = (now: number) => {
    for (const [key, lane] of lanes) if (lane.pending === 0 && lane.nextAt <= now) lanes.delete(key);
  };
  return {
    send(workspaceId, destination, message): Promise<DeliveryResult> {
      forgetIdle(Date.now());
      const key = `${workspaceId}\u0000${destination.kind}\u0000${idOf(destination)}`;
      const lane = lanes.get(key) ?? { pending: 0, nextAt: 0, tail: Promise.resolve() };
      lanes.set(key, lane);
      lane.pending += 1;
      const sent = lane.tail.then(async () => {
        const wait = lane.nextAt - Date.now();
        if (wait > 0) await delay(wait);
        lane.nextAt = Date.now() + intervalMs;
        return inner.send(workspaceId, destination, message);
      });
      lane.tail = sent.then(
        () => undefined,
        () => undefined,
      );
      return sent.finally(() => {
        lane.pending -= 1;
      });
    },
  };
}
