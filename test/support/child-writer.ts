/**
 * A separate bot process for multi-process tests: opens the store given on the command line and
 * records requirements through the real core, printing `ACK <id>` after each one is stored.
 *
 *   tsx test/support/child-writer.ts <storeUrl> <namespace> <workspace> <count> [label]
 *   tsx test/support/child-writer.ts <storeUrl> <namespace> <workspace> list
 */
import { openBackend } from '../../src/adapters/storage/open-backend.js';
import { createRepositories } from '../../src/adapters/storage/repositories/index.js';
import { randomIds, systemClock } from '../../src/adapters/system.js';
import { detectDecision } from '../../src/core/detection/detect-decision.js';
import { createCore } from '../../src/core/index.js';
import { MessengerRegistry } from '../../src/app/messenger-registry.js';

const [storeUrl = '', namespace = '', workspaceId = '', what = '', label = 'writer'] = process.argv.slice(2);
const backend = await openBackend(storeUrl, { namespace });
const core = createCore({
  clock: systemClock,
  ids: randomIds,
  ...createRepositories(backend),
  adminUsers: new Set(),
  defaultTimeZone: 'UTC',
  detect: detectDecision,
  defaultDigestCron: '0 9 * * 1',
  messengers: new MessengerRegistry(),
});
await core.ensureWorkspace({ id: workspaceId, platform: 'local', name: 'Shared' });
const actor = { id: `U_${label}`, workspaceId };

if (what === 'list') {
  const result = await core.listRequirements(actor);
  if (!result.ok) throw result.error;
  process.stdout.write(`${JSON.stringify(result.value.map((requirement) => requirement.id))}\n`);
} else {
  process.stdout.write('READY\n');
  // Wait for the parent's go, so several writers start at the same moment and really interleave.
  await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
  process.stdin.pause();
  for (let i = 1; i <= Number(what); i++) {
    const result = await core.addRequirement(actor, { statement: `${label} requirement ${i}`, customer: 'Acme AS' });
    if (!result.ok) throw result.error;
    process.stdout.write(`ACK ${result.value.id}\n`);
  }
}
await backend.close();
