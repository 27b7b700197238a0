/**
 * `npm run bench`: runs the benchmark suites, writes every figure to bench/results/ (JSON and
 * Markdown, `latest.*` plus one pair per run) and prints the Markdown tables.
 *
 *   npm run bench                          every suite, full length (about half an hour)
 *   npm run bench -- --quick               every suite, short runs and small histories (minutes)
 *   npm run bench -- --suites slack-ack,memory-startup
 *   npm run bench -- --list                the suites and whether they can run here
 *
 * PostgreSQL suites run when DATABASE_URL is set (a database of their own is created on that
 * server and dropped afterwards); Redis suites when redis-server is installed (a private
 * instance on a free port). Neither touches data that is already there.
 */
import { buildDist } from './lib/children.js';
import { describeMachine, machineLine } from './lib/machine.js';
import { type RunReport, type SuiteResult, markdownReport, writeReport } from './lib/results.js';
import { SUITES } from './suites/index.js';
import type { Suite } from './suites/suite.js';

interface Options {
  quick: boolean;
  list: boolean;
  suites: string[] | undefined;
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { quick: false, list: false, suites: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--quick') options.quick = true;
    else if (arg === '--list') options.list = true;
    else if (arg === '--suites' || arg === '--suite') options.suites = [...(options.suites ?? []), ...(argv[++i] ?? '').split(',')];
    else if (arg.startsWith('--suites=') || arg.startsWith('--suite='))
      options.suites = [...(options.suites ?? []), ...arg.slice(arg.indexOf('=') + 1).split(',')];
    else
      throw new Error(
        `Unknown option "${arg}". Use --quick, --list or --suites a,b (suites: ${SUITES.map((suite) => suite.id).join(', ')}).`,
      );
  }
  const unknown = (options.suites ?? []).filter((id) => !SUITES.some((suite) => suite.id === id));
  if (unknown.length > 0) throw new Error(`Unknown suite ${unknown.join(', ')}. Suites: ${SUITES.map((suite) => suite.id).join(', ')}.`);
  return options;
}

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

async function runSuite(suite: Suite, quick: boolean): Promise<SuiteResult> {
  const missing = suite.unavailable();
  if (missing)
    return {
      suite: suite.id,
      title: suite.title,
      status: missing.startsWith('not yet available') ? 'not yet available' : 'skipped',
      reason: missing,
      tables: [],
    };
  const started = performance.now();
  try {
    const result = await suite.run({ quick, log });
    log(`${suite.id}: done in ${Math.round((performance.now() - started) / 1000)} s`);
    return result;
  } catch (error) {
    log(`${suite.id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return {
      suite: suite.id,
      title: suite.title,
      status: 'failed',
      reason: error instanceof Error ? error.message : String(error),
      tables: [],
    };
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const options = parseOptions(argv);
  const chosen = options.suites ? SUITES.filter((suite) => options.suites?.includes(suite.id)) : SUITES;
  if (options.list) {
    for (const suite of SUITES)
      console.log(`${suite.id.padEnd(16)} ${suite.title}${suite.unavailable() ? ` (${suite.unavailable()})` : ''}`);
    return 0;
  }
  const machine = describeMachine();
  log(`machine: ${machineLine(machine)}`);
  if (chosen.some((suite) => suite.needsBuild && !suite.unavailable())) {
    log('building dist/ (npm run build), which the bot is measured from');
    const build = buildDist();
    // tsc still writes JavaScript when a file has type errors; say so, and measure what was built.
    if (!build.ok) log(`the build reported problems; measuring what it produced:\n${build.output}`);
  }
  const startedAt = new Date().toISOString();
  const suites: SuiteResult[] = [];
  for (const suite of chosen) {
    log(`${suite.id}: ${suite.title}`);
    suites.push(await runSuite(suite, options.quick));
  }
  const report: RunReport = {
    startedAt,
    finishedAt: new Date().toISOString(),
    quick: options.quick,
    command: `npm run bench${argv.length > 0 ? ` -- ${argv.join(' ')}` : ''}`,
    machine,
    suites,
  };
  const file = writeReport(report);
  console.log(markdownReport(report));
  console.log(`\nResults written to ${file} (and bench/results/latest.json, latest.md).`);
  return suites.some((suite) => suite.status === 'failed') ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 2;
  },
);
