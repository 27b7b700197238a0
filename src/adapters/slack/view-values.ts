/** Slack modal state → the neutral form values the core validates. */
import type { FormValues } from '../../core/forms/form.js';

interface StateValue {
  type?: string;
  value?: string | null;
  selected_option?: { value?: string } | null;
  selected_options?: { value?: string }[];
  selected_user?: string | null;
  selected_date?: string | null;
}

export function formValuesFromState(values: Record<string, Record<string, StateValue>>): FormValues {
  const result: Record<string, string | string[] | undefined> = {};
  for (const [blockId, actions] of Object.entries(values)) {
    const state = Object.values(actions)[0];
    if (!state) continue;
    if (state.selected_options) result[blockId] = state.selected_options.map((option) => option.value ?? '').filter(Boolean);
    else if (state.selected_option !== undefined) result[blockId] = state.selected_option?.value ?? undefined;
    else if (state.selected_user !== undefined) result[blockId] = state.selected_user ? `<@${state.selected_user}>` : undefined;
    else if (state.selected_date !== undefined) result[blockId] = state.selected_date ?? undefined;
    else result[blockId] = state.value ?? undefined;
  }
  return result;
}
