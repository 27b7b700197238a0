/** `knowledge …`: add, list and show customer-knowledge records, and set how often a kind is reviewed. */
import type { Command } from './command.js';
import { KNOWLEDGE_KEYS } from './option-keys.js';
import { splitOptions, usageError } from './options.js';
import { type Token, firstWord, tokenText } from './tokenize.js';

export function parseKnowledge(tokens: Token[]): Command {
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
      const words = rest.map(tokenText);
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
