/**
 * CoreAction ↔ Adaptive Card `Action.Submit` data. Teams hands the data back verbatim in
 * `activity.value`, where anyone who can post to the bot can forge it, so decoding accepts only
 * the exact shapes encoding produces. `cfbAction` tells our button submits apart from form
 * submits (`cfbForm`) and from anything else that lands in `activity.value`.
 */
import type { CoreAction } from '../../core/messages.js';

export const ACTION_KEY = 'cfbAction';

/** Same bounds as the Slack codec: ids are short; a shared or confirmed command may be long. */
export const MAX_ID_LENGTH = 200;
export const MAX_COMMAND_LENGTH = 2000;

const IMPACTS = ['positive', 'negative', 'none', 'unknown'] as const;
type Impact = (typeof IMPACTS)[number];

export function encodeCardAction(action: CoreAction): Record<string, string> {
  switch (action.kind) {
    case 'check.answer':
      return { [ACTION_KEY]: action.kind, checkId: action.checkId, impact: action.impact };
    case 'check.details':
    case 'check.dismiss':
      return { [ACTION_KEY]: action.kind, checkId: action.checkId };
    case 'action.close':
      return { [ACTION_KEY]: action.kind, actionId: action.actionId };
    case 'requirement.review':
    case 'requirement.keep':
    case 'requirement.retire':
      return { [ACTION_KEY]: action.kind, requirementId: action.requirementId };
    case 'digest.reviewed':
      return { [ACTION_KEY]: action.kind, digestId: action.digestId };
    case 'command.share':
    case 'command.confirm':
      return { [ACTION_KEY]: action.kind, command: action.command };
  }
}

// Control characters never occur in ids or commands we produce; refusing them keeps forged
// values out of logs and storage keys.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The value's string fields when it has exactly `keys` (plus the discriminator), each a non-empty
 * string within `max`; otherwise undefined. Extra keys are refused: message cards carry no inputs,
 * so a genuine submit holds nothing but what {@link encodeCardAction} wrote.
 */
function fields<K extends string>(value: Record<string, unknown>, keys: readonly K[], max: number): Record<K, string> | undefined {
  const present = Object.keys(value).filter((key) => key !== ACTION_KEY);
  if (present.length !== keys.length || !present.every((key) => (keys as readonly string[]).includes(key))) return undefined;
  const result = {} as Record<K, string>;
  for (const key of keys) {
    const field = value[key];
    if (typeof field !== 'string' || field.length === 0 || field.length > max || CONTROL.test(field)) return undefined;
    result[key] = field;
  }
  return result;
}

/** Undefined for anything we did not produce (old cards, forged or malformed submits). */
export function decodeCardAction(value: unknown): CoreAction | undefined {
  if (!isRecord(value)) return undefined;
  // Own properties only: JSON never has anything else, so an inherited key means a crafted object.
  const kind = Object.hasOwn(value, ACTION_KEY) ? value[ACTION_KEY] : undefined;
  switch (kind) {
    case 'check.answer': {
      const data = fields(value, ['checkId', 'impact'], MAX_ID_LENGTH);
      if (!data || !(IMPACTS as readonly string[]).includes(data.impact)) return undefined;
      return { kind, checkId: data.checkId, impact: data.impact as Impact };
    }
    case 'check.details':
    case 'check.dismiss': {
      const data = fields(value, ['checkId'], MAX_ID_LENGTH);
      return data && { kind, checkId: data.checkId };
    }
    case 'action.close': {
      const data = fields(value, ['actionId'], MAX_ID_LENGTH);
      return data && { kind, actionId: data.actionId };
    }
    case 'requirement.review':
    case 'requirement.keep':
    case 'requirement.retire': {
      const data = fields(value, ['requirementId'], MAX_ID_LENGTH);
      return data && { kind, requirementId: data.requirementId };
    }
    case 'digest.reviewed': {
      const data = fields(value, ['digestId'], MAX_ID_LENGTH);
      return data && { kind, digestId: data.digestId };
    }
    case 'command.share':
    case 'command.confirm': {
      const data = fields(value, ['command'], MAX_COMMAND_LENGTH);
      return data && { kind, command: data.command };
    }
    default:
      return undefined;
  }
}
