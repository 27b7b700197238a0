/**
 * Where bulk seeding writes: the same four things the bot's backends keep (records in keyv's
 * envelope, sorted-index members, counters, claims), buffered and written in large batches. Each
 * backend's sink writes a batch its own fastest way (multi-row INSERTs in one transaction, Redis
 * pipelines); the rows are exactly those the bot's primitives would have written one at a time.
 */

export type RecordRow = readonly [key: string, envelope: string];
export type IndexRow = readonly [index: string, member: string, score: number];

/** What a backend's sink implements: one batch at a time, each written as a whole. */
export interface BatchWriter {
  writeBatch(records: readonly RecordRow[], index: readonly IndexRow[]): Promise<void>;
  /** Sets a counter to `value` (the bot's counters hand out `value + 1` next). */
  setCounter(name: string, value: number): Promise<void>;
  /** A claim held for good (no expiry), as `claims.claim(key, owner, 0)` leaves it. */
  permanentClaim(key: string, owner: string): Promise<void>;
  /** Work the store wants after a bulk load (statistics); optional. */
  finish?(): Promise<void>;
  close(): Promise<void>;
}

/** Rows per batch: large enough that per-batch overhead vanishes, small enough to stay in memory. */
const BATCH_ROWS = 20_000;

/**
 * keyv's serialized envelope for a value stored without expiry: `{"value":…}`. keyv's serializer
 * escapes strings that start with ":" and encodes Buffers; no seeded value has either.
 */
export const keyvEnvelope = (value: unknown): string => JSON.stringify({ value });

export class BulkSink {
  private records: RecordRow[] = [];
  private index: IndexRow[] = [];
  /** Rows written so far (records plus index members). */
  rows = 0;

  constructor(private readonly writer: BatchWriter) {}

  async record(key: string, value: unknown): Promise<void> {
    this.records.push([key, keyvEnvelope(value)]);
    await this.maybeFlush();
  }

  async indexed(index: string, member: string, score: number): Promise<void> {
    this.index.push([index, member, score]);
    await this.maybeFlush();
  }

  async counter(name: string, value: number): Promise<void> {
    await this.flush();
    await this.writer.setCounter(name, value);
  }

  async permanentClaim(key: string, owner: string): Promise<void> {
    await this.flush();
    await this.writer.permanentClaim(key, owner);
  }

  private async maybeFlush(): Promise<void> {
    if (this.records.length + this.index.length >= BATCH_ROWS) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.records.length === 0 && this.index.length === 0) return;
    const records = this.records;
    const index = this.index;
    this.records = [];
    this.index = [];
    this.rows += records.length + index.length;
    await this.writer.writeBatch(records, index);
  }

  /** Flushes what is buffered, lets the store finish the load, and closes the connection. */
  async close(): Promise<void> {
    try {
      await this.flush();
      await this.writer.finish?.();
    } finally {
      await this.writer.close();
    }
  }
}
