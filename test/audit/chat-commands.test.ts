/**
 * The audit commands in the one grammar both platforms share: `verify [full]`, `export <period>`
 * and `revoke-link <id>`, with or without the customer-focus prefix (Teams types them bare).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/core/commands/grammar.js';
import { createCore } from '../../src/core/index.js';
import { createLinkSigner } from '../../src/core/links/signed-links.js';
import { messageToPlain } from '../../src/core/messages.js';
import { createTestCore, expectOk, type TestCore } from '../support/test-core.js';

describe('audit commands', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = await createTestCore();
  });
  afterEach(() => t.close());

  it('parses verify, export and revoke-link, and explains mistakes', () => {
    expect(expectOk(parseCommand('/customer-focus verify'))).toEqual({ family: 'focus', action: 'verify', full: false });
    expect(expectOk(parseCommand('verify full'))).toEqual({ family: 'focus', action: 'verify', full: true });
    expect(expectOk(parseCommand('export 2026-01-01 to 2026-03-31'))).toEqual({
      family: 'focus',
      action: 'export',
      period: '2026-01-01 to 2026-03-31',
    });
    expect(expectOk(parseCommand('customer-focus revoke-link abc-123'))).toEqual({
      family: 'focus',
      action: 'revoke-link',
      linkId: 'abc-123',
    });
    const noPeriod = parseCommand('export');
    expect(noPeriod.ok ? '' : noPeriod.error.message).toContain('Say which period to export, e.g. "{focus}export 2026-Q1"');
    const badMode = parseCommand('verify everything');
    expect(badMode.ok ? '' : badMode.error.message).toContain(
      'Say "{focus}verify" (the seal chain and the newest entries) or "{focus}verify full"',
    );
  });

  it('answers export with a confidential link, never shareable, resolving the period in the workspace zone', async () => {
    const links = {
      signer: createLinkSigner(t.deps, 's'.repeat(40)),
      baseUrl: 'https://bot.example.com',
      urlFor: (path: string) => `https://bot.example.com${path}`,
    };
    const core = createCore({ ...t.deps, links });
    const manager = await t.actor('manager');
    const outcome = expectOk(await core.runCommand(manager, 'export last-quarter'));
    expect(outcome).toMatchObject({ kind: 'message', confidential: true });
    expect(outcome.kind === 'message' && outcome.shareable).toBeFalsy();
    const text = outcome.kind === 'message' ? messageToPlain(outcome.message) : '';
    expect(text).toContain('Audit pack 2026-07-01 to 2026-09-30');
    expect(text).toMatch(
      /Download the audit pack \(zip\) \(https:\/\/bot\.example\.com\/audit\/download\/slack%3AT1\?t=v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\)/,
    );
    // The expiry as the workspace reads it: its own zone, named.
    expect(text).toMatch(/The link works for 24 hours, until \d{4}-\d\d-\d\d \d\d:\d\d Europe\/Oslo, for this workspace only/);
  });

  it('says how to export when this installation serves no links', async () => {
    const manager = await t.actor('manager');
    const outcome = expectOk(await t.core.runCommand(manager, 'export 2026-Q1'));
    expect(outcome.kind === 'message' ? messageToPlain(outcome.message) : '').toContain(
      'customer-focus export --workspace slack:T1 --from 2026-01-01 --to 2026-03-31 --out pack.zip',
    );
  });

  it('lets auditors verify, and refuses export to members with who can', async () => {
    const auditor = await t.actor('auditor');
    const verified = expectOk(await t.core.runCommand(auditor, 'verify full'));
    expect(verified).toMatchObject({ kind: 'message', shareable: true });
    const member = await t.actor('member');
    const refused = await t.core.runCommand(member, 'export 2026-Q1');
    expect(refused.ok ? '' : refused.error.message).toContain(
      'Sorry, only managers, admins and auditors can export evidence; your role here is member.',
    );
  });
});
