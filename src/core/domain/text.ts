import { DomainError } from '../errors.js';

/** Longest statement, explanation or quote we accept; Slack's section text limit is 3,000 too. */
export const MAX_TEXT_LENGTH = 3000;
/** Longest short field: a customer name, a reference, an owner label. */
export const MAX_SHORT_TEXT_LENGTH = 200;

// C0 controls other than tab and newline, DEL and the C1 block: they are invisible in chat,
// break CSV exports and terminals, and no person types them on purpose.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

export interface TextRule {
  /** The field's name as the user knows it, e.g. "statement". */
  readonly field: string;
  readonly max?: number;
  /** Allow line breaks (explanations, quotes); single-line fields reject them. */
  readonly multiline?: boolean;
}

/**
 * Cleans and checks user text: trims, normalises line endings and Unicode (NFC), and rejects
 * empty, oversized or control-character input with a message that names the field.
 */
export function cleanText(raw: string, rule: TextRule): string {
  const max = rule.max ?? MAX_TEXT_LENGTH;
  const text = raw.replace(/\r\n?/g, '\n').normalize('NFC').trim();
  if (text.length === 0) {
    throw new DomainError('input.invalid', `The ${rule.field} is empty. Please write a few words.`, rule.field);
  }
  if (text.length > max) {
    throw new DomainError(
      'input.too_long',
      `The ${rule.field} is ${text.length} characters long; the limit is ${max}. Please shorten it.`,
      rule.field,
    );
  }
  if (CONTROL_CHARACTERS.test(text) || (!rule.multiline && text.includes('\n'))) {
    const what = CONTROL_CHARACTERS.test(text) ? 'invisible control characters' : 'line breaks';
    throw new DomainError(
      'input.invalid',
      `The ${rule.field} contains ${what}. Please retype it as plain text${rule.multiline ? '' : ' on one line'}.`,
      rule.field,
    );
  }
  return text;
}

/** Like {@link cleanText} but an absent or blank value gives `undefined` instead of an error. */
export function cleanOptionalText(raw: string | undefined, rule: TextRule): string | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  return cleanText(raw, rule);
}

/** Checks that `value` is one of `allowed`, case-insensitively, and names the allowed values if not. */
export function oneOf<T extends string>(raw: string, allowed: readonly T[], field: string): T {
  // "at risk", "at-risk" and "AT_RISK" all mean at_risk; "mention only" means mention-only.
  const normalise = (text: string) =>
    text
      .trim()
      .toLowerCase()
      .replace(/[\s_-]+/g, '_');
  const value = normalise(raw);
  const match = allowed.find((candidate) => normalise(candidate) === value);
  if (!match) {
    throw new DomainError('input.invalid', `"${raw.trim()}" is not a valid ${field}. Use one of: ${allowed.join(', ')}.`, field);
  }
  return match;
}
