/**
 * Neutral forms → Adaptive Cards with inputs, and a submit's `activity.value` → neutral values.
 * Pure functions.
 *
 * Field kinds Teams cannot render the way Slack does:
 * - `requirements`: Slack searches the register as people type; a card ChoiceSet can only search
 *   with `Data.Query` (a round trip through the bot), so it is a text input ("REQ-1, REQ-4") and
 *   the core resolves and validates the ids.
 * - `user`: Teams' people picker, an `Input.ChoiceSet` whose `choices.data` is the
 *   `graph.microsoft.com/users` dataset: Teams itself searches the organisation as people type (no
 *   round trip through the bot) and submits the chosen person's Microsoft Entra object id, which the
 *   core takes as a person of the workspace. A typed name would name nobody reminders can reach.
 */
import { FORM_KINDS, type FieldError, type Form, type FormField, type FormKind, type FormValues } from '../../core/forms/form.js';
import { CARD_SCHEMA, cardText, escapeCardText, truncate, type AdaptiveCard, type CardElement } from './adaptive-cards.js';

export const FORM_KEY = 'cfbForm';
/** Where a form card keeps what the form is about (ids), apart from the inputs Teams merges in. */
export const CONTEXT_KEY = 'cfbContext';

export const PLACEHOLDERS = { requirements: 'REQ-1, REQ-4', user: 'Search for a person' } as const;

/** A Microsoft Entra object id: what the people picker submits, and the only value it can start with. */
const ENTRA_OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface FormCardOptions {
  /** Shown in red right under their field, after a refused submit. */
  readonly errors?: readonly FieldError[];
  /** What was typed, so a refused submit does not lose it; wins over the fields' initial values. */
  readonly values?: FormValues;
}

/** Input values are plain strings on the card: several values are comma-separated. */
function initialValue(field: FormField, values: FormValues | undefined): string | undefined {
  const typed = values?.[field.id];
  const value = typed ?? field.initial;
  if (value === undefined) return undefined;
  const text = typeof value === 'string' ? value : value.join(', ');
  return text === '' ? undefined : text;
}

function input(field: FormField, value: string | undefined): CardElement {
  const common: CardElement = {
    id: field.id,
    label: field.label,
    // Teams shows the message under the field's label, so it need not repeat the label.
    ...(field.required ? { isRequired: true, errorMessage: 'This is required.' } : {}),
  };
  const withValue = value === undefined ? {} : { value: field.maxLength ? truncate(value, field.maxLength) : value };
  const placeholder = (text: string | undefined) => (text ? { placeholder: text } : {});
  switch (field.kind) {
    case 'text':
    case 'multiline':
      return {
        type: 'Input.Text',
        ...common,
        ...(field.kind === 'multiline' ? { isMultiline: true } : {}),
        ...(field.maxLength ? { maxLength: field.maxLength } : {}),
        ...placeholder(field.placeholder),
        ...withValue,
      };
    case 'select':
    case 'radio':
      return {
        type: 'Input.ChoiceSet',
        ...common,
        style: field.kind === 'select' ? 'compact' : 'expanded',
        choices: (field.options ?? []).map((option) => ({ title: option.label, value: option.value })),
        ...placeholder(field.placeholder),
        ...withValue,
      };
    case 'date':
      return { type: 'Input.Date', ...common, ...(value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? { value } : {}) };
    case 'user': {
      // It starts on a person already named: an Entra object id (a refused submit), or a mention
      // (`<@29:…|Dana>`, from options typed before the form opened), shown by name.
      const mentioned = value === undefined ? null : /^<@([^|>]+)(?:\|([^>]+))?>$/.exec(value);
      const chosen = value !== undefined && (ENTRA_OBJECT_ID.test(value) || mentioned) ? value : undefined;
      const title = mentioned ? (mentioned[2] ?? mentioned[1]) : chosen;
      return {
        type: 'Input.ChoiceSet',
        ...common,
        choices: chosen ? [{ title, value: chosen }] : [],
        'choices.data': { type: 'Data.Query', dataset: 'graph.microsoft.com/users' },
        placeholder: field.placeholder ?? PLACEHOLDERS.user,
        ...(chosen ? { value: chosen } : {}),
      };
    }
    case 'requirements':
      return { type: 'Input.Text', ...common, placeholder: field.placeholder ?? PLACEHOLDERS.requirements, ...withValue };
  }
}

const small = (text: string, extra: CardElement = {}): CardElement => ({
  type: 'TextBlock',
  text: cardText(escapeCardText(text)),
  wrap: true,
  size: 'Small',
  spacing: 'Small',
  ...extra,
});

/**
 * A form as a card. Submitting sends `{ cfbForm: form.kind, cfbContext: { …ids }, <inputs> }`:
 * the context is kept under its own key, so an input can never overwrite it (Teams merges inputs
 * and data into one object) and the submit is read without rebuilding the form.
 */
export function toFormCard(form: Form, context: Readonly<Record<string, string>>, options: FormCardOptions = {}): AdaptiveCard {
  const body: CardElement[] = [
    { type: 'TextBlock', text: escapeCardText(form.title), wrap: true, weight: 'Bolder', size: 'Medium' },
    // The intro quotes user text (a decision, a statement), so all of it is escaped.
    ...(form.intro ? [{ type: 'TextBlock', text: cardText(escapeCardText(form.intro)), wrap: true }] : []),
  ];
  for (const field of form.fields) {
    body.push(input(field, initialValue(field, options.values)));
    if (field.hint) body.push(small(field.hint, { isSubtle: true }));
    for (const error of options.errors ?? []) {
      if (error.field === field.id) body.push(small(error.message, { color: 'Attention' }));
    }
  }
  // Errors for no field (or a field the form does not show) still need to be seen.
  const known = new Set(form.fields.map((field) => field.id));
  for (const error of options.errors ?? []) {
    if (!known.has(error.field)) body.push(small(error.message, { color: 'Attention' }));
  }
  const data = { ...form.context, ...context };
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: '1.5',
    body,
    actions: [{ type: 'Action.Submit', title: form.submitLabel, data: { [CONTEXT_KEY]: data, [FORM_KEY]: form.kind } }],
    msteams: { width: 'Full' },
  };
}

/** The longest context value a submit may carry: ids, not text. */
const MAX_CONTEXT_VALUE = 200;

/**
 * A submit's `activity.value` → the form it claims to be, the context the card carried and the
 * values typed. Teams merges the card's data and its inputs into one object: the data sits under
 * our two keys, every other string is an input (empty ones count as not given). Anything that is
 * not a string is ignored rather than trusted; the core validates every value.
 */
export function formSubmitFrom(value: unknown): { kind: FormKind; context: Record<string, string>; values: FormValues } | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const submitted = value as Record<string, unknown>;
  const kind = FORM_KINDS.find((known) => known === submitted[FORM_KEY]);
  if (!kind) return undefined;
  const rawContext = submitted[CONTEXT_KEY];
  const context: Record<string, string> = {};
  if (typeof rawContext === 'object' && rawContext !== null) {
    for (const [key, item] of Object.entries(rawContext))
      if (typeof item === 'string' && item.length <= MAX_CONTEXT_VALUE) context[key] = item;
  }
  const values: Record<string, string | undefined> = {};
  for (const [key, item] of Object.entries(submitted)) {
    if (key === FORM_KEY || key === CONTEXT_KEY || typeof item !== 'string') continue;
    values[key] = item.trim() === '' ? undefined : item;
  }
  return { kind, context, values };
}
