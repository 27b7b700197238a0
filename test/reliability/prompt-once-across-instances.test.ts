/**
 * Once per thread across instances: two bot instances sharing one store receive the same decision
 * (Slack retries, message plus app_mention) at the same moment; exactly one posts a prompt.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type SeenMessage, planPrompt } from '../../src/core/use-cases/prompts.js';
import { removeNamespace, uniqueNamespace } from '../support/real-stores.js';
import { storeTargets } from '../support/store-targets.js';
import { createTestCore } from '../support/test-core.js';

const directory = mkdtempSync(join(tmpdir(), 'cfb-prompt-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe.each(storeTargets(directory).filter((target) => target.kind !== 'memory'))('two instances on $label', (target) => {
  it.skipIf(target.skipReason !== undefined)('six concurrent deliveries of one decision give one prompt and one check', async () => {
    const namespace = uniqueNamespace();
    const instances = [
      await createTestCore({ storeUrl: target.url, namespace }),
      await createTestCore({ storeUrl: target.url, namespace }),
    ];
    try {
      const seen: SeenMessage = {
        place: { platform: 'slack', channelId: 'C1', threadId: '1764000000.000100', messageId: '1764000000.000100' },
        text: 'Decision: we stop shipping to Iceland from March.',
        author: { id: 'U1' },
        postedAt: new Date(),
        isThreadReply: false,
        origin: 'detected',
      };
      const deliveries = instances.flatMap((instance) => [
        planPrompt(instance.deps, instance.workspaceId, seen),
        planPrompt(instance.deps, instance.workspaceId, seen),
        planPrompt(instance.deps, instance.workspaceId, { ...seen, origin: 'mention', requestedBy: { id: 'U2' } }),
      ]);
      const plans = await Promise.all(deliveries);
      expect(plans.filter((plan) => plan.kind === 'post')).toHaveLength(1);
      const [first] = instances;
      const checks = await first?.deps.checks.listStarted(first.workspaceId, { from: new Date(0), to: new Date(Date.now() + 86_400_000) });
      expect(checks).toHaveLength(1);
    } finally {
      for (const instance of instances) await instance.close();
      await removeNamespace(target.url, namespace);
    }
  });
});
