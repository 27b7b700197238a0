/**
 * The RecordStore part of the Backend contract (see backend-contract.ts): plain reads and writes
 * through keyv, and the compare-and-set `update` that must lose no concurrent change.
 */
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../src/adapters/storage/primitives.js';

interface Counted {
  readonly version: number;
  readonly n: number;
}

export function recordsContract(backend: () => Backend): void {
  describe('records', () => {
    it('get returns undefined for an absent key and what put stored for a present one', async () => {
      expect(await backend().records.get('ws:rec:absent')).toBeUndefined();
      const value = { version: 1, name: 'Acme', tags: ['a', 'b'], nested: { at: '2026-11-24' } };
      await backend().records.put('ws:rec:one', value);
      expect(await backend().records.get('ws:rec:one')).toEqual(value);
    });

    it('getMany answers in the order asked, with undefined for absent keys', async () => {
      await backend().records.put('ws:many:a', { version: 1, n: 1 });
      await backend().records.put('ws:many:b', { version: 1, n: 2 });
      expect(await backend().records.getMany(['ws:many:b', 'ws:many:none', 'ws:many:a'])).toEqual([
        { version: 1, n: 2 },
        undefined,
        { version: 1, n: 1 },
      ]);
      expect(await backend().records.getMany([])).toEqual([]);
    });

    it('keeps keys with spaces, colons, glob and SQL wildcard characters apart', async () => {
      const keys = ['ws:odd:a b', 'ws:odd:a*', 'ws:odd:a?', 'ws:odd:[a]', 'ws:odd:a%_', "ws:odd:'a'", 'ws:odd:ä€😀'];
      for (const [i, key] of keys.entries()) await backend().records.put(key, { version: 1, n: i });
      expect((await backend().records.getMany<Counted>(keys)).map((record) => record?.n)).toEqual(keys.map((_, i) => i));
    });

    it('put overwrites and delete says whether something was deleted', async () => {
      await backend().records.put('ws:del:x', { version: 1, n: 1 });
      await backend().records.put('ws:del:x', { version: 7, n: 2 });
      expect(await backend().records.get('ws:del:x')).toEqual({ version: 7, n: 2 });
      expect(await backend().records.delete('ws:del:x')).toBe(true);
      expect(await backend().records.delete('ws:del:x')).toBe(false);
      expect(await backend().records.get('ws:del:x')).toBeUndefined();
    });

    it('update applies the change, bumps the version, and a plain get then reads the new value', async () => {
      await backend().records.put<Counted>('ws:upd:x', { version: 3, n: 10 });
      const updated = await backend().records.update<Counted>('ws:upd:x', (current) => ({ ...current, n: current.n + 5, version: 999 }));
      expect(updated).toEqual({ version: 4, n: 15 });
      expect(await backend().records.get('ws:upd:x')).toEqual({ version: 4, n: 15 });
      expect(await backend().records.getMany(['ws:upd:x'])).toEqual([{ version: 4, n: 15 }]);
    });

    it('update of an absent key returns undefined and creates nothing', async () => {
      let called = false;
      const result = await backend().records.update<Counted>('ws:upd:absent', (current) => {
        called = true;
        return current;
      });
      expect(result).toBeUndefined();
      expect(called).toBe(false);
      expect(await backend().records.get('ws:upd:absent')).toBeUndefined();
    });

    it('an error thrown by the change propagates unchanged and nothing is written', async () => {
      await backend().records.put<Counted>('ws:upd:err', { version: 1, n: 1 });
      class DomainError extends Error {}
      const thrown = new DomainError('not allowed');
      await expect(
        backend().records.update<Counted>('ws:upd:err', () => {
          throw thrown;
        }),
      ).rejects.toBe(thrown);
      expect(await backend().records.get('ws:upd:err')).toEqual({ version: 1, n: 1 });
    });

    it('50 concurrent updates of one record lose none of them', async () => {
      await backend().records.put<Counted>('ws:race:x', { version: 1, n: 0 });
      await Promise.all(
        Array.from({ length: 50 }, () => backend().records.update<Counted>('ws:race:x', (current) => ({ ...current, n: current.n + 1 }))),
      );
      expect(await backend().records.get('ws:race:x')).toEqual({ version: 51, n: 50 });
    });
  });
}
