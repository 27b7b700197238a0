/**
 * The longest message the playground's channel takes: the core's limit for anything a person
 * writes (a decision, a statement), so a message the composer lets through is never refused later
 * for its length, after it was already in the channel. The page's composer gets its `maxlength`
 * and its hint from here and the API checks against it: one number, served, not repeated.
 */
import { MAX_TEXT_LENGTH } from '../../../core/domain/text.js';

export const MESSAGE_LIMIT = MAX_TEXT_LENGTH;

/** "3,000": the limit as the page and the refusal say it. */
export const MESSAGE_LIMIT_TEXT = MESSAGE_LIMIT.toLocaleString('en-GB');
