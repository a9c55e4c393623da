import type { Db } from '../../db/pool.js';
import type { Disclosure } from '../catalog/types.js';
import type { ReportDomain, ReportFacts, ReportKind, ReportRow, RequesterRecord } from './types.js';

const COLS = `r.id, r.number, r.subject_id as "subjectId", r.kind,
  json_build_object('kind', r.requester_kind, 'id', r.requester_id, 'name', r.requester_name, 'role', r.requester_role,
    'userId', r.requester_user_id, 'departmentId', r.department_id, 'purpose', r.purpose) as requester,
  r.viewer_classes as "viewerClasses", r.subject_code_cipher as "subjectCodeCipher", r.params, r.facts,
  r.facts_hash as "factsHash", r.pdf_sha256 as "pdfSha256", r.verify_code_hash as "verifyCodeHash",
  r.issued_at as "issuedAt", r.valid_until as "validUntil", r.revoked_at as "revokedAt", r.revoked_reason as "revokedReason"`;

export async function listDomains(db: Db): Promise<ReportDomain[]> {
  const r = await db.query<ReportDomain>(
    `select code, ordinal, name, department_codes as "departmentCodes", categories, active from report_domain order by ordinal, code`,
  );
  return r.rows;
}

/** The next number of the day (a gap-tolerant counter: a failed rendering just skips one). */
export async function nextNumber(db: Db, day: string): Promise<number> {
  const r = await db.query<{ last: number }>(
    `insert into report_number_counter (day, last) values ($1, 1)
     on conflict (day) do update set last = report_number_counter.last + 1 returning last`,
    [day],
  );
  return r.rows[0]!.last;
}

export interface NewReport {
  number: string;
  subjectId: number;
  kind: ReportKind;
  requester: RequesterRecord;
  viewerClasses: Disclosure[];
  subjectCodeCipher: Buffer | null;
  params: ReportRow['params'];
  facts: ReportFacts;
  factsHash: string;
  pdf: Buffer;
  pdfSha256: string;
  verifyCodeHash: string;
  issuedAt: Date;
  validUntil: string;
}

export async function insertReport(db: Db, n: NewReport): Promise<number> {
  const q = n.requester;
  const r = await db.query<{ id: number }>(
    `insert into report (number, subject_id, kind, requester_kind, requester_id, requester_name, requester_role, requester_user_id,
       department_id, purpose, viewer_classes, subject_code_cipher, params, facts, facts_hash, pdf, pdf_sha256, verify_code_hash,
       issued_at, valid_until)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20) returning id`,
    [n.number, n.subjectId, n.kind, q.kind, q.id, q.name, q.role, q.userId, q.departmentId, q.purpose, n.viewerClasses,
      n.subjectCodeCipher, JSON.stringify(n.params), JSON.stringify(n.facts), n.factsHash, n.pdf, n.pdfSha256, n.verifyCodeHash,
      n.issuedAt, n.validUntil],
  );
  return r.rows[0]!.id;
}

export async function findByNumber(db: Db, number: string): Promise<ReportRow | null> {
  const r = await db.query<ReportRow>(`select ${COLS} from report r where r.number = $1`, [number]);
  return r.rows[0] ?? null;
}

export async function findByPdfHash(db: Db, sha256: string): Promise<ReportRow | null> {
  const r = await db.query<ReportRow>(`select ${COLS} from report r where r.pdf_sha256 = $1`, [sha256]);
  return r.rows[0] ?? null;
}

export async function pdfOf(db: Db, id: number): Promise<Buffer> {
  const r = await db.query<{ pdf: Buffer }>('select pdf from report where id = $1', [id]);
  return r.rows[0]!.pdf;
}
