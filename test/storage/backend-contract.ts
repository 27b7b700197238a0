/**
 * The behaviour every Backend must show, whatever the store: one suite, run on memory, SQLite,
 * Redis and PostgreSQL by backend-contract.test.ts. Not a test file itself.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SWEEP_EVERY } from '../../src/adapters/storage/expired-claims.js';
import type { Backend } from '../../src/adapters/storage/primitives.js';
import { uniqueNamespace } from '../support/real-stores.js';
import { commitContract } from './commit-contract.js';
import { recordsContract } from './records-contract.js';

export interface ContractTarget {
  /** Opens the store under test in `namespace`. */
  open(namespace: string): Promise<Backend>;
  /** Removes whatever `namespace` left in the store (tables, keys). */
  cleanup(namespace: string): Promise<void>;
}

const EVERYTHING = [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY] as const;

/** Polls until `check` passes or the deadline comes; no fixed sleeps to guess a timing with. */
async function eventually(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(10);
  }
}

export function backendContract(target: ContractTarget): void {
  const namespace = uniqueNamespace();
  let backend: Backend;

  beforeAll(async () => {
    backend = await target.open(namespace);
  });
  afterAll(async () => {
    await backend.purge('');
    await backend.close();
    await target.cleanup(namespace);
  });

  recordsContract(() => backend);
  // A second connection to the same store (another process, as far as the store can tell); memory has none.
  commitContract(
    () => backend,
    async () => (backend.kind === 'memory' ? undefined : target.open(namespace)),
  );

  describe('sorted index', () => {
    it('ranges by score then member, with min inclusive and max exclusive', async () => {
      const index = 'ws:idx:basic';
      await backend.index.add(index, 'c', 2);
      await backend.index.add(index, 'a', 1);
      await backend.index.add(index, 'b', 2);
      await backend.index.add(index, 'd', 3);
      await backend.index.add(index, 'e', 3.5);
      expect(await backend.index.range(index, ...EVERYTHING)).toEqual(['a', 'b', 'c', 'd', 'e']);
      expect(await backend.index.range(index, 2, 3)).toEqual(['b', 'c']);
      expect(await backend.index.range(index, 1, 2)).toEqual(['a']);
      expect(await backend.index.range(index, 3, 3)).toEqual([]);
      expect(await backend.index.range(index, 3.25, 100)).toEqual(['e']);
      expect(await backend.index.count(index, 2, 3)).toBe(2);
      expect(await backend.index.count(index, ...EVERYTHING)).toBe(5);
      expect(await backend.index.count(index, 4, 5)).toBe(0);
    });

    it('reverse gives highest scores first, ties in reverse member order, and limit cuts the result', async () => {
      const index = 'ws:idx:rev';
      for (const [member, score] of [
        ['a', 1],
        ['b', 2],
        ['c', 2],
        ['d', 3],
      ] as const)
        await backend.index.add(index, member, score);
      expect(await backend.index.range(index, ...EVERYTHING, { reverse: true })).toEqual(['d', 'c', 'b', 'a']);
      expect(await backend.index.range(index, 1, 3, { reverse: true })).toEqual(['c', 'b', 'a']);
      expect(await backend.index.range(index, ...EVERYTHING, { limit: 2 })).toEqual(['a', 'b']);
      expect(await backend.index.range(index, ...EVERYTHING, { reverse: true, limit: 2 })).toEqual(['d', 'c']);
      expect(await backend.index.range(index, ...EVERYTHING, { limit: 0 })).toEqual([]);
      expect(await backend.index.range(index, ...EVERYTHING, { limit: 10 })).toEqual(['a', 'b', 'c', 'd']);
    });

    it('adding an existing member moves it; remove takes it out; other indexes are untouched', async () => {
      const index = 'ws:idx:move';
      await backend.index.add(index, 'x', 1);
      await backend.index.add(index, 'y', 2);
      await backend.index.add('ws:idx:other', 'x', 5);
      await backend.index.add(index, 'x', 3);
      expect(await backend.index.range(index, ...EVERYTHING)).toEqual(['y', 'x']);
      expect(await backend.index.count(index, ...EVERYTHING)).toBe(2);
      await backend.index.remove(index, 'y');
      await backend.index.remove(index, 'never-added');
      expect(await backend.index.range(index, ...EVERYTHING)).toEqual(['x']);
      expect(await backend.index.range('ws:idx:other', ...EVERYTHING)).toEqual(['x']);
      expect(await backend.index.range('ws:idx:absent', ...EVERYTHING)).toEqual([]);
    });

    it('takes negative, fractional, large and infinite scores and rejects NaN', async () => {
      const index = 'ws:idx:scores';
      await backend.index.add(index, 'low', -1.5);
      await backend.index.add(index, 'epoch', 1_790_000_000_000);
      await backend.index.add(index, 'never', Number.POSITIVE_INFINITY);
      await backend.index.add(index, 'always', Number.NEGATIVE_INFINITY);
      expect(await backend.index.range(index, ...EVERYTHING)).toEqual(['always', 'low', 'epoch']);
      expect(await backend.index.range(index, -2, 0)).toEqual(['low']);
      await expect(backend.index.add(index, 'bad', Number.NaN)).rejects.toThrow(RangeError);
      await expect(backend.index.range(index, Number.NaN, 1)).rejects.toThrow(RangeError);
    });
  });

  describe('counters', () => {
    it('start at 1, count up, and current reads without changing', async () => {
      expect(await backend.counters.current('ws:ctr:a')).toBe(0);
      expect(await backend.counters.next('ws:ctr:a')).toBe(1);
      expect(await backend.counters.next('ws:ctr:a')).toBe(2);
      expect(await backend.counters.current('ws:ctr:a')).toBe(2);
      expect(await backend.counters.next('ws:ctr:b')).toBe(1);
    });

    it('200 concurrent next() calls give 200 distinct values 1..200', async () => {
      const values = await Promise.all(Array.from({ length: 200 }, () => backend.counters.next('ws:ctr:race')));
      expect([...values].sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
      expect(await backend.counters.current('ws:ctr:race')).toBe(200);
    });
  });

  describe('claims', () => {
    it('the first claim wins, later ones lose, and holder names the winner', async () => {
      expect(await backend.claims.holder('ws:clm:a')).toBeUndefined();
      expect(await backend.claims.claim('ws:clm:a', 'one', 60_000)).toBe(true);
      expect(await backend.claims.claim('ws:clm:a', 'two', 60_000)).toBe(false);
      expect(await backend.claims.holder('ws:clm:a')).toBe('one');
    });

    it('of 10 concurrent claims exactly one wins', async () => {
      const results = await Promise.all(Array.from({ length: 10 }, (_, i) => backend.claims.claim('ws:clm:race', `owner${i}`, 60_000)));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await backend.claims.holder('ws:clm:race')).toBe(`owner${results.indexOf(true)}`);
    });

    it('only the owner releases', async () => {
      await backend.claims.claim('ws:clm:rel', 'owner', 60_000);
      await backend.claims.release('ws:clm:rel', 'someone-else');
      expect(await backend.claims.holder('ws:clm:rel')).toBe('owner');
      await backend.claims.release('ws:clm:rel', 'owner');
      expect(await backend.claims.holder('ws:clm:rel')).toBeUndefined();
      expect(await backend.claims.claim('ws:clm:rel', 'next', 60_000)).toBe(true);
    });

    it('an expired claim is free and can be taken over', async () => {
      expect(await backend.claims.claim('ws:clm:ttl', 'first', 50)).toBe(true);
      await eventually(async () => (await backend.claims.holder('ws:clm:ttl')) === undefined);
      expect(await backend.claims.claim('ws:clm:ttl', 'second', 60_000)).toBe(true);
      expect(await backend.claims.holder('ws:clm:ttl')).toBe('second');
      // The first owner's late release must not free the second owner's claim.
      await backend.claims.release('ws:clm:ttl', 'first');
      expect(await backend.claims.holder('ws:clm:ttl')).toBe('second');
    });

    it('takes a fractional ttl and rejects a negative or infinite one', async () => {
      expect(await backend.claims.claim('ws:clm:fraction', 'me', 60_000.5)).toBe(true);
      expect(await backend.claims.holder('ws:clm:fraction')).toBe('me');
      await expect(backend.claims.claim('ws:clm:bad', 'me', -1)).rejects.toThrow(RangeError);
      await expect(backend.claims.claim('ws:clm:bad', 'me', Number.POSITIVE_INFINITY)).rejects.toThrow(RangeError);
      expect(await backend.claims.holder('ws:clm:bad')).toBeUndefined();
    });

    it('expired claims do not stay in the store as more are made', async () => {
      const expiring = 3 * SWEEP_EVERY;
      for (let i = 0; i < expiring; i++) await backend.claims.claim(`ws:clm:gone:${i}`, 'once', 1);
      await eventually(async () => (await backend.claims.holder(`ws:clm:gone:${expiring - 1}`)) === undefined);
      // Redis expires its keys itself; the other stores sweep as claims are made.
      for (let i = 0; i < 2 * SWEEP_EVERY; i++) await backend.claims.claim(`ws:clm:alive:${i}`, 'now', 60_000);
      expect(await backend.purge('ws:clm:gone:')).toBe(0);
      expect(await backend.purge('ws:clm:alive:')).toBe(2 * SWEEP_EVERY);
    });

    it('a claim with ttl 0 is permanent', async () => {
      expect(await backend.claims.claim('ws:clm:forever', 'keeper', 0)).toBe(true);
      expect(await backend.claims.claim('ws:clm:forever', 'other', 0)).toBe(false);
      expect(await backend.claims.claim('ws:clm:forever', 'other', 10)).toBe(false);
      expect(await backend.claims.holder('ws:clm:forever')).toBe('keeper');
    });
  });

  describe('purge', () => {
    it('removes records, indexes, counters and claims under the prefix, and nothing else', async () => {
      for (const ws of ['ws:p1:', 'ws:p10:', 'ws:p*:']) {
        await backend.records.put(`${ws}req:1`, { version: 1 });
        await backend.records.put(`${ws}req:2`, { version: 1 });
        await backend.index.add(`${ws}req.number`, 'REQ-1', 1);
        await backend.index.add(`${ws}req.number`, 'REQ-2', 2);
        await backend.counters.next(`${ws}req`);
        await backend.claims.claim(`${ws}digest`, 'me', 0);
      }
      expect(await backend.purge('ws:p1:')).toBe(5);
      expect(await backend.records.getMany(['ws:p1:req:1', 'ws:p1:req:2'])).toEqual([undefined, undefined]);
      expect(await backend.index.count('ws:p1:req.number', ...EVERYTHING)).toBe(0);
      expect(await backend.counters.current('ws:p1:req')).toBe(0);
      expect(await backend.claims.holder('ws:p1:digest')).toBeUndefined();

      // 'ws:p1:' is not a prefix of 'ws:p10:', and '*' in a prefix is a character, not a wildcard.
      for (const ws of ['ws:p10:', 'ws:p*:']) {
        expect(await backend.records.get(`${ws}req:1`)).toEqual({ version: 1 });
        expect(await backend.index.count(`${ws}req.number`, ...EVERYTHING)).toBe(2);
        expect(await backend.counters.current(`${ws}req`)).toBe(1);
        expect(await backend.claims.holder(`${ws}digest`)).toBe('me');
      }
      expect(await backend.purge('ws:p*:')).toBe(5);
      expect(await backend.records.get('ws:p10:req:1')).toEqual({ version: 1 });
      expect(await backend.purge('ws:nothing-here:')).toBe(0);
    });
  });

  describe('lifecycle', () => {
    it('namespaces keep their data apart', async () => {
      const otherNamespace = uniqueNamespace();
      const other = await target.open(otherNamespace);
      try {
        await backend.records.put('ws:iso:x', { version: 1, n: 1 });
        await other.records.put('ws:iso:x', { version: 1, n: 2 });
        await other.counters.next('ws:iso:c');
        expect(await backend.records.get('ws:iso:x')).toEqual({ version: 1, n: 1 });
        expect(await backend.counters.current('ws:iso:c')).toBe(0);
        expect(await other.purge('')).toBe(2);
        expect(await backend.records.get('ws:iso:x')).toEqual({ version: 1, n: 1 });
      } finally {
        await other.close();
        await target.cleanup(otherNamespace);
      }
    });

    it('ping answers, and close can be called twice', async () => {
      const extra = await target.open(namespace);
      await expect(extra.ping()).resolves.toBeUndefined();
      await extra.close();
      await extra.close();
      // Closing one backend leaves the others on the same store working.
      await expect(backend.ping()).resolves.toBeUndefined();
      await backend.records.put('ws:life:x', { version: 1 });
      expect(await backend.records.get('ws:life:x')).toEqual({ version: 1 });
    });
  });
}
