/**
 * The decision detector's figures on JSONL files: precision and recall on labelled lines, the
 * firing rate on all of them, and throughput (messages per second in this one Node thread: a
 * warm-up, then repeated passes for at least `minMeasureMs`). Used by bench/detect.ts
 * (`npm run bench:detect`) and by the `detector` suite of `npm run bench`.
 *
 * Each line is {"text": "…"} with an optional "label" ("decision" | "not_decision", or a
 * boolean) and an optional context ({"context": {"isThreadReply": true}} or a top-level
 * "isThreadReply"). The shared development data (../shared/data, see its PROVENANCE.md) is read
 * in place, never copied into the repository.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type DetectionContext, detectDecision } from '../../src/core/detection/detect-decision.js';
import { PROJECT_ROOT, SHARED_DATA } from './paths.js';

export { SHARED_DATA };

interface Row {
  readonly text: string;
  readonly label?: boolean;
  readonly pattern?: string;
  readonly context: DetectionContext;
}

/** Per labelled pattern: how many messages, and on how many the detector fired. */
export interface PatternResult {
  readonly pattern: string;
  readonly label: 'decision' | 'not_decision';
  readonly messages: number;
  readonly fired: number;
}

export interface FileResult {
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
  /** Messages per second of this thread's CPU time: steadier than the wall clock on a busy machine. */
  readonly messagesPerCpuSecond: number;
  readonly passes: number;
  /** Labelled lines with a "pattern" field, grouped by label and pattern. */
  readonly patterns?: readonly PatternResult[];
}

/** The project's own labelled set (in the repository). */
export const OWN_LABELLED = join(PROJECT_ROOT, 'test/detection/labelled-messages.jsonl');
export const SHARED_FILES = [join(SHARED_DATA, 'decision-dev.jsonl'), join(SHARED_DATA, 'chat-dev.jsonl')];
/** Labelled batches written by helpers who never saw the rules (issue 18); see their SCORES.md. */
export const BATCH_DIR = join(PROJECT_ROOT, 'test/detection/batches');
export const BATCH_FILES = [
  1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37,
  38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56,
].map((n) => join(BATCH_DIR, `batch-${n}.jsonl`));
/**
 * Chat that announces nothing, written blind like the batches (test/detection/negatives): a team's
 * everyday talk and two writers' technical help channels, which the model is trained on (so these
 * are regression figures; chat-dev's is the measure), and routines and standing arrangements, a
 * second writer's everyday chat (held out of the eighth round, measured once after it) and two more
 * writers' help channels (written for the thirteenth round, whose model was not kept), which it is
 * not. Every message is a non-decision: the firing rate on each is a false-prompt rate.
 */
export const NEGATIVE_FILES = [
  'everyday-chat',
  'help-channels-1',
  'help-channels-2',
  'help-channels-3',
  'help-channels-4',
  'routines',
  'everyday-chat-2',
].map((name) => join(PROJECT_ROOT, `test/detection/negatives/${name}.jsonl`));
/** Each batch's score measured before it was used for tuning. */
export const SCORES_BEFORE = join(BATCH_DIR, 'scores-before.json');
export const DEFAULT_FILES = [OWN_LABELLED, ...BATCH_FILES, ...NEGATIVE_FILES, ...SHARED_FILES];
export const MIN_MEASURE_MS = 1000;
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
      const pattern = typeof record.pattern === 'string' ? record.pattern : undefined;
      rows.push({
        text: record.text,
        context: { isThreadReply },
        ...(label === undefined ? {} : { label }),
        ...(pattern === undefined || label === undefined ? {} : { pattern }),
      });
    } catch {
      skipped += 1;
    }
  }
  return { rows, skipped };
}

/**
 * The first file measured in a process warms the detector up for this long, the others for one
 * pass. Until V8 has optimised the detector's functions a message costs more: without it the
 * first file measured was the slowest whatever it was (2026-12-07: batch-35 11,800 msg/CPU-s first,
 * 19,300 third; batch-41 15,700 first, 27,600 third).
 */
