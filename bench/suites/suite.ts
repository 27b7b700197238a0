/** What every benchmark suite provides to bench/run.ts. */
import type { SuiteResult } from '../lib/results.js';

export interface SuiteContext {
  /** Shorter runs and smaller histories, for a quick look (minutes instead of tens of minutes). */
  readonly quick: boolean;
  /** A progress line on stderr. */
  log(line: string): void;
}

export interface Suite {
  readonly id: string;
  readonly title: string;
  /** Whether the suite runs the bot from dist/ (bench/run.ts builds it first). */
  readonly needsBuild?: boolean;
  /** Undefined when the suite can run here; otherwise why not, for the results table. */
  unavailable(): string | undefined;
  run(context: SuiteContext): Promise<SuiteResult>;
}
