import { describe, expect, it } from 'vitest';
import { readCsv } from '../../src/adapters/csv/read-csv.js';
import { toCsv } from '../../src/core/csv.js';

function failure(text: string): string {
  try {
    readCsv(text);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected readCsv to throw');
}

describe('readCsv', () => {
  it('round-trips tricky cells written by toCsv', () => {
    const tricky = ['a, b', 'say "hi"', 'two\nlines', 'Zürich — 日本 😀', '=1+1', '+1', '-1', '@A1', '\tx', '\ry', '', 'trailing space '];
    const text = toCsv(
      ['Statement', 'Note'],
      tricky.map((cell, index) => [cell, index]),
    );
    const table = readCsv(text);
    expect(table.header).toEqual(['statement', 'note']);
    const expected = tricky.map((cell) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell));
    expect(table.rows.map((row) => row.cells.statement)).toEqual(expected.map((cell) => cell.replace(/\r/g, '\n')));
    expect(table.rows.map((row) => row.cells.note)).toEqual(tricky.map((_, index) => String(index)));
  });

  it('counts lines from the start of each row, across multi-line cells', () => {
    const table = readCsv(
      toCsv(
        ['a', 'b'],
        [
          ['one\ntwo\nthree', 1],
          ['x', 2],
        ],
      ),
    );
    expect(table.rows.map((row) => row.line)).toEqual([2, 5]);
  });

  it('tolerates a byte-order mark and CRLF, LF or mixed line ends', () => {
    const expected = {
      header: ['statement', 'customer'],
      rows: [
        { line: 2, cells: { statement: 'Fast', customer: 'Acme' } },
        { line: 3, cells: { statement: 'Cheap', customer: 'Beta' } },
      ],
    };
    expect(readCsv('\uFEFFstatement,customer\r\nFast,Acme\r\nCheap,Beta\r\n')).toEqual(expected);
    expect(readCsv('statement,customer\nFast,Acme\nCheap,Beta')).toEqual(expected);
    expect(readCsv('statement,customer\r\nFast,Acme\nCheap,Beta\r\n')).toEqual(expected);
  });

  it('turns CRLF inside a quoted cell into LF', () => {
    expect(readCsv('a\r\n"one\r\ntwo"\r\n').rows[0]?.cells.a).toBe('one\ntwo');
  });

  it('reads semicolon-separated exports when the header has no comma', () => {
    const table = readCsv('\uFEFFStatement;Price\r\n"Costs 1,50 €";"a;b"\r\n');
    expect(table.header).toEqual(['statement', 'price']);
    expect(table.rows[0]?.cells).toEqual({ statement: 'Costs 1,50 €', price: 'a;b' });
    expect(readCsv('a,b;c\n1,2;3\n').header).toEqual(['a', 'b;c']);
  });

  it('trims and lower-cases header names but keeps cells as written', () => {
    expect(readCsv(' Statement , CUSTOMER \n  Fast ,Acme\n')).toEqual({
      header: ['statement', 'customer'],
      rows: [{ line: 2, cells: { statement: '  Fast ', customer: 'Acme' } }],
    });
  });

  it('skips empty and all-blank rows, keeping the real line numbers', () => {
    const table = readCsv('a,b\n\n1,2\n,\n  , \n3,4\n');
    expect(table.rows).toEqual([
      { line: 3, cells: { a: '1', b: '2' } },
      { line: 6, cells: { a: '3', b: '4' } },
    ]);
  });

  it('allows empty unnamed trailing columns but not values in them', () => {
    expect(readCsv('a,b,,\n1,2,,\n').header).toEqual(['a', 'b']);
    expect(failure('a,b,,\n1,2,,x\n')).toBe('Line 2: column 4 has a value but no name. Name the column in the header row, or empty it.');
  });

  it('reports an unclosed quote at the line where its row starts', () => {
    const message = failure('a,b\n1,2\n3,"never closed\n4,5\n6,7\n');
    expect(message).toMatch(/^Line 3: /);
    expect(message).toContain('never closed');
  });

  it('reports a row with the wrong number of cells', () => {
    expect(failure('a,b\n1,2\n3,4,5\n')).toMatch(/^Line 3: this row has 3 cells but the header row has 2 columns/);
    expect(failure('a,b\n"x\ny",1\n7\n')).toMatch(/^Line 4: this row has 1 cells/);
  });

  it('reports empty files, unnamed headers and duplicate columns', () => {
    expect(failure('')).toContain('The file is empty');
    expect(failure('\uFEFF\r\n\r\n')).toContain('The file is empty');
    expect(failure(',,\n1,2,3\n')).toMatch(/^Line 1: the header row names no columns/);
    expect(failure('Customer,customer\n1,2\n')).toBe('Line 1: the column "customer" appears twice. Rename or remove one of them.');
  });

  it('keeps a column named __proto__ as a plain column', () => {
    const cells = readCsv('__proto__,a\nx,y\n').rows[0]?.cells;
    expect(Object.getPrototypeOf(cells)).toBe(Object.prototype);
    expect(cells?.['__proto__']).toBe('x');
  });
});
