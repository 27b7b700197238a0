/**
 * Issue 16, items 6, 8 and 9, at the command line: `customer-focus requirements add|import`,
 * run in-process against a real SQLite store.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../support/cli-harness.js';

describe('customer-focus requirements: nothing guessed silently', () => {
  let directory: string;
  let env: Record<string, string>;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'cfb-cli-guess-'));
    env = { STORE_URL: `sqlite://${join(directory, 'cli.sqlite')}`, DIGEST_TIMEZONE: 'Europe/Oslo' };
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  const listed = async () => (await cli(['requirements', 'list', '--csv'], env)).out.split('\r\n').filter(Boolean).slice(1);

  it('16.6: names the defaults it applied', async () => {
    const added = await cli(['requirements', 'add', 'Only a statement'], env);
    expect(added.code, added.err).toBe(0);
    expect(added.out).toContain(
      'I used these defaults, because you did not give them: customer All customers, type stated, category other, horizon current, review every 90 days.',
    );
    expect(added.out).toContain('requirement edit REQ-1 customer:… type:… category:… horizon:… review:…');
  });

  it('16.8: refuses a second record, pointing at the first; duplicate:ok records it anyway', async () => {
    await cli(['requirements', 'add', 'Invoices in NOK', 'customer:Acme AS'], env);
    const again = await cli(['requirements', 'add', 'Invoices in NOK', 'customer:Acme AS'], env);
    expect(again.code).toBe(2);
    expect(again.err).toContain('REQ-1 already records this statement for this customer, so I did not record it again.');
    expect(again.err).toContain('requirement show REQ-1');
    expect(again.err).toContain('duplicate:ok');
    expect(await listed()).toHaveLength(1);
    const anyway = await cli(['requirements', 'add', 'Invoices in NOK', 'customer:Acme AS', 'duplicate:ok'], env);
    expect(anyway.code, anyway.err).toBe(0);
    expect(anyway.out).toContain('Recorded REQ-2');
  });

  it('16.9: an owner is a user id (local:kim here); @kim, names and e-mail addresses are refused with a hint', async () => {
    for (const owner of ['@kim', 'kim', 'kim@example.com', 'me']) {
      const refused = await cli(['requirements', 'add', 'Invoices in NOK', `owner:${owner}`], env);
      expect(refused.code).toBe(2);
      expect(refused.err).toContain('On the command line or in a spreadsheet, write local:kim.');
    }
    expect(await listed()).toEqual([]);
    const added = await cli(['requirements', 'add', 'Invoices in NOK', 'owner:local:kim'], env);
    expect(added.code, added.err).toBe(0);
    expect((await listed())[0]).toContain(',local:kim,');
  });

  it('16.9: a review date in the past is refused', async () => {
    const refused = await cli(['requirements', 'add', 'Invoices in NOK', 'review:2020-01-01'], env);
    expect(refused.err).toContain('The review date 2020-01-01 is in the past');
  });

  it('16.8 and 16.9 in an import: owners checked per row; skipped rows point at the live requirement, not a retired one', async () => {
    const file = join(directory, 'register.csv');
    writeFileSync(
      file,
      [
        'statement,customer,owner,status',
        'Invoices in NOK,Acme AS,local:dana,retired',
        'Invoices in NOK,Acme AS,local:kim,open',
        'Invoices in EUR,Acme AS,@kim,open',
        'Invoices in SEK,Acme AS,kim@example.com,open',
      ].join('\n'),
    );
    const first = await cli(['requirements', 'import', file], env);
    expect(first.out).toContain('imported 2, rejected 2, skipped 0');
    expect(first.err).toContain('line 4: rejected: "@kim" is not a person I can find in this workspace');
    expect(first.err).toContain("line 5: rejected: I can't use an e-mail address for owner");
    expect(await listed()).toEqual([expect.stringMatching(/^REQ-2,Invoices in NOK,Acme AS,.*,open,.*,local:kim,/)]);
    const retired = (await cli(['requirements', 'list', 'status:retired', '--csv'], env)).out.split('\r\n').filter(Boolean).slice(1);
    expect(retired).toEqual([expect.stringMatching(/^REQ-1,Invoices in NOK,Acme AS,.*,retired,.*,local:dana,/)]);

    const again = await cli(['requirements', 'import', file], env);
    // Line 2 (retired) meets REQ-2, the live one; never the retired REQ-1.
    expect(again.err).toContain('line 2: skipped: already in the register as REQ-2');
    expect(again.err).toContain('line 3: skipped: already in the register as REQ-2');
    expect(again.err).not.toContain('REQ-1');
  });
});
