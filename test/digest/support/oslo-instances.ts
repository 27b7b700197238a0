/**
 * Bot instances for the exactly-once tests: each a core on the same store (memory, or a shared
 * SQLite, Redis or PostgreSQL), a workspace in Oslo, and a recording Slack messenger. Instances
 * opened in a test are closed after it.
 */
import { afterEach } from 'vitest';
import { type TestCore, createTestCore } from '../../support/test-core.js';
import { type RecordingMessenger, recordingMessengers } from './recording-messenger.js';

export interface Instance {
  readonly t: TestCore;
  readonly slack: RecordingMessenger;
}

/** Call at the top of a test file; returns the opener and the list of instances opened so far. */
export function osloInstances(): { open: (storeUrl?: string, namespace?: string) => Promise<Instance>; opened: Instance[] } {
  const opened: Instance[] = [];
  afterEach(async () => {
    for (const instance of opened.splice(0)) await instance.t.close();
  });
  async function open(storeUrl = 'memory://', namespace?: string): Promise<Instance> {
    const { registry, messengers } = recordingMessengers(['slack']);
    const t = await createTestCore({ storeUrl, ...(namespace ? { namespace } : {}), messengers: registry, timeZone: 'Europe/Oslo' });
    const slack = messengers.slack;
    if (!slack) throw new Error('no slack messenger');
    const made = { t, slack };
    opened.push(made);
    return made;
  }
  return { open, opened };
}
