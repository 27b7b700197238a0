/**
 * The one command grammar for both platforms. Slack's `/requirement add …` and Teams'
 * `requirement add …` both reach `parseCommand('requirement add …')`. The parser checks shape
 * (which subcommand, which options, required arguments); the use cases check values. Each family
 * of subcommands has its own file: requirement-grammar.ts, knowledge-grammar.ts, focus-grammar.ts.
 */
import { DomainError, type Result, ok } from '../errors.js';
import type { Command } from './command.js';
import { FOCUS_SUBCOMMANDS, parseFocus } from './focus-grammar.js';
import { parseKnowledge } from './knowledge-grammar.js';
import { FEEDBACK_KEYS } from './option-keys.js';
import { splitOptions } from './options.js';
import { parseRequirement } from './requirement-grammar.js';
import { type Token, firstWord, tokenText, tokenize } from './tokenize.js';
import { USAGE } from './usage.js';

export type { Command } from './command.js';
export type { KnowledgeField } from './option-keys.js';

// The use cases' input types live in the domain; the grammar fills them and re-exports them.
export type { FeedbackField, Fields, ListField, RequirementField } from '../domain/input-fields.js';

const FAMILY_ALIASES: Record<string, Command['family']> = {
  requirement: 'requirement',
  requirements: 'requirement',
  req: 'requirement',
  feedback: 'feedback',
  'customer-feedback': 'feedback',
  knowledge: 'knowledge',
  'customer-knowledge': 'knowledge',
  check: 'check',
  'customer-check': 'check',
  'customer-focus': 'focus',
};

function parseFeedback(tokens: Token[]): Command {
  const sub = firstWord(tokens);
  if (tokens.length === 0 || sub === 'help') {
    return sub === 'help' ? { family: 'feedback', action: 'help' } : { family: 'feedback', action: 'record', fields: {} };
  }
  const rest = sub === 'add' || sub === 'record' ? tokens.slice(1) : tokens;
  const { text, fields } = splitOptions(rest, FEEDBACK_KEYS, 'feedback');
  return { family: 'feedback', action: 'record', ...(text ? { summary: text } : {}), fields };
}

function parseCheck(tokens: Token[]): Command {
  const text = tokens.map(tokenText).join(' ');
  return { family: 'check', action: 'start', ...(text ? { text } : {}) };
}

/**
 * The longest command read. The longest a person can usefully type is a 3,000-character statement
 * (MAX_TEXT_LENGTH) with its options, and 4,000 characters is also Slack's own limit for a message
 * typed in its composer (which the playground copies). Teams accepts about 28 KB in one message:
 * anything longer than this is refused before it is parsed, not read.
 */
export const MAX_COMMAND_LENGTH = 4000;

function refuseOversized(text: string): DomainError | undefined {
  if (text.length <= MAX_COMMAND_LENGTH) return undefined;
  const head = /^\s*(\S{1,40})/.exec(text)?.[1]?.toLowerCase() ?? '';
  // A long message to the bot that is not a command is plain talk, as any other (Teams asks about decisions in it).
  if (!Object.hasOwn(FAMILY_ALIASES, head) && !FOCUS_SUBCOMMANDS.has(head)) {
    return new DomainError('command.unknown', `"${head.slice(0, 20)}" is not a command I know.\n\n${USAGE.focus}`);
  }
  return new DomainError(
    'input.too_long',
    `That command is ${text.length.toLocaleString('en-US')} characters long; I read commands of up to ${MAX_COMMAND_LENGTH.toLocaleString('en-US')} ` +
      '(a statement may have up to 3,000 characters, plus its options). Nothing was saved. Please shorten it.',
  );
}

/**
 * Tokens of a command line. An unclosed quote is refused only when the line is a command at all:
 * text addressed to the bot that is no command (a decision with a stray quote) stays "not a
 * command", so it can still be asked about.
 */
function tokenizeCommand(text: string): Token[] {
  try {
    return tokenize(text);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const withoutQuotes = parseCommand(text.replace(/["'\u2018\u2019\u201a\u201c\u201d\u201e\u00ab\u00bb]/g, ' '));
    if (!withoutQuotes.ok && withoutQuotes.error.code === 'command.unknown') throw withoutQuotes.error;
    throw error;
  }
}

export function parseCommand(input: string): Result<Command> {
  try {
    const text = input.replace(/^\s*\//, '');
    const oversized = refuseOversized(text);
    if (oversized) return { ok: false, error: oversized };
    const tokens = tokenizeCommand(text);
    const head = firstWord(tokens);
    const family = head === undefined ? undefined : FAMILY_ALIASES[head];
    const rest = tokens.slice(1);
    const command = ((): Command => {
      switch (family) {
        case 'requirement':
          return parseRequirement(rest);
        case 'feedback':
          return parseFeedback(rest);
        case 'knowledge':
          return parseKnowledge(rest);
        case 'check':
          return parseCheck(rest);
        case 'focus':
          return parseFocus(rest);
        default:
          if (head === undefined) return { family: 'focus', action: 'help' };
          return parseFocus(tokens);
      }
    })();
    return ok(command);
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, error };
    throw error;
  }
}
