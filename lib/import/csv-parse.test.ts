import { describe, expect, it } from 'vitest';
import { isBlankRow, parseCsv } from './csv-parse';

const cellsOf = (text: string, options?: Parameters<typeof parseCsv>[1]) => parseCsv(text, options).rows.map((r) => r.cells);

describe('parseCsv: RFC 4180', () => {
  it('reads plain fields, with or without a final line break', () => {
    expect(cellsOf('a,b,c\n1,2,3\n')).toEqual([['a', 'b', 'c'], ['1', '2', '3']]);
    expect(cellsOf('a,b,c\n1,2,3')).toEqual([['a', 'b', 'c'], ['1', '2', '3']]);
  });

  it('reads quoted fields holding separators, doubled quotes and line breaks', () => {
    const text = 'name,title\r\n"Globex, Inc.","Initech ""Software"""\r\n"Grace","VP\r\nEMEA"\r\n';
    expect(cellsOf(text)).toEqual([['name', 'title'], ['Globex, Inc.', 'Initech "Software"'], ['Grace', 'VP\r\nEMEA']]);
  });

  it('keeps empty fields, a quoted empty field, and a separator at the very end', () => {
    expect(cellsOf('a,,c\n"",x,\nz,,')).toEqual([['a', '', 'c'], ['', 'x', ''], ['z', '', '']]);
  });

  it('takes CRLF, LF and a lone CR as line ends', () => {
    expect(cellsOf('a,b\r\n1,2\n3,4\r5,6')).toEqual([['a', 'b'], ['1', '2'], ['3', '4'], ['5', '6']]);
  });

  it('drops a UTF-8 BOM', () => {
    expect(cellsOf('\ufeff"Record ID",Email\n1,a@b.co')[0]).toEqual(['Record ID', 'Email']);
  });

  it('keeps a quote inside an unquoted field as text, as spreadsheets do', () => {
    expect(cellsOf('size,name\n5" screen,O\'Neil')[1]).toEqual(['5" screen', "O'Neil"]);
  });

  it('numbers rows as a spreadsheet does: blank lines count (and are left out), a multi-line field is one row', () => {
    const { rows } = parseCsv('h1,h2\n\n"two\nlines",x\n,\nlast,y\n\n\n');
    expect(rows).toEqual([
      { row: 1, cells: ['h1', 'h2'] },
      { row: 3, cells: ['two\nlines', 'x'] },
      { row: 5, cells: ['last', 'y'] },
    ]);
    expect(isBlankRow([' ', ''])).toBe(true);
  });

  it('costs nothing for a million blank lines', () => {
    const started = performance.now();
    const { rows } = parseCsv(`h\n${'\n'.repeat(1_000_000)}x\n`);
    expect(rows.at(-1)).toEqual({ row: 1_000_002, cells: ['x'] });
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('parseCsv: separators', () => {
  it('sniffs ";" from the header line (Excel where "," is the decimal mark)', () => {
    const result = parseCsv('Account Owner;Account Name;Annual Revenue\nJane Doe;"Acme; Inc";1.234,50\n');
    expect(result.delimiter).toBe(';');
    expect(result.rows[1]?.cells).toEqual(['Jane Doe', 'Acme; Inc', '1.234,50']);
  });

  it('sniffs tabs, ignores separators inside quotes, and falls back to ","', () => {
    expect(parseCsv('a\tb\tc\n1\t2\t3').delimiter).toBe('\t');
    expect(parseCsv('"a;b;c",d\n').delimiter).toBe(',');
    expect(parseCsv('single column\nvalue').delimiter).toBe(',');
  });

  it("honours Excel's sep= line and does not count it as a row", () => {
    const result = parseCsv('sep=;\r\na;b\r\n1,5;2\r\n');
    expect(result.delimiter).toBe(';');
    expect(result.rows).toEqual([{ row: 1, cells: ['a', 'b'] }, { row: 2, cells: ['1,5', '2'] }]);
  });

  it('uses an explicit delimiter and refuses an impossible one', () => {
    expect(cellsOf('a;b,c', { delimiter: ',' })).toEqual([['a;b', 'c']]);
    expect(() => parseCsv('a', { delimiter: '"' })).toThrow(RangeError);
  });
});

describe('parseCsv: broken input', () => {
  it('reports a quote that never closes with its row, and reads the rows after it', () => {
    const result = parseCsv('h1,h2\nok,1\nbad,"never closed\nafter,2\n');
    expect(result.errors).toEqual([{ row: 3, message: expect.stringContaining('column 2 never closes') }]);
    expect(result.rows).toEqual([{ row: 1, cells: ['h1', 'h2'] }, { row: 2, cells: ['ok', '1'] }, { row: 4, cells: ['after', '2'] }]);
  });

  it('reports a stray quote that closes on another row, instead of silently merging rows', () => {
    const result = parseCsv('h1,h2\n"Globex, Inc.,1\n"Initech",2\n');
    expect(result.errors).toEqual([{ row: 2, message: expect.stringContaining('followed by more text') }]);
    expect(result.rows[1]).toEqual({ row: 3, cells: ['Initech', '2'] });
  });

  it('stays linear when every row opens a quote that never closes', () => {
    const text = `h\n${'"x\n'.repeat(20_000)}`;
    const started = performance.now();
    const result = parseCsv(text);
    expect(result.errors).toHaveLength(20_000);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('stops at maxRows rows that are not blank, broken rows included; blank lines do not count', () => {
    expect(parseCsv('h\n1\n2\n\n\n,,\n', { maxRows: 3 }).truncated).toBe(false);
    const over = parseCsv('h\n1\n2\n3\n', { maxRows: 3 });
    expect(over.truncated).toBe(true);
    expect(over.rows).toHaveLength(3);
    expect(parseCsv('h\n1\n"broken\n"broken\n', { maxRows: 3 }).truncated).toBe(true);
  });
});
