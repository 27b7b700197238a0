/**
 * Trains the decision detector's model (src/core/detection/model.ts): a logistic regression over
 * the rules' signals and hashed words, word pairs and triples (src/core/detection/features.ts),
 * on our own labelled messages, the tuning batches and chat without decisions (test/detection/negatives).
 * Writes src/core/detection/model-weights.json.
 *
 *   npm run train:detector            train on the training files, write the weights
 *   npm run train:detector -- --cv    leave-one-batch-out cross-validation, write nothing
 *       --all       also the other approaches (rules only, words only, signals only)
 *       --patterns  per pattern, for each left-out batch
 *       --misses    print each left-out batch's misses and chat-dev's false alarms
 *       --sweep     the pooled figures at thresholds from -1 to 1.5, for choosing THRESHOLD
 *       --only batch-10,batch-11   only those folds (quicker, for reading their misses)
 *
 * Deterministic: the input is sorted, the shuffling uses a fixed seed, and the weights are
 * rounded, so the same data gives the same file byte for byte. `--cv` leaves one batch out at a
 * time (training on our set and the other batches) and prints each left-out batch's score and the
 * pooled one: the estimate for messages the model has never seen.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Feature, type FeatureOptions, featuresOf } from '../src/core/detection/features.js';
import { readByRules } from '../src/core/detection/rules.js';
import { PROJECT_ROOT, SHARED_DATA } from '../bench/lib/paths.js';

interface Example {
  readonly source: string;
  readonly text: string;
  readonly label: boolean;
  readonly isThreadReply: boolean;
  readonly pattern?: string;
}

const OWN = 'test/detection/labelled-messages.jsonl';
/** The labelled batches of issue 18, each scored before it was tuned on (see their SCORES.md). */
const BATCHES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 16, 17, 18, 19, 20, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32].map(
  (n) => `test/detection/batches/batch-${n}.jsonl`,
);
/**
 * Chat that announces nothing, written blind like the batches: a team's everyday talk (thanks,
 * work in progress, requests, opinions, others' news, personal plans) and technical help
 * channels. Training negatives only, never a fold of their own: in cross-validation they are dealt
 * out over the folds.
 */
const NEGATIVE_NAMES = ['everyday-chat', 'help-channels-1', 'help-channels-2'];
/**
 * Routines described in the plain present and reminders of standing arrangements, by the writer of
 * the everyday chat: measured, never trained on. Worded like a new rule or a fixed plan ("Refunds
 * over £50 need a supervisor signature"), which the batches count as decisions; trained on, they
 * cost more recall than they saved in false prompts (test/detection/batches/SCORES.md, eighth round).
 */
const MEASURED_NEGATIVES = ['test/detection/negatives/routines.jsonl'];
// For cross-validation only, `TRAIN_NEGATIVES=help-channels-1,help-channels-2` (or empty) trains on fewer of them.
const trainedNegatives = process.argv.includes('--cv') ? (process.env.TRAIN_NEGATIVES?.split(',') ?? NEGATIVE_NAMES) : NEGATIVE_NAMES;
const NEGATIVES = trainedNegatives.filter((name) => name !== '').map((name) => `test/detection/negatives/${name}.jsonl`);
/** What the committed model is trained on: our own set, every batch and the chat without decisions. */
export const TRAINING_FILES = [OWN, ...BATCHES, ...NEGATIVES];
const WEIGHTS_FILE = 'src/core/detection/model-weights.json';
const CHAT_DEV = join(SHARED_DATA, 'chat-dev.jsonl');

const SEED = 18;
// For cross-validation only, a hyperparameter can be tried without editing this file:
// `TRAIN_L2U=0.03 npm run train:detector -- --cv --sweep`. The weights are always written with
// the values below, so the committed file is what they give.
const CV = process.argv.includes('--cv');
const knob = (name: string, chosen: number) =>
  CV && process.env[`TRAIN_${name}`] !== undefined ? Number(process.env[`TRAIN_${name}`]) : chosen;
