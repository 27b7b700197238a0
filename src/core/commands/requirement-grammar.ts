/** `requirement …`: add, list, show, edit, review, retire and reassign requirements. */
import type { Command } from './command.js';
import { ADD_KEYS, LIST_KEYS, REQUIREMENT_KEYS } from './option-keys.js';
import { splitOptions, usageError } from './options.js';
import { type Token, firstWord, tokenText } from './tokenize.js';

export function parseRequirement(tokens: Token[]): Command {
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
      const note = after.slice(1).map(tokenText).join(' ');
      return { family: 'requirement', action: 'review', id, ...(outcome ? { outcome } : {}), ...(note ? { note } : {}) };
    }
    case 'retire': {
      const { id, after } = idArgument('retire');
      const note = after.map(tokenText).join(' ');
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
