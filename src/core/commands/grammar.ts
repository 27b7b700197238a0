/**
 * The one command grammar for both platforms. Slack's `/requirement add …` and Teams'
 * `requirement add …` both reach `parseCommand('requirement add …')`. The parser checks shape
 * (which subcommand, which options, required arguments); the use cases check values.
 */
import { DomainError, type Result, ok } from '../errors.js';
import type { FeedbackField, Fields, ListField, RequirementField } from '../domain/input-fields.js';
import { ADD_KEYS, FEEDBACK_KEYS, KNOWLEDGE_KEYS, type KnowledgeField, LIST_KEYS, REQUIREMENT_KEYS, SETTINGS_KEYS } from './option-keys.js';
import { splitOptions, usageError } from './options.js';
import { USAGE } from './usage.js';
import { type Token, tokenize } from './tokenize.js';

export type { KnowledgeField } from './option-keys.js';

// The use cases' input types live in the domain; the grammar fills them and re-exports them.
export type { FeedbackField, Fields, ListField, RequirementField } from '../domain/input-fields.js';

export type Command =
  | {
      family: 'requirement';
      action: 'add';
      statement?: string;
      fields: Fields<RequirementField>;
      /** `duplicate:ok`: the person confirmed a second record of a requirement that is already there. */
      allowDuplicate?: boolean;
    }
  | { family: 'requirement'; action: 'list'; filter: Fields<ListField> }
  | { family: 'requirement'; action: 'show'; id: string }
  | { family: 'requirement'; action: 'edit'; id: string; fields: Fields<RequirementField> }
  | { family: 'requirement'; action: 'review'; id: string; outcome?: string; note?: string }
  | { family: 'requirement'; action: 'reassign'; id?: string; from?: string; to: string }
  | { family: 'requirement'; action: 'retire'; id: string; note?: string }
  | { family: 'requirement'; action: 'help' }
  | { family: 'feedback'; action: 'record'; summary?: string; fields: Fields<FeedbackField> }
  | { family: 'feedback'; action: 'help' }
  | { family: 'knowledge'; action: 'add'; title?: string; fields: Fields<KnowledgeField> }
  | { family: 'knowledge'; action: 'list'; kind?: string }
  | { family: 'knowledge'; action: 'show'; id: string }
  | { family: 'knowledge'; action: 'help' }
  | { family: 'knowledge'; action: 'review-every'; kind: string; period: string }
  | { family: 'check'; action: 'start'; text?: string }
  | { family: 'focus'; action: 'settings'; changes: Fields<'timezone' | 'digest' | 'detection' | 'cap' | 'quiet' | 'retention'> }
  | { family: 'focus'; action: 'digest'; mode: 'here' | 'preview' | 'send' }
  | { family: 'focus'; action: 'role'; person: string; role: string }
  | { family: 'focus'; action: 'roles' }
  | { family: 'focus'; action: 'responsible'; area?: string; person?: string }
  | { family: 'focus'; action: 'detection'; mode: string }
  | { family: 'focus'; action: 'status' }
  | { family: 'focus'; action: 'dashboard' }
  | { family: 'focus'; action: 'verify'; full: boolean }
  | { family: 'focus'; action: 'export'; period: string }
  | { family: 'focus'; action: 'revoke-link'; linkId: string }
  | { family: 'focus'; action: 'help' };

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

const firstWord = (tokens: Token[]): string | undefined => {
  const first = tokens[0];
  return first?.kind === 'word' && !first.quoted ? first.text.toLowerCase() : undefined;
};

