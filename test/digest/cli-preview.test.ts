/** `customer-focus digest --preview`: the digest of the last seven days as text, nothing sent. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../support/cli-harness.js';

describe('customer-focus digest --preview', () => {
  let directory: string;
  let env: Record<string, string>;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'cfb-digest-cli-'));
    env = { STORE_URL: `sqlite://${join(directory, 'cli.sqlite')}`, DIGEST_TIMEZONE: 'Europe/Oslo' };
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('prints the digest as plain text, commands spelled as typed on the command line', async () => {
    expect(
      (
        await cli(
          ['requirements', 'add', 'Food contact materials comply with EU 10/2011', 'customer:Retail', 'type:obligatory', 'review:1d'],
          env,
        )
      ).code,
    ).toBe(0);
    const run = await cli(['digest', '--preview'], env);
    expect(run.code, run.err).toBe(0);
    expect(run.out).toMatch(/^Customer focus digest: \d{4}-\d{2}-\d{2} \d{2}:\d{2} to \d{4}-\d{2}-\d{2} \d{2}:\d{2}\n/);
    expect(run.out).toContain('Requirements added or changed (8.2.2): 1 added, 0 changed');
    expect(run.out).toContain('By type: 1 obligatory');
    expect(run.out).toContain('Preview: nothing was sent or recorded.');
    expect(run.out).not.toMatch(/[*`]|\{requirement\}/);
    const evidence = await cli(['evidence', 'export', '--from', '2000-01-01', '--to', '2100-01-01'], env);
    expect(evidence.out).not.toContain('digest.sent');
  });

  it('says how to call it when --preview is missing, and names unknown workspaces', async () => {
    const bare = await cli(['digest'], env);
    expect(bare.code).toBe(2);
    expect(bare.err).toContain('Use: customer-focus digest --preview [--workspace <id>]');
    const unknown = await cli(['digest', '--preview', '--workspace', 'nope'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('There is no workspace "nope"');
  });
});
