/**
 * Several bot processes on one port (WORKERS), so every core serves requests. Node's cluster
 * module hands each new connection to one of the processes; each is a whole bot on the shared
 * store, as several instances behind a load balancer already are (SQLite in WAL mode, Redis and
 * PostgreSQL take concurrent writers; the scheduler's slots and the delivery claims are shared).
 *
 * Processes rather than worker threads: a request is acknowledged by the process that received
 * it, with no hand-over to wait for, and one process that fails takes none of the others with it.
 */
import cluster, { type Worker } from 'node:cluster';
import { once } from 'node:events';
import type { Logger } from '../adapters/logging/logger.js';

/** What a worker tells the primary once it listens. */
interface Listening {
  readonly type: 'customer-focus:listening';
  readonly port: number;
}

const isListening = (message: unknown): message is Listening =>
  typeof message === 'object' && message !== null && (message as Listening).type === 'customer-focus:listening';

/** True in a process the pool started; it reports its port with {@link reportListening}. */
export const isPoolWorker = (): boolean => cluster.isWorker;

export function reportListening(port: number): void {
  const message: Listening = { type: 'customer-focus:listening', port };
  process.send?.(message);
}

/** Lets a stopped worker exit: its channel to the primary would otherwise keep it alive. */
export function leavePool(): void {
  if (cluster.isWorker) cluster.worker?.disconnect();
}

export interface WorkerPool {
  readonly port: number;
  /** Asks every worker to finish its in-flight requests and stop; resolves when all have exited. */
  stop(): Promise<void>;
}

/** Starts `count` workers (the first alone, so it creates the store's tables before the others open it). */
export async function startWorkerPool(count: number, logger: Logger): Promise<WorkerPool> {
  let started = false;
  let stopping = false;
  const workers = new Set<Worker>();

  const fork = async (): Promise<number> => {
    const worker = cluster.fork();
    workers.add(worker);
    const listening = new Promise<number>((resolve, reject) => {
      worker.on('message', (message: unknown) => {
        if (isListening(message)) resolve(message.port);
      });
      worker.once('exit', (code, signal) =>
        reject(new Error(`a bot process exited before it listened (${signal ?? `exit code ${code}`})`)),
      );
    });
    worker.once('exit', (code, signal) => {
      workers.delete(worker);
      if (stopping || !started) return;
      // A crashed process is replaced; the others go on serving meanwhile.
      logger.error({ pid: worker.process.pid, code, signal }, 'a bot process stopped unexpectedly; starting another');
      fork().catch((error: unknown) => logger.error({ err: { message: (error as Error).message } }, 'could not replace a bot process'));
    });
    return listening;
  };

  const stop = async (): Promise<void> => {
    stopping = true;
    const exits = [...workers].map((worker) => once(worker, 'exit'));
    for (const worker of workers) worker.process.kill('SIGTERM');
    await Promise.all(exits);
  };

  try {
    const port = await fork();
    await Promise.all(Array.from({ length: count - 1 }, fork));
    started = true;
    logger.info({ workers: count, port }, 'bot processes are listening');
    return { port, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