function parseRequirement(tokens: Token[]): Command {
  if (tokens.length === 0) return { family: 'requirement', action: 'help' };
  const sub = firstWord(tokens);
  const rest = tokens.slice(1);
  const idArgument = (verb: string): { id: string; after: Token[] } => {
    const first = rest[0];
    if (first?.kind !== 'word') {
      throw usageError(`Say which requirement to ${verb}, e.g. "{requirement} ${verb} REQ-1".`, 'requirement');
    }
    return { id: first.text, after: rest.slice(1) };
  };
  switch (sub) {
    case 'help':
      return { family: 'requirement', action: 'help' };
    case 'add':
    case 'new': {
      const { text, fields: given } = splitOptions(rest, ADD_KEYS, 'requirement');
      const { duplicate, ...fields } = given;
      if (duplicate !== undefined && duplicate.toLowerCase() !== 'ok') {
        throw usageError(
          `"duplicate:${duplicate}" is not something I understand. Write duplicate:ok to record a requirement that is already there a second time.`,
          'requirement',
        );
      }
      const statement = text || fields.statement;
      return {
        family: 'requirement',
        action: 'add',
        ...(statement ? { statement } : {}),
        fields,
        ...(duplicate !== undefined ? { allowDuplicate: true } : {}),
      };
    }
    case 'list':
    case 'ls': {
      const { text, fields } = splitOptions(rest, LIST_KEYS, 'requirement');
      if (text.toLowerCase() === 'due') fields.due = 'yes';
      else if (text) fields.status ??= text;
      return { family: 'requirement', action: 'list', filter: fields };
    }
    case 'show':
    case 'view':
      return { family: 'requirement', action: 'show', id: idArgument('show').id };
    case 'edit':
    case 'update': {
      const { id, after } = idArgument('edit');
      const { text, fields } = splitOptions(after, REQUIREMENT_KEYS, 'requirement');
      if (text) fields.statement ??= text;
      if (Object.keys(fields).length === 0) {
        throw usageError(`Say what to change, e.g. "{requirement} edit ${id} owner:@someone".`, 'requirement');
      }
      return { family: 'requirement', action: 'edit', id, fields };
    }
    case 'review': {
      const { id, after } = idArgument('review');
      const outcome = after[0]?.kind === 'word' ? after[0].text : undefined;
      const note = after
        .slice(1)
        .map((token) => (token.kind === 'word' ? token.text : token.raw))
        .join(' ');
      return { family: 'requirement', action: 'review', id, ...(outcome ? { outcome } : {}), ...(note ? { note } : {}) };
    }
    case 'retire': {
      const { id, after } = idArgument('retire');
      const note = after.map((token) => (token.kind === 'word' ? token.text : token.raw)).join(' ');
      return { family: 'requirement', action: 'retire', id, ...(note ? { note } : {}) };
    }
    case 'reassign': {
      const words = rest.filter((token) => token.kind === 'word').map((token) => token.text);
      const filtered = words.filter((word) => !['to', 'from'].includes(word.toLowerCase()));
      if (filtered.length !== 2) {
        throw usageError(
          'Say what to reassign and to whom: "{requirement} reassign REQ-1 @new-owner", or every requirement of one owner: "{requirement} reassign @old-owner @new-owner".',
          'requirement',
        );
      }
      const [first, to] = filtered as [string, string];
      return /^(req-?)?\d+$/i.test(first)
        ? { family: 'requirement', action: 'reassign', id: first, to }
        : { family: 'requirement', action: 'reassign', from: first, to };
    }
    default:
      break;
  }
  throw usageError(`"{requirement} ${sub ?? ''}" is not a command I know.`, 'requirement');
}

function parseFeedback(tokens: Token[]): Command {
  const sub = firstWord(tokens);
  if (tokens.length === 0 || sub === 'help') {
    return sub === 'help' ? { family: 'feedback', action: 'help' } : { family: 'feedback', action: 'record', fields: {} };
  }
  const rest = sub === 'add' || sub === 'record' ? tokens.slice(1) : tokens;
  const { text, fields } = splitOptions(rest, FEEDBACK_KEYS, 'feedback');
  return { family: 'feedback', action: 'record', ...(text ? { summary: text } : {}), fields };
}

function parseKnowledge(tokens: Token[]): Command {
  if (tokens.length === 0) return { family: 'knowledge', action: 'help' };
  const sub = firstWord(tokens);
  const rest = tokens.slice(1);
  switch (sub) {
    case 'help':
      return { family: 'knowledge', action: 'help' };
    case 'add':
    case 'new':
    case 'record': {
      const { text, fields } = splitOptions(rest, KNOWLEDGE_KEYS, 'knowledge');
      const title = text || fields.title;
      return { family: 'knowledge', action: 'add', ...(title ? { title } : {}), fields };
    }
    case 'list':
    case 'ls': {
      const { text, fields } = splitOptions(rest, { kind: 'kind', type: 'kind' } as Record<string, 'kind'>, 'knowledge');
      const kind = fields.kind ?? (text || undefined);
      return { family: 'knowledge', action: 'list', ...(kind ? { kind } : {}) };
    }
    case 'show':
    case 'view': {
      const first = rest[0];
      if (first?.kind !== 'word' || rest.length > 1) {
        throw usageError('Say which record to show, e.g. "{knowledge} show K-3".', 'knowledge');
      }
      return { family: 'knowledge', action: 'show', id: first.text };
    }
    case 'review-every':
    case 'review': {
      const words = rest.map((token) => (token.kind === 'word' ? token.text : token.raw));
      if (words.length !== 2) {
        throw usageError('Say which kind and how often, e.g. "{knowledge} review-every market-research 6m".', 'knowledge');
      }
      const [kind, period] = words as [string, string];
      return { family: 'knowledge', action: 'review-every', kind, period };
    }
    default:
      throw usageError(`"{knowledge} ${sub ?? ''}" is not a command I know.`, 'knowledge');
  }
}

function parseCheck(tokens: Token[]): Command {
  const text = tokens.map((token) => (token.kind === 'word' ? token.text : token.raw)).join(' ');
  return { family: 'check', action: 'start', ...(text ? { text } : {}) };
}