// Chosen by leave-one-batch-out cross-validation (--cv --sweep, pooled over batches 1-8; the grid
// is in test/detection/batches/SCORES.md). Third round: with batches 6-8 added, an L2 that is the
// same for every feature in total (L2_UNIFORM, spread over its occurrences) besides the one per
// occurrence, and the weights of four shuffles averaged, gave the best recall at a chat-dev firing
// rate under 0.3 %: the per-occurrence L2 alone regularises frequent signals hard and a word seen
// twice hardly at all.
const EPOCHS = knob('EPOCHS', 30);
const LEARNING_RATE = knob('LR', 0.2);
/** L2 per occurrence of a feature. */
const L2 = knob('L2', 1e-3);
/** L2 per feature per epoch, spread over its occurrences (a feature seen n times gets L2_UNIFORM / n each time). */
const L2_UNIFORM = knob('L2U', 0.01);
/** Training runs with different shuffles whose weights are averaged. */
const RUNS = knob('RUNS', 4);
/** How much a wrong "decision" on a non-decision counts against a missed one. */
const NEGATIVE_WEIGHT = knob('NEG', 1);
/**
 * Subtracted from the model's sum before the sigmoid: above 0 trades recall for precision, below 0
 * the reverse. Fourth round: 0.125, since with the weak signs opening the gate (plain-signs.ts) the
 * model trained on everything fires on 0.30 % of chat-dev at 0, the issue's limit; at 0.125 on
 * 0.26 %, for 0.005 of pooled recall in cross-validation (test/detection/batches/SCORES.md).
 * Fifth round: 0.25, since with batches 13 and 14 added the model trained on everything fired on
 * 0.32 % of chat-dev at 0.125 (0.28 % at 0.25), for 0.002 of pooled recall.
 * Sixth round: 0.5, since with batches 16 and 18 added the model trained on everything fired on
 * 0.36 % of chat-dev at 0.25; with the rules' undoubted finding as one signal (features.ts) on
 * 0.32 % at 0.375 and 0.26 % at 0.5, for 0.014 of pooled recall (test/detection/batches/SCORES.md).
 * Eighth round: 0.4375, since with everyday and technical chat among the negatives and the wider
 * opening (features.ts) the folds fire on 0.25 % of chat-dev at 0.375 and 0.21 % at 0.5 (pooled
 * 0.969 / 0.919 and 0.972 / 0.912 over 22 batches left out), and the model trained on everything
 * on 0.30 % at 0.375, at the limit, and 0.22 % at 0.4375.
 * Ninth round: 0.5, since with batches 30-32 added, the wry face and the wider opening the model
 * trained on everything fires on 0.30 % of chat-dev at 0.4375, at the limit, and 0.26 % at 0.5; the
 * folds give pooled 0.967 / 0.924 at 0.4375 and 0.968 / 0.921 at 0.5 over 28 batches left out.
 */
const THRESHOLD = knob('THRESHOLD', 0.5);
/** Weights smaller than this are dropped from the file: they change no verdict. */
const PRUNE = 1e-3;

function readExamples(file: string): Example[] {
  return readFileSync(join(PROJECT_ROOT, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { text: string; label: string; pattern?: string; context?: { isThreadReply?: boolean } })
    .map((row) => ({
      source: file,
      text: row.text,
      label: row.label === 'decision',
      isThreadReply: row.context?.isThreadReply === true,
      ...(row.pattern === undefined ? {} : { pattern: row.pattern }),
    }))
    .sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : Number(a.label) - Number(b.label)));
}

