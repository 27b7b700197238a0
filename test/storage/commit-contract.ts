/**
 * The atomic commit of the Backend contract (see backend-contract.ts), and the unit of work built
 * on it: everything or nothing, a changed record makes the work run again, and numbers handed out
 * in a commit have no gaps however many writers commit at once (on two connections where the
 * store can have two).
 */
import { describe, expect, it } from 'vitest';
import type { Backend, CommitBatch, IndexWrite, RecordWrite } from '../../src/adapters/storage/primitives.js';
import { createRepositories } from '../../src/adapters/storage/repositories/index.js';
import type { Workspace } from '../../src/core/domain/workspace.js';
import { examineEvidence } from '../reliability/support/evidence-check.js';

const EVERYTHING = [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY] as const;

interface Numbered {
  readonly version: number;
  readonly seq: number;
  readonly writer: string;
}

/** A batch numbering `count` records `<prefix>:<n>` from `counter`, each also indexed by its number. */
function numberedBatch(counter: string, prefix: string, count: number, writer: string, extra: Partial<CommitBatch> = {}): CommitBatch {
  return {
    sequences: [{ counter, count }],
    writes: ([last = 0]) => {
      const seqs = Array.from({ length: count }, (_, i) => last - count + 1 + i);
      return {
        records: seqs.map((seq): RecordWrite => ({ key: `${prefix}:${seq}`, value: { version: 1, seq, writer } })),
        index: seqs.map((seq): IndexWrite => ({ index: `${prefix}.by`, member: String(seq), score: seq })),
      };
    },
    ...extra,
  };
}

