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

/** The file name of a party's PDF inside the zip: its row, then the report number. */
export const pdfFileName = (row: number, number: string): string => `${String(row).padStart(3, '0')}-${number}.pdf`;

/**
 * One party of a batch: its report, or an error row saying in words why there is none (bad code,
 * unknown subject). `row` is the party's place in the list the requester gave (line or sheet row).
 */
export async function issueBatchRow(
  ctx: ReportContext & { db: Pool }, viewer: Viewer, req: Omit<BatchRequest, 'parties'>, row: number, input: string, batchId: string,
): Promise<{ row: BatchRow; pdf: Buffer | null }> {
  const out: BatchRow = { index: row, input: shownInput(input), ok: false, number: null, verifyCode: null, subjectName: null, file: null, error: null };
  try {
    const { issued: r, pdf } = await issueReportWithPdf(ctx, viewer, { ...req, subject: input }, { batch: batchId });
    Object.assign(out, { ok: true, number: r.number, verifyCode: r.verifyCode, subjectName: r.subjectName, file: pdfFileName(row, r.number) });
    return { row: out, pdf };
  } catch (err) {
    out.error = errorText(err);
    return { row: out, pdf: null };
  }
}

/** The zip: the PDFs under their file names and the summary sheet. */
export function batchZip(rows: BatchRow[], pdfs: Map<string, Buffer>): Buffer {
  const files: Zippable = {};
  for (const [name, pdf] of pdfs) files[name] = [pdf, { level: 0 }];
  files['summary.csv'] = strToU8(summaryCsv(rows));
  return Buffer.from(zipSync(files, { level: 6 }));
}

/**
 * Reports for a list of parties (e.g. the bidders of a tender) as one zip: a PDF per party and a
 * summary CSV. A party that cannot be reported on (bad code, unknown subject) becomes an error row.
 */
export async function issueBatch(ctx: ReportContext & { db: Pool }, viewer: Viewer, req: BatchRequest): Promise<{ zip: Buffer; rows: BatchRow[] }> {
  requireRole(viewer, 'admin', 'operator', 'department');
  const batchId = randomUUID();
  const pdfs = new Map<string, Buffer>();
  const rows: BatchRow[] = [];
  for (const [i, input] of req.parties.entries()) {
    const r = await issueBatchRow(ctx, viewer, req, i + 1, input, batchId);
    if (r.pdf && r.row.file) pdfs.set(r.row.file, r.pdf);
    rows.push(r.row);
  }
  return { zip: batchZip(rows, pdfs), rows };
}