function parseFocus(tokens: Token[]): Command {
  const sub = firstWord(tokens);
  const rest = tokens.slice(1);
  const restWords = rest.filter((token) => token.kind === 'word').map((token) => token.text);
  switch (sub) {
    case undefined:
    case 'help':
      return { family: 'focus', action: 'help' };
    case 'status':
      return { family: 'focus', action: 'status' };
    case 'dashboard':
      if (restWords.length > 0) throw usageError('Say just "{focus}dashboard" for a private link to the dashboard.', 'focus');
      return { family: 'focus', action: 'dashboard' };
    case 'roles':
      return { family: 'focus', action: 'roles' };
    case 'responsible':
    case 'responsibility':
    case 'responsibilities': {
      // `responsible` lists them; `responsible category:delivery @dana`, `responsible obligatory @dana`.
      const { text, fields } = splitOptions(rest, { category: 'area', cat: 'area' } as Record<string, 'area'>, 'focus');
      const words = text.split(/\s+/).filter(Boolean);
      const area = fields.area ?? (words.length === 2 ? words[0] : undefined);
      const person = words.at(-1);
      if (words.length === 0 && !fields.area) return { family: 'focus', action: 'responsible' };
      if (!area || !person || words.length !== (fields.area ? 1 : 2)) {
        throw usageError(
          'Say which area and who, e.g. "{focus}responsible category:delivery @dana", "{focus}responsible obligatory @dana" or "{focus}responsible future @dana"; "{focus}responsible category:delivery none" leaves an area with nobody.',
          'focus',
        );
      }
      return { family: 'focus', action: 'responsible', area, person };
    }
    case 'settings': {
      const { fields } = splitOptions(rest, SETTINGS_KEYS, 'focus');
      return { family: 'focus', action: 'settings', changes: fields };
    }
    case 'digest': {
      const mode = restWords[0]?.toLowerCase();
      if (mode === 'here' || mode === 'preview' || mode === 'send') return { family: 'focus', action: 'digest', mode };
      throw usageError('Say "{focus}digest here", "{focus}digest preview" or "{focus}digest send".', 'focus');
    }
    case 'role': {
      if (restWords.length !== 2) {
        throw usageError('Say whose role to set and which role, e.g. "{focus}role @dana manager".', 'focus');
      }
      const [person, role] = restWords as [string, string];
      return { family: 'focus', action: 'role', person, role };
    }
    case 'verify': {
      const mode = restWords[0]?.toLowerCase();
      if (mode === undefined || mode === 'quick') return { family: 'focus', action: 'verify', full: false };
      if (mode === 'full' || mode === 'all' || mode === '--full') return { family: 'focus', action: 'verify', full: true };
      throw usageError(
        'Say "{focus}verify" (the seal chain and the newest entries) or "{focus}verify full" (every entry, slower).',
        'focus',
      );
    }
    case 'export': {
      const period = rest
        .map((token) => (token.kind === 'word' ? token.text : token.raw))
        .join(' ')
        .trim();
      if (!period) {
        throw usageError(
          'Say which period to export, e.g. "{focus}export 2026-Q1", "{focus}export last-quarter" or "{focus}export 2026-01-01..2026-03-31".',
          'focus',
        );
      }
      return { family: 'focus', action: 'export', period };
    }
    case 'revoke-link':
    case 'revoke': {
      if (restWords.length !== 1)
        throw usageError(
          'Say which link to revoke: "{focus}revoke-link <link id>", with the id from the message that gave the link.',
          'focus',
        );
      return { family: 'focus', action: 'revoke-link', linkId: restWords[0] as string };
    }
    case 'detection': {
      const mode = restWords[0];
      if (!mode) throw usageError('Say "{focus}detection auto", "{focus}detection mention-only" or "{focus}detection off".', 'focus');
      return { family: 'focus', action: 'detection', mode };
    }
    default:
      // Its own code, so chat adapters can tell "not a command" (plain talk) from a mistyped one.
      throw new DomainError('command.unknown', `"${sub}" is not a command I know.\n\n${USAGE.focus}`);
  }
}

/**
 * The longest command read. The longest a person can usefully type is a 3,000-character statement
 * (MAX_TEXT_LENGTH) with its options, and 4,000 characters is also Slack's own limit for a message
 * typed in its composer (which the playground copies). Teams accepts about 28 KB in one message:
 * anything longer than this is refused before it is parsed, not read.
 */
export const MAX_COMMAND_LENGTH = 4000;

/** The `customer-focus` subcommands, so an oversized line can be told from plain talk without parsing it. */
const FOCUS_SUBCOMMANDS = new Set([
  'help',
  'status',
  'dashboard',
  'roles',
  'settings',
  'digest',
  'role',
  'verify',
  'export',
  'revoke-link',
  'revoke',
  'detection',
]);

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
