import { describe, expect, it } from 'vitest';
import { type Command, parseCommand } from '../../src/core/commands/grammar.js';
import { spellCommands } from '../../src/core/commands/usage.js';

function parsed(text: string): Command {
  const result = parseCommand(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function refusal(text: string): string {
  const result = parseCommand(text);
  if (result.ok) throw new Error(`expected "${text}" to be refused`);
  return result.error.message;
}

describe('command grammar', () => {
  it('reads the example from the issue, options in any order and case', () => {
    const expected = {
      family: 'requirement',
      action: 'add',
      statement: 'Deliveries to Norway within 5 days',
      fields: { customer: 'Acme AS', type: 'stated', category: 'delivery', owner: '@someone', review: '30d' },
    };
    expect(
      parsed(
        'add Deliveries to Norway within 5 days customer:"Acme AS" type:stated category:delivery owner:@someone review:30d'.replace(
          /^/,
          'requirement ',
        ),
      ),
    ).toEqual(expected);
    expect(
      parsed(
        '/requirement ADD type:stated Deliveries to Norway CUSTOMER:"Acme AS" within 5 days category:delivery review:30d owner:@someone',
      ),
    ).toEqual(expected);
  });

  it('is the same grammar on Slack (slash) and Teams (no slash, other aliases)', () => {
    expect(parsed('/customer-feedback Too slow customer:Acme sentiment:negative')).toEqual(
      parsed('feedback Too slow customer:Acme sentiment:negative'),
    );
    expect(parsed('/customer-check we go with vendor B')).toEqual(parsed('check we go with vendor B'));
    expect(parsed('/customer-focus settings tz:Europe/Oslo')).toEqual(parsed('settings timezone:Europe/Oslo'));
  });

  it('accepts curly quotes, key=value and a space after the colon', () => {
    expect(parsed('requirement add “Invoices in EUR” customer: “Acme Nordic AS” type=implied')).toMatchObject({
      statement: 'Invoices in EUR',
      fields: { customer: 'Acme Nordic AS', type: 'implied' },
    });
  });

  it('keeps links, times and unknown words with colons in the statement', () => {
    expect(parsed('requirement add Price: below 10 EUR before 10:30, see https://example.com/x')).toMatchObject({
      statement: 'Price: below 10 EUR before 10:30, see https://example.com/x',
    });
  });

  it('keeps platform mentions whole', () => {
    expect(parsed('requirement edit REQ-3 owner:<@U123|Dana Smith>')).toMatchObject({ fields: { owner: '<@U123|Dana Smith>' } });
    expect(parsed('role <@U9|Kim Lee> manager')).toEqual({ family: 'focus', action: 'role', person: '<@U9|Kim Lee>', role: 'manager' });
  });

  it('names a mistyped option and suggests the right one', () => {
    expect(refusal('requirement add x catgory:price')).toMatch(/"catgory:".*Did you mean "category:"/);
  });

  it('refuses an option without a value, or given twice', () => {
    expect(refusal('requirement add x customer:')).toMatch(/"customer:" needs a value/);
    expect(refusal('requirement add x type:stated type:implied')).toMatch(/given twice/);
  });

  it('names unknown subcommands and shows the usage', () => {
    const message = refusal('requirement frobnicate');
    expect(message).toMatch(/"\{requirement\} frobnicate" is not a command I know/);
    expect(message).toContain('{requirement} add');
    expect(refusal('launch the rockets')).toMatch(/"launch" is not a command I know/);
  });

  it('asks for the missing argument', () => {
    expect(refusal('requirement show')).toMatch(/Say which requirement to show/);
    expect(refusal('requirement edit REQ-1')).toMatch(/Say what to change/);
    expect(refusal('requirement reassign REQ-1')).toMatch(/Say what to reassign and to whom/);
    expect(refusal('role @dana')).toMatch(/Say whose role to set/);
    expect(refusal('digest somewhere')).toMatch(/digest here/);
  });

  it('leaves forms to the adapters when there is no text', () => {
    expect(parsed('requirement add')).toEqual({ family: 'requirement', action: 'add', fields: {} });
    expect(parsed('requirement review REQ-2')).toEqual({ family: 'requirement', action: 'review', id: 'REQ-2' });
    expect(parsed('/customer-feedback')).toEqual({ family: 'feedback', action: 'record', fields: {} });
  });

  it('reads both forms of reassign', () => {
    expect(parsed('requirement reassign REQ-4 to @kim')).toMatchObject({ id: 'REQ-4', to: '@kim' });
    expect(parsed('requirement reassign @dana to @kim')).toMatchObject({ from: '@dana', to: '@kim' });
  });

  it('spells commands the way each platform types them', () => {
    expect(spellCommands('Try "{requirement} list" or "{focus}status"', 'slack')).toBe(
      'Try "/requirement list" or "/customer-focus status"',
    );
    expect(spellCommands('Try "{requirement} list" or "{focus}status"', 'teams')).toBe('Try "requirement list" or "status"');
  });

  it('treats an empty command as a request for help', () => {
    expect(parsed('')).toEqual({ family: 'focus', action: 'help' });
    expect(parsed('/requirement')).toEqual({ family: 'requirement', action: 'help' });
  });
});

describe('unclosed quotes', () => {
  it('refuses a command whose quote is never closed instead of guessing where the text ends', () => {
    for (const line of [
      'requirement add Deliveries customer:"Acme AS',
      'requirement add "Deliveries to Norway customer:Acme',
      '/customer-feedback “Too slow customer:Acme',
    ]) {
      expect(refusal(line)).toMatch(/^The quote .+ is never closed, so I did not do anything\./);
    }
  });

  it('leaves text that is no command to whoever reads it next (a decision typed to the bot)', () => {
    const result = parseCommand('we decided "Pro costs 10 EUR from May');
    expect(result.ok ? undefined : (result.error as { code?: string }).code).toBe('command.unknown');
  });
});
