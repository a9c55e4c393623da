import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { ValidationError } from '../../errors.js';
import type { SourceRow } from './types.js';

const malformed = (err: unknown) =>
  new ValidationError(`无法读取 XLSX 文件：${(err as Error)?.message ?? String(err)}（文件损坏，或不是 Excel 2007 及以上的 .xlsx 格式）`, [{ field: 'file', message: 'malformed xlsx' }], 'malformed_xlsx');

function isEmpty(values: unknown[]): boolean {
  return values.every((v) => v === null || v === undefined || (typeof v === 'string' && v.trim() === ''));
}

/**
 * Stream the first worksheet of an XLSX file (exceljs WorkbookReader: shared strings cached,
 * worksheets spooled to a temp file only when they precede the shared strings in the zip). The
 * first non-empty row is the header; row numbers are the sheet's own.
 */
export async function openXlsx(stream: Readable): Promise<{ columns: string[]; rows: AsyncIterable<SourceRow> }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  const sheets = reader[Symbol.asyncIterator]();
  let rowsIt: AsyncIterator<ExcelJS.Row>;
  try {
    const sheet = await sheets.next();
    if (sheet.done) throw new ValidationError('XLSX 文件中没有工作表', [{ field: 'file', message: 'no worksheet' }], 'empty_file');
    rowsIt = (sheet.value as unknown as AsyncIterable<ExcelJS.Row>)[Symbol.asyncIterator]();
  } catch (err) {
    if (err instanceof ValidationError) throw err;
    throw malformed(err);
  }
  const cellsOf = (row: ExcelJS.Row): unknown[] => {
    const values = row.values as unknown[];
    return Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => values[i + 1] ?? null);
  };
  let header: unknown[] | null = null;
  try {
    for (;;) {
      const r = await rowsIt.next();
      if (r.done) break;
      const cells = cellsOf(r.value);
      if (!isEmpty(cells)) {
        header = cells;
        break;
      }
    }
  } catch (err) {
    throw malformed(err);
  }
  if (!header) throw new ValidationError('工作表没有内容（没有表头，也没有数据行）', [{ field: 'file', message: 'empty worksheet' }], 'empty_file');
  const columns = header.map((h) => (h === null || h === undefined ? '' : typeof h === 'object' && 'richText' in (h as object) ? (h as { richText: { text: string }[] }).richText.map((t) => t.text).join('') : String(h)));
  async function* rows(): AsyncGenerator<SourceRow> {
    for (;;) {
      let r: IteratorResult<ExcelJS.Row>;
      try {
        r = await rowsIt.next();
      } catch (err) {
        throw malformed(err);
      }
      if (r.done) break;
      const cells = cellsOf(r.value);
      if (!isEmpty(cells)) yield { rowNo: r.value.number, cells };
    }
    // Read past the other sheets (skipping their rows) so the whole file is consumed and hashed.
    for (;;) {
      const s = await sheets.next();
      if (s.done) break;
      for await (const _row of s.value as unknown as AsyncIterable<ExcelJS.Row>) void _row;
    }
  }
  return { columns, rows: rows() };
}