const FIRST_WARM_UP_MS = 1500;
let warmedUp = false;

function throughput(rows: readonly Row[], minMeasureMs: number): { perSecond: number; perCpuSecond: number; passes: number } {
  let sink = 0;
  const warmUpStarted = process.hrtime.bigint();
  do {
    for (const row of rows) sink += detectDecision(row.text, row.context).score;
  } while (!warmedUp && Number(process.hrtime.bigint() - warmUpStarted) / 1e6 < FIRST_WARM_UP_MS);
  warmedUp = true;
  let passes = 0;
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  let elapsedMs = 0;
  while (passes < MIN_PASSES || elapsedMs < minMeasureMs) {
    for (const row of rows) sink += detectDecision(row.text, row.context).score;
    passes += 1;
    elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  }
  const used = process.cpuUsage(cpu);
  if (Number.isNaN(sink)) throw new Error('unreachable: keeps the work observable');
  const cpuSeconds = (used.user + used.system) / 1e6;
  return { perSecond: (rows.length * passes) / (elapsedMs / 1000), perCpuSecond: (rows.length * passes) / cpuSeconds, passes };
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

export function evaluate(path: string, options: { showMisses?: boolean; minMeasureMs?: number } = {}): FileResult {
  const showMisses = options.showMisses ?? false;
  const { rows, skipped } = readRows(path);
  let tp = 0,
    fp = 0,
    fn = 0,
    tn = 0,
    flagged = 0,
    labelled = 0;
  const patterns = new Map<string, { pattern: string; label: 'decision' | 'not_decision'; messages: number; fired: number }>();
  for (const row of rows) {
    const detection = detectDecision(row.text, row.context);
    if (detection.decision) flagged += 1;
    if (row.pattern !== undefined && row.label !== undefined) {
      const label = row.label ? 'decision' : 'not_decision';
      const key = `${label} ${row.pattern}`;
      const entry = patterns.get(key) ?? { pattern: row.pattern, label, messages: 0, fired: 0 };
      entry.messages += 1;
      if (detection.decision) entry.fired += 1;
      patterns.set(key, entry);
    }
    if (row.label === undefined) {
      if (showMisses && detection.decision)
        console.log(`  fired ${detection.score}: ${JSON.stringify(row.text).slice(0, 160)} — ${detection.reasons.join('; ')}`);
      continue;
    }
    labelled += 1;
    if (row.label && detection.decision) tp += 1;
    else if (!row.label && !detection.decision) tn += 1;
    else if (row.label) fn += 1;
    else fp += 1;
    if (showMisses && row.label !== detection.decision) {
      console.log(
        `  ${row.label ? 'FN' : 'FP'} ${detection.score}: ${JSON.stringify(row.text).slice(0, 160)} — ${detection.reasons.join('; ')}`,
      );
    }
  }
  const speed = rows.length > 0 ? throughput(rows, options.minMeasureMs ?? MIN_MEASURE_MS) : { perSecond: 0, perCpuSecond: 0, passes: 0 };
  const base = {
    file: relative(process.cwd(), path) || path,
    messages: rows.length,
    skippedLines: skipped,
    labelled,
    flagged,
    firingRate: ratio(flagged, rows.length),
    messagesPerSecond: Math.round(speed.perSecond),
    messagesPerCpuSecond: Math.round(speed.perCpuSecond),
    passes: speed.passes,
  };
  if (labelled === 0) return base;
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  const byPattern = [...patterns.values()].sort((a, b) => a.label.localeCompare(b.label) || a.pattern.localeCompare(b.pattern));
  return {
    ...base,
    tp,
    fp,
    fn,
    tn,
    precision,
    recall,
    f1: ratio(2 * precision * recall, precision + recall),
    ...(byPattern.length > 0 ? { patterns: byPattern } : {}),
  };
}
