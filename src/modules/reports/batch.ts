import { randomUUID } from 'node:crypto';
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Pool } from '../../db/pool.js';
import { AppError, NotFoundError } from '../../errors.js';
import { requireRole, type Viewer } from '../access/viewer.js';
import { maskIdNumber } from '../identity/citizen-id.js';
import { validateCode } from '../identity/validate.js';
import type { ReportContext, ReportParams } from './content.js';
import { issueReportWithPdf } from './service.js';
import type { ReportKind } from './types.js';

export const MAX_BATCH = 200;

export interface BatchRequest extends ReportParams {
  parties: string[];
  kind: ReportKind;
  purpose?: string | null;
}

export interface BatchRow {
  index: number;
  input: string;
  ok: boolean;
  number: string | null;
  verifyCode: string | null;
  subjectName: string | null;
  file: string | null;
  error: string | null;
}

const csvCell = (v: string | number | null): string => {
  const s = v === null ? '' : String(v);
  return /[",\r\n]/.test(s) || /^[=+\-@]/.test(s) ? `"${(/^[=+\-@]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"` : s;
};

/** The summary sheet: one row per input party, in input order (UTF-8 with BOM for spreadsheet apps). */
export function summaryCsv(rows: BatchRow[]): string {
  const head = ['序号', '输入代码', '结果', '报告编号', '核验码', '主体名称', '文件名', '错误信息'];
  const lines = rows.map((r) => [r.index, r.input, r.ok ? '成功' : '失败', r.number, r.verifyCode, r.subjectName, r.file, r.error].map(csvCell).join(','));
  return `\ufeff${[head.join(','), ...lines].join('\r\n')}\r\n`;
}

/** ID numbers are echoed masked, like everywhere else. */
const shownInput = (input: string): string => (validateCode(input).scheme.startsWith('citizen_id') ? maskIdNumber(input.trim()) : input);

function errorText(err: unknown): string {
  if (err instanceof NotFoundError) return '平台未收录该信用主体';
  if (err instanceof AppError) return [err.message, ...err.details.map((d) => d.message)].filter(Boolean).join('；');
  throw err;
}

/**
 * Reports for a list of parties (e.g. the bidders of a tender) as one zip: a PDF per party and a
 * summary CSV. A party that cannot be reported on (bad code, unknown subject) becomes an error row.
 */
export async function issueBatch(ctx: ReportContext & { db: Pool }, viewer: Viewer, req: BatchRequest): Promise<{ zip: Buffer; rows: BatchRow[] }> {
  requireRole(viewer, 'admin', 'operator', 'department');
  const batchId = randomUUID();
  const files: Zippable = {};
  const rows: BatchRow[] = [];
  for (const [i, input] of req.parties.entries()) {
    const row: BatchRow = { index: i + 1, input: shownInput(input), ok: false, number: null, verifyCode: null, subjectName: null, file: null, error: null };
    try {
      const { issued: r, pdf } = await issueReportWithPdf(ctx, viewer, { ...req, subject: input }, { batch: batchId });
      const file = `${String(i + 1).padStart(3, '0')}-${r.number}.pdf`;
      files[file] = [pdf, { level: 0 }];
      Object.assign(row, { ok: true, number: r.number, verifyCode: r.verifyCode, subjectName: r.subjectName, file });
    } catch (err) {
      row.error = errorText(err);
    }
    rows.push(row);
  }
  files['summary.csv'] = strToU8(summaryCsv(rows));
  return { zip: Buffer.from(zipSync(files, { level: 6 })), rows };
}
