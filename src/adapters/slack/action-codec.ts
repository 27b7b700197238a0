/**
 * CoreAction ↔ Slack button `action_id` + `value`. The action id names the kind (so Bolt can
 * route by it and logs read the same on both platforms); the value carries the ids.
 */
import type { CoreAction } from '../../core/messages.js';

export const ACTION_IDS = {
  answer: 'check.answer',
  details: 'check.details',
  dismiss: 'check.dismiss',
  closeAction: 'action.close',
  review: 'requirement.review',
  keep: 'requirement.keep',
  retire: 'requirement.retire',
  reviewed: 'digest.reviewed',
  share: 'command.share',
  confirm: 'command.confirm',
} as const;

/** Button values hold at most 2,000 characters; longer commands get no Share (or confirm) button. */
export const MAX_VALUE_LENGTH = 2000;

export function encodeAction(action: CoreAction, index: number): { action_id: string; value: string } {
  // Slack needs action ids to be unique within a message: a suffix keeps them apart.
  const suffix = `:${index}`;
  switch (action.kind) {
    case 'check.answer':
      return { action_id: `${ACTION_IDS.answer}${suffix}`, value: `${action.checkId}|${action.impact}` };
    case 'check.details':
      return { action_id: `${ACTION_IDS.details}${suffix}`, value: action.checkId };
    case 'check.dismiss':
      return { action_id: `${ACTION_IDS.dismiss}${suffix}`, value: action.checkId };
    case 'action.close':
      return { action_id: `${ACTION_IDS.closeAction}${suffix}`, value: action.actionId };
    case 'requirement.review':
      return { action_id: `${ACTION_IDS.review}${suffix}`, value: action.requirementId };
    case 'requirement.keep':
      return { action_id: `${ACTION_IDS.keep}${suffix}`, value: action.requirementId };
    case 'requirement.retire':
      return { action_id: `${ACTION_IDS.retire}${suffix}`, value: action.requirementId };
    case 'digest.reviewed':
      return { action_id: `${ACTION_IDS.reviewed}${suffix}`, value: action.digestId };
    case 'command.share':
      return { action_id: `${ACTION_IDS.share}${suffix}`, value: action.command };
    case 'command.confirm':
      return { action_id: `${ACTION_IDS.confirm}${suffix}`, value: action.command };
  }
}

const IMPACTS = new Set(['positive', 'negative', 'none', 'unknown']);

/** Undefined for anything we did not produce (old buttons, forged payloads). */
export function decodeAction(actionId: string, value: string | undefined): CoreAction | undefined {
  const kind = actionId.split(':')[0];
  const carriesCommand = kind === ACTION_IDS.share || kind === ACTION_IDS.confirm;
  if (!value || value.length > (carriesCommand ? MAX_VALUE_LENGTH : 200)) return undefined;
  switch (kind) {
    case ACTION_IDS.answer: {
      const [checkId, impact] = value.split('|');
      if (!checkId || !impact || !IMPACTS.has(impact)) return undefined;
      return { kind: 'check.answer', checkId, impact: impact as 'positive' | 'negative' | 'none' | 'unknown' };
    }
    case ACTION_IDS.details:
      return { kind: 'check.details', checkId: value };
    case ACTION_IDS.dismiss:
      return { kind: 'check.dismiss', checkId: value };
    case ACTION_IDS.closeAction:
      return { kind: 'action.close', actionId: value };
    case ACTION_IDS.review:
      return { kind: 'requirement.review', requirementId: value };
    case ACTION_IDS.keep:
      return { kind: 'requirement.keep', requirementId: value };
    case ACTION_IDS.retire:
      return { kind: 'requirement.retire', requirementId: value };
    case ACTION_IDS.reviewed:
      return { kind: 'digest.reviewed', digestId: value };
    case ACTION_IDS.share:
      return { kind: 'command.share', command: value };
    case ACTION_IDS.confirm:
      return { kind: 'command.confirm', command: value };
    default:
      return undefined;
  }
}

/** Matches every action id this codec produces, for Bolt's `app.action(…)`. */
export const ACTION_ID_PATTERN =
  /^(check\.answer|check\.details|check\.dismiss|action\.close|requirement\.review|requirement\.keep|requirement\.retire|digest\.reviewed|command\.share|command\.confirm):\d+$/;
