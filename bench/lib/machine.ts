/** The machine a run was measured on, written next to every figure. */
import { cpus, freemem, release, totalmem } from 'node:os';

export interface Machine {
  readonly cpuModel: string;
  readonly cores: number;
  readonly memoryGb: number;
  readonly freeMemoryGb: number;
  readonly os: string;
  readonly node: string;
}

export function describeMachine(): Machine {
  const cores = cpus();
  return {
    cpuModel: cores[0]?.model.trim() ?? 'unknown',
    cores: cores.length,
    memoryGb: Math.round(totalmem() / 1e9),
    freeMemoryGb: Math.round(freemem() / 1e9),
    os: `${process.platform} ${release()}`,
    node: process.version,
  };
}

export const machineLine = (machine: Machine): string =>
  `${machine.cores} cores (${machine.cpuModel}), ${machine.memoryGb} GB RAM, ${machine.os}, Node ${machine.node}`;
