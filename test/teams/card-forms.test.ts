import { describe, expect, it } from 'vitest';
import { WJ, teamsCheck } from '../support/teams/fixtures.js';
import { formSubmitFrom, toFormCard } from '../../src/adapters/teams/card-forms.js';
import { answerForm, requirementForm } from '../../src/core/forms/catalogue.js';
import { many, single } from '../../src/core/forms/form.js';

const check = teamsCheck({ text: 'We drop the free tier <at>Boss</at>' });

const choices = (values: string[]) => values.map((value) => ({ title: value, value }));
const hint = (text: string) => ({ type: 'TextBlock', text, wrap: true, size: 'Small', spacing: 'Small', isSubtle: true });

describe('form cards', () => {
  it('renders the requirement form exactly', () => {
    expect(toFormCard(requirementForm({ statement: 'Invoices in NOK' }), { conversationId: 'a:1' })).toEqual({
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.5',
      body: [
        { type: 'TextBlock', text: 'Customer requirement', wrap: true, weight: 'Bolder', size: 'Medium' },
        {
          type: 'Input.Text',
          id: 'statement',
          label: 'What does the customer need or expect?',
          isRequired: true,
          errorMessage: 'This is required.',
          isMultiline: true,
          maxLength: 3000,
          value: 'Invoices in NOK',
        },
        { type: 'Input.Text', id: 'customer', label: 'Customer', maxLength: 200, placeholder: 'A customer, a segment, or end users' },
        {
          type: 'Input.ChoiceSet',
          id: 'type',
          label: 'Type',
          isRequired: true,
          errorMessage: 'This is required.',
          style: 'compact',
          choices: choices(['stated', 'implied', 'obligatory']),
          value: 'stated',
        },
        hint('Stated: the customer said it. Implied: expected without being said. Obligatory: law, regulation or standard.'),
        { type: 'Input.Text', id: 'reference', label: 'Law, regulation or standard (obligatory only)', maxLength: 200 },
        {
          type: 'Input.ChoiceSet',
          id: 'category',
          label: 'Category',
          isRequired: true,
          errorMessage: 'This is required.',
          style: 'compact',
          choices: choices(['product', 'price', 'delivery', 'communication', 'service', 'support', 'other']),
          value: 'other',
        },
        {
          type: 'Input.ChoiceSet',
          id: 'horizon',
          label: 'Horizon',
          isRequired: true,
          errorMessage: 'This is required.',
          style: 'compact',
          choices: choices(['current', 'future']),
          value: 'current',
        },
        // Teams' people picker: Teams searches the organisation and submits an Entra object id.
        {
          type: 'Input.ChoiceSet',
          id: 'owner',
          label: 'Owner',
          choices: [],
          'choices.data': { type: 'Data.Query', dataset: 'graph.microsoft.com/users' },
          placeholder: 'Search for a person',
        },
        { type: 'Input.Text', id: 'review', label: 'Review every', value: '90d' },
        hint('e.g. 30d, 12w, 6m, 1y'),
        { type: 'Input.Text', id: 'source', label: 'Source', maxLength: 400, placeholder: 'Contract, order, survey, complaint…' },
        { type: 'Input.Text', id: 'link', label: 'Link to the source' },
      ],
      actions: [{ type: 'Action.Submit', title: 'Record', data: { cfbContext: { conversationId: 'a:1' }, cfbForm: 'requirement.add' } }],
      msteams: { width: 'Full' },
    });
  });

  it('renders the answer form: radios expanded, requirements as text, owner as a people picker, a date input, the check id in the data', () => {
    const card = toFormCard(answerForm(check, 'negative'), {});
    const inputs = card.body.filter((element) => typeof element.id === 'string');
    expect(inputs.map((element) => [element.id, element.type, element.style ?? element.placeholder ?? null])).toEqual([
      ['impact', 'Input.ChoiceSet', 'expanded'],
      ['affected', 'Input.Text', 'e.g. Acme AS, small shops'],
      ['requirements', 'Input.Text', 'REQ-1, REQ-4'],
      ['explanation', 'Input.Text', null],
      ['followup', 'Input.ChoiceSet', 'expanded'],
      ['action', 'Input.Text', null],
      ['owner', 'Input.ChoiceSet', 'Search for a person'],
      ['due', 'Input.Date', null],
      ['reason', 'Input.Text', null],
    ]);
    expect(inputs[0]).toMatchObject({
      isRequired: true,
      value: 'negative',
      choices: [
        { title: 'Positive', value: 'positive' },
        { title: 'Negative', value: 'negative' },
        { title: 'No impact', value: 'none' },
        { title: 'Not sure', value: 'unknown' },
      ],
    });
    expect(inputs[3]).toMatchObject({ isMultiline: true, maxLength: 3000 });
    // The intro quotes the decision, which a user wrote: no mention or tag can come of it.
    expect(card.body[1]).toEqual({
      type: 'TextBlock',
      text: `How does this decision affect customers?\n\n\\> We drop the free tier <${WJ}at\\>Boss<${WJ}/at\\>`,
      wrap: true,
    });
    expect(card.actions).toEqual([
      { type: 'Action.Submit', title: 'Record', data: { cfbContext: { checkId: 'c1' }, cfbForm: 'check.answer' } },
    ]);
  });

  it('never lets the context override the form kind or an input', () => {
    const card = toFormCard(requirementForm(), { cfbForm: 'check.start', owner: 'U1', thread: 't1' });
    const data = card.actions?.[0]?.data as Record<string, unknown>;
    expect(data.cfbForm).toBe('requirement.add');
    // The context sits under its own key: merged with the inputs, it cannot replace one.
    expect(Object.keys(data).sort()).toEqual(['cfbContext', 'cfbForm']);
    expect(formSubmitFrom({ ...data, owner: '<@U2>' })).toMatchObject({ kind: 'requirement.add', values: { owner: '<@U2>' } });
  });

  it('shows each error in red right under its field and keeps what was typed', () => {
    const card = toFormCard(
      answerForm(check),
      {},
      {
        errors: [
          { field: 'explanation', message: 'Explain why <b>negative</b>.' },
          { field: 'nowhere', message: 'Something else.' },
        ],
        values: { impact: 'negative', explanation: 'ok', requirements: ['REQ-1', 'REQ-4'], due: '2026-12-01' },
      },
    );
    const index = card.body.findIndex((element) => element.id === 'explanation');
    expect(card.body[index]).toMatchObject({ value: 'ok' });
    expect(card.body[index + 1]).toMatchObject({ text: 'Required for Negative and No impact.' });
    expect(card.body[index + 2]).toEqual({
      type: 'TextBlock',
      text: `Explain why <${WJ}b\\>negative<${WJ}/b\\>.`,
      wrap: true,
      size: 'Small',
      spacing: 'Small',
      color: 'Attention',
    });
    expect(card.body.at(-1)).toMatchObject({ text: 'Something else.', color: 'Attention' });
    expect(card.body.find((element) => element.id === 'impact')).toMatchObject({ value: 'negative' });
    expect(card.body.find((element) => element.id === 'requirements')).toMatchObject({ value: 'REQ-1, REQ-4' });
    expect(card.body.find((element) => element.id === 'due')).toMatchObject({ value: '2026-12-01' });
  });

  it('leaves out a date that is not YYYY-MM-DD rather than send a card Teams may refuse', () => {
    const card = toFormCard(answerForm(check), {}, { values: { due: 'next friday' } });
    expect(card.body.find((element) => element.id === 'due')).toEqual({ type: 'Input.Date', id: 'due', label: 'Due date' });
  });
});

