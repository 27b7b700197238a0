/**
 * What a benchmark run produces: one result per suite, written as JSON under bench/results/ and
 * printed as Markdown tables.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type Machine, machineLine } from './machine.js';
import { BENCH_RESULTS } from './paths.js';

export type SuiteStatus = 'measured' | 'not yet available' | 'skipped' | 'failed';

export interface Table {
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
  /** Lines printed under the table: targets met or missed, caveats. */
  readonly notes?: readonly string[];
}

export interface SuiteResult {
  readonly suite: string;
  readonly title: string;
  readonly status: SuiteStatus;
  /** Why a suite was not measured, or what failed. */
  readonly reason?: string;
  readonly tables: readonly Table[];
  /** Everything measured, for the JSON file. */
  readonly data?: unknown;
  /** The targets this suite measured, gathered into the summary at the top of the report. */
  readonly targets?: readonly TargetCheck[];
}

/** One target, met or missed, with the figure that decided it. */
export interface TargetCheck {
  readonly target: string;
  /** Undefined when it could not be measured here (no /proc, a store not available). */
  readonly met: boolean | undefined;
  readonly measured: string;
}

export const verdict = (met: boolean | undefined): string => (met === undefined ? 'n/a' : met ? 'met' : 'MISSED');

export interface RunReport {
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly quick: boolean;
  readonly command: string;
  readonly machine: Machine;
  readonly suites: readonly SuiteResult[];
}

const cell = (value: string | number): string => (typeof value === 'number' ? value.toLocaleString('en-US') : value).replace(/\|/g, '\\|');

export function markdownTable(table: Table): string {
  const head = `| ${table.columns.join(' | ')} |`;
  const rule = `|${table.columns.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`;
  const body = table.rows.map((row) => `| ${row.map(cell).join(' | ')} |`);
  return [head, rule, ...body, ...(table.notes ?? []).map((note) => `\n${note}`)].join('\n');
}

/** The overview of a run: which suites ran, then every suite's tables. */
export function markdownReport(report: RunReport): string {
  const overview = markdownTable({
    title: 'Suites',
    columns: ['suite', 'status', 'note'],
    rows: report.suites.map((suite) => [`${suite.title} (\`${suite.suite}\`)`, suite.status, suite.reason ?? '']),
  });
  const targets = report.suites.flatMap((suite) => (suite.targets ?? []).map((check) => ({ suite: suite.suite, ...check })));
  const summary = markdownTable({
    title: 'Targets',
    columns: ['target', 'verdict', 'measured', 'suite'],
    rows: targets.map((check) => [check.target, verdict(check.met), check.measured, `\`${check.suite}\``]),
  });
  const sections = report.suites.flatMap((suite) => suite.tables.map((table) => `### ${table.title}\n\n${markdownTable(table)}`));
  return [
    `## Benchmarks${report.quick ? ' (--quick)' : ''}`,
    '',
    `Machine: ${machineLine(report.machine)}. Command: \`${report.command}\`.`,
    '',
    ...(targets.length > 0 ? ['### Targets (issue 17)', '', summary, ''] : []),
    overview,
    '',
    ...sections.flatMap((section) => [section, '']),
  ].join('\n');
}

/** Writes `bench-<time>.json` and `.md`, and `latest.json` / `latest.md`; returns the JSON path. */
export function writeReport(report: RunReport): string {
  mkdirSync(BENCH_RESULTS, { recursive: true });
  const stamp = report.startedAt.replace(/[:.]/g, '-');
  const json = `${JSON.stringify(report, null, 2)}\n`;
  const markdown = `${markdownReport(report)}\n`;
  const file = join(BENCH_RESULTS, `bench-${stamp}.json`);
  writeFileSync(file, json);
  writeFileSync(join(BENCH_RESULTS, `bench-${stamp}.md`), markdown);
  writeFileSync(join(BENCH_RESULTS, 'latest.json'), json);
  writeFileSync(join(BENCH_RESULTS, 'latest.md'), markdown);
  return relative(process.cwd(), file) || file;
}
