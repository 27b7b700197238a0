/**
 * A Messenger (the core's port) that keeps what it was given, as a platform would show it, and
 * answers with failures a test sets per destination. It stands in for a platform, not for any
 * module of ours: the digest's own code runs unchanged.
 */
import { MessengerRegistry } from '../../../src/app/messenger-registry.js';
import type { Platform } from '../../../src/core/domain/shared.js';
import type { Message } from '../../../src/core/messages.js';
import type { DeliveryResult, Destination, Messenger } from '../../../src/core/ports.js';

export interface Sent {
  readonly workspaceId: string;
  /** `conversation:C1` or `person:U1`. */
  readonly to: string;
  readonly message: Message;
  /** Date.now() when it was sent (fake timers control it). */
  readonly at: number;
}

export class RecordingMessenger implements Messenger {
  readonly sent: Sent[] = [];
  readonly attempts: string[] = [];
  private readonly failures = new Map<string, DeliveryResult[]>();
  private readonly delays = new Map<string, number>();

  /** Every send for `workspaceId` takes `ms` (a platform that answers slowly, e.g. after a rate limit). */
  slowFor(workspaceId: string, ms: number): void {
    this.delays.set(workspaceId, ms);
  }

  /** The next `times` sends to `to` (`conversation:C1`, `person:U1`) answer `result`. */
  failNext(to: string, result: Extract<DeliveryResult, { ok: false }>, times = 1): void {
    this.failures.set(to, [...(this.failures.get(to) ?? []), ...Array.from({ length: times }, () => result)]);
  }

  async send(workspaceId: string, destination: Destination, message: Message): Promise<DeliveryResult> {
    const to = destination.kind === 'conversation' ? `conversation:${destination.conversationId}` : `person:${destination.userId}`;
    this.attempts.push(to);
    const delay = this.delays.get(workspaceId);
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    const failure = this.failures.get(to)?.shift();
    if (failure) return failure;
    this.sent.push({ workspaceId, to, message, at: Date.now() });
    return { ok: true, messageId: String(this.sent.length) };
  }

  to(to: string): Sent[] {
    return this.sent.filter((sent) => sent.to === to);
  }
}

/** A registry with a recording messenger for each platform given. */
export function recordingMessengers(platforms: Platform[] = ['slack']): {
  registry: MessengerRegistry;
  messengers: Record<string, RecordingMessenger>;
} {
  const registry = new MessengerRegistry();
  const messengers: Record<string, RecordingMessenger> = {};
  for (const platform of platforms) {
    messengers[platform] = new RecordingMessenger();
    registry.register(platform, messengers[platform]);
  }
  return { registry, messengers };
}