export function commitContract(backend: () => Backend, openSecond: () => Promise<Backend | undefined>): void {
  describe('atomic commit', () => {
    it('writes records, index changes and numbered records together', async () => {
      const b = backend();
      await b.index.add('ws:c1:idx', 'gone', 1);
      const committed = await b.commit({
        sequences: [{ counter: 'ws:c1:seq', count: 2 }],
        writes: ([last = 0]) => ({
          records: [
            { key: 'ws:c1:plain', value: { version: 1, n: 1 } },
            { key: `ws:c1:numbered:${last - 1}`, value: { version: 1, seq: last - 1 } },
            { key: `ws:c1:numbered:${last}`, value: { version: 1, seq: last } },
          ],
          index: [
            { index: 'ws:c1:idx', member: 'kept', score: 2 },
            { index: 'ws:c1:idx', member: 'gone', score: undefined },
          ],
        }),
      });
      expect(committed).toBe(true);
      expect(await b.records.get('ws:c1:plain')).toEqual({ version: 1, n: 1 });
      expect(await b.records.getMany(['ws:c1:numbered:1', 'ws:c1:numbered:2'])).toEqual([
        { version: 1, seq: 1 },
        { version: 1, seq: 2 },
      ]);
      expect(await b.index.range('ws:c1:idx', ...EVERYTHING)).toEqual(['kept']);
      expect(await b.counters.current('ws:c1:seq')).toBe(2);
    });

    it('a compare-and-set that finds its record changed writes nothing and uses no number', async () => {
      const b = backend();
      await b.records.put('ws:c2:rec', { version: 1, n: 1 });
      const read = await b.records.read<{ version: number; n: number }>('ws:c2:rec');
      expect(read?.value).toEqual({ version: 1, n: 1 });
      await b.records.update<{ version: number; n: number }>('ws:c2:rec', (current) => ({ ...current, n: 2 }));
      const committed = await b.commit(
        numberedBatch('ws:c2:seq', 'ws:c2:num', 1, 'late', {
          writes: ([last = 0]) => ({
            records: [
              { key: 'ws:c2:rec', value: { version: 2, n: 99 }, ...(read ? { expected: read } : {}) },
              { key: `ws:c2:num:${last}`, value: { version: 1, seq: last } },
            ],
            index: [{ index: 'ws:c2:idx', member: 'x', score: 1 }],
          }),
        }),
      );
      expect(committed).toBe(false);
      expect(await b.records.get('ws:c2:rec')).toEqual({ version: 2, n: 2 });
      expect(await b.records.get('ws:c2:num:1')).toBeUndefined();
      expect(await b.index.count('ws:c2:idx', ...EVERYTHING)).toBe(0);
      expect(await b.counters.current('ws:c2:seq')).toBe(0);
      // With the record as it is now, the same commit goes through.
      const fresh = await b.records.read('ws:c2:rec');
      expect(
        await b.commit({
          sequences: [],
          writes: () => ({
            records: [{ key: 'ws:c2:rec', value: { version: 3, n: 3 }, ...(fresh ? { expected: fresh } : {}) }],
            index: [],
          }),
        }),
      ).toBe(true);
      expect(await b.records.get('ws:c2:rec')).toEqual({ version: 3, n: 3 });
    });

    it('a failure during the commit writes nothing and uses no number', async () => {
      const b = backend();
      await expect(
        b.commit({
          sequences: [{ counter: 'ws:c3:seq', count: 1 }],
          writes: () => {
            throw new Error('the writes could not be built');
          },
        }),
      ).rejects.toThrow('the writes could not be built');
      await expect(
        b.commit({
          sequences: [{ counter: 'ws:c3:seq', count: 1 }],
          writes: ([last = 0]) => ({
            records: [{ key: `ws:c3:num:${last}`, value: { version: 1 } }],
            index: [{ index: 'ws:c3:idx', member: 'nan', score: Number.NaN }],
          }),
        }),
      ).rejects.toThrow(RangeError);
      expect(await b.records.get('ws:c3:num:1')).toBeUndefined();
      expect(await b.counters.current('ws:c3:seq')).toBe(0);
      expect(await b.commit(numberedBatch('ws:c3:seq', 'ws:c3:num', 1, 'after'))).toBe(true);
      expect(await b.records.get('ws:c3:num:1')).toMatchObject({ seq: 1 });
    });

    it('numbers stay without gaps or duplicates when many writers commit at once', { timeout: 60_000 }, async () => {
      const second = await openSecond();
      try {
        const commits = Array.from({ length: 40 }, (_, i) =>
          (i % 2 === 0 ? backend() : (second ?? backend())).commit(numberedBatch('ws:c4:seq', 'ws:c4:num', 1 + (i % 3), `w${i}`)),
        );
        expect(await Promise.all(commits)).toEqual(commits.map(() => true));
        const total = Array.from({ length: 40 }, (_, i) => 1 + (i % 3)).reduce((a, b) => a + b, 0);
        expect(await backend().counters.current('ws:c4:seq')).toBe(total);
        const stored = await backend().records.getMany<Numbered>(Array.from({ length: total }, (_, i) => `ws:c4:num:${i + 1}`));
        expect(stored.map((record) => record?.seq)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
        // Each commit's numbers are consecutive, and each writer got as many as it asked for.
        const byWriter = new Map<string, number[]>();
        for (const record of stored) if (record) byWriter.set(record.writer, [...(byWriter.get(record.writer) ?? []), record.seq]);
        for (const [writer, seqs] of byWriter) {
          expect(seqs.length).toBe(1 + (Number(writer.slice(1)) % 3));
          expect(seqs.at(-1)! - seqs[0]!).toBe(seqs.length - 1);
        }
        expect(await backend().index.count('ws:c4:num.by', ...EVERYTHING)).toBe(total);
      } finally {
        await second?.close();
      }
    });
  });

  describe('unit of work', () => {
    it('runs again when a record it changed was changed by another writer, and its evidence has no gaps', { timeout: 60_000 }, async () => {
      const second = await openSecond();
      try {
        const first = createRepositories(backend());
        const other = createRepositories(second ?? backend());
        const workspaceId = 'uow1';
        const workspace: Workspace = {
          id: workspaceId,
          platform: 'local',
          name: '0',
          createdAt: '2026-11-24T10:00:00.000Z',
          settings: {} as Workspace['settings'],
          version: 1,
        };
        await first.workspaces.ensure(workspace);
        let runs = 0;
        const writers = Array.from({ length: 24 }, (_, i) =>
          (i % 2 === 0 ? first : other).unitOfWork.run(async (tx) => {
            runs += 1;
            const updated = await tx.workspaces.update(workspaceId, (current) => ({ ...current, name: String(Number(current.name) + 1) }));
            tx.record({
              workspaceId,
              type: 'settings.changed',
              at: '2026-11-24T10:00:00.000Z',
              actorId: `U${i}`,
              subject: { kind: 'workspace', id: workspaceId },
              data: { name: updated?.name ?? null },
              personal: {},
            });
            return updated?.name;
          }),
        );
        const results = await Promise.all(writers);
        // Every increment counted once: no lost update, and conflicts made some work run again.
        expect((await first.workspaces.get(workspaceId))?.name).toBe('24');
        expect(new Set(results.map((result) => result.result)).size).toBe(24);
        expect(runs).toBeGreaterThanOrEqual(24);
        const evidence = first.evidence;
        const lastSeq = await evidence.lastSeq(workspaceId);
        expect(lastSeq).toBe(24);
        const entries = await evidence.listBySeq(workspaceId, 1, lastSeq);
        expect(examineEvidence(entries, lastSeq)).toEqual({ altered: [], holes: [] });
        // Each entry says what its own commit wrote.
        expect(entries.map((entry) => entry.data.name).sort((a, b) => Number(a) - Number(b))).toEqual(
          Array.from({ length: 24 }, (_, i) => String(i + 1)),
        );
        const returned = results.map((result) => result.evidence[0]?.seq).sort((a, b) => (a ?? 0) - (b ?? 0));
        expect(returned).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
      } finally {
        await second?.close();
      }
    });

    it('writes nothing, and uses no evidence number, when the work throws after its writes', async () => {
      const repositories = createRepositories(backend());
      const workspaceId = 'uow2';
      await expect(
        repositories.unitOfWork.run(async (tx) => {
          await tx.feedback.create({
            workspaceId,
            id: 'f1',
            customer: 'Acme',
            kind: 'complaint',
            sentiment: 'negative',
            summary: 'Late',
            requirementIds: [],
            receivedAt: '2026-11-24T10:00:00.000Z',
            recordedBy: { id: 'U1' },
            recordedAt: '2026-11-24T10:00:00.000Z',
          } as never);
          tx.record({
            workspaceId,
            type: 'feedback.recorded',
            at: '2026-11-24T10:00:00.000Z',
            actorId: 'U1',
            subject: { kind: 'feedback', id: 'f1' },
            data: {},
            personal: {},
          });
          throw new Error('refused after writing');
        }),
      ).rejects.toThrow('refused after writing');
      expect(await repositories.feedback.get(workspaceId, 'f1')).toBeUndefined();
      expect(await repositories.evidence.lastSeq(workspaceId)).toBe(0);
    });
  });
}
