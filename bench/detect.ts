/**
 * Decision-detector benchmark: quality on labelled JSONL files, firing rate on unlabelled ones,
 * and throughput for each.
 *
 *   tsx bench/detect.ts [--misses] [file.jsonl …]
 *
 * Each line is {"text": "…"} with an optional "label" ("decision" | "not_decision", or a
 * boolean), an optional "pattern" and an optional context ({"context": {"isThreadReply": true}}
 * or a top-level "isThreadReply"). With no file it runs on the project's labelled set, the five
 * labelled batches of issue 18 (test/detection/batches) and the shared development data
 * (../shared/data, read in place, never copied; skipped with a note when it is not there).
 * For each batch it prints, beside the current score, the score measured before the batch was
 * used for tuning (test/detection/batches/scores-before.json, see SCORES.md there), and the
 * per-pattern hits before and now. Results also go to bench/results/detect-<timestamp>.json.
 *
 * Throughput is measured in this single Node thread (one core): one warm-up pass, then repeated
 * passes for at least a second, per wall-clock second and per second of this process's CPU time
 * (the steadier figure when the machine is shared). The measuring is in bench/lib/detector.ts,
 * which the `detector` suite of `npm run bench` shares.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { DECISION_THRESHOLD } from '../src/core/detection/detect-decision.js';
import { DEFAULT_FILES, type FileResult, SCORES_BEFORE, SHARED_DATA, evaluate } from './lib/detector.js';
import { PROJECT_ROOT } from './lib/paths.js';

interface Before {
  readonly precision: number;
  readonly recall: number;
  readonly firingRate: number;
  readonly patterns: Readonly<Record<string, string>>;
}

const fixed = (value: number | undefined, digits = 3) => (value === undefined ? '–' : value.toFixed(digits));
const percent = (value: number) => `${(value * 100).toFixed(2)} %`;

function readBefore(): Readonly<Record<string, Before>> {
  return existsSync(SCORES_BEFORE) ? (JSON.parse(readFileSync(SCORES_BEFORE, 'utf8')) as Record<string, Before>) : {};
}

const batchName = (file: string) => basename(file, '.jsonl');

function table(results: readonly FileResult[], before: Readonly<Record<string, Before>>): string {
  const lines = [
    '| file | messages | precision | recall | F1 | TP / FP / FN / TN | firing rate | before tuning: precision / recall / firing | msg/s (wall) | msg/s (CPU) |',
    '|---|---:|---:|---:|---:|---|---:|---|---:|---:|',
  ];
  for (const r of results) {
    const counts = r.tp === undefined ? '–' : `${r.tp} / ${r.fp} / ${r.fn} / ${r.tn}`;
    const was = before[batchName(r.file)];
    const then = was ? `${fixed(was.precision)} / ${fixed(was.recall)} / ${percent(was.firingRate)}` : '–';
    lines.push(
      `| ${r.file} | ${r.messages} | ${fixed(r.precision)} | ${fixed(r.recall)} | ${fixed(r.f1)} | ${counts} | ${percent(r.firingRate)} | ${then} | ${r.messagesPerSecond.toLocaleString('en-US')} | ${r.messagesPerCpuSecond.toLocaleString('en-US')} |`,
    );
  }
  return lines.join('\n');
}

/** Per pattern of the batches: messages fired on, before tuning → now. */
function patternTable(results: readonly FileResult[], before: Readonly<Record<string, Before>>): string | undefined {
  const batches = results.filter((r) => before[batchName(r.file)] && r.patterns);
  if (batches.length === 0) return undefined;
  const keys = [...new Set(batches.flatMap((r) => (r.patterns ?? []).map((p) => `${p.label} ${p.pattern}`)))].sort();
  const lines = [
    `| label | pattern | ${batches.map((r) => `${batchName(r.file)} before → now`).join(' | ')} |`,
    `|---|---|${batches.map(() => '---:').join('|')}|`,
  ];
  for (const key of keys) {
    const [label, pattern] = key.split(' ');
    const cells = batches.map((r) => {
      const now = (r.patterns ?? []).find((p) => `${p.label} ${p.pattern}` === key);
      const was = before[batchName(r.file)]?.patterns[key] ?? '–';
      return now ? `${was} → ${now.fired}/${now.messages}` : '–';
    });
    lines.push(`| ${label} | ${pattern} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

function main(argv: readonly string[]): number {
  const showMisses = argv.includes('--misses');
  const named = argv.filter((arg) => !arg.startsWith('--')).map((arg) => resolve(process.cwd(), arg));
  const files = named.length > 0 ? named : DEFAULT_FILES;
  const results: FileResult[] = [];
  for (const file of files) {
    if (!existsSync(file)) {
      const shared = file.startsWith(SHARED_DATA);
      console.log(
        `Skipped ${relative(process.cwd(), file) || file}: no such file${shared ? ' (the shared development data is not here, so there is no firing rate on everyday chat in this run)' : ''}.`,
      );
      continue;
    }
    if (showMisses) console.log(`${relative(process.cwd(), file)}:`);
    results.push(evaluate(file, { showMisses }));
  }
  if (results.length === 0) {
    console.log('No input files: nothing measured.');
    return 1;
  }
  const before = readBefore();
  console.log(`\nDecision detector, threshold ${DECISION_THRESHOLD}, Node ${process.version}, one thread\n`);
  console.log(table(results, before));
  const patterns = patternTable(results, before);
  if (patterns) {
    console.log(
      '\nPer pattern in the labelled batches (messages the detector fired on / messages; recall for decisions, false alarms for the rest):\n',
    );
    console.log(patterns);
  }
  const outDir = join(PROJECT_ROOT, 'bench/results');
  mkdirSync(outDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const outFile = join(outDir, `detect-${stamp}.json`);
  const report = { date: new Date().toISOString(), node: process.version, threshold: DECISION_THRESHOLD, before, results };
  writeFileSync(outFile, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nResults written to ${relative(process.cwd(), outFile)}`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
