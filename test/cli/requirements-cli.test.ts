import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../support/cli-harness.js';

describe('customer-focus requirements and evidence', () => {
  let directory: string;
  let env: Record<string, string>;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'cfb-cli-'));
    env = { STORE_URL: `sqlite://${join(directory, 'cli.sqlite')}`, DIGEST_TIMEZONE: 'Europe/Oslo' };
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('a fresh store has one workspace, local, so --workspace is optional', async () => {
    const run = await cli(['workspaces'], env);
    expect(run.code).toBe(0);
    expect(run.out.split('\n')).toEqual([
      'WORKSPACE ID  PLATFORM  NAME             TIME ZONE',
      'local         local     Local workspace  Europe/Oslo',
    ]);
  });

  it('speaks as the command line: plurals agree, hints are commands that work here, an empty filter is not "add one"', async () => {
    const added = await cli(['requirements', 'add', 'Invoices in NOK', 'customer:Acme AS', 'type:stated', 'category:price'], env);
    // Editing is done in chat: the hint says so instead of offering a chat command as if it ran here.
    expect(added.out).toContain(
      'List the register with "customer-focus requirements list". Change or review REQ-1 in chat: "/requirement edit REQ-1 …" in Slack, "requirement edit REQ-1 …" in Teams.',
    );
    expect(added.out).not.toMatch(/^Change it with "requirement edit/m);
    const listed = await cli(['requirements', 'list'], env);
    expect(listed.out.split('\n')[0]).toBe('1 requirement');
    const atRisk = await cli(['requirements', 'list', 'at_risk'], env);
    expect(atRisk.out).toBe(
      'No requirement matches this filter. Without a filter, "customer-focus requirements list" shows the whole register.',
    );
    expect(atRisk.out).not.toContain('Add one');
  });

  it('adds and lists requirements', async () => {
    const added = await cli(
      ['requirements', 'add', 'Deliveries to Norway within 5 days', 'customer:Acme AS', 'type:stated', 'category:delivery'],
      env,
    );
    expect(added.code, added.err).toBe(0);
    expect(added.out).toContain('Recorded REQ-1: Deliveries to Norway within 5 days');
    expect(added.out).toContain('Customer: Acme AS');
    const listed = await cli(['requirements', 'list'], env);
    expect(listed.out).toContain('REQ-1 [stated, delivery, open] Deliveries to Norway within 5 days — Acme AS');
    const csv = await cli(['requirements', 'list', '--csv'], env);
    expect(csv.out.split('\r\n')[0]).toBe(
      'id,statement,customer,type,reference,category,status,horizon,owner,owner_id,review_interval_days,next_review_on,source,source_link,created_at,created_by,updated_at,updated_by',
    );
  });

  it('refuses bad input with the allowed values and exit code 2', async () => {
    const run = await cli(['requirements', 'add', 'x', 'type:wished'], env);
    expect(run.code).toBe(2);
    expect(run.err).toContain('"wished" is not a valid type. Use one of: stated, implied, obligatory.');
    const workspace = await cli(['requirements', 'list', '--workspace', 'nope'], env);
    expect(workspace.err).toContain('There is no workspace "nope". Known workspaces: local (Local workspace).');
  });

  it('imports a spreadsheet export, reporting each rejected row, and skips rows already imported', async () => {
    const file = join(directory, 'register.csv');
    writeFileSync(
      file,
      [
        '\ufeffStatement;Customer;Type;Category;Owner;Review;Status',
        'Invoices in EUR;Acme AS;stated;price;local:dana;6m;open',
        ';Acme AS;stated;price;;;',
        'Accessible web shop;End users;obligatory;product;;1y;at_risk',
        'Same-day answers;Globex;wished;support;;;',
        '"Deliveries ""fast""; within 5 days";Acme AS;implied;delivery;;;',
      ].join('\r\n'),
    );
    const first = await cli(['requirements', 'import', file], env);
    expect(first.code).toBe(1);
    expect(first.out).toContain('imported 3, rejected 2, skipped 0');
    expect(first.err).toContain('line 3: rejected: The requirement needs a statement');
    expect(first.err).toContain('line 5: rejected: "wished" is not a valid type. Use one of: stated, implied, obligatory.');
    const listed = await cli(['requirements', 'list', 'status:at_risk'], env);
    expect(listed.out).toContain('Accessible web shop');
    const again = await cli(['requirements', 'import', file], env);
    expect(again.out).toContain('imported 0, rejected 2, skipped 3');
  });

  it('refuses a malformed import file whole, saying what is wrong', async () => {
    const unclosed = join(directory, 'broken.csv');
    writeFileSync(unclosed, 'statement,customer\n"Never closed,Acme\nNext,Globex\n');
    const broken = await cli(['requirements', 'import', unclosed], env);
    expect(broken.code).toBe(2);
    expect(broken.err).toMatch(/^Nothing was imported: .*line \d/i);
    const noStatement = join(directory, 'columns.csv');
    writeFileSync(noStatement, 'what,who\nInvoices,Acme\n');
    const columns = await cli(['requirements', 'import', noStatement], env);
    expect(columns.err).toContain('Nothing was imported: the file has no "statement" column. Its columns are: what, who.');
    expect((await cli(['requirements', 'list', '--csv'], env)).out.split('\r\n').filter(Boolean)).toHaveLength(1);
    const missing = await cli(['requirements', 'import', join(directory, 'nope.csv')], env);
    expect(missing.err).toContain('I could not read');
  });

  it('exports evidence for inclusive dates, formula-safe', async () => {
    await cli(['requirements', 'add', '=HYPERLINK("http://evil")', 'customer:@Acme'], env);
    // Dates are read in the workspace's zone: a day either side of today's UTC date holds today
    // wherever the workspace is, whatever the hour the test runs.
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const out = join(directory, 'evidence.csv');
    const run = await cli(['evidence', 'export', '--from', day(-1), '--to', day(1), '--out', out], env);
    expect(run.code, run.err).toBe(0);
    expect(run.err).toContain('Wrote 1 evidence entry');
    const csv = await readFile(out, 'utf8');
    const [header, row] = csv.split('\r\n');
    expect(header).toBe('seq,at,type,actor_id,subject_kind,subject_id,data,personal,hash');
    expect(row).toMatch(/^1,\d{4}-\d{2}-\d{2}T[\d:.]+Z,requirement.created,cli:/);
    expect(row).toContain('REQ-1');
    expect(row).toMatch(/,[0-9a-f]{64}$/);
    const listed = await cli(['requirements', 'list', '--csv'], env);
    expect(listed.out).toContain(`'=HYPERLINK`);
    expect(listed.out).toContain(`'@Acme`);
  });

  it('checks export dates', async () => {
    expect((await cli(['evidence', 'export', '--from', '2026-02-30', '--to', '2026-03-01'], env)).err).toContain(
      '"2026-02-30" is not a valid --from date',
    );
    expect((await cli(['evidence', 'export', '--from', '2026-03-02', '--to', '2026-03-01'], env)).err).toContain('is after --to');
    expect((await cli(['evidence', 'export'], env)).err).toContain('Give the period');
  });
});
