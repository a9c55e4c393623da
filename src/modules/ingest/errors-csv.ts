import type { Db } from '../../db/pool.js';
import { ERROR_REASON_HEADER, ERROR_ROW_HEADER } from './columns.js';
import * as repo from './repo.js';
import type { SubmissionRow } from './types.js';

const PAGE = 2000;

/** One CSV cell: quoted when it holds a delimiter, quote, line break or edge spaces. */
export function csvCell(v: string): string {
  return /[",\r\n]|^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export const csvLine = (cells: string[]) => `${cells.map(csvCell).join(',')}\r\n`;

/**
 * The rejected rows of a submission as a CSV the clerk can fix and send again: the columns as
 * submitted (personal fields masked) plus 错误行号 and 错误原因, which a re-submission ignores.
 * UTF-8 with a byte-order mark so Excel opens it correctly.
 */
export async function* errorsCsv(db: Db, s: SubmissionRow): AsyncGenerator<string> {
  const columns = s.columns.filter((c) => c !== ERROR_ROW_HEADER && c !== ERROR_REASON_HEADER);
  yield `\uFEFF${csvLine([...columns, ERROR_ROW_HEADER, ERROR_REASON_HEADER])}`;
  let after = 0;
  for (;;) {
    const rows = await repo.rejectedRows(db, s.id, after, PAGE);
    let chunk = '';
    for (const r of rows) chunk += csvLine([...columns.map((c) => r.raw?.[c] ?? ''), String(r.rowNo), r.reason]);
    if (chunk) yield chunk;
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1]!.rowNo;
  }
}
