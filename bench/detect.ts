/**
 * Decision-detector benchmark: quality on labelled JSONL files, firing rate on unlabelled ones,
 * and throughput for each.
 *
 *   tsx bench/detect.ts [--misses] [file.jsonl …]
 *
 * Each line is {"text": "…"} with an optional "label" ("decision" | "not_decision", or a
 * boolean) and an optional context ({"context": {"isThreadReply": true}} or a top-level
 * "isThreadReply"). With no file it runs on the project's labelled set and the shared development
 * data (../shared/data, read in place, never copied). Results also go to
 * bench/results/detect-<timestamp>.json.
 *
 * Throughput is measured in this single Node thread (one core): one warm-up pass, then repeated
 * passes for at least a second. The measuring is in bench/lib/detector.ts, which the `detector`
 * suite of `npm run bench` shares.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { DECISION_THRESHOLD } from '../src/core/detection/detect-decision.js';
import { DEFAULT_FILES, type FileResult, evaluate } from './lib/detector.js';
import { PROJECT_ROOT } from './lib/paths.js';

const fixed = (value: number | undefined, digits = 3) => (value === undefined ? '–' : value.toFixed(digits));

function table(results: readonly FileResult[]): string {
  const lines = [
    '| file | messages | precision | recall | F1 | TP / FP / FN / TN | firing rate | msg/s |',
    '|---|---:|---:|---:|---:|---|---:|---:|',
  ];
  for (const r of results) {
    const counts = r.tp === undefined ? '–' : `${r.tp} / ${r.fp} / ${r.fn} / ${r.tn}`;
    lines.push(
      `| ${r.file} | ${r.messages} | ${fixed(r.precision)} | ${fixed(r.recall)} | ${fixed(r.f1)} | ${counts} | ${(r.firingRate * 100).toFixed(2)} % | ${r.messagesPerSecond.toLocaleString('en-US')} |`,
    );
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
      console.log(`Skipped ${relative(process.cwd(), file) || file}: no such file.`);
      continue;
    }
    if (showMisses) console.log(`${relative(process.cwd(), file)}:`);
    results.push(evaluate(file, { showMisses }));
  }
  if (results.length === 0) {
    console.log('No input files: nothing measured.');
    return 1;
  }
  console.log(`\nDecision detector, threshold ${DECISION_THRESHOLD}, Node ${process.version}, one thread\n`);
  console.log(table(results));
  const outDir = join(PROJECT_ROOT, 'bench/results');
  mkdirSync(outDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const outFile = join(outDir, `detect-${stamp}.json`);
  const report = { date: new Date().toISOString(), node: process.version, threshold: DECISION_THRESHOLD, results };
  writeFileSync(outFile, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nResults written to ${relative(process.cwd(), outFile)}`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
