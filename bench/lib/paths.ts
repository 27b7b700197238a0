/** Where the benchmark finds the project and puts its results. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Git-ignored. */
export const BENCH_RESULTS = join(PROJECT_ROOT, 'bench/results');
/** The installed command, as `npm start` runs it (compiled into dist/ by `npm ci` / `npm run build`). */
export const CLI_ENTRY = join(PROJECT_ROOT, 'bin/customer-focus.js');
/**
 * The shared development data, read in place (never copied into the repository): beside the
 * project, or beside the folder of worktrees when the project is checked out as one (/work/wt/NAME).
 */
export const SHARED_DATA =
  [join(PROJECT_ROOT, '../shared/data'), join(PROJECT_ROOT, '../../shared/data')].find((dir) => existsSync(dir)) ??
  join(PROJECT_ROOT, '../shared/data');
