/**
 * One of the two writer processes of multi-process.test.ts. It opens the store, prints READY,
 * waits for GO on stdin (so both writers really start together), then performs `count` times
 * counter + record + index entry, plus `updates` increments of one shared record, and prints DONE.
 * Any failure ends it with exit code 1 and the reason on stderr.
 *
 *   node --import tsx test/storage/multi-process-child.ts <storeUrl> <namespace> <label> <count> <updates>
 */
import { createInterface } from 'node:readline';
import { openBackend } from '../../src/adapters/storage/open-backend.js';

const [storeUrl = '', namespace = '', label = '', count = '0', updates = '0'] = process.argv.slice(2);
const WORKERS = 8;

async function waitForGo(): Promise<void> {
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    if (line.trim() === 'GO') break;
  }
  lines.close();
}

async function inParallel(total: number, step: (i: number) => Promise<void>): Promise<void> {
  let next = 1;
  const worker = async () => {
    while (next <= total) await step(next++);
  };
  await Promise.all(Array.from({ length: WORKERS }, worker));
}

try {
  const backend = await openBackend(storeUrl, { namespace });
  process.stdout.write('READY\n');
  await waitForGo();
  await Promise.all([
    inParallel(Number(count), async (i) => {
      const n = await backend.counters.next('ws:x:req');
      await backend.records.put(`ws:x:rec:${label}:${i}`, { version: 1, label, i, n });
      await backend.index.add('ws:x:by-number', `${label}:${i}`, n);
    }),
    inParallel(Number(updates), async () => {
      await backend.records.update<{ version: number; n: number }>('ws:x:shared', (current) => ({ ...current, n: current.n + 1 }));
    }),
  ]);
  await backend.close();
  process.stdout.write('DONE\n');
} catch (error) {
  process.stderr.write(`${label} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  // exitCode, not exit(): the process ends once stdout and stderr are flushed.
  process.exitCode = 1;
}
