/**
 * One measurement in a process of its own (started by bench/suites/history.ts through
 * startHelper): opens the seeded store as the bot would, then on request runs one operation
 * `runs + 1` times and reports the times and the memory it took beyond what the open store holds.
 *
 * Memory: the baseline is taken after opening the store and a full garbage collection; the peak
 * resident set (VmHWM, reset just before) and the V8 heap (sampled every 2 ms and after each run)
 * are reported as growth over that baseline, across all runs including the first.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { openBackend } from '../../../src/adapters/storage/open-backend.js';
import { announceReady, serveRequests } from '../children.js';
import { resetPeakMemory, residentMemory } from '../memory.js';
import { benchCore } from '../seed/bench-core.js';
import { DIGEST_AT, WORKSPACE } from '../seed/plan.js';
import { type Operation, runOperation } from './operations.js';

export interface ProbeResult {
  readonly firstMs: number;
  readonly warmMs: readonly number[];
  readonly baselineRssMb: number;
  readonly peakRssGrowthMb: number;
  readonly peakHeapGrowthMb: number;
  readonly detail: string;
}

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const mb = (bytes: number) => bytes / 1_048_576;

const url = process.env.BENCH_STORE_URL ?? '';
const backend = await openBackend(url, { namespace: process.env.BENCH_NAMESPACE ?? 'cfb' });
const { core } = benchCore(backend, DIGEST_AT);
if (!(await core.deps.workspaces.get(WORKSPACE))) throw new Error(`no seeded workspace in ${url}`);

async function measure(payload: unknown): Promise<ProbeResult> {
  const { operation, runs } = payload as { operation: Operation; runs: number };
  gc();
  const baselineRss = residentMemory()?.rssMb ?? Number.NaN;
  const baselineHeap = process.memoryUsage().heapUsed;
  let peakHeap = baselineHeap;
  const sample = () => void (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed));
  const sampler = setInterval(sample, 2);
  resetPeakMemory();
  const times: number[] = [];
  let detail = '';
  try {
    for (let run = 0; run <= runs; run++) {
      const started = performance.now();
      detail = await runOperation(core, operation, new Date(DIGEST_AT));
      times.push(performance.now() - started);
      sample();
    }
  } finally {
    clearInterval(sampler);
  }
  const peakRss = residentMemory()?.peakRssMb ?? Number.NaN;
  const [firstMs = Number.NaN, ...warmMs] = times;
  return {
    firstMs,
    warmMs,
    baselineRssMb: baselineRss,
    peakRssGrowthMb: peakRss - baselineRss,
    peakHeapGrowthMb: mb(peakHeap - baselineHeap),
    detail,
  };
}

serveRequests({ measure, close: () => backend.close() });
announceReady({ pid: process.pid });
