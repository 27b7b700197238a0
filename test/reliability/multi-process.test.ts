/**
 * Two separate bot processes creating 500 requirements each against one store at the same moment
 * end with 1,000 requirements and 1,000 distinct ids, on SQLite (one file), Redis and PostgreSQL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeNamespace, uniqueNamespace } from '../support/real-stores.js';
import { storeTargets } from '../support/store-targets.js';
import { spawnWriter } from '../support/spawn-child.js';

const directory = mkdtempSync(join(tmpdir(), 'cfb-multi-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe.each(storeTargets(directory).filter((target) => target.kind !== 'memory'))('two processes on $label', (target) => {
  it.skipIf(target.skipReason !== undefined)(
    'create 500 requirements each: 1,000 requirements, 1,000 distinct ids',
    { timeout: 120_000 },
    async () => {
      const namespace = uniqueNamespace();
      const writers = ['alpha', 'beta'].map((label) => spawnWriter([target.url, namespace, 'local', '500', label]));
      // Start both together once both have opened the store, so their writes really interleave.
      await Promise.all(writers.map((writer) => writer.waitFor((lines) => lines.includes('READY'))));
      for (const writer of writers) writer.go();
      const results = await Promise.all(writers.map((writer) => writer.exited));
      for (const result of results) expect(result.code, result.stderr).toBe(0);

      const acked = writers.flatMap((writer) => writer.lines.filter((line) => line.startsWith('ACK ')).map((line) => line.slice(4)));
      expect(acked).toHaveLength(1000);
      expect(new Set(acked).size).toBe(1000);
      // The two writers really ran at the same time: their numbers interleave.
      const numbers = writers.map((writer) => writer.lines.filter((line) => line.startsWith('ACK ')).map((line) => Number(line.slice(8))));
      const [alpha = [], beta = []] = numbers;
      expect(Math.min(...alpha)).toBeLessThan(Math.max(...beta));
      expect(Math.min(...beta)).toBeLessThan(Math.max(...alpha));

      const lister = spawnWriter([target.url, namespace, 'local', 'list']);
      expect((await lister.exited).code).toBe(0);
      const listed: string[] = JSON.parse(lister.lines[0] ?? '[]');
      expect(listed).toHaveLength(1000);
      expect(new Set(listed)).toEqual(new Set(Array.from({ length: 1000 }, (_, i) => `REQ-${i + 1}`)));

      await removeNamespace(target.url, namespace);
    },
  );
});