describe('form values from a submit', () => {
  it('reads activity.value back into the form, its context and neutral values', () => {
    const submit = formSubmitFrom({
      cfbForm: 'check.answer',
      cfbContext: { checkId: 'c1' },
      impact: 'negative',
      affected: 'Acme AS, small shops',
      requirements: 'REQ-1, REQ-4,,  REQ-7 ',
      explanation: 'They lose the free tier.\nAll of them.',
      followup: 'action',
      action: 'Offer a discount',
      owner: '@Ann Larsen',
      due: '2026-12-01',
      reason: '',
    });
    expect(submit).toEqual({
      kind: 'check.answer',
      context: { checkId: 'c1' },
      values: {
        impact: 'negative',
        affected: 'Acme AS, small shops',
        requirements: 'REQ-1, REQ-4,,  REQ-7 ',
        explanation: 'They lose the free tier.\nAll of them.',
        followup: 'action',
        action: 'Offer a discount',
        owner: '@Ann Larsen',
        due: '2026-12-01',
        reason: undefined,
      },
    });
    // The core reads lists from the comma-separated text Teams sends.
    expect(single(submit?.values ?? {}, 'impact')).toBe('negative');
    expect(many(submit?.values ?? {}, 'requirements')).toEqual(['REQ-1', 'REQ-4', 'REQ-7']);
  });

  it('ignores what is not a string, and context values that are not short ids', () => {
    const submit = formSubmitFrom({
      cfbForm: 'check.answer',
      cfbContext: { checkId: 'c'.repeat(201), other: 5 },
      explanation: 42,
      owner: ['x'],
      due: null,
    });
    expect(submit).toEqual({ kind: 'check.answer', context: {}, values: {} });
  });

  it('recognises our form submits by cfbForm only', () => {
    expect(formSubmitFrom({ cfbForm: 'requirement.add' })?.kind).toBe('requirement.add');
    expect(formSubmitFrom({ cfbForm: 'something.else' })).toBeUndefined();
    expect(formSubmitFrom({ cfbAction: 'check.details', checkId: 'c1' })).toBeUndefined();
    expect(formSubmitFrom(undefined)).toBeUndefined();
    expect(formSubmitFrom('impact=positive')).toBeUndefined();
  });
});
