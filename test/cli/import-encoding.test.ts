/**
 * Issue 15.8: a CSV saved by Excel in Windows-1252 imported as `M�ller` with exit code 0, and a
 * UTF-16 file was refused as "row has 1 cells". Through the CLI: invalid UTF-8 is refused with the
 * line and how to save as UTF-8 (nothing imported); `--encoding windows-1252` reads it right;
 * UTF-16 with a byte-order mark is read; UTF-16 without one is refused for what it is.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../support/cli-harness.js';

const ROWS = ['statement;customer', 'Lieferung innerhalb 5 Tagen;Müller GmbH', 'Rechnungen in EUR;Bäckerei Größe'].join('\r\n');

/** The bytes Excel writes for "CSV (Comma delimited)" in a Western locale: one byte per letter. */
const windows1252 = (text: string): Buffer => Buffer.from(text, 'latin1');
const utf16le = (text: string, bom: boolean): Buffer =>
  Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string): Buffer => {
  const little = Buffer.from(text, 'utf16le');
  return Buffer.concat([Buffer.from([0xfe, 0xff]), little.swap16()]);
};

describe('requirements import: encodings', () => {
  let directory: string;
  let env: Record<string, string>;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'cfb-encoding-'));
    env = { STORE_URL: `sqlite://${join(directory, 'cli.sqlite')}` };
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  const file = (name: string, bytes: Buffer): string => {
    const path = join(directory, name);
    writeFileSync(path, bytes);
    return path;
  };
  const customers = async (): Promise<string> => (await cli(['requirements', 'list', '--csv'], env)).stdout;

  it('refuses a Windows-1252 file, naming the problem, the line and how to save as UTF-8; nothing is imported', async () => {
    const run = await cli(['requirements', 'import', file('excel.csv', windows1252(ROWS))], env);
    expect(run.code).toBe(2);
    expect(run.err).toContain('Nothing was imported: The file is not UTF-8: line 2 has a byte (0xFC) that UTF-8 does not allow');
    expect(run.err).toContain('"CSV UTF-8 (Comma delimited)"');
    expect(run.err).toContain('--encoding windows-1252');
    expect(await customers()).not.toContain('REQ-');
  });

  it('imports it right with --encoding windows-1252', async () => {
    const run = await cli(['requirements', 'import', file('excel.csv', windows1252(ROWS)), '--encoding', 'windows-1252'], env);
    expect(run.code, run.err).toBe(0);
    expect(run.out).toContain('imported 2');
    const listed = await customers();
    expect(listed).toContain('Müller GmbH');
    expect(listed).toContain('Bäckerei Größe');
    expect(listed).not.toContain('\ufffd');
  });

  it('reads UTF-16 with a byte-order mark, little- and big-endian', async () => {
    const little = await cli(['requirements', 'import', file('le.csv', utf16le(ROWS, true))], env);
    expect(little.code, little.err).toBe(0);
    expect(little.out).toContain('imported 2');
    const big = await cli(['requirements', 'import', file('be.csv', utf16be(ROWS.replaceAll('EUR', 'NOK')))], env);
    expect(big.code, big.err).toBe(0);
    expect(await customers()).toContain('Bäckerei Größe');
  });

  it('refuses UTF-16 without a byte-order mark for what it is, not as a row with one cell', async () => {
    const run = await cli(['requirements', 'import', file('no-bom.csv', utf16le(ROWS, false))], env);
    expect(run.code).toBe(2);
    expect(run.err).toContain('probably UTF-16 saved without a byte-order mark');
    expect(run.err).not.toContain('cells');
  });

  it('names an unknown --encoding', async () => {
    const run = await cli(['requirements', 'import', file('excel.csv', windows1252(ROWS)), '--encoding', 'klingon'], env);
    expect(run.code).toBe(2);
    expect(run.err).toContain('"klingon" is not an encoding I know.');
  });
});
