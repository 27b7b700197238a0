/**
 * Resident memory of a process, read from /proc on Linux: the current resident set (VmRSS) and
 * its peak since the process started or since the peak was last reset (VmHWM).
 */
import { readFileSync, writeFileSync } from 'node:fs';

export interface ResidentMemory {
  readonly rssMb: number;
  readonly peakRssMb: number;
}

const field = (status: string, name: string): number => {
  const kb = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1];
  return kb === undefined ? Number.NaN : Math.round((Number(kb) / 1024) * 10) / 10;
};

/** Undefined when /proc is not available (not Linux) or the process is gone. */
export function residentMemory(pid: number | 'self' = 'self'): ResidentMemory | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return { rssMb: field(status, 'VmRSS'), peakRssMb: field(status, 'VmHWM') };
  } catch {
    return undefined;
  }
}

/**
 * Resets this process's peak (Linux 4.0 and later: writing 5 to clear_refs), so that the next
 * reading of the peak covers only what follows. False where that is not possible.
 */
export function resetPeakMemory(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}
