/**
 * Reads CSV that people make: our own exports, Excel and LibreOffice saves, hand-edited files.
 * Tolerates a byte-order mark, CRLF, LF or a mix, quoted multi-line cells, stray quotes inside
 * unquoted cells (`12" pipe`) and `;` as the delimiter (spreadsheets in locales where the comma is
 * the decimal mark). Rows whose cells are all blank are skipped (spreadsheets export formatted but
 * empty rows as `,,,`). Anything else malformed throws an Error naming the line in plain words.
 */
import { CsvError, parse } from 'csv-parse/sync';

export interface CsvTable {
  /** Column names, trimmed and lower-cased, in file order. */
  readonly header: string[];
  /** `line` is where the row starts in the file (1 = the header), for messages to the person. */
  readonly rows: { line: number; cells: Record<string, string> }[];
}

/** `;` only when the header has no comma but has semicolons; a comma otherwise. */
function detectDelimiter(text: string): ',' | ';' {
  const headerLine = text.split('\n', 1)[0] ?? '';
  return !headerLine.includes(',') && headerLine.includes(';') ? ';' : ',';
}

/** The first non-empty line after `line`, where a record that failed to parse begins. */
function nextRecordLine(lines: string[], line: number): number {
  let next = line + 1;
  while (lines[next - 1] === '') next += 1;
  return next;
}

function parseRecords(text: string, delimiter: string): { line: number; cells: string[] }[] {
  const records: { line: number; cells: string[] }[] = [];
  let lastEndLine = 0;
  try {
    parse(text, {
      delimiter,
      relax_quotes: true,
      relax_column_count: true, // column counts are checked below, with a clearer message
      skip_empty_lines: true,
      on_record: (cells: string[], context) => {
        // context.lines is the record's last line; line breaks inside quoted cells span the rest.
        const spanned = cells.reduce((sum, cell) => sum + (cell.match(/\n/g)?.length ?? 0), 0);
        records.push({ line: context.lines - spanned, cells });
        lastEndLine = context.lines;
        return null; // collected above; nothing to accumulate in the parser
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = nextRecordLine(text.split('\n'), lastEndLine);
    if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
      throw new Error(
        `Line ${line}: a cell opens with a quote mark (") that is never closed, so the rest of the file reads as one cell. Add the closing quote or remove the stray one.`,
        { cause: error },
      );
    }
    throw new Error(`Line ${line}: this row could not be read as CSV (${error.message}).`, { cause: error });
  }
  return records;
}

/**
 * Column names from the header record. Spreadsheets export trailing columns someone once touched
 * as `a,b,,`, so an unnamed column is allowed while it stays empty (checked per row).
 */
function readHeader(first: { line: number; cells: string[] }): string[] {
  const names = first.cells.map((name) => name.trim().toLowerCase());
  if (names.every((name) => name === '')) {
    throw new Error(
      `Line ${first.line}: the header row names no columns. Start the file with the column names, e.g. "statement,customer,type".`,
    );
  }
  names.forEach((name, index) => {
    if (name !== '' && names.indexOf(name) !== index) {
      throw new Error(`Line ${first.line}: the column "${name}" appears twice. Rename or remove one of them.`);
    }
  });
  return names;
}

function readRow(names: string[], { line, cells }: { line: number; cells: string[] }): CsvTable['rows'][number] {
  if (cells.length !== names.length) {
    throw new Error(
      `Line ${line}: this row has ${cells.length} cells but the header row has ${names.length} columns. ` +
        'Check for a missing or extra delimiter, or a cell with a delimiter that needs quotes.',
    );
  }
  const entries: [string, string][] = [];
  names.forEach((name, index) => {
    const cell = cells[index] ?? '';
    if (name !== '') entries.push([name, cell]);
    else if (cell.trim() !== '') {
      throw new Error(`Line ${line}: column ${index + 1} has a value but no name. Name the column in the header row, or empty it.`);
    }
  });
  // fromEntries defines own properties, so a column called "__proto__" stays a plain column.
  return { line, cells: Object.fromEntries(entries) };
}

export function readCsv(text: string): CsvTable {
  // One line ending everywhere: csv-parse counts lines wrongly with CRLF inside quoted cells and
  // cannot mix endings; a cell's own line breaks become LF, which the core normalises to anyway.
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const [first, ...records] = parseRecords(normalised, detectDelimiter(normalised));
  if (!first) throw new Error('The file is empty: start it with the column names, e.g. "statement,customer,type".');
  const names = readHeader(first);
  const rows = records.filter((record) => record.cells.some((cell) => cell.trim() !== '')).map((record) => readRow(names, record));
  return { header: names.filter((name) => name !== ''), rows };
}
