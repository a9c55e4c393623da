import { describe, expect, it } from 'vitest';
import { CsvReader, type CsvRecord } from './csv-reader.js';

/** Feed text in chunks of every size from 1 up, so no boundary case is missed. */
function readAll(text: string, chunk = text.length || 1, max?: number): CsvRecord[] {
  const r = new CsvReader(max);
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

  it('gives up on a runaway quoted field after the size limit and resumes on the next line', () => {
    const text = `a,b\n1,"runaway\n${'x,y\n'.repeat(50)}`;
    const recs = readAll(text, 16, 64);
    expect(recs[0]).toEqual({ cells: ['a', 'b'], line: 1 });
    expect(recs[1]).toMatchObject({ error: expect.stringContaining('引号未闭合'), line: 2 });
    expect(recs.slice(2).every((r) => 'cells' in r && r.cells.join() === 'x,y')).toBe(true);
  });

  it('reads an empty trailing field and an empty input', () => {
    expect(cells(readAll('a,\n'))).toEqual([['a', '']]);
    expect(readAll('')).toEqual([]);
    expect(readAll('\r\n\r\n')).toEqual([]);
  });
});
