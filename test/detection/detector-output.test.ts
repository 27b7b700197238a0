/**
 * The decision detector's output, pinned: for every message of our own labelled set and of the
 * labelled batches, `decision`, `score` and `reasons` must equal the snapshot taken before the
 * detector was made faster (issue 18's throughput target). A speed-up must not change a single
 * verdict or reason; a deliberate change to the rules or the model regenerates the snapshot with
 * `UPDATE_DETECTOR_SNAPSHOT=1 npx vitest run test/detection/detector-output.test.ts` (say why in
 * the commit). Keys and reasons are hashed to keep the file small.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectDecision } from '../../src/core/detection/detect-decision.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const FILES = [
  './labelled-messages.jsonl',
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 16, 17, 18, 19, 20, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32].map(
    (n) => `./batches/batch-${n}.jsonl`,
  ),
];
const SNAPSHOT = here('./detector-output.snapshot.json');

const hash = (text: string) => createHash('sha1').update(text).digest('hex').slice(0, 16);

/** One entry per message and reading (as written, and as a thread reply): "decision|score|reasons hash". */
function outputs(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const file of FILES)
    for (const line of readFileSync(here(file), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const { text } = JSON.parse(line) as { text: string };
      for (const isThreadReply of [false, true]) {
        const detection = detectDecision(text, { isThreadReply });
        out[hash(`${isThreadReply ? 'reply' : 'top'}\n${text}`)] =
          `${detection.decision}|${detection.score}|${hash(JSON.stringify(detection.reasons))}`;
      }
    }
  return out;
}

describe('the detector output', () => {
  it('is unchanged on our own set and the twenty-eight tuning batches', () => {
    const now = outputs();
    if (process.env.UPDATE_DETECTOR_SNAPSHOT === '1' || !existsSync(SNAPSHOT)) writeFileSync(SNAPSHOT, `${JSON.stringify(now, null, 2)}\n`);
    const pinned = JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as Record<string, string>;
    expect(Object.keys(now).length).toBeGreaterThan(4000);
    expect(now).toEqual(pinned);
  });
});
