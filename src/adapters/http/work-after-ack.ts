/**
 * The work a platform request hands off once it is acknowledged: Slack requests (Bolt answers at
 * `ack()`, and the listener's work follows) and Teams message turns (botbuilder's CloudAdapter
 * answers when the turn ends, so the turn ends at once and its work runs here). The work is:
 * - bounded: at most `concurrency` pieces run at once (the store serialises writes anyway) and at
 *   most `queueLimit` wait; past that, new acknowledgements wait for room, so an overload slows
 *   the answers to Teams instead of growing memory, and drops nothing;
 * - awaited on shutdown (`drain`), while the store is still open, so nothing acknowledged is lost;
 * - observable (`idle`), so tests wait for it by a promise, never by a timer.
 */
import type { Core } from '../../core/index.js';
import type { Logger } from '../logging/logger.js';

type Work = (signal: AbortSignal) => Promise<void>;

export interface WorkAfterAckLimits {
  /** Pieces running at once. */
  readonly concurrency: number;
  /** Pieces waiting to run; an activity is a few KB, so the default costs a few MB at most. */
  readonly queueLimit: number;
}

export const WORK_AFTER_ACK_LIMITS: WorkAfterAckLimits = { concurrency: 32, queueLimit: 2_048 };

export class WorkAfterAck {
  private running = 0;
  private readonly queue: Work[] = [];
  private readonly roomWaiters: (() => void)[] = [];
  private readonly idleWaiters: (() => void)[] = [];
  private readonly shutdown = new AbortController();

  constructor(
    private readonly logger: Logger,
    /** Names the platform in the log line of a piece that failed without handling its own failure. */
    private readonly platform: string,
    private readonly limits: WorkAfterAckLimits = WORK_AFTER_ACK_LIMITS,
  ) {}

  /** Pieces running or waiting. */
  get inFlight(): number {
    return this.running + this.queue.length;
  }

  /**
   * Takes `work` to run after the acknowledgement; resolves once it is running or queued (at
   * once unless the queue is full). The work reports its own failures; `signal` aborts when
   * shutdown begins (pauses then end early).
   */
  async admit(work: Work): Promise<void> {
    // Checked and taken in one synchronous step after each wake-up, so the bounds are exact.
    while (this.queue.length >= this.limits.queueLimit) await new Promise<void>((resolve) => this.roomWaiters.push(resolve));
    if (this.running < this.limits.concurrency) this.start(work);
    else this.queue.push(work);
  }

  /** Resolves once nothing runs or waits (at once when nothing does). */
  idle(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Shutdown: pauses before a redelivery end at once, and everything taken finishes. */
  async drain(): Promise<void> {
    this.shutdown.abort();
    await this.idle();
  }

  private start(work: Work): void {
    this.running += 1;
    void work(this.shutdown.signal)
      .catch((error: unknown) => {
        this.logger.error(
          { err: error instanceof Error ? { message: error.message } : String(error) },
          `${this.platform} work after the acknowledgement failed`,
        );
      })
      .finally(() => {
        this.running -= 1;
        const next = this.queue.shift();
        if (next) {
          this.roomWaiters.shift()?.();
          this.start(next);
        } else if (this.running === 0) {
          for (const resolve of this.idleWaiters.splice(0)) resolve();
        }
      });
  }
}

/**
 * Each bot's work after acknowledgements, by its core: start-up wires the adapter and returns
 * only the core, which is how the test harness finds the work to wait for.
 */
const byCore = new WeakMap<Core, WorkAfterAck>();

export function registerWorkAfterAck(core: Core, work: WorkAfterAck): void {
  byCore.set(core, work);
}

export function workAfterAckOf(core: Core): WorkAfterAck | undefined {
  return byCore.get(core);
}
