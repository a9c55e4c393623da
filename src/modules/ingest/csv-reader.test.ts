import { describe, expect, it } from 'vitest';
import { CsvLimitError, CsvReader, type CsvLimits, type CsvRecord } from './csv-reader.js';

const ROOMY: CsvLimits = { maxFieldChars: 1_000_000, maxColumns: 1000, maxRecordChars: 1_000_000 };

/** Feed text in chunks of every size from 1 up, so no boundary case is missed. */
function readAll(text: string, chunk = text.length || 1, limits: Partial<CsvLimits> = {}): CsvRecord[] {
  const r = new CsvReader({ ...ROOMY, ...limits });
  const out: CsvRecord[] = [];
  for (let i = 0; i < text.length; i += chunk) r.push(text.slice(i, i + chunk), out);
  return r.end(out);
}

const cells = (recs: CsvRecord[]) => recs.map((r) => ('cells' in r ? r.cells : `ERR@${r.line}`));

describe('CsvReader', () => {
  const sample = 'a,b,c\r\n1,"x, ""y""",\r\n"multi\nline",2,3\n\n4,5,"6"\r\nlast,,end';
  const expected = [['a', 'b', 'c'], ['1', 'x, "y"', ''], ['multi\nline', '2', '3'], ['4', '5', '6'], ['last', '', 'end']];

  it('reads quoted delimiters, doubled quotes, quoted line breaks, CRLF/LF, blank lines and a last line without break', () => {
    expect(cells(readAll(sample))).toEqual(expected);
  });

  it('gives the same records whatever the chunk boundaries', () => {
    for (let size = 1; size <= sample.length; size += 1) expect(cells(readAll(sample, size)), `chunk ${size}`).toEqual(expected);
  });

  it('numbers records by their first line', () => {
    expect(readAll(sample).map((r) => r.line)).toEqual([1, 2, 3, 6, 7]);
  });

  it('keeps a quote inside an unquoted field and reads lone CR line ends', () => {
    expect(cells(readAll('南通"华信"公司,1\r2,3'))).toEqual([['南通"华信"公司', '1'], ['2', '3']]);
  });

  it('reports text after a closing quote as an error record and goes on', () => {
    expect(cells(readAll('a,b\n"x"y,1\n2,3\n'))).toEqual([['a', 'b'], 'ERR@2', ['2', '3']]);
  });

  it('reports an unclosed quote at the end of the file', () => {
    expect(cells(readAll('a,b\n1,"open\n2,3\n'))).toEqual([['a', 'b'], 'ERR@2']);
  });

  it('stops at a quoted field still open past the field limit, naming its line and column, whatever the chunk size', () => {
    const text = `a,b\n1,2\n3,"runaway\n${'x,y\n'.repeat(50)}`;
    for (const chunk of [1, 7, 16, text.length]) {
      const err = (() => {
        try {
          readAll(text, chunk, { maxFieldChars: 64 });
        } catch (e) {
          return e;
        }
        return null;
      })();
      expect(err, `chunk ${chunk}`).toBeInstanceOf(CsvLimitError);
      expect(err).toMatchObject({ limit: 'maxFieldChars', line: 3, column: 2, max: 64 });
    }
  });

  it('stops at an unquoted field past the field limit, at a row with too many cells, and at a record past the record limit', () => {
    expect(() => readAll(`a,b\n${'x'.repeat(65)},1\n`, 8, { maxFieldChars: 64 })).toThrow(expect.objectContaining({ limit: 'maxFieldChars', line: 2, column: 1 }));
    expect(() => readAll(`a,b\n${'1,'.repeat(10)}1\n`, 3, { maxColumns: 10 })).toThrow(expect.objectContaining({ limit: 'maxColumns', line: 2, column: 11 }));
    expect(() => readAll(`a,b\n${'12345678,'.repeat(20)}\n`, 4, { maxRecordChars: 100 })).toThrow(expect.objectContaining({ limit: 'maxRecordChars', line: 2 }));
    // Right at the limits is fine.
    expect(cells(readAll(`${'x'.repeat(64)},"${'y'.repeat(64)}"\n`, 5, { maxFieldChars: 64, maxColumns: 2 }))).toEqual([['x'.repeat(64), 'y'.repeat(64)]]);
  });

  it('reads an empty trailing field and an empty input', () => {
    expect(cells(readAll('a,\n'))).toEqual([['a', '']]);
    expect(readAll('')).toEqual([]);
    expect(readAll('\r\n\r\n')).toEqual([]);
  });
});
