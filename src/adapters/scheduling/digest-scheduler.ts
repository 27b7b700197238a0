/**
 * The weekly digest's scheduler: one node-cron task, `digest-ticker`, that ticks every minute (or
 * every second for a DIGEST_CRON with seconds) in every instance. node-cron's `distributed` mode
 * with a run coordinator over the store's claims lets one instance run each tick; `noOverlap`
 * skips a tick while the previous one is still running. Each tick goes through the workspaces,
 * a few at a time so one slow workspace (a rate limit, a dead channel) holds up no other, and asks
 * the core what each one's schedule owes: the week's digest, and owner reminders. The claims in
 * the core make that exactly once even if two instances tick together.
 *
 * At start-up one tick runs at once: a digest that fell due while the bot was down goes out then
 * (catch-up). What failed for a reason that may pass is tried again on the next tick, and logged
 * with the reason each time.
 *
 * Hooks for other parts of the product run under the same distributed tick:
 * - {@link DigestScheduler.addHourlyJob}: once an hour, in one instance (maintenance, sealing);
 * - {@link DigestScheduler.addBeforeDigestHook}: in the instance that builds a scheduled digest,
 *   just before it is built (so the digest can show a fresh seal).
 */
import cron, { type ScheduledTask, type TaskOptions } from 'node-cron';
import type { Core } from '../../core/index.js';
import type { DeliveryReport } from '../../core/digest/deliver.js';
import { recipientKey } from '../../core/digest/recipients.js';
import type { ScheduledDigestOutcome } from '../../core/digest/scheduled-digest.js';
import type { ScheduleFields } from '../../core/digest/slots.js';
import type { WorkspaceId } from '../../core/domain/shared.js';
import type { Logger } from '../logging/logger.js';
import { claimsRunCoordinator } from './claims-run-coordinator.js';
import { readDigestCron } from './digest-cron.js';

export const TICKER_NAME = 'digest-ticker';

/** A job run once an hour, in one instance. `hour` is the UTC hour it runs for, e.g. `2026-11-24T09`. */
export type HourlyJob = (context: { readonly hour: string; readonly now: Date }) => Promise<void>;
/** Runs in the instance that builds a scheduled digest, just before it is built. */
export type BeforeDigestHook = (workspaceId: WorkspaceId, digestId: string) => Promise<void>;

export interface DigestSchedulerOptions {
  readonly core: Core;
  readonly logger: Logger;
  /** This instance, as the owner of the claims it takes. */
  readonly instanceId: string;
  /** DIGEST_CRON: the schedule of workspaces that did not set their own. */
  readonly digestCron: string;
  /** DIGEST_TIMEZONE, for the ticker task itself. */
  readonly timeZone: string;
  /** Let the process exit while the ticker waits (one-shot commands). */
  readonly unref?: boolean;
  /** Workspaces worked on at once. */
  readonly concurrency?: number;
}

export interface TickSummary {
  readonly workspaces: number;
  readonly digestsIssued: number;
  readonly delivered: number;
  readonly failed: number;
  readonly remindersSent: number;
}