/** mulberry32: a small seeded generator, so the shuffles are the same on every machine. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Vectorised {
  readonly features: readonly Feature[] | undefined; // undefined: settled by the rules, the model is not asked
  readonly ruleDecision: boolean;
  readonly label: boolean;
}

function vectorise(examples: readonly Example[], options: FeatureOptions): Vectorised[] {
  return examples.map((example) => {
    const reading = readByRules(example.text, example.isThreadReply);
    return {
      features: reading.settled ? undefined : featuresOf(reading, options),
      ruleDecision: reading.best.score >= 0.5,
      label: example.label,
    };
  });
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

type Weights = Map<string, number>;

/** Trains RUNS times with different shuffles and averages the weights (less variance than one run). */
function train(rows: readonly Vectorised[]): Weights {
  if (RUNS <= 1) return trainOnce(rows, SEED);
  const sum: Weights = new Map();
  for (let run = 0; run < RUNS; run += 1)
    for (const [key, weight] of trainOnce(rows, SEED + run)) sum.set(key, (sum.get(key) ?? 0) + weight / RUNS);
  return sum;
}

function trainOnce(rows: readonly Vectorised[], seed: number): Weights {
  const weights: Weights = new Map();
  const squares = new Map<string, number>();
  const usable = rows.filter((row) => row.features !== undefined);
  const counts = new Map<string, number>();
  for (const row of usable) for (const feature of row.features ?? []) counts.set(feature.key, (counts.get(feature.key) ?? 0) + 1);
  const order = usable.map((_, index) => index);
  const random = seeded(seed);
  for (let epoch = 0; epoch < EPOCHS; epoch += 1) {
    for (let i = order.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
    }
    for (const index of order) {
      const row = usable[index];
      if (!row?.features) continue;
      let z = 0;
      for (const feature of row.features) z += (weights.get(feature.key) ?? 0) * feature.value;
      const error = (sigmoid(z) - (row.label ? 1 : 0)) * (row.label ? 1 : NEGATIVE_WEIGHT);
      for (const feature of row.features) {
        const current = weights.get(feature.key) ?? 0;
        const l2 = L2 + L2_UNIFORM / (counts.get(feature.key) ?? 1);
        const gradient = error * feature.value + l2 * current;
        const square = (squares.get(feature.key) ?? 0) + gradient * gradient;
        squares.set(feature.key, square);
        weights.set(feature.key, current - (LEARNING_RATE * gradient) / Math.sqrt(square + 1e-8));
      }
    }
  }
  return weights;
}

/** The model's sum for a row before the threshold; undefined when the rules settle it. */
function sumOf(weights: Weights, row: Vectorised): number | undefined {
  if (!row.features) return undefined;
  let z = 0;
  for (const feature of row.features) z += (weights.get(feature.key) ?? 0) * feature.value;
  return z;
}

function predict(weights: Weights, row: Vectorised, threshold = THRESHOLD): boolean {
  const z = sumOf(weights, row);
  return z === undefined ? row.ruleDecision : z >= threshold;
}

/** Thresholds tried by `--cv --sweep`: the pooled figures at each, for choosing THRESHOLD. */
const SWEEP = Array.from({ length: 21 }, (_, i) => -1 + i * 0.125);

interface Score {
  precision: number;
  recall: number;
  firing: number;
}

function score(decisions: readonly boolean[], labels: readonly (boolean | undefined)[]): Score {
  let tp = 0,
    fp = 0,
    fn = 0,
    fired = 0;
  decisions.forEach((decision, index) => {
    const label = labels[index];
    if (decision) fired += 1;
    if (label === undefined) return;
    if (label && decision) tp += 1;
    else if (label) fn += 1;
    else if (decision) fp += 1;
  });
  return { precision: tp + fp === 0 ? 0 : tp / (tp + fp), recall: tp + fn === 0 ? 0 : tp / (tp + fn), firing: fired / decisions.length };
}

function chatDev(): Example[] | undefined {
  if (!existsSync(CHAT_DEV)) return undefined;
  return readFileSync(CHAT_DEV, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => ({ source: 'chat-dev', text: (JSON.parse(line) as { text: string }).text, label: false, isThreadReply: false }));
}

