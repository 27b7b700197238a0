/**
 * Forms in the playground: the core's neutral Form sent to the page as it is (texts spelled the
 * Slack way), and the page's answers read back with every name and value checked.
 */
import type { FormRequest } from '../../../core/commands/execute.js';
import type { Actor } from '../../../core/domain/shared.js';
import { checkForm, feedbackForm, knowledgeForm, requirementForm, reviewForm } from '../../../core/forms/catalogue.js';
import { FORM_KINDS as ALL_FORM_KINDS, type Form, type FormKind, type FormValues } from '../../../core/forms/form.js';
import type { Core } from '../../../core/index.js';
import { ours } from './message-json.js';
import { withMentions } from './personas.js';

export interface ClientForm extends Form {
  /** The post the form was opened from (a prompt), so its answer lands in the same thread. */
  readonly postId?: string;
}

export const FORM_KINDS: readonly FormKind[] = ALL_FORM_KINDS;

const MAX_VALUE_LENGTH = 10_000;
const MAX_FIELDS = 30;
const FIELD_ID = /^[a-z][a-z_]{0,40}$/;
const CONTEXT_VALUE = /^[A-Za-z0-9._:-]{0,200}$/;

export function toClientForm(form: Form, postId?: string): ClientForm {
  return {
    ...form,
    ...(form.intro ? { intro: ours(form.intro) } : {}),
    fields: form.fields.map((field) => ({ ...field, label: ours(field.label), ...(field.hint ? { hint: ours(field.hint) } : {}) })),
    ...(postId ? { postId } : {}),
  };
}

/** The form a command asks for, or the reason it cannot be shown (what it is about no longer exists). */
export async function formFor(core: Core, actor: Actor, request: FormRequest): Promise<Form | string> {
  switch (request.form) {
    case 'requirement.add':
      return requirementForm(request.prefill);
    case 'feedback.record':
      return feedbackForm(request.prefill);
    case 'knowledge.record':
      return knowledgeForm(request.prefill);
    case 'check.start':
      return checkForm();
    case 'requirement.review': {
      const shown = await core.showRequirement(actor, request.requirementId);
      return shown.ok ? reviewForm(shown.value.requirement) : shown.error.message;
    }
  }
}

export class FormInputError extends Error {}

/** The form's kind and context as sent back by the page. */
export function readFormHeader(value: unknown): { kind: FormKind; context: Record<string, string> } {
  const header = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const kind = FORM_KINDS.find((known) => known === header.kind);
  if (!kind) throw new FormInputError('That form is not one the bot shows. Reload the page and try again.');
  const context: Record<string, string> = {};
  const raw = typeof header.context === 'object' && header.context !== null ? (header.context as Record<string, unknown>) : {};
  for (const [name, item] of Object.entries(raw).slice(0, 10)) {
    if (FIELD_ID.test(name.toLowerCase()) && typeof item === 'string' && CONTEXT_VALUE.test(item)) context[name] = item;
  }
  return { kind, context };
}

/**
 * The values by field id: strings (or lists of strings) of reasonable size. A value that is just
 * `@kim` becomes a mention, as the platforms' user pickers hand the core.
 */
export function readFormValues(value: unknown): FormValues {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new FormInputError('The form arrived empty. Fill it in and send it again.');
  const values: Record<string, string | string[]> = {};
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > MAX_FIELDS)
    throw new FormInputError('The form has more fields than the bot asked for. Reload the page and try again.');
  const check = (text: unknown): string => {
    if (typeof text !== 'string')
      throw new FormInputError('A form field arrived in a shape the bot does not read. Reload the page and try again.');
    if (text.length > MAX_VALUE_LENGTH)
      throw new FormInputError(`A field is ${text.length} characters long; the limit is ${MAX_VALUE_LENGTH}. Please shorten it.`);
    return /^@[A-Za-z][\w.-]*$/.test(text.trim()) ? withMentions(text.trim()) : text;
  };
  for (const [name, item] of entries) {
    if (!FIELD_ID.test(name)) continue;
    values[name] = Array.isArray(item) ? item.slice(0, 50).map(check) : check(item);
  }
  return values;
}
