/**
 * The audit pack answers the auditor's 5.1.2 questions: summary.html's "How we determine customer
 * requirements" section, csv/customer-knowledge.csv and csv/responsibilities.csv, all listed in
 * the manifest and checked by the pack's own verifier. Written by `customer-focus export`.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli-harness.js';
import { createTestCore, expectOk } from '../support/test-core.js';

const run = promisify(execFile);
const directory = mkdtempSync(join(tmpdir(), 'cfb-kpack-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));
const WORKSPACE = 'slack:TKNOW';
const env = { STORE_URL: `sqlite://${join(directory, 'store.sqlite')}`, DIGEST_TIMEZONE: 'Europe/Oslo' };

/** Where the unzipped pack is. */
let packFolder = '';

describe('the audit pack, 5.1.2 how we determine customer requirements', () => {
  beforeAll(async () => {
    const t = await createTestCore({ storeUrl: env.STORE_URL, namespace: 'cfb', workspaceId: WORKSPACE });
    t.clock.set('2026-03-10T09:00:00.000Z');
    const admin = await t.actor('admin', 'U_ADMIN');
    const dana = { id: 'U_DANA', name: 'Dana', workspaceId: WORKSPACE };
    for (const command of [
      'requirement add "Seats meet <b>EN 1888</b>" type:obligatory ref:"EN 1888" category:product',
      'requirement add "Cleaned in five minutes" category:product horizon:future',
      'requirement add "Deliveries within 5 days" category:delivery source:"framework contract §4"',
      'knowledge add "Parents survey <script>x</script>" kind:end-user-survey date:2026-02-01 link:https://example.com/survey req:REQ-2 for:"parents of toddlers" summary:"Cleaning first"',
      'knowledge add "Standards watch" kind:regulatory-watch date:2024-11-01 file:"EN 1888 notes.docx" req:REQ-1',
    ]) {
      expectOk(await t.core.runCommand(dana, command));
    }
    expectOk(await t.core.runCommand(dana, 'requirement edit REQ-2 source:K-1'));
    expectOk(await t.core.runCommand(admin, 'responsible category:product <@U_DANA|Dana>'));
    expectOk(await t.core.runCommand(admin, 'responsible obligatory <@U_OMAR|Omar>'));
    await t.close();

    const zip = join(directory, 'pack.zip');
    const exported = await cli(['export', '--workspace', WORKSPACE, '--from', '2026-01-01', '--to', '2026-03-31', '--out', zip], env);
    expect(exported.code, exported.err).toBe(0);
    for (const [path, data] of Object.entries(unzipSync(readFileSync(zip)))) {
      packFolder = join(directory, 'unzipped', path.split('/')[0] ?? '');
      mkdirSync(dirname(join(directory, 'unzipped', path)), { recursive: true });
      writeFileSync(join(directory, 'unzipped', path), data);
    }
  });

  it('summary.html answers who, from which sources, which obligatory requirements and with what coverage', () => {
    const html = readFileSync(join(packFolder, 'summary.html'), 'utf8');
    const start = html.indexOf('<section id="c5-1-2-determine">');
    expect(start).toBeGreaterThan(0);
    const section = html.slice(start, html.indexOf('</section>', start));
    expect(section).toContain('How we determine customer requirements');
    expect(section).toContain('<td>product</td><td>Dana (U_DANA)</td><td>admin person (U_ADMIN)</td><td>2026-03-10</td>');
    expect(section).toContain('<td>price</td><td>nobody named</td>');
    expect(section).toContain('Requirements traced to a source</dt><dd>3 of 3 (100%)');
    expect(section).toContain('Requirements about future needs</dt><dd>1 of 3 (33%)');
    expect(section).toContain('<td>regulatory watch</td><td>1</td><td>K-2</td><td>2024-11-01</td><td>16</td><td>12</td><td>stale</td>');
    expect(section).toContain('<td>market research</td><td>0</td><td></td><td></td><td></td><td>12</td><td>never recorded</td>');
    expect(section).toContain('Obligatory requirements (watched by Omar (U_OMAR))');
    expect(section).toContain('<td>EN 1888</td>');
    expect(section).toContain('<td>REQ-2</td><td>Cleaned in five minutes</td><td>future</td><td>K-1</td>');
    expect(section).toContain('framework contract §4');
    // Typed text stays text.
    expect(section).toContain('Parents survey &lt;script&gt;x&lt;/script&gt;');
    expect(section).not.toContain('<script>');
    expect(html).toContain('<a href="#c5-1-2-determine">');
  });

  it('adds the knowledge and responsibilities CSVs, in the manifest, and the verifier checks them', async () => {
    const manifest = JSON.parse(readFileSync(join(packFolder, 'manifest.json'), 'utf8')) as {
      files: { path: string }[];
      counts: Record<string, number>;
    };
    expect(manifest.files.map((file) => file.path)).toEqual(
      expect.arrayContaining(['csv/customer-knowledge.csv', 'csv/responsibilities.csv']),
    );
    expect(manifest.counts).toMatchObject({ customerKnowledge: 2, responsibilities: 2 });
    const csv = readFileSync(join(packFolder, 'csv/customer-knowledge.csv'), 'utf8');
    expect(csv.split('\r\n')[1]).toMatch(
      /^K-1,2026-02-01,end-user-survey,Parents survey <script>x<\/script>,https:\/\/example.com\/survey,/,
    );
    const { stdout } = await run(process.execPath, [join(packFolder, 'verify-pack.mjs')], { cwd: tmpdir() });
    expect(stdout).toMatch(/^OK {2}\d+ files match manifest.json/);

    // An edited knowledge CSV is caught.
    writeFileSync(join(packFolder, 'csv/customer-knowledge.csv'), csv.replace('Cleaning first', 'Price first'));
    const edited = await run(process.execPath, [join(packFolder, 'verify-pack.mjs')], { cwd: tmpdir() }).catch(
      (error: { stdout: string }) => error,
    );
    expect(edited.stdout).toContain('csv/customer-knowledge.csv was changed');
    writeFileSync(join(packFolder, 'csv/customer-knowledge.csv'), csv);
  });
});