/** Cross-validation, leaving one batch out: train on our set + the other batches, measure on it. */
function compare(): void {
  const own = readExamples(OWN);
  // The chat without decisions is dealt out over the folds: each fold trains without its share
  // and measures the firing rate on it, so that figure too is for messages the model has not seen.
  // The routines (and any file TRAIN_NEGATIVES leaves out) are measured without being trained on.
  const negatives = [...new Set([...NEGATIVES, ...MEASURED_NEGATIVES])].map((file) => ({
    file,
    examples: readExamples(file),
    trained: NEGATIVES.includes(file),
  }));
  const batches = BATCHES.map((file) => ({ name: basename(file, '.jsonl'), examples: readExamples(file) }));
  const chat = chatDev();
  const showMisses = process.argv.includes('--misses');
  // `--only batch-10,batch-11`: only those folds (quicker, for reading misses; the pooled row then covers only them).
  const onlyAt = process.argv.indexOf('--only');
  const only = onlyAt >= 0 ? (process.argv[onlyAt + 1] ?? '').split(',') : undefined;
  const variants: ReadonlyArray<readonly [string, FeatureOptions | undefined]> = process.argv.includes('--all')
    ? [
        ['rules only', undefined],
        ['model: words only', { signals: false, words: true }],
        ['model: rule signals only', { signals: true, words: false }],
        ['model: rule signals + words', { signals: true, words: true }],
      ]
    : [['model: rule signals + words', { signals: true, words: true }]];
  console.log('| approach | measured on (left out) | precision | recall | TP / FP / FN | chat-dev firing rate |');
  console.log('|---|---|---:|---:|---|---:|');
  for (const [name, options] of variants) {
    const ownRows = vectorise(own, options ?? {});
    const negativeRows = negatives.map((negative) => vectorise(negative.examples, options ?? {}));
    const negativeFired = negatives.map(() => 0);
    const batchRows = batches.map((batch) => vectorise(batch.examples, options ?? {}));
    const chatRows = chat ? vectorise(chat, options ?? {}) : undefined;
    const pooled = { tp: 0, fp: 0, fn: 0 };
    let chatFired = 0;
    const swept = SWEEP.map(() => ({ tp: 0, fp: 0, fn: 0, chat: 0, recalls: [] as string[] }));
    // Per pattern, per left-out batch: messages fired on / messages.
    const byPattern = new Map<string, Map<string, { fired: number; messages: number }>>();
    batches.forEach((batch, left) => {
      if (only && !only.includes(batch.name)) return;
      const training = [
        ...ownRows,
        ...negativeRows.flatMap((rows, at) => (negatives[at]?.trained ? rows.filter((_, index) => index % batches.length !== left) : [])),
        ...batchRows.filter((_, index) => index !== left).flat(),
      ];
      const weights = options === undefined ? undefined : train(training);
      const decide = (row: Vectorised) => (weights ? predict(weights, row) : row.ruleDecision);
      const test = batchRows[left] ?? [];
      if (weights)
        SWEEP.forEach((threshold, at) => {
          const cell = swept[at];
          if (!cell) return;
          const mine = { tp: 0, fp: 0, fn: 0 };
          for (const row of test) {
            const decision = predict(weights, row, threshold);
            if (row.label && decision) mine.tp += 1;
            else if (row.label) mine.fn += 1;
            else if (decision) mine.fp += 1;
          }
          cell.tp += mine.tp;
          cell.fp += mine.fp;
          cell.fn += mine.fn;
          cell.recalls.push(`${(mine.tp / (mine.tp + mine.fp)).toFixed(2)}/${(mine.tp / (mine.tp + mine.fn)).toFixed(2)}`);
          for (const row of chatRows ?? []) if (predict(weights, row, threshold)) cell.chat += 1;
        });
      const counts = { tp: 0, fp: 0, fn: 0 };
      test.forEach((row, index) => {
        const decision = decide(row);
        if (row.label && decision) counts.tp += 1;
        else if (row.label) counts.fn += 1;
        else if (decision) counts.fp += 1;
        const example = batch.examples[index];
        const key = `${row.label ? 'decision' : 'not_decision'} ${example?.pattern ?? '?'}`;
        const cells = byPattern.get(key) ?? new Map<string, { fired: number; messages: number }>();
        const cell = cells.get(batch.name) ?? { fired: 0, messages: 0 };
        cell.messages += 1;
        if (decision) cell.fired += 1;
        cells.set(batch.name, cell);
        byPattern.set(key, cells);
        if (showMisses && decision !== row.label) {
          // Why: the gate kept the model out (only the rules spoke), or the model's sum.
          const z = weights ? sumOf(weights, row) : undefined;
          const why = z === undefined ? 'gate closed' : `z ${z.toFixed(2)}`;
          console.log(
            `  ${batch.name} ${row.label ? 'FN' : 'FP'} (${why}) ${JSON.stringify(batch.examples[index]?.text ?? '').slice(0, 150)}`,
          );
        }
      });
      pooled.tp += counts.tp;
      pooled.fp += counts.fp;
      pooled.fn += counts.fn;
      const fired = chatRows ? chatRows.filter(decide).length : 0;
      chatFired += fired;
      if (showMisses && chatRows)
        chatRows.forEach((row, index) => {
          if (decide(row)) console.log(`  ${batch.name} CHAT ${JSON.stringify(chat?.[index]?.text ?? '').slice(0, 150)}`);
        });
      negativeRows.forEach((rows, at) =>
        rows.forEach((row, index) => {
          if (index % batches.length !== left || !decide(row)) return;
          negativeFired[at] = (negativeFired[at] ?? 0) + 1;
          if (showMisses) console.log(`  NEGATIVE ${JSON.stringify(negatives[at]?.examples[index]?.text ?? '').slice(0, 150)}`);
        }),
      );
      const firing = chatRows ? `${((fired / chatRows.length) * 100).toFixed(2)} %` : 'no chat-dev data';
      console.log(
        `| ${name} | ${batch.name} | ${(counts.tp / (counts.tp + counts.fp)).toFixed(3)} | ${(counts.tp / (counts.tp + counts.fn)).toFixed(3)} | ${counts.tp} / ${counts.fp} / ${counts.fn} | ${firing} |`,
      );
    });
    const folds = only ? batches.filter((batch) => only.includes(batch.name)).length : batches.length;
    const firing = chatRows ? `${((chatFired / folds / chatRows.length) * 100).toFixed(2)} % (mean)` : 'no chat-dev data';
    negatives.forEach((negative, at) =>
      console.log(
        `${basename(negative.file)}${negative.trained ? ', each share left out with its fold' : ' (not trained on)'}: ${negativeFired[at]} of ${negative.examples.length} fired on.`,
      ),
    );
    console.log(
      `| **${name}** | **all ${folds}, pooled** | **${(pooled.tp / (pooled.tp + pooled.fp)).toFixed(3)}** | **${(pooled.tp / (pooled.tp + pooled.fn)).toFixed(3)}** | ${pooled.tp} / ${pooled.fp} / ${pooled.fn} | ${firing} |`,
    );
    if (process.argv.includes('--sweep') && options !== undefined) {
      console.log(`\nPooled, by threshold (${name}):\n`);
      console.log(
        `| threshold | precision | recall | TP / FP / FN | chat-dev firing rate (mean) | ${batches.map((batch) => batch.name).join(' | ')} |`,
      );
      console.log(`|---:|---:|---:|---|---:|${batches.map(() => '---:').join('|')}|`);
      SWEEP.forEach((threshold, at) => {
        const cell = swept[at] ?? { tp: 0, fp: 0, fn: 0, chat: 0, recalls: [] };
        const firing = chatRows ? `${((cell.chat / folds / chatRows.length) * 100).toFixed(2)} %` : '–';
        console.log(
          `| ${threshold} | ${(cell.tp / (cell.tp + cell.fp)).toFixed(3)} | ${(cell.tp / (cell.tp + cell.fn)).toFixed(3)} | ${cell.tp} / ${cell.fp} / ${cell.fn} | ${firing} | ${cell.recalls.join(' | ')} |`,
        );
      });
    }
    if (process.argv.includes('--patterns')) {
      console.log(`\nPer pattern, each batch left out (${name}; fired / messages):\n`);
      console.log(`| label | pattern | ${batches.map((batch) => batch.name).join(' | ')} | all |`);
      console.log(`|---|---|${batches.map(() => '---:').join('|')}|---:|`);
      for (const [key, cells] of [...byPattern.entries()].sort(([a], [b]) => a.localeCompare(b))) {
        const row = batches.map((batch) => cells.get(batch.name) ?? { fired: 0, messages: 0 });
        const all = row.reduce((sum, cell) => ({ fired: sum.fired + cell.fired, messages: sum.messages + cell.messages }), {
          fired: 0,
          messages: 0,
        });
        console.log(
          `| ${key.replace(' ', ' | ')} | ${row.map((cell) => `${cell.fired}/${cell.messages}`).join(' | ')} | ${all.fired}/${all.messages} |`,
        );
      }
    }
  }
}

