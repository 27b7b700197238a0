/**
 * Forms, the same on every surface: which form a request or a button opens, and what happens
 * after a submit (field errors shown on the form, the confirmation, the decision prompt redrawn).
 */
import type { FormRequest } from '../commands/execute.js';
import { IMPACTS, type Impact } from '../domain/decision-check.js';
import { answerForm, checkForm, feedbackForm, knowledgeForm, requirementForm, reviewForm } from '../forms/catalogue.js';
import type { Form, FormKind, FormValues } from '../forms/form.js';
import { submitForm } from '../forms/submit-form.js';
import { DomainError } from '../errors.js';
import { loadCheck } from '../use-cases/decision-checks.js';
import { showRequirement } from '../use-cases/queries.js';
import type { Handling } from './handling.js';
import type { Place } from './interaction.js';
import { postCheck, refreshPrompt } from './prompt-protocol.js';

/** A form to open: a command's request, or a form kind with the context a button carries. */
export type FormOpening = FormRequest | { readonly form: FormKind; readonly context: Readonly<Record<string, string>> };

/** Builds the form; a DomainError when what it is about is unknown or not the person's to see. */
export async function buildForm(handling: Handling, opening: FormOpening): Promise<Form> {
  const { deps, actor } = handling;
  const context: Readonly<Record<string, string>> = 'context' in opening ? opening.context : {};
  switch (opening.form) {
    case 'check.answer': {
      const check = await loadCheck(deps, actor, context.checkId ?? '');
      const impact = (IMPACTS as readonly string[]).includes(context.impact ?? '') ? (context.impact as Impact) : undefined;
      return answerForm(check, impact);
    }
    case 'requirement.review': {
      const id = 'requirementId' in opening ? opening.requirementId : (context.requirementId ?? '');
      return reviewForm((await showRequirement(deps, actor, id)).requirement);
    }
    case 'requirement.add':
      return requirementForm('prefill' in opening ? opening.prefill : {});
    case 'feedback.record':
      return feedbackForm('prefill' in opening ? opening.prefill : {});
    case 'knowledge.record':
      return knowledgeForm('prefill' in opening ? opening.prefill : {});
    case 'check.start':
      return checkForm();
  }
}

export async function openForm(handling: Handling, opening: FormOpening): Promise<void> {
  const form = await buildForm(handling, opening);
  const impact = 'context' in opening ? opening.context.impact : undefined;
  await handling.surface.openForm(form, impact ? { values: { impact } } : undefined);
}

export async function submit(
  handling: Handling,
  form: { readonly kind: FormKind; readonly context: Readonly<Record<string, string>> },
  values: FormValues,
  place: Place | undefined,
): Promise<void> {
  const { deps, actor, surface } = handling;
  const outcome = await submitForm(deps, actor, form, values, place);
  if (outcome.kind === 'invalid') {
    // Shown on the form itself; the platform keeps what was typed.
    await surface.openForm(await buildForm(handling, { form: form.kind, context: form.context }), { values, errors: outcome.errors });
    return;
  }
  if (outcome.kind === 'failed') throw new DomainError('input.invalid', outcome.message);
  const check = outcome.checkId ? await loadCheck(deps, actor, outcome.checkId) : undefined;
  if (check && form.kind === 'check.start' && !check.prompt) {
    // The posted check is the confirmation: everyone in the channel sees what is asked.
    await postCheck(handling, check);
    return;
  }
  await surface.replyPrivately(outcome.message);
  if (check) await refreshPrompt(handling, check);
}
