/**
 * The bot's memory after a load, against issue 17's target (RSS ≤ 200 MB), counted both ways: the
 * sum over all its processes (primary and WORKERS, what the machine gives it) and each process on
 * its own (what one process holds).
 */
import type { ResidentMemory } from './memory.js';
import type { TreeMemory } from './process-tree.js';
import { type Table, type TargetCheck, verdict } from './results.js';

export const MAX_RSS_MB = 200;

const largest = (memory: TreeMemory) => Math.max(...memory.processes.map((p) => p.rssMb));

export function memoryTable(
  title: string,
  memory: { ours: TreeMemory | undefined; bare: ResidentMemory | undefined },
  bareLabel: string,
): Table {
  const ours = memory.ours;
  const count = ours?.processes.length ?? 0;
  return {
    title,
    columns: ['server', 'RSS now', 'peak RSS', `RSS ≤ ${MAX_RSS_MB} MB`],
    rows: [
      [
        `ours, sum over its ${count} process${count === 1 ? '' : 'es'}`,
        ours?.totalRssMb ?? 'n/a',
        ours ? Math.round(ours.processes.reduce((sum, p) => sum + p.peakRssMb, 0) * 10) / 10 : 'n/a',
        verdict(ours ? ours.totalRssMb <= MAX_RSS_MB : undefined),
      ],
      ...(ours?.processes ?? []).map((p, i) => [
        `ours, ${i === 0 ? 'primary' : `worker ${i}`} (pid ${p.pid})`,
        p.rssMb,
        p.peakRssMb,
        verdict(p.rssMb <= MAX_RSS_MB),
      ]),
      [bareLabel, memory.bare?.rssMb ?? 'n/a', memory.bare?.peakRssMb ?? 'n/a', ''],
    ],
    notes: [
      `Ours is \`node bin/customer-focus.js start\` on SQLite: a primary plus one process per WORKERS. The sum counts every process's resident set (pages they share, such as Node's own code, counted in each, as \`ps\` does); the target is read against the sum, and per process in the rows below it.`,
    ],
  };
}

export function rssTarget(when: string, ours: TreeMemory | undefined): TargetCheck {
  return {
    target: `RSS ≤ ${MAX_RSS_MB} MB ${when} (sum over processes)`,
    met: ours ? ours.totalRssMb <= MAX_RSS_MB : undefined,
    measured: ours
      ? `${ours.totalRssMb} MB over ${ours.processes.length} processes (${ours.processes.map((p) => p.rssMb).join(' + ')}); largest process ${largest(ours)} MB (${verdict(largest(ours) <= MAX_RSS_MB)} per process)`
      : 'no /proc',
  };
}
