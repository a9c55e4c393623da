import type { Db, PoolClient } from '../../db/pool.js';
import type { ReportKind } from './types.js';

// 报告管理: the issued-report register, revocation and verification counts (SQL only).

export type ReportState = 'valid' | 'expired' | 'revoked';
export type RequesterGroup = 'public' | 'subject' | 'department' | 'center' | 'lender';

export interface IssuedFilter {
  number?: string;
  /** The start of a report number (XY-20261125-…). */
  numberPrefix?: string;
  /** Exact subject (a code the caller typed, resolved); -1 matches nothing. */
  subjectId?: number;
  /** A normalised fragment of the subject's current or former name. */
  nameFragment?: string;
  kind?: ReportKind;
  state?: ReportState;
  requester?: RequesterGroup;
  /** Issued on or after / before these instants. */
  issuedFrom?: Date;
  issuedBefore?: Date;
  today: string;
  limit: number;
  offset: number;
}

export interface IssuedRow {
  id: number;
  number: string;
  kind: ReportKind;
  subjectId: number;
  subjectName: string;
  subjectCode: string | null;
  subjectKind: string;
  purpose: string | null;
  requesterRole: string;
  requesterName: string | null;
  requesterDisplayName: string | null;
  departmentName: string | null;
  issuedAt: Date;
  validUntil: string;
  revokedAt: Date | null;
  revokedReason: string | null;
  revokedBy: string | null;
  verifiedCount: number;
  lastVerifiedAt: Date | null;
}

const ROLE_GROUPS: Record<RequesterGroup, string[]> = {
  public: ['public'], subject: ['subject'], department: ['department'], center: ['admin', 'operator'], lender: ['lender'],
};

function where(f: IssuedFilter): { sql: string; args: unknown[] } {
  const conds: string[] = [];
  const args: unknown[] = [];
  const arg = (v: unknown) => `$${args.push(v)}`;
  if (f.number !== undefined) conds.push(`r.number = ${arg(f.number)}`);
  if (f.numberPrefix !== undefined) conds.push(`r.number like ${arg(`${f.numberPrefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`);
  if (f.subjectId !== undefined) conds.push(`r.subject_id = ${arg(f.subjectId)}`);
  if (f.nameFragment !== undefined) {
    // Current and former names, each through its trigram index.
    const p = arg(`%${f.nameFragment.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    conds.push(`r.subject_id in (select id from subject where name_norm like ${p}
      union select subject_id from subject_identifier where scheme = 'former_name' and value_norm like ${p})`);
  }
  if (f.kind) conds.push(`r.kind = ${arg(f.kind)}`);
  if (f.state === 'revoked') conds.push('r.revoked_at is not null');
  if (f.state === 'valid') conds.push(`r.revoked_at is null and r.valid_until >= ${arg(f.today)}::date`);
  if (f.state === 'expired') conds.push(`r.revoked_at is null and r.valid_until < ${arg(f.today)}::date`);
  if (f.requester) conds.push(`r.requester_role = any(${arg(ROLE_GROUPS[f.requester])}::text[])`);
  if (f.issuedFrom) conds.push(`r.issued_at >= ${arg(f.issuedFrom)}`);
  if (f.issuedBefore) conds.push(`r.issued_at < ${arg(f.issuedBefore)}`);
  return { sql: conds.length ? `where ${conds.join(' and ')}` : '', args };
}

/** A page of issued reports, newest first, with how often each was verified. */
export async function listIssued(db: Db, f: IssuedFilter): Promise<{ items: IssuedRow[]; total: number }> {
  const w = where(f);
  const n = w.args.length;
  const [items, total] = await Promise.all([
    db.query<IssuedRow>(
      `select r.id, r.number, r.kind, r.subject_id as "subjectId",
         r.facts->'subject'->>'name' as "subjectName",
         coalesce(r.facts->'subject'->>'uscc', r.facts->'subject'->>'idNumberMasked') as "subjectCode",
         r.facts->'subject'->>'kind' as "subjectKind",
         r.purpose, r.requester_role as "requesterRole", r.requester_name as "requesterName",
         u.display_name as "requesterDisplayName", d.name as "departmentName",
         r.issued_at as "issuedAt", r.valid_until as "validUntil",
         r.revoked_at as "revokedAt", r.revoked_reason as "revokedReason", r.revoked_by as "revokedBy",
         coalesce(v.n, 0) as "verifiedCount", v.last as "lastVerifiedAt"
       from report r
       left join app_user u on u.id = r.requester_user_id
       left join department d on d.id = r.department_id
       left join lateral (select count(*)::int as n, max(at) as last from report_verification where report_id = r.id) v on true
       ${w.sql}
       order by r.issued_at desc, r.id desc limit $${n + 1} offset $${n + 2}`,
      [...w.args, f.limit, f.offset],
    ),
    db.query<{ n: number }>(`select count(*)::int as n from report r ${w.sql}`, w.args),
  ]);
  return { items: items.rows, total: total.rows[0]!.n };
}

export interface LockedReport {
  id: number;
  number: string;
  kind: ReportKind;
  subjectId: number;
  issuedAt: Date;
  revokedAt: Date | null;
}

export async function lockReport(tx: PoolClient, number: string): Promise<LockedReport | null> {
  const r = await tx.query<LockedReport>(
    `select id, number, kind, subject_id as "subjectId", issued_at as "issuedAt", revoked_at as "revokedAt"
       from report where number = $1 for update`,
    [number],
  );
  return r.rows[0] ?? null;
}

export async function setRevoked(tx: PoolClient, id: number, at: Date, reason: string, by: string | null): Promise<void> {
  await tx.query('update report set revoked_at = $2, revoked_reason = $3, revoked_by = $4 where id = $1', [id, at, reason, by]);
}

/** One genuine verification of a report. */
export async function insertVerification(db: Db, reportId: number, at: Date, via: 'code' | 'file'): Promise<void> {
  await db.query('insert into report_verification (report_id, at, via) values ($1, $2, $3)', [reportId, at, via]);
}

export async function issuedRowById(db: Db, id: number, today: string): Promise<IssuedRow | null> {
  const r = await db.query<{ number: string }>('select number from report where id = $1', [id]);
  if (!r.rows[0]) return null;
  const page = await listIssued(db, { number: r.rows[0].number, today, limit: 1, offset: 0 });
  return page.items[0] ?? null;
}
