/**
 * Issue 15.12: CSV printed to standard output is RFC 4180 byte for byte. A line printer's newline
 * after the final CRLF made a stray empty last line that strict CSV parsers reject.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../support/cli-harness.js';

/** Every line ends in CRLF, and nothing follows the last one. */
const strictRfc4180Lines = (text: string): string[] => {
  expect(text.endsWith('\r\n')).toBe(true);
  const lines = text.slice(0, -2).split('\r\n');
  for (const line of lines) expect(line).not.toMatch(/[\r\n]/);
  return lines;
};

describe('CSV on standard output', () => {
  let directory: string;
  let env: Record<string, string>;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'cfb-csv-out-'));
    env = { STORE_URL: `sqlite://${join(directory, 'cli.sqlite')}` };
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it("requirements list --csv ends with the last row's CRLF and no stray LF", async () => {
    await cli(['requirements', 'add', 'Invoices in EUR', 'customer:Acme AS'], env);
    const run = await cli(['requirements', 'list', '--csv'], env);
    expect(run.code, run.err).toBe(0);
    const lines = strictRfc4180Lines(run.stdout);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^REQ-1,Invoices in EUR,Acme AS,/);
  });

  it('evidence export without --out does the same', async () => {
    await cli(['requirements', 'add', 'Invoices in EUR', 'customer:Acme AS'], env);
    // A day either side of today's UTC date holds today in any workspace zone, at any hour.
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const run = await cli(['evidence', 'export', '--from', day(-1), '--to', day(1)], env);
    expect(run.code, run.err).toBe(0);
    expect(strictRfc4180Lines(run.stdout)).toHaveLength(2);
  });
});
