/**
 * A server and every process it started (the bot's primary and its WORKERS), read from /proc on
 * Linux, so that the bot's memory and CPU are counted whole whether it runs as one process or
 * several. A worker's CPU only reaches its parent's counters once the worker has exited and been
 * reaped, so the live figures are summed process by process.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { cpuSeconds } from './cpu.js';
import { type ResidentMemory, residentMemory } from './memory.js';

function childrenOf(pid: number): number[] {
  try {
    // One file per thread; with CONFIG_PROC_CHILDREN each lists the children that thread started.
    const children = readdirSync(`/proc/${pid}/task`).flatMap((task) => {
      try {
        return readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
      } catch {
        return [];
      }
    });
    return children.length > 0 ? children : scanForParent(pid);
  } catch {
    return [];
  }
}

/** Without the children files: every process whose parent (field 4 of its stat) is `pid`. */
function scanForParent(pid: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => {
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        return parent === pid ? [Number(name)] : [];
      } catch {
        return [];
      }
    });
}

/** `pid` and all its descendants, parents first. */
export function processTree(pid: number): number[] {
  const tree: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const next = queue.shift() as number;
    tree.push(next);
    queue.push(...childrenOf(next));
  }
  return tree;
}

/** CPU seconds (user + system) of the whole tree as it is now; undefined without /proc or when `pid` is gone. */
export function treeCpuSeconds(pid: number): number | undefined {
  if (cpuSeconds(pid) === undefined) return undefined;
  return processTree(pid).reduce((sum, member) => sum + (cpuSeconds(member) ?? 0), 0);
}

export interface TreeMemory {
  /** Sum of the processes' resident sets (shared pages counted in each, as `ps` does). */
  readonly totalRssMb: number;
  readonly processes: readonly ({ readonly pid: number } & ResidentMemory)[];
}

export function treeMemory(pid: number): TreeMemory | undefined {
  const processes = processTree(pid).flatMap((member) => {
    const memory = residentMemory(member);
    return memory ? [{ pid: member, ...memory }] : [];
  });
  if (processes.length === 0) return undefined;
  return { totalRssMb: Math.round(processes.reduce((sum, p) => sum + p.rssMb, 0) * 10) / 10, processes };
}
