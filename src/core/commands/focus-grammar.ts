/** `customer-focus …`: the bot's own settings, roles, digest, verification, export and links. */
import { DomainError } from '../errors.js';
import type { Command } from './command.js';
import { SETTINGS_KEYS } from './option-keys.js';
import { splitOptions, usageError } from './options.js';
import { type Token, firstWord, tokenText } from './tokenize.js';
import { USAGE } from './usage.js';

/** The `customer-focus` subcommands, so an oversized line can be told from plain talk without parsing it. */
export const FOCUS_SUBCOMMANDS = new Set([
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

export function parseFocus(tokens: Token[]): Command {
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
      const period = rest.map(tokenText).join(' ').trim();
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
