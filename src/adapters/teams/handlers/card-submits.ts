/**
 * Card submits (`Action.Submit` arrives as a message whose `value` holds the card's data and
 * inputs). Button data is decoded strictly (anyone can forge `value`); forms are validated by the
 * core. The card that was clicked is updated in place: a form shows its errors or becomes the
 * confirmation, and the decision card shows the answers so far.
 */
import type { TurnContext } from 'botbuilder';
import { digestReviewed } from '../../../core/digest/replies.js';
import type { Actor } from '../../../core/domain/shared.js';
import { reviewRecorded } from '../../../core/views.js';
import type { FormKind } from '../../../core/forms/form.js';
import { decodeCardAction } from '../action-codec.js';
import { FORM_KEY, formSubmitKind, formValuesFromSubmit } from '../card-forms.js';
import { formActivity, messageActivity, replace, reply, replyText, replyWith } from '../replies.js';
import type { TeamsRuntime } from '../runtime.js';
import type { TeamsWhere } from '../teams-activity.js';
import { postCheck, refreshPrompt } from './decisions.js';
import { formFor } from './forms.js';

const OUT_OF_DATE = 'That card is out of date or was not made by me. Please use the newest message, or type `help`.';

export async function handleCardSubmit(
  runtime: TeamsRuntime,
  context: TurnContext,
  actor: Actor,
  where: TeamsWhere,
  value: unknown,
): Promise<void> {
  const kind = formSubmitKind(value);
  if (kind) return submitForm(runtime, context, actor, where, kind, value as Record<string, unknown>);
  const action = decodeCardAction(value);
  if (!action) return void (await replyText(context, OUT_OF_DATE));
  const core = runtime.core;
  switch (action.kind) {
    case 'check.answer': {
      if (action.impact !== 'positive')
        return openForm(runtime, context, actor, 'check.answer', { checkId: action.checkId, impact: action.impact });
      const result = await core.answerCheck(actor, action.checkId, { impact: 'positive' });
      if (!result.ok) return void (await replyText(context, result.error.message));
      return refreshPrompt(runtime, context, result.value.check);
    }
    case 'check.details':
      return openForm(runtime, context, actor, 'check.answer', { checkId: action.checkId });
    case 'check.dismiss': {
      const result = await core.dismissCheck(actor, action.checkId);
      if (!result.ok) return void (await replyText(context, result.error.message));
      return refreshPrompt(runtime, context, result.value);
    }
    case 'action.close': {
      const result = await core.closeAction(actor, action.actionId);
      return void (await replyText(context, result.ok ? 'Marked as done, and kept as evidence.' : result.error.message));
    }
    case 'requirement.review':
      return openForm(runtime, context, actor, 'requirement.review', { requirementId: action.requirementId });
    // Still valid / Retire under a requirement in the digest or a reminder: the review is evidence.
    case 'requirement.keep':
    case 'requirement.retire': {
      const result = await core.reviewRequirement(
        actor,
        action.requirementId,
        action.kind === 'requirement.keep' ? 'still_valid' : 'retire',
      );
      return void (await (result.ok
        ? replyWith(context, reviewRecorded(result.value.requirement, result.value.review))
        : replyText(context, result.error.message)));
    }
    case 'digest.reviewed': {
      const result = await core.markDigestReviewed(actor, action.digestId);
      return void (await (result.ok ? replyWith(context, digestReviewed(result.value)) : replyText(context, result.error.message)));
    }
    case 'command.share':
      // Teams answers are visible to the conversation already; no card of ours carries this.
      return void (await replyText(context, OUT_OF_DATE));
  }
}

async function openForm(
  runtime: TeamsRuntime,
  context: TurnContext,
  actor: Actor,
  kind: FormKind,
  formContext: Record<string, string>,
): Promise<void> {
  const form = await formFor(runtime, actor, kind, formContext);
  if (typeof form === 'string') return void (await replyText(context, form));
  await reply(context, formActivity(form, {}, formContext.impact ? { values: { impact: formContext.impact } } : {}));
}

/** The submit's context (ids the card carried), without inputs and our marker. */
function submittedContext(value: Record<string, unknown>, fieldIds: ReadonlySet<string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(value).filter(
      (entry): entry is [string, string] =>
        entry[0] !== FORM_KEY && !fieldIds.has(entry[0]) && typeof entry[1] === 'string' && entry[1].length <= 200,
    ),
  );
}

async function submitForm(
  runtime: TeamsRuntime,
  context: TurnContext,
  actor: Actor,
  where: TeamsWhere,
  kind: FormKind,
  value: Record<string, unknown>,
): Promise<void> {
  // The form is rebuilt from what the card claims to be about; the core re-checks everything.
  const probe = await formFor(runtime, actor, kind, submittedContext(value, new Set()));
  if (typeof probe === 'string') return void (await replyText(context, probe));
  const formContext = submittedContext(value, new Set(probe.fields.map((field) => field.id)));
  const values = formValuesFromSubmit(value, probe);
  const place = { platform: 'teams' as const, channelId: where.channelId };
  const outcome = await runtime.core.submitForm(actor, { kind, context: { ...formContext, ...probe.context } }, values, place);
  const cardId = context.activity.replyToId;
  if (outcome.kind === 'invalid') {
    const shown = formActivity(probe, formContext, { errors: outcome.errors, values });
    if (cardId) await replace(context, cardId, shown);
    else await reply(context, shown);
    return;
  }
  if (outcome.kind === 'failed') return void (await replyText(context, outcome.message));
  // The form card becomes the confirmation, so nobody submits it twice by accident.
  if (cardId) await replace(context, cardId, messageActivity(outcome.message));
  else await replyWith(context, outcome.message);
  if (!outcome.checkId) return;
  const check = await runtime.core.getCheck(actor, outcome.checkId);
  if (!check.ok) return;
  if (check.value.prompt) await refreshPrompt(runtime, context, check.value);
  else if (kind === 'check.start') await postCheck(runtime, context, where, actor, check.value);
}
