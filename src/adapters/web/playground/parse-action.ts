/**
 * Reads a button's action as the page sends it back. The page got it from us, but a request can
 * say anything, so every field is checked before the core sees it; what does not fit is refused.
 */
import type { CoreAction } from '../../../core/messages.js';

const ID = /^[A-Za-z0-9._:-]{1,200}$/;
const IMPACTS = ['positive', 'negative', 'none', 'unknown'] as const;
const MAX_COMMAND_LENGTH = 2000;

export function parseCoreAction(value: unknown): CoreAction | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const action = value as Record<string, unknown>;
  const id = (field: string): string | undefined =>
    typeof action[field] === 'string' && ID.test(action[field]) ? action[field] : undefined;
  switch (action.kind) {
    case 'check.answer': {
      const checkId = id('checkId');
      const impact = IMPACTS.find((known) => known === action.impact);
      return checkId && impact ? { kind: 'check.answer', checkId, impact } : undefined;
    }
    case 'check.details':
    case 'check.dismiss': {
      const checkId = id('checkId');
      return checkId ? { kind: action.kind, checkId } : undefined;
    }
    case 'action.close': {
      const actionId = id('actionId');
      return actionId ? { kind: 'action.close', actionId } : undefined;
    }
    case 'requirement.review':
    case 'requirement.keep':
    case 'requirement.retire': {
      const requirementId = id('requirementId');
      return requirementId ? { kind: action.kind, requirementId } : undefined;
    }
    case 'digest.reviewed': {
      const digestId = id('digestId');
      return digestId ? { kind: 'digest.reviewed', digestId } : undefined;
    }
    case 'command.share':
    case 'command.confirm': {
      const command = action.command;
      return typeof command === 'string' && command.length > 0 && command.length <= MAX_COMMAND_LENGTH
        ? { kind: action.kind, command }
        : undefined;
    }
    default:
      return undefined;
  }
}
