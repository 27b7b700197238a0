/**
 * One SQLite connection serves every caller of a process, and a transaction on it would take in
 * any statement another caller sends meanwhile (and roll it back with its own). The gate keeps
 * them apart: ordinary statements run side by side ("shared"); a transaction ("exclusive") waits
 * for the statements in flight to finish, holds new ones back until it is done, and transactions
 * take turns. A second connection would avoid the gate but then wait for the first one's file
 * lock in SQLite's busy handler (sleeps of up to 100 ms) instead of in this queue.
 */
export class StatementGate {
  private active = 0;
  private idle: (() => void) | undefined;
  private barrier: Promise<void> | undefined;
  private tail: Promise<unknown> = Promise.resolve();

  async shared<T>(statement: () => Promise<T>): Promise<T> {
    while (this.barrier) await this.barrier;
    this.active += 1;
    try {
      return await statement();
    } finally {
      this.active -= 1;
      if (this.active === 0) this.idle?.();
    }
  }

  exclusive<T>(transaction: () => Promise<T>): Promise<T> {
    const run = this.tail.then(async () => {
      let open = () => {};
      this.barrier = new Promise<void>((resolve) => (open = resolve));
      try {
        if (this.active > 0) await new Promise<void>((resolve) => (this.idle = resolve));
        this.idle = undefined;
        return await transaction();
      } finally {
        this.barrier = undefined;
        open();
      }
    });
    this.tail = run.catch(() => undefined);
    return run;
  }
}
