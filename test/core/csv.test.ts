import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/core/csv.js';

describe('toCsv', () => {
  it('writes a header and rows with CRLF line ends', () => {
    expect(
      toCsv(
        ['id', 'count', 'open'],
        [
          ['REQ-1', 3, true],
          ['REQ-2', 0, false],
        ],
      ),
    ).toBe('id,count,open\r\nREQ-1,3,true\r\nREQ-2,0,false\r\n');
  });

  it('quotes cells with commas, quotes, CR or LF and doubles the quotes', () => {
    expect(toCsv(['a'], [['x,y'], ['say "hi"'], ['two\nlines'], ['cr\rhere'], ['plain']])).toBe(
      'a\r\n"x,y"\r\n"say ""hi"""\r\n"two\nlines"\r\n"cr\rhere"\r\nplain\r\n',
    );
  });

  it('writes dates as ISO 8601 and null or undefined as empty cells', () => {
    expect(toCsv(['when', 'a', 'b'], [[new Date(Date.UTC(2025, 2, 1, 9)), null, undefined]])).toBe(
      'when,a,b\r\n2025-03-01T09:00:00.000Z,,\r\n',
    );
  });

  it('neutralises text that a spreadsheet would run as a formula', () => {
    const csv = toCsv(['cell'], [['=HYPERLINK("http://x")'], ['+1'], ['-2'], ['@SUM(A1)'], ['\tTAB'], ['\rCR'], ['a=b']]);
    expect(csv.split('\r\n').slice(1, -1)).toEqual([`"'=HYPERLINK(""http://x"")"`, "'+1", "'-2", "'@SUM(A1)", "'\tTAB", `"'\rCR"`, 'a=b']);
  });

  it('leaves numbers alone, negative ones included', () => {
    expect(toCsv(['n'], [[-5], [1.5]])).toBe('n\r\n-5\r\n1.5\r\n');
  });

  it('neutralises the header too', () => {
    expect(toCsv(['=cmd'], [])).toBe("'=cmd\r\n");
  });

  it('refuses rows that do not match the header and invalid dates', () => {
    expect(() => toCsv(['a', 'b'], [['1']])).toThrow('row 1 has 1 cells but the header has 2');
    expect(() => toCsv(['a'], [[new Date(Number.NaN)]])).toThrow('invalid Date');
  });
});
