import type { Readable } from 'node:stream';
import { ValidationError } from '../../errors.js';
import { CsvLimitError, CsvReader, type CsvRecord } from './csv-reader.js';
import { decodeStream, decodeText, type TextEncoding } from './encoding.js';
import { MAX_COLUMNS, MAX_FIELD_CHARS, MAX_RECORD_CHARS } from './limits.js';
import type { SourceRow } from './types.js';

export interface Opened {
  columns: string[];
  rows: AsyncIterable<SourceRow>;
}

/** Decoded text of a byte stream, as an async iterator of strings. */
export function textOf(stream: Readable, encoding: TextEncoding): AsyncIterator<string> {
  const decoded = stream.pipe(decodeStream(encoding)) as unknown as Readable;
  stream.on('error', (err) => decoded.destroy(err));
  // Torn down without an error (the source was closed): the text ends with one, not never.
  stream.on('close', () => {
    if (!stream.readableEnded) decoded.destroy(new Error('input closed before its end'));
  });
  return decoded[Symbol.asyncIterator]() as AsyncIterator<string>;
}

/** A CSV record past a limit, as the clerk reads it: which row (0 = the header), which column, which limit. */
function limitError(e: CsvLimitError, row: number, header: string[] | null): ValidationError {
  const where = row === 0 ? '表头' : `第 ${row} 行`;
  const column = header?.[e.column - 1];
  const field = row === 0 ? 'header' : column ?? `第 ${e.column} 列`;
  const detail = { row, field, line: e.line, limit: e.max };
  switch (e.limit) {
    case 'maxColumns':
      return new ValidationError(`${where}超过 ${MAX_COLUMNS} 列（文件第 ${e.line} 行起），不像是报送文件：请检查分隔符和表头`, [{ ...detail, message: `more than ${e.max} columns` }], 'too_many_columns');
    case 'maxFieldChars':
      return new ValidationError(
        `${where}${column ? `“${column}”列` : `第 ${e.column} 列`}的内容超过 ${MAX_FIELD_CHARS} 个字符（文件第 ${e.line} 行起），多半是引号未闭合：请检查该行的引号后重新提交`,
        [{ ...detail, message: `field longer than ${e.max} characters` }], 'field_too_large',
      );
    default:
      return new ValidationError(`${where}超过 ${MAX_RECORD_CHARS} 个字符仍未结束（文件第 ${e.line} 行起），多半是引号未闭合：请检查该行的引号后重新提交`, [{ ...detail, message: `record longer than ${e.max} characters` }], 'record_too_large');
  }
}

export async function openCsv(stream: Readable, head: Buffer, encoding: TextEncoding): Promise<Opened> {
  const text = textOf(stream, encoding);
  const reader = new CsvReader({ maxColumns: MAX_COLUMNS, maxFieldChars: MAX_FIELD_CHARS, maxRecordChars: MAX_RECORD_CHARS });
  let pending: CsvRecord[] = [];
  let at = 0;
  let ended = false;
  let rowNo = 0;
  let columns: string[] | null = null;
  let failure: ValidationError | null = null;
  const next = async (): Promise<CsvRecord | null> => {
    while (at >= pending.length) {
      // The records completed before the one past a limit are read first, then reading stops.
      if (failure) throw failure;
      if (ended) return null;
      pending = [];
      at = 0;
      const r = await text.next();
      try {
        if (r.done) {
          ended = true;
          reader.end(pending);
        } else {
          reader.push(r.value, pending);
        }
      } catch (err) {
        if (!(err instanceof CsvLimitError)) throw err;
        // Records so far: the header (record 0) and the data rows; the one past the limit comes after those pending.
        const header = columns ?? (pending[0] && 'cells' in pending[0] ? pending[0].cells : null);
        failure = limitError(err, (columns ? 1 : 0) + rowNo + pending.length, header);
      }
    }
    return pending[at++]!;
  };
  const header = await next();
  if (!header) throw new ValidationError('文件没有内容（没有表头，也没有数据行）', [{ field: 'file', message: 'no header row' }], 'empty_file');
  if ('error' in header) throw new ValidationError(`无法读取 CSV 表头：${header.error}`, [{ field: 'header', row: 0, message: header.error }], 'malformed_csv');
  columns = header.cells;
  checkHeaderEncoding(columns, head, encoding);
  async function* rows(): AsyncGenerator<SourceRow> {
    for (let rec = await next(); rec; rec = await next()) {
      rowNo += 1;
      yield 'error' in rec
        ? { rowNo, unreadable: { field: null, code: 'malformed_csv', message: `CSV 格式错误（文件第 ${rec.line} 行）：${rec.error}` } }
        : { rowNo, cells: rec.cells };
    }
  }
  return { columns, rows: rows() };
}

/** A header that reads as mojibake in one encoding but cleanly in the other means the wrong encoding. */
function checkHeaderEncoding(columns: string[], head: Buffer, encoding: TextEncoding): void {
  const text = columns.join(',');
  if (!text.includes('\uFFFD')) return;
  const other: TextEncoding = encoding === 'utf-8' ? 'gb18030' : 'utf-8';
  const retry = decodeText(head.subarray(0, 4096), other);
  const hint = retry.includes('\uFFFD') ? '' : `，可能是 ${other === 'utf-8' ? 'UTF-8' : 'GBK/GB18030'} 编码`;
  throw new ValidationError(`表头含有无法识别的字符：文件编码不是 ${encoding === 'utf-8' ? 'UTF-8' : 'GBK/GB18030'}${hint}`, [{ field: 'encoding', row: 0, message: 'undecodable header' }], 'wrong_encoding');
}
