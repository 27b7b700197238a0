/** The core's form requests as cards, and the form a submit belongs to (to show its errors). */
import type { TurnContext } from 'botbuilder';
import type { FormRequest } from '../../../core/commands/execute.js';
import type { Actor } from '../../../core/domain/shared.js';
import { answerForm, checkForm, feedbackForm, knowledgeForm, requirementForm, reviewForm } from '../../../core/forms/catalogue.js';
import type { Form, FormKind } from '../../../core/forms/form.js';
import { IMPACTS, type Impact } from '../../../core/domain/decision-check.js';
import { formActivity, reply, replyText } from '../replies.js';
import type { TeamsRuntime } from '../runtime.js';

/** Builds the form for a kind and its context, or explains why it cannot (unknown id, no access). */
export async function formFor(
  runtime: TeamsRuntime,
  actor: Actor,
  kind: FormKind,
  context: Readonly<Record<string, string>>,
): Promise<Form | string> {
  switch (kind) {
    case 'check.answer': {
      const check = await runtime.core.getCheck(actor, context.checkId ?? '');
      if (!check.ok) return check.error.message;
      const impact = (IMPACTS as readonly string[]).includes(context.impact ?? '') ? (context.impact as Impact) : undefined;
      return answerForm(check.value, impact);
    }
    case 'requirement.review': {
      const shown = await runtime.core.showRequirement(actor, context.requirementId ?? '');
      return shown.ok ? reviewForm(shown.value.requirement) : shown.error.message;
    }
    case 'requirement.add':
      return requirementForm();
    case 'feedback.record':
      return feedbackForm();
    case 'knowledge.record':
      return knowledgeForm();
    case 'check.start':
      return checkForm();
  }
}

/** Sends the card for a form the core asked for. */
export async function sendForm(runtime: TeamsRuntime, context: TurnContext, actor: Actor, request: FormRequest): Promise<void> {
  let form: Form | string;
  switch (request.form) {
    case 'requirement.add':
      form = requirementForm(request.prefill);
      break;
    case 'feedback.record':
      form = feedbackForm(request.prefill);
      break;
    case 'knowledge.record':
      form = knowledgeForm(request.prefill);
      break;
    case 'check.start':
      form = checkForm();
      break;
    case 'requirement.review':
      form = await formFor(runtime, actor, 'requirement.review', { requirementId: request.requirementId });
      break;
  }
  if (typeof form === 'string') await replyText(context, form);
  else await reply(context, formActivity(form));
}
