/**
 * Neutral forms: what the bot asks for when one line is not enough. Slack renders them as modals,
 * Teams as Adaptive Cards; both hand the values back by field id, and the core validates them.
 */
export type FieldKind = 'text' | 'multiline' | 'select' | 'radio' | 'user' | 'date' | 'requirements';

export interface FormField {
  /** Stable id: the block/action id on Slack, the input id on Teams, the key of the values. */
  readonly id: string;
  readonly label: string;
  readonly kind: FieldKind;
  readonly required: boolean;
  readonly options?: readonly { readonly value: string; readonly label: string }[];
  readonly initial?: string | readonly string[];
  readonly placeholder?: string;
  readonly hint?: string;
  readonly maxLength?: number;
}

/** Every form the core shows; a submit naming anything else is refused. */
export const FORM_KINDS = [
  'check.answer',
  'requirement.add',
  'requirement.review',
  'feedback.record',
  'knowledge.record',
  'check.start',
] as const;
export type FormKind = (typeof FORM_KINDS)[number];

export interface Form {
  readonly kind: FormKind;
  readonly title: string;
  readonly submitLabel: string;
  /** What the form is about (a check id, a requirement id), carried through the platform. */
  readonly context: Readonly<Record<string, string>>;
  readonly intro?: string;
  readonly fields: readonly FormField[];
}

/**
 * Submitted values by field id: one string, or several for multi-selects. Adapters hand `user`
 * fields over as mentions (`<@U123>`), `date` fields as `YYYY-MM-DD`, `requirements` as ids.
 */
export type FormValues = Readonly<Record<string, string | readonly string[] | undefined>>;

/** A refusal the form shows next to a field rather than as a message. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export const single = (values: FormValues, id: string): string | undefined => {
  const value = values[id];
  return typeof value === 'string' ? value : value?.[0];
};

export const many = (values: FormValues, id: string): string[] => {
  const value = values[id];
  if (value === undefined) return [];
  return typeof value === 'string'
    ? value
        .split(/[,;\n]+/)
        .map((item) => item.trim())
        .filter(Boolean)
    : [...value];
};