const HOURLY_CLAIM_MS = 65 * 60_000;

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class DigestScheduler {
  private readonly hourly: { name: string; run: HourlyJob }[] = [];
  private readonly beforeDigest: { name: string; run: BeforeDigestHook }[] = [];
  private readonly schedule: ScheduleFields;
  private readonly tickPattern: string;
  private readonly log: Logger;
  private task: ScheduledTask | undefined;
  private running: Promise<TickSummary> | undefined;
  private stopped = false;

  constructor(private readonly options: DigestSchedulerOptions) {
    // A DIGEST_CRON the digest cannot follow stops start-up here, with the fix in the message.
    ({ schedule: this.schedule, tickPattern: this.tickPattern } = readDigestCron(options.digestCron));
    this.log = options.logger.child({ component: 'digest-scheduler' });
  }

  /** Runs `job` once an hour under the digest's distributed tick. Jobs run in the order added. */
  addHourlyJob(name: string, job: HourlyJob): void {
    this.hourly.push({ name, run: job });
  }

  /** Runs `hook` right before each scheduled digest is built, in the instance that builds it. */
  addBeforeDigestHook(name: string, hook: BeforeDigestHook): void {
    this.beforeDigest.push({ name, run: hook });
  }

  /** Starts the ticker and runs the catch-up tick in the background. */
  start(): void {
    if (this.task || this.stopped) return;
    const taskOptions: TaskOptions = {
      name: TICKER_NAME,
      timezone: this.options.timeZone,
      noOverlap: true,
      distributed: true,
      runCoordinator: claimsRunCoordinator(this.options.core.claimSchedulerSlot, this.options.instanceId),
      distributedLease: 5 * 60_000,
      unref: this.options.unref ?? false,
      // A tick that ran late (a busy event loop) is no loss: the next one finds the same work.
      suppressMissedWarning: true,
      logger: {
        info: (message) => this.log.debug(message),
        warn: (message) => this.log.debug(message),
        error: (message, error) => this.log.error({ err: error?.message }, typeof message === 'string' ? message : message.message),
        debug: (message) => this.log.trace(String(message)),
      },
    };
    this.task = cron.schedule(this.tickPattern, () => this.tick(), taskOptions);
    this.task.on('execution:failed', (context) => {
      this.log.error({ err: context.error?.message }, 'a digest tick failed; the next tick tries again');
    });
    void this.tick().catch((error: unknown) =>
      this.log.error({ err: errorText(error) }, 'the catch-up tick at start-up failed; the next tick tries again'),
    );
  }

  /** Stops the ticker and waits for a tick in progress to finish. Idempotent. */
  async stop(): Promise<void> {
    this.stopped = true;
    const task = this.task;
    this.task = undefined;
    if (task) await task.destroy();
    await this.running?.catch(() => undefined);
  }

  /** One pass over every workspace. A pass already running in this instance is joined, not doubled. */
  tick(): Promise<TickSummary> {
    this.running ??= this.pass().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async pass(): Promise<TickSummary> {
    const core = this.options.core;
    const now = core.now();
    await this.runHourlyJobs(now);
    const workspaces = await core.listWorkspaces();
    const totals = { workspaces: workspaces.length, digestsIssued: 0, delivered: 0, failed: 0, remindersSent: 0 };
    let next = 0;
    const worker = async () => {
      while (next < workspaces.length && !this.stopped) {
        const workspace = workspaces[next++];
        if (workspace) await this.workOn(workspace.id, totals);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, this.options.concurrency ?? 4) }, worker));
    return totals;
  }

  private async runHourlyJobs(now: Date): Promise<void> {
    if (this.hourly.length === 0) return;
    const hour = now.toISOString().slice(0, 13);
    // Keyed by the hour of the day: the claim expires long before the same key comes round again.
    if (
      !(await this.options.core.claimSchedulerSlot(
        `${TICKER_NAME}:hourly:${hour.slice(11, 13)}`,
        `${this.options.instanceId} ${hour}`,
        HOURLY_CLAIM_MS,
      ))
    )
      return;
    for (const job of this.hourly) {
      try {
        await job.run({ hour, now });
      } catch (error) {
        this.log.error({ job: job.name, err: errorText(error) }, 'an hourly job failed; it runs again next hour');
      }
    }
  }

  private async workOn(
    workspaceId: WorkspaceId,
    totals: { digestsIssued: number; delivered: number; failed: number; remindersSent: number },
  ): Promise<void> {
    const core = this.options.core;
    try {
      const outcome = await core.runScheduledDigest(workspaceId, {
        defaultSchedule: this.schedule,
        owner: this.options.instanceId,
        beforeBuild: (id, digestId) => this.runBeforeDigest(id, digestId),
      });
      this.logDigest(workspaceId, outcome);
      if (outcome.status === 'delivering') {
        totals.digestsIssued += outcome.issuedNow ? 1 : 0;
        totals.delivered += outcome.deliveries.filter((report) => report.outcome === 'sent').length;
        totals.failed += outcome.deliveries.filter((report) => report.outcome === 'failed').length;
      }
    } catch (error) {
      // The store or a bug: this workspace waits for the next tick; the others carry on.
      this.log.error({ workspaceId, err: errorText(error) }, 'could not run the weekly digest for a workspace; the next tick tries again');
    }
    try {
      const reminders = await core.sendDueReminders(workspaceId, { owner: this.options.instanceId });
      for (const { item, delivery } of reminders) {
        if (delivery.outcome === 'sent') totals.remindersSent += 1;
        this.logDelivery(delivery, { workspaceId, reminder: `${item.kind} ${item.id}`, due: item.due }, 'reminder');
      }
    } catch (error) {
      this.log.error({ workspaceId, err: errorText(error) }, 'could not send owner reminders for a workspace; the next tick tries again');
    }
  }

  private async runBeforeDigest(workspaceId: WorkspaceId, digestId: string): Promise<void> {
    for (const hook of this.beforeDigest) {
      try {
        await hook.run(workspaceId, digestId);
      } catch (error) {
        // The digest still goes out; it shows what the hook left behind (e.g. the previous seal).
        this.log.error(
          { hook: hook.name, workspaceId, digestId, err: errorText(error) },
          'a before-digest hook failed; the digest goes out anyway',
        );
      }
    }
  }

  private logDigest(workspaceId: WorkspaceId, outcome: ScheduledDigestOutcome): void {
    if (outcome.status !== 'delivering') {
      if (outcome.status !== 'not-due' && outcome.status !== 'complete')
        this.log.debug({ workspaceId, ...outcome }, 'weekly digest not sent on this tick');
      return;
    }
    const context = { workspaceId, week: outcome.week };
    if (outcome.issuedNow)
      this.log.info(
        { ...context, catchUp: outcome.catchUp, recipients: outcome.deliveries.length },
        outcome.catchUp ? 'weekly digest issued late (catch-up)' : 'weekly digest issued',
      );
    for (const report of outcome.deliveries) this.logDelivery(report, context, 'weekly digest');
  }

  private logDelivery(report: DeliveryReport, context: Record<string, unknown>, what: string): void {
    const fields = { ...context, recipient: recipientKey(report.recipient) };
    if (report.outcome === 'sent') this.log.info(fields, `${what} delivered`);
    else if (report.outcome === 'failed') {
      this.log.warn(
        { ...fields, reason: report.reason, retryable: report.retryable },
        report.retryable ? `${what} not delivered; trying again on the next run` : `${what} not delivered; giving up on this recipient`,
      );
    } else this.log.debug({ ...fields, why: report.why }, `${what} skipped`);
  }
}
