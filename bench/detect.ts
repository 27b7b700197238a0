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
 * passes for at least a second.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DECISION_THRESHOLD, type DetectionContext, detectDecision } from '../src/core/detection/detect-decision.js';

interface Row {
  readonly text: string;
  readonly label?: boolean;
  readonly context: DetectionContext;
}

interface FileResult {
  readonly file: string;
  readonly messages: number;
  readonly skippedLines: number;
  readonly labelled: number;
  readonly flagged: number;
  readonly firingRate: number;
  readonly tp?: number;
  readonly fp?: number;
  readonly fn?: number;
  readonly tn?: number;
  readonly precision?: number;
  readonly recall?: number;
  readonly f1?: number;
  readonly messagesPerSecond: number;
  readonly passes: number;
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_FILES = [
  join(root, 'test/detection/labelled-messages.jsonl'),
  join(root, '../shared/data/decision-dev.jsonl'),
  join(root, '../shared/data/chat-dev.jsonl'),
];
const MIN_MEASURE_MS = 1000;
const MIN_PASSES = 3;

function parseLabel(value: unknown): boolean | undefined {
  if (value === true || value === 'decision' || value === 1 || value === 'true') return true;
  if (value === false || value === 'not_decision' || value === 0 || value === 'false') return false;
  return undefined;
}

function readRows(path: string): { rows: Row[]; skipped: number } {
  const rows: Row[] = [];
  let skipped = 0;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const record = JSON.parse(line) as Record<string, unknown>;
      if (typeof record.text !== 'string') {
        skipped += 1;
        continue;
      }
      const nested = record.context as Record<string, unknown> | undefined;
      const isThreadReply = nested?.isThreadReply === true || record.isThreadReply === true;
      const label = parseLabel(record.label);
      rows.push({ text: record.text, context: { isThreadReply }, ...(label === undefined ? {} : { label }) });
    } catch {
      skipped += 1;
    }
  }
  return { rows, skipped };
}

function throughput(rows: readonly Row[]): { perSecond: number; passes: number } {
  let sink = 0;
  for (const row of rows) sink += detectDecision(row.text, row.context).score; // warm-up
  let passes = 0;
  const started = process.hrtime.bigint();
  let elapsedMs = 0;
  while (passes < MIN_PASSES || elapsedMs < MIN_MEASURE_MS) {
    for (const row of rows) sink += detectDecision(row.text, row.context).score;
    passes += 1;
    elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  }
  if (Number.isNaN(sink)) throw new Error('unreachable: keeps the work observable');
  return { perSecond: (rows.length * passes) / (elapsedMs / 1000), passes };
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

function evaluate(path: string, showMisses: boolean): FileResult {
  const { rows, skipped } = readRows(path);
  let tp = 0, fp = 0, fn = 0, tn = 0, flagged = 0, labelled = 0;
  for (const row of rows) {
    const detection = detectDecision(row.text, row.context);
    if (detection.decision) flagged += 1;
    if (row.label === undefined) {
      if (showMisses && detection.decision) console.log(`  fired ${detection.score}: ${JSON.stringify(row.text).slice(0, 160)} — ${detection.reasons.join('; ')}`);
      continue;
    }
    labelled += 1;
    if (row.label && detection.decision) tp += 1;
    else if (!row.label && !detection.decision) tn += 1;
    else if (row.label) fn += 1;
    else fp += 1;
    if (showMisses && row.label !== detection.decision) {
      console.log(`  ${row.label ? 'FN' : 'FP'} ${detection.score}: ${JSON.stringify(row.text).slice(0, 160)} — ${detection.reasons.join('; ')}`);
    }
  }
  const speed = rows.length > 0 ? throughput(rows) : { perSecond: 0, passes: 0 };
  const base = {
    file: relative(process.cwd(), path) || path,
    messages: rows.length,
    skippedLines: skipped,
    labelled,
    flagged,
    firingRate: ratio(flagged, rows.length),
    messagesPerSecond: Math.round(speed.perSecond),
    passes: speed.passes,
  };
  if (labelled === 0) return base;
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  return { ...base, tp, fp, fn, tn, precision, recall, f1: ratio(2 * precision * recall, precision + recall) };
}

const fixed = (value: number | undefined, digits = 3) => (value === undefined ? '–' : value.toFixed(digits));

function table(results: readonly FileResult[]): string {
  const lines = [
    '| file | messages | precision | recall | F1 | TP / FP / FN / TN | firing rate | msg/s |',
    '|---|---:|---:|---:|---:|---|---:|---:|',
  ];
  for (const r of results) {
    const counts = r.tp === undefined ? '–' : `${r.tp} / ${r.fp} / ${r.fn} / ${r.tn}`;
    lines.push(`| ${r.file} | ${r.messages} | ${fixed(r.precision)} | ${fixed(r.recall)} | ${fixed(r.f1)} | ${counts} | ${(r.firingRate * 100).toFixed(2)} % | ${r.messagesPerSecond.toLocaleString('en-US')} |`);
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
    results.push(evaluate(file, showMisses));
  }
  if (results.length === 0) {
    console.log('No input files: nothing measured.');
    return 1;
  }
  console.log(`\nDecision detector, threshold ${DECISION_THRESHOLD}, Node ${process.version}, one thread\n`);
  console.log(table(results));
  const outDir = join(root, 'bench/results');
  mkdirSync(outDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const outFile = join(outDir, `detect-${stamp}.json`);
  const report = { date: new Date().toISOString(), node: process.version, threshold: DECISION_THRESHOLD, results };
  writeFileSync(outFile, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nResults written to ${relative(process.cwd(), outFile)}`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
