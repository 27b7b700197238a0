/**
 * The tables one namespace uses in SQLite or PostgreSQL. Every name starts with `<namespace>_`,
 * so several deployments (or tests) can share one database without seeing each other's data.
 */

export type SqlDialect = 'sqlite' | 'postgres';

export interface SqlTables {
  /** keyv's table: `key`, `value` (the serialized `{value, expires}` envelope). */
  readonly records: string;
  /** `(idx, member, score)`, one row per member of a sorted index. */
  readonly sortedIndex: string;
  readonly sortedIndexByScore: string;
  /** `(name, value)`. */
  readonly counters: string;
  /** `(key, owner, expires_at)`; `expires_at` in epoch ms, NULL for a permanent claim. */
  readonly claims: string;
  /** The claims that expire, by expiry: what expired-claims.ts sweeps. */
  readonly claimsByExpiry: string;
}

/** keyv's own key column is VARCHAR(keySize); our keys (`ws:<id>:req:<id>`) need more than its default 255. */
export const RECORD_KEY_SIZE = 512;

/**
 * Table names for a namespace (already checked to be a plain lowercase identifier), qualified by
 * `schema` when given. PostgreSQL passes `public`, the schema keyv puts its table in, so that our
 * statements reach keyv's table whatever the connection's search_path.
 */
export function sqlTables(namespace: string, schema?: string): SqlTables {
  const qualified = (name: string) => (schema ? `${schema}.${namespace}_${name}` : `${namespace}_${name}`);
  return {
    records: qualified('records'),
    sortedIndex: qualified('sorted_index'),
    // An index lives in its table's schema and is named without one.
    sortedIndexByScore: `${namespace}_sorted_index_by_score`,
    counters: qualified('counters'),
    claims: qualified('claims'),
    claimsByExpiry: `${namespace}_claims_by_expiry`,
  };
}

/**
 * `CREATE … IF NOT EXISTS` for every table. The records table is declared exactly as keyv
 * declares it, so whichever of keyv and us creates it first, it is the same table.
 * PostgreSQL compares members with `COLLATE "C"` (byte order) so that ties sort as in Redis and
 * SQLite, whatever the database's locale.
 */
export function schemaStatements(dialect: SqlDialect, tables: SqlTables): string[] {
  const member = dialect === 'postgres' ? 'TEXT COLLATE "C"' : 'TEXT';
  const double = dialect === 'postgres' ? 'DOUBLE PRECISION' : 'REAL';
  const integer = dialect === 'postgres' ? 'BIGINT' : 'INTEGER';
  return [
    `CREATE TABLE IF NOT EXISTS ${tables.records}(key VARCHAR(${RECORD_KEY_SIZE}) PRIMARY KEY, value TEXT )`,
    `CREATE TABLE IF NOT EXISTS ${tables.sortedIndex}(idx ${member} NOT NULL, member ${member} NOT NULL, score ${double} NOT NULL, PRIMARY KEY (idx, member))`,
    `CREATE INDEX IF NOT EXISTS ${tables.sortedIndexByScore} ON ${tables.sortedIndex}(idx, score, member)`,
    `CREATE TABLE IF NOT EXISTS ${tables.counters}(name TEXT PRIMARY KEY, value ${integer} NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS ${tables.claims}(key TEXT PRIMARY KEY, owner TEXT NOT NULL, expires_at ${integer})`,
    `CREATE INDEX IF NOT EXISTS ${tables.claimsByExpiry} ON ${tables.claims}(expires_at) WHERE expires_at IS NOT NULL`,
  ];
}
