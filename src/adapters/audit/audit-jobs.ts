/**
 * The evidence log's scheduled work, on the digest scheduler's distributed tick: every hour,
 * snapshot retention and a seal per workspace; before each scheduled digest, a fresh seal, so the
 * digest shows (and a chat message keeps a copy of) the seal of everything written until then.
 */
import type { Core } from '../../core/index.js';
import type { Logger } from '../logging/logger.js';
import type { DigestScheduler } from '../scheduling/digest-scheduler.js';

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function registerAuditJobs(
  scheduler: Pick<DigestScheduler, 'addHourlyJob' | 'addBeforeDigestHook'>,
  jobs: Core['evidenceJobs'],
  logger: Logger,
): void {
  const log = logger.child({ component: 'evidence-log' });
  scheduler.addHourlyJob('evidence-retention-and-seal', async () => {
    for (const workspace of await jobs.workspaces()) {
      try {
        const { retention, seal } = await jobs.maintain(workspace.id);
        if (retention.entries > 0)
          log.info(
            { workspaceId: workspace.id, entries: retention.entries, before: retention.before },
            'decision-message snapshots redacted after the retention period',
          );
        const latest = seal.sealed.at(-1);
        if (latest)
          log.info({ workspaceId: workspace.id, seal: latest.number, toSeq: latest.toSeq, hash: latest.hash }, 'evidence log sealed');
      } catch (error) {
        // One workspace's failure leaves the others sealed; the next hour tries again.
        log.error({ workspaceId: workspace.id, err: errorText(error) }, 'could not seal the evidence log; the next hour tries again');
      }
    }
  });
  scheduler.addBeforeDigestHook('evidence-seal', async (workspaceId) => {
    await jobs.sealBeforeDigest(workspaceId);
  });
}
