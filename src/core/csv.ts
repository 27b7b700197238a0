/**
 * The product's one CSV format, used by every export (register, evidence, feedback):
 *
 * - RFC 4180: a header row, CRLF after every row, a cell quoted when it holds `,` `"` CR or LF,
 *   with quotes inside doubled.
 * - Dates as ISO 8601 in UTC (`2025-03-01T09:00:00.000Z`), null and undefined as an empty cell,
 *   booleans as `true`/`false`, numbers as JavaScript writes them.
 * - Formula injection: a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (and some
 *   also after a leading tab or carriage return) as a formula, so a customer's quote such as
 *   `=HYPERLINK(...)` could act when an auditor opens the export. Such *string* cells get a
 *   leading `'`, which spreadsheets show as text. Numbers are written as they are, so `-5` passed as
 *   a number stays a number; only text is neutralised. Readers of our own exports (re-import)
 *   therefore see the `'` as part of the value.
 *
 * The text has no byte-order mark; whoever writes a file or an HTTP response adds `\uFEFF` when
 * the export is meant for Excel, which otherwise guesses the wrong encoding.
 */

export type CsvCell = string | number | boolean | null | undefined | Date;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

function cellText(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new Error('toCsv: a cell holds an invalid Date.');
    return value.toISOString();
  }
  if (typeof value === 'string') return FORMULA_START.test(value) ? `'${value}` : value;
  return String(value);
}

function escapeCell(value: CsvCell): string {
  const text = cellText(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Writes a header and rows as CSV text; every row must have as many cells as the header. */
export function toCsv(header: string[], rows: CsvCell[][]): string {
  const lines = [header.map(escapeCell).join(',')];
  rows.forEach((row, index) => {
    // A short or long row would shift every later column in a spreadsheet: a bug, not data.
    if (row.length !== header.length) {
      throw new Error(`toCsv: row ${index + 1} has ${row.length} cells but the header has ${header.length}.`);
    }
    lines.push(row.map(escapeCell).join(','));
  });
  return lines.map((line) => `${line}\r\n`).join('');
}
