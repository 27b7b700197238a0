/**
 * CPU time a process has used (user + system), read from /proc on Linux. Unlike latency, the CPU
 * a server spends per request hardly changes when other work shares the machine, so it is the
 * steadier figure on a busy host.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

let ticksPerSecond: number | undefined;

function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    const answer = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim());
    ticksPerSecond = Number.isFinite(answer) && answer > 0 ? answer : 100;
  }
  return ticksPerSecond;
}

/** Seconds of CPU the process has used so far; undefined without /proc or when it is gone. */
export function cpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at the state, field 3; utime and stime are 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / clockTicks();
  } catch {
    return undefined;
  }
}

/**
 * Waits until a server is nearly idle (under 5 % of a core over two quarter-seconds in a row), so
 * one slice's work after its acknowledgements is not counted against the next slice. `read` gives
 * the server's CPU seconds so far (one process, or a process tree).
 */
export async function quietServer(read: () => number | undefined, timeoutMs: number): Promise<void> {
  const started = Date.now();
  let calm = 0;
  let last = read();
  while (last !== undefined && calm < 2 && Date.now() - started < timeoutMs) {
    await sleep(250);
    const now = read();
    if (now === undefined) return;
    calm = now - last < 0.0125 ? calm + 1 : 0;
    last = now;
  }
}

/** The whole machine's CPU time so far, in seconds summed over its cores: busy (not idle or waiting on I/O) and all. */
export interface MachineCpu {
  readonly busy: number;
  readonly total: number;
}

/** Read from the first line of /proc/stat; undefined without it. */
export function machineCpu(): MachineCpu | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
    // cpu user nice system idle iowait irq softirq steal guest guest_nice (guest time is inside user).
    const [user, nice, system, idle, iowait, irq, softirq, steal] = line.trim().split(/\s+/).slice(1, 9).map(Number) as number[];
    // Steal is time the hypervisor gave to other machines: in the total, not in what ran here.
    const busy = [user, nice, system, irq, softirq].reduce((sum: number, n) => sum + (n ?? 0), 0);
    return { busy: busy / clockTicks(), total: (busy + (idle ?? 0) + (iowait ?? 0) + (steal ?? 0)) / clockTicks() };
  } catch {
    return undefined;
  }
}
