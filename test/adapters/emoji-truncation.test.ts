/**
 * Long text is cut to the platforms' limits between the characters a person sees, never inside
 * one: no half emoji (a lone surrogate shows as �), no family emoji split into its members, no
 * flag split into two letters. Checked on what Slack and Teams receive.
 */
import { describe, expect, it } from 'vitest';
import { LIMITS as SLACK_LIMITS, toSlackMessage } from '../../src/adapters/slack/block-kit.js';
import { LIMITS as TEAMS_LIMITS, toTeamsMessage } from '../../src/adapters/teams/adaptive-cards.js';
import type { Message } from '../../src/core/messages.js';
import { truncate } from '../../src/core/truncate.js';

const FAMILY = '👨‍👩‍👧‍👦'; // four people joined by zero-width joiners: 11 UTF-16 units
const FLAG = '🇳🇴'; // two regional indicators: 4 units
const THUMBS = '👍🏽'; // emoji with a skin-tone modifier: 4 units
const ACCENT = 'e\u0301'; // e and a combining acute accent: 2 units

const graphemes = (text: string) => [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].map((s) => s.segment);

/** `cut` is `original` shortened to whole graphemes plus "…", within `max` UTF-16 units. */
function expectCleanCut(cut: string, original: string, max: number): void {
  expect(cut.length).toBeLessThanOrEqual(max);
  expect(cut, 'no lone surrogate').not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  expect(cut.endsWith('…')).toBe(true);
  const kept = graphemes(cut.slice(0, -1));
  expect(kept).toEqual(graphemes(original).slice(0, kept.length));
  // As much as fits: the next grapheme would not have.
  expect(kept.join('').length + graphemes(original)[kept.length]!.length + 1).toBeGreaterThan(max);
}

const message = (user: string): Message => ({ fallback: user, blocks: [{ kind: 'text', parts: [{ user }] }] });

describe('cutting long text by grapheme', () => {
  // Every offset of the limit meets each kind of cluster at each of its inner positions.
  const text = `ab${FAMILY}${FLAG}${THUMBS}${ACCENT}c${FAMILY}${FLAG}`.repeat(3);

  it('never splits a ZWJ family, a flag, a skin tone or an accent, whatever the limit', () => {
    for (let max = 2; max < text.length; max += 1) expectCleanCut(truncate(text, max), text, max);
    expect(truncate(text, text.length)).toBe(text);
  });

  it('finds the cut deep in a long text as a walk from the start would, flags paired right', () => {
    // Regional indicators pair from the start of a run, so a cut far from the start must still
    // see which of two indicators begins a flag; the offset by one ('x') shifts the pairs.
    for (const long of [FLAG.repeat(800), `x${FLAG.repeat(800)}`, `${ACCENT}${FAMILY}`.repeat(300)])
      for (let max = 2990; max < 3010; max += 1) expectCleanCut(truncate(long, max), long, max);
  });

  it('Slack: section text and the notification fallback are cut between whole emoji', () => {
    const long = `${FLAG}${FAMILY}`.repeat(400) + 'x'; // 6,001 units, cut at odd offsets
    const rendered = toSlackMessage(message(long));
    const section = (rendered.blocks[0] as { text: { text: string } }).text.text;
    expectCleanCut(section, long, SLACK_LIMITS.sectionText);
    expectCleanCut(rendered.text, long, SLACK_LIMITS.fallback);
  });

  it('Teams: the TextBlock and the notification summary are cut between whole emoji', () => {
    const long = `${THUMBS}${FAMILY}${FLAG}`.repeat(300);
    const rendered = toTeamsMessage(message(long));
    const block = rendered.card.body.find((element) => element.type === 'TextBlock') as { text: string };
    expectCleanCut(block.text, long, TEAMS_LIMITS.textBlock);
    expectCleanCut(rendered.text, long, TEAMS_LIMITS.fallback);
  });
});
