/**
 * A range or count on a sorted index reads only that range: SQLite's plan searches the
 * (idx, score, member) index and needs no sort of its own, rather than scanning the table. The
 * sweep of expired claims reads only expired ones, through the expiry index.
 */
import { type RawSqlite, openRawSqlite } from '../support/raw-sqlite.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../src/adapters/storage/open-backend.js';
import { countSql, rangeSql, sweepExpiredClaimsSql } from '../../src/adapters/storage/sql-primitives.js';
import { sqlTables } from '../../src/adapters/storage/sql-schema.js';

const directory = mkdtempSync(join(tmpdir(), 'cfb-plan-'));
const file = join(directory, 'plan.sqlite');
const namespace = 'plan';
const tables = sqlTables(namespace);
let raw: RawSqlite;

beforeAll(async () => {
  const backend = await openBackend(`sqlite://${file}`, { namespace });
  for (let i = 0; i < 200; i++) await backend.index.add(`ws:plan:${i % 4}`, `m${i}`, i);
  for (let i = 0; i < 200; i++) await backend.claims.claim(`ws:plan:claim:${i}`, 'me', i % 2 === 0 ? 0 : 60_000);
  await backend.close();
  raw = openRawSqlite(file);
});
afterAll(async () => {
  await raw.disconnect();
  rmSync(directory, { recursive: true, force: true });
});

async function plan(sql: string, params: unknown[]): Promise<string[]> {
  const rows: unknown = await raw.query(`EXPLAIN QUERY PLAN ${sql}`, ...params);
  return (Array.isArray(rows) ? rows : []).map((row: { detail?: unknown }) => String(row.detail));
}

describe('SQLite sorted-index query plans', () => {
  const cases = [
    { name: 'range', sql: rangeSql(tables, { reverse: false, limited: false }), params: ['ws:plan:1', 10, 50] },
    { name: 'reverse range with limit', sql: rangeSql(tables, { reverse: true, limited: true }), params: ['ws:plan:1', 10, 50, 5] },
    { name: 'count', sql: countSql(tables), params: ['ws:plan:1', 10, 50] },
  ];

  it.each(cases)('$name searches the score index and does not scan or sort', async ({ sql, params }) => {
    const steps = await plan(sql, params);
    expect(steps.join(' | ')).toMatch(
      new RegExp(
        `SEARCH ${tables.sortedIndex} USING (COVERING )?INDEX ${tables.sortedIndexByScore} \\(idx=\\? AND score>\\? AND score<\\?\\)`,
      ),
    );
    expect(steps.some((step) => step.startsWith('SCAN'))).toBe(false);
    expect(steps.some((step) => step.includes('TEMP B-TREE'))).toBe(false);
  });
});

describe('SQLite claim sweep plan', () => {
  it('finds the expired claims through the expiry index, without scanning the table or sorting', async () => {
    const steps = await plan(sweepExpiredClaimsSql(tables), [Date.now(), Date.now()]);
    const plain = steps.join(' | ');
    expect(plain).toMatch(new RegExp(`SEARCH ${tables.claims} USING (COVERING )?INDEX ${tables.claimsByExpiry} \\(expires_at<\\?\\)`));
    expect(steps.some((step) => step.startsWith('SCAN'))).toBe(false);
    expect(steps.some((step) => step.includes('TEMP B-TREE'))).toBe(false);
  });
});
