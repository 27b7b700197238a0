/** `customer-focus knowledge import|list` through the real CLI on a real SQLite store. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../support/cli-harness.js';

describe('customer-focus knowledge', () => {
  let directory: string;
  let env: Record<string, string>;

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'cfb-knowledge-'));
    env = { STORE_URL: `sqlite://${join(directory, 'cli.sqlite')}`, DIGEST_TIMEZONE: 'Europe/Oslo' };
    expect((await cli(['requirements', 'add', 'Seats clean in five minutes'], env)).code).toBe(0);
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('imports a document list, reporting each refused row, and skips rows already imported', async () => {
    const file = join(directory, 'sources.csv');
    writeFileSync(
      file,
      [
        '\ufeffTitle;Kind;Date;Link;Customers;Horizon;Requirements;Summary',
        'Q3 end-user survey;end-user-survey;2026-09-30;https://example.com/q3.pdf;Parents;future;REQ-1;Cleaning matters most',
        'Gossip;rumour;2026-09-30;https://example.com/g;;;;',
        'Old brochure;marketing-plan;2026-01-05;file:///etc/passwd;;;;',
        'Unknown link;trade-press;2026-01-05;https://example.com/t;;;REQ-77;',
        'Next year;design-brief;2099-01-01;https://example.com/b;;;;',
        '"Safety standard EN 1888; watch";regulatory-watch;2026-02-01;https://example.com/en1888;;;REQ-1;',
      ].join('\r\n'),
    );
    const run = await cli(['knowledge', 'import', file], env);
    expect(run.code).toBe(1);
    expect(run.out).toBe('imported 2, rejected 4, skipped 0 (already recorded): K-1…K-2');
    expect(run.err).toContain('line 3: rejected: "rumour" is not a valid kind');
    expect(run.err).toContain('line 4: rejected: "file:///etc/passwd" is not a web link');
    expect(run.err).toContain('line 5: rejected: There is no REQ-77 in this workspace');
    expect(run.err).toContain('line 6: rejected: The date 2099-01-01 is in the future');

    const again = await cli(['knowledge', 'import', file], env);
    expect(again.out).toContain('imported 0, rejected 4, skipped 2');
    expect(again.err).toContain('line 2: skipped: already recorded as K-1');

    const listed = await cli(['knowledge', 'list'], env);
    expect(listed.out).toContain('K-1 2026-09-30 [end-user survey, future] Q3 end-user survey — REQ-1');
    expect(listed.out).toContain('K-2 2026-02-01 [regulatory watch, current] Safety standard EN 1888; watch — REQ-1');
    const csv = await cli(['knowledge', 'list', '--csv'], env);
    expect(csv.out.split('\r\n')[0]).toBe(
      'id,date,kind,title,link,file_name,customers,horizon,owner,owner_id,requirement_ids,summary,recorded_at,recorded_by',
    );
  });

  it('refuses a file without title or kind columns and imports nothing', async () => {
    const file = join(directory, 'wrong.csv');
    writeFileSync(file, 'Name,Link\nA,https://example.com\n');
    const run = await cli(['knowledge', 'import', file], env);
    expect(run.code).toBe(2);
    expect(run.err).toContain('Nothing was imported: the file has no "kind" column');
    expect((await cli(['knowledge', 'list'], env)).out).toContain('No customer knowledge recorded yet');
  });

  it('checks without writing on --dry-run', async () => {
    const file = join(directory, 'sources.csv');
    writeFileSync(file, 'title,kind,link\nStudy,market-research,https://example.com/s\n');
    const run = await cli(['knowledge', 'import', file, '--dry-run'], env);
    expect(run.out).toBe('would import 1, rejected 0, skipped 0 (already recorded)');
    expect((await cli(['knowledge', 'list'], env)).out).toContain('No customer knowledge recorded yet');
  });
});
