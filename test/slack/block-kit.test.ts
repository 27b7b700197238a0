import { describe, expect, it } from 'vitest';
import { ACTION_ID_PATTERN, MAX_VALUE_LENGTH, decodeAction, encodeAction } from '../../src/adapters/slack/action-codec.js';
import { LIMITS, escapeMrkdwn, toSlackMessage, toSlackModal } from '../../src/adapters/slack/block-kit.js';
import { requirementForm } from '../../src/core/forms/catalogue.js';
import type { CoreAction, Message } from '../../src/core/messages.js';

describe('Block Kit rendering', () => {
  it('escapes user text so nothing a user types pings or links', () => {
    const message: Message = {
      fallback: 'x <!channel>',
      blocks: [{ kind: 'text', parts: ['Recorded: ', { user: '<!channel> <@U1> <https://evil|ok> & more' }] }],
    };
    const rendered = JSON.stringify(toSlackMessage(message));
    expect(rendered).toContain('&lt;!channel&gt; &lt;@U1&gt; &lt;https://evil|ok&gt; &amp; more');
    expect(rendered).not.toContain('<!channel>');
    expect(escapeMrkdwn('a<b>&c')).toBe('a&lt;b&gt;&amp;c');
  });

  it('renders people as mentions only for real Slack user ids', () => {
    const { blocks } = toSlackMessage({
      fallback: '',
      blocks: [{ kind: 'text', parts: [{ person: { id: 'U0ABC' } }, ' and ', { person: { name: '<!here>' } }] }],
    });
    expect(JSON.stringify(blocks)).toContain('<@U0ABC> and &lt;!here&gt;');
  });

  it('keeps within Block Kit limits: long text cut with …, too many blocks cut with a note', () => {
    const long: Message = { fallback: 'f', blocks: [{ kind: 'text', parts: [{ user: 'x'.repeat(5000) }] }] };
    const section = toSlackMessage(long).blocks[0] as { text: { text: string } };
    expect(section.text.text).toHaveLength(LIMITS.sectionText);
    expect(section.text.text.endsWith('…')).toBe(true);
    const many: Message = { fallback: 'f', blocks: Array.from({ length: 80 }, () => ({ kind: 'divider' as const })) };
    const rendered = toSlackMessage(many).blocks;
    expect(rendered).toHaveLength(LIMITS.blocks);
    expect(JSON.stringify(rendered.at(-1))).toContain('more than fits');
  });

  it('spells commands the Slack way and always sets a plain fallback', () => {
    const message = toSlackMessage({
      fallback: 'Use *{requirement} list*',
      blocks: [{ kind: 'text', parts: ['Use "{requirement} list"'] }],
    });
    expect(message.text).toBe('Use /requirement list');
    expect(JSON.stringify(message.blocks)).toContain('/requirement list');
  });

  it('turns a form into a modal whose block ids are the field ids', () => {
    const modal = toSlackModal(requirementForm({ statement: 'Invoices in NOK' }), { channel: 'C1' });
    expect(modal.callback_id).toBe('form:requirement.add');
    expect(JSON.parse(modal.private_metadata ?? '{}')).toEqual({ channel: 'C1' });
    const ids = (modal.blocks as { block_id?: string }[]).map((block) => block.block_id).filter(Boolean);
    expect(ids).toEqual(['statement', 'customer', 'type', 'reference', 'category', 'horizon', 'owner', 'review', 'source', 'link']);
  });
});

describe('action codec', () => {
  const actions: CoreAction[] = [
    { kind: 'check.answer', checkId: 'tabc', impact: 'negative' },
    { kind: 'check.details', checkId: 'tabc' },
    { kind: 'check.dismiss', checkId: 'tabc' },
    { kind: 'action.close', actionId: 'a1' },
    { kind: 'requirement.review', requirementId: 'REQ-3' },
    { kind: 'command.share', command: '/requirement list at_risk' },
    { kind: 'command.confirm', command: 'requirement add "Invoices in NOK" customer:"Acme AS" duplicate:ok' },
  ];
  it.each(actions)('round-trips $kind', (action) => {
    const { action_id, value } = encodeAction(action, 2);
    // Bolt routes every button we produce to our listener by this one pattern.
    expect(action_id).toMatch(ACTION_ID_PATTERN);
    expect(decodeAction(action_id, value)).toEqual(action);
  });
  it('carries a confirmed command up to the button value limit, and no further', () => {
    expect(decodeAction('command.confirm:0', 'y'.repeat(MAX_VALUE_LENGTH))).toEqual({
      kind: 'command.confirm',
      command: 'y'.repeat(MAX_VALUE_LENGTH),
    });
    expect(decodeAction('command.confirm:0', 'y'.repeat(MAX_VALUE_LENGTH + 1))).toBeUndefined();
    expect(decodeAction('command.confirm:0', '')).toBeUndefined();
  });
  it('refuses what it did not produce', () => {
    expect(decodeAction('check.answer:0', 'tabc|delighted')).toBeUndefined();
    expect(decodeAction('something.else:0', 'x')).toBeUndefined();
    expect(decodeAction('check.details:0', 'x'.repeat(500))).toBeUndefined();
  });
});
