/**
 * Shortening text to a platform's limit without breaking a character. JavaScript strings count
 * UTF-16 units, so `slice` can cut an emoji in half (a lone surrogate, shown as �) or split a
 * family emoji, a flag or a letter with its accent into pieces. We cut between graphemes, the
 * characters a person sees, and end with "…". The result's `length` stays within `max`, the unit
 * the Block Kit and Adaptive Card limits are checked in.
 */
const GRAPHEMES = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

const ELLIPSIS = '…';

/** `text` if it fits in `max` UTF-16 units, else its longest whole-grapheme start plus "…". */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const budget = max - ELLIPSIS.length;
  let end = 0;
  // Segmenting is lazy, so this walks only as far as the cut: linear in `max`, not in the text.
  for (const { index, segment } of GRAPHEMES.segment(text)) {
    if (index + segment.length > budget) break;
    end = index + segment.length;
  }
  return `${text.slice(0, end)}${ELLIPSIS}`;
}