const isWordKey = (key: string) => /^w\d+$/.test(key);

/** Word weights as {buckets, weights}, ascending by bucket. */
function wordColumns(words: readonly (readonly [string, number])[]): { buckets: number[]; weights: number[] } {
  const sorted = words.map(([key, weight]) => [Number(key.slice(1)), weight] as const).sort(([a], [b]) => a - b);
  return { buckets: sorted.map(([bucket]) => bucket), weights: sorted.map(([, weight]) => weight) };
}

/** Trains on TRAINING_FILES; returns the weights file's text and the fit on the training data. */
export function buildModel(): { text: string; examples: number; weights: number; fit: Score } {
  const examples = TRAINING_FILES.flatMap(readExamples);
  const rows = vectorise(examples, {});
  const weights = train(rows);
  const kept = [...weights.entries()]
    .filter(([, weight]) => Math.abs(weight) >= PRUNE)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, weight]) => [key, Math.round(weight * 10_000) / 10_000] as const);
  const model = {
    about:
      'Decision detector model: logistic regression over rule signals and hashed words, word pairs and triples. Written by `npm run train:detector`; do not edit.',
    trainedOn: TRAINING_FILES,
    examples: rows.filter((row) => row.features !== undefined).length,
    seed: SEED,
    epochs: EPOCHS,
    learningRate: LEARNING_RATE,
    l2: L2,
    l2Uniform: L2_UNIFORM,
    runs: RUNS,
    negativeWeight: NEGATIVE_WEIGHT,
    threshold: THRESHOLD,
    // Named signals by name; word buckets (keys "w<bucket>") as two parallel arrays, ascending by
    // bucket, which the bot turns straight into a compact table (word-weights.ts). As one object
    // of 44,000 keys the weights kept about 7 MB of the bot's heap for as long as it ran.
    signals: Object.fromEntries(kept.filter(([key]) => !isWordKey(key))),
    words: wordColumns(kept.filter(([key]) => isWordKey(key))),
  };
  const fit = score(
    rows.map((row) => predict(weights, row)),
    rows.map((row) => row.label),
  );
  return { text: `${JSON.stringify(model, null, 1)}\n`, examples: model.examples, weights: kept.length, fit };
}

/** The committed weights (the quality test checks they are what training gives). */
export const WEIGHTS_PATH = join(PROJECT_ROOT, WEIGHTS_FILE);

function writeModel(): void {
  const model = buildModel();
  writeFileSync(WEIGHTS_PATH, model.text);
  console.log(`Trained on ${TRAINING_FILES.join(', ')} (${model.examples} messages): ${model.weights} weights written to ${WEIGHTS_FILE}.`);
  console.log(
    `On the training data itself: precision ${model.fit.precision.toFixed(3)}, recall ${model.fit.recall.toFixed(3)} (not a measure of generalisation; see --cv).`,
  );
}

// Run only as a script (`npm run train:detector`), not when a test imports buildModel.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv.includes('--cv')) compare();
  else writeModel();
}
