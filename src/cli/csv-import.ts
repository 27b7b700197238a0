/**
 * A spreadsheet import from the command line, the same for every register: read the file's bytes,
 * decode them as told (never guessing an encoding), map the columns, let the core check and import
 * every row, and report each refused or skipped row with its line.
 */
import { decodeCsv } from '../adapters/csv/decode-csv.js';
import { readCsv } from '../adapters/csv/read-csv.js';
import type { Result } from '../core/errors.js';
import { type CliIo, UsageError } from './io.js';

interface ImportOutcome {
  readonly imported: readonly { readonly id: string }[];
  readonly rejected: readonly { readonly line: number; readonly reason: string }[];
  readonly skipped: readonly { readonly line: number; readonly reason: string }[];
}

export interface CsvImport<Fields> {
  readonly file: string;
  readonly encoding: string | undefined;
  readonly dryRun: boolean;
  /** Column names → a row's fields; throws for a header it cannot use. */
  readonly columns: (header: readonly string[]) => (cells: Record<string, string>) => Fields;
  readonly run: (rows: { line: number; fields: Fields }[], options: { dryRun: boolean }) => Promise<Result<ImportOutcome>>;
  /** What a skipped row already is, e.g. "already in the register". */
  readonly skippedAs: string;
  /** The CLI's spelling of the core's messages. */
  readonly plain: (text: string) => string;
}

export async function runCsvImport<Fields>(io: CliIo, options: CsvImport<Fields>): Promise<number> {
  const { file, encoding, dryRun, plain } = options;
  let bytes: Uint8Array;
  try {
    bytes = await io.readBytes(file);
  } catch {
    throw new UsageError(`I could not read "${file}". Check the path and that the file is readable.`);
  }
  let rows: { line: number; fields: Fields }[];
  try {
    // Bytes first: a file in another encoding is refused or decoded as told, never guessed at.
    const table = readCsv(decodeCsv(bytes, encoding));
    const mapColumn = options.columns(table.header);
    rows = table.rows.map((row) => ({ line: row.line, fields: mapColumn(row.cells) }));
  } catch (error) {
    throw new UsageError(`Nothing was imported: ${(error as Error).message}`);
  }
  const result = await options.run(rows, { dryRun });
  if (!result.ok) throw new UsageError(plain(result.error.message));
  const { imported, rejected, skipped } = result.value;
  for (const { line, reason } of rejected) io.err(`line ${line}: rejected: ${plain(reason)}`);
  for (const { line, reason } of skipped) io.err(`line ${line}: skipped: ${reason}`);
  const verb = dryRun ? 'would import' : 'imported';
  const accepted = dryRun ? rows.length - rejected.length - skipped.length : imported.length;
  io.out(
    `${verb} ${accepted}, rejected ${rejected.length}, skipped ${skipped.length} (${options.skippedAs})${imported.length ? `: ${imported[0]?.id}…${imported.at(-1)?.id}` : ''}`,
  );
  return rejected.length > 0 ? 1 : 0;
}
