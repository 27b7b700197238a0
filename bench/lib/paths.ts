/** Where the benchmark finds the project and puts its results. */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Git-ignored. */
export const BENCH_RESULTS = join(PROJECT_ROOT, 'bench/results');
/** The installed command, as `npm start` runs it (compiled into dist/ by `npm ci` / `npm run build`). */
export const CLI_ENTRY = join(PROJECT_ROOT, 'bin/customer-focus.js');
