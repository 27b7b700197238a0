/**
 * The decision detector (src/core/detection), in this process, one thread: precision and recall
 * on labelled messages, how often it fires on ordinary chat, and messages per second. The same
 * figures as `npm run bench:detect` (bench/lib/detector.ts does the measuring for both), on the
 * project's own labelled set and the shared development data, which is read in place from
 * ../shared/data (see its PROVENANCE.md) and never copied into the repository.
 */
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { DECISION_THRESHOLD } from '../../src/core/detection/detect-decision.js';
import {
  BATCH_FILES,
  type FileResult,
  MIN_MEASURE_MS,
  NEGATIVE_FILES,
  OWN_LABELLED,
  SHARED_DATA,
  SHARED_FILES,
  evaluate,
} from '../lib/detector.js';
import type { SuiteResult, Table } from '../lib/results.js';
import { round } from '../lib/stats.js';
import type { Suite, SuiteContext } from './suite.js';

const DESCRIPTIONS: Record<string, string> = {
  'labelled-messages.jsonl': '`test/detection/labelled-messages.jsonl` (our own labelled set)',
  'batch-1.jsonl': '`test/detection/batches/batch-1.jsonl` (fresh batch, tuned on)',
  'batch-2.jsonl': '`test/detection/batches/batch-2.jsonl` (fresh batch, tuned on)',
  'batch-3.jsonl': '`test/detection/batches/batch-3.jsonl` (fresh batch, held out once, then tuned on)',
  'batch-4.jsonl': '`test/detection/batches/batch-4.jsonl` (fresh batch, scored before tuning, then tuned on)',
  'batch-5.jsonl': '`test/detection/batches/batch-5.jsonl` (fresh batch, scored before tuning, then tuned on)',
  'everyday-chat.jsonl': "`test/detection/negatives/everyday-chat.jsonl` (a team's everyday talk, no decisions; trained on)",
  'help-channels-1.jsonl': '`test/detection/negatives/help-channels-1.jsonl` (technical help chat, no decisions; trained on)',
  'help-channels-2.jsonl': '`test/detection/negatives/help-channels-2.jsonl` (technical help chat, no decisions; trained on)',
  'help-channels-3.jsonl': '`test/detection/negatives/help-channels-3.jsonl` (open-source IRC help chat, no decisions; not trained on)',
  'help-channels-4.jsonl': '`test/detection/negatives/help-channels-4.jsonl` (community Slack help chat, no decisions; not trained on)',
  'everyday-chat-2.jsonl':
    "`test/detection/negatives/everyday-chat-2.jsonl` (a second writer's everyday talk, no decisions; not trained on)",
  'routines.jsonl': '`test/detection/negatives/routines.jsonl` (routines and standing arrangements, no decisions; not trained on)',
  'decision-dev.jsonl': '`../shared/data/decision-dev.jsonl` (issue-tracker sentences, labelled)',
  'chat-dev.jsonl': '`../shared/data/chat-dev.jsonl` (ordinary chat, unlabelled)',
};

const missingData = (): string | undefined => {
  if (!existsSync(SHARED_DATA))
    return `the shared development data is not here (${SHARED_DATA}); npm run bench:detect measures our own set alone`;
  const absent = SHARED_FILES.filter((file) => !existsSync(file));
  return absent.length > 0 ? `missing in the shared data: ${absent.map((file) => basename(file)).join(', ')}` : undefined;
};

export const detector: Suite = {
  id: 'detector',
  title: 'Decision detector throughput and accuracy',
  unavailable: missingData,
  async run(context: SuiteContext): Promise<SuiteResult> {
    // A quick run measures throughput for a shorter while; precision and recall do not change.
    const minMeasureMs = context.quick ? 300 : MIN_MEASURE_MS;
    const results: FileResult[] = [];
    for (const file of [OWN_LABELLED, ...BATCH_FILES, ...NEGATIVE_FILES, ...SHARED_FILES]) {
      context.log(`detector: ${basename(file)}`);
      results.push(evaluate(file, { minMeasureMs }));
    }
    const fixed = (value: number | undefined) => (value === undefined ? '–' : round(value, 3));
    const table: Table = {
      title: `Decision detector (threshold ${DECISION_THRESHOLD}; one thread, in the benchmark's process)`,
      columns: ['data', 'messages', 'precision', 'recall', 'F1', 'TP / FP / FN / TN', 'firing rate', 'messages/s'],
      rows: results.map((r) => [
        DESCRIPTIONS[basename(r.file)] ?? r.file,
        r.messages,
        fixed(r.precision),
        fixed(r.recall),
        fixed(r.f1),
        r.tp === undefined ? '–' : `${r.tp} / ${r.fp} / ${r.fn} / ${r.tn}`,
        `${(r.firingRate * 100).toFixed(2)} %`,
        r.messagesPerSecond,
      ]),
      notes: [
        `Throughput: one warm-up pass, then whole passes over the file for at least ${minMeasureMs} ms (${results.map((r) => `${r.passes} passes`).join(', ')}), through tsx in the benchmark's own process.`,
        'On the issue-tracker data "decision" includes implementation notes ("I removed the html tags"), which are not team decisions, so its recall is low by design; on the chat data the firing rate is the share of ordinary messages that would get a prompt.',
      ],
    };
    return {
      suite: detector.id,
      title: detector.title,
      status: 'measured',
      tables: [table],
      data: { threshold: DECISION_THRESHOLD, minMeasureMs, results },
    };
  },
};
