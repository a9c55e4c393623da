import type { Db } from '../../db/pool.js';
import type { CaseStore } from '../cases/kind.js';
import type { CommitmentRow, CommitmentState, ItemRow } from './types.js';

const ICOLS = `id, code, name, type, template_text as "templateText", public, verification_working_days as "verificationWorkingDays",
  department_code as "departmentCode", excluded_when as "excludedWhen", legal_basis as "legalBasis", active`;

export async function insertItem(db: Db, i: Omit<ItemRow, 'id' | 'active'>, createdBy: string): Promise<ItemRow | null> {
  const r = await db.query<ItemRow>(
    `insert into commitment_item (code, name, type, template_text, public, verification_working_days, department_code, excluded_when, legal_basis, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) on conflict (code) do nothing returning ${ICOLS}`,
    [i.code, i.name, i.type, i.templateText, i.public, i.verificationWorkingDays, i.departmentCode, JSON.stringify(i.excludedWhen), i.legalBasis, createdBy],
  );
  return r.rows[0] ?? null;
}

export async function findItem(db: Db, code: string): Promise<ItemRow | null> {
  return (await db.query<ItemRow>(`select ${ICOLS} from commitment_item where code = $1`, [code])).rows[0] ?? null;
}

export async function listItems(db: Db, activeOnly: boolean): Promise<ItemRow[]> {
  return (await db.query<ItemRow>(`select ${ICOLS} from commitment_item where active or not $1 order by code`, [activeOnly])).rows;
}

const COLS = `c.id, c.item_id as "itemId", i.code as "itemCode", i.name as "itemName", i.type, c.subject_id as "subjectId", s.name as "subjectName",
  c.department_id as "departmentId", d.code as "departmentCode", d.name as "departmentName", c.channel, c.matter, c.signed_text as "signedText",
  c.signed_on as "signedOn", c.signer_name as "signerName", c.state, c.verification_due as "verificationDue", c.due_provisional as "dueProvisional",
  c.verification_overdue as "verificationOverdue", c.outcome_note as "outcomeNote", c.outcome_on as "outcomeOn", c.outcome_by as "outcomeBy",
  c.public_record_id as "publicRecordId", c.breach_record_id as "breachRecordId", c.subject_code_cipher as "subjectCodeCipher",
  c.rule_code as "ruleCode", c.rule_version as "ruleVersion", c.rule_params as "ruleParams", c.version`;
const FROM = `commitment c join commitment_item i on i.id = c.item_id join department d on d.id = c.department_id join subject s on s.id = c.subject_id`;

export interface NewCommitment {
  /** Signed at (the clock's time). */
  createdAt: Date;
  itemId: number;
  subjectId: number;
  departmentId: number;
  channel: 'portal' | 'department';
  matter: string;
  signedText: string;
  signedOn: string;
  signerName: string;
  verificationDue: string | null;
  dueProvisional: boolean;
  subjectCodeCipher: Buffer | null;
  rule: { code: string; version: number; params: unknown };
}

export async function insertCommitment(db: Db, c: NewCommitment): Promise<number> {
  const r = await db.query<{ id: number }>(
    `insert into commitment (item_id, subject_id, department_id, channel, matter, signed_text, signed_on, signer_name, state,
       verification_due, due_provisional, subject_code_cipher, rule_code, rule_version, rule_params, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, 'signed', $9, $10, $11, $12, $13, $14, $15) returning id`,
    [c.itemId, c.subjectId, c.departmentId, c.channel, c.matter, c.signedText, c.signedOn, c.signerName, c.verificationDue,
      c.dueProvisional, c.subjectCodeCipher, c.rule.code, c.rule.version, JSON.stringify(c.rule.params), c.createdAt],
  );
  return r.rows[0]!.id;
}

export async function findCommitment(db: Db, id: number, forUpdate = false): Promise<CommitmentRow | null> {
  return (await db.query<CommitmentRow>(`select ${COLS} from ${FROM} where c.id = $1 ${forUpdate ? 'for update of c' : ''}`, [id])).rows[0] ?? null;
}

/** The workflow fields a step may change. */
export type CommitmentChange = Partial<{
  state: CommitmentState; verificationOverdue: boolean; outcomeNote: string; outcomeOn: string; outcomeBy: string; publicRecordId: number; breachRecordId: number;
}>;

/** Where commitments and their case files are kept (the kernel's versioned update and events run on this). */
export const commitmentStore: CaseStore<CommitmentRow, CommitmentChange> = {
  table: 'commitment',
  events: { table: 'commitment_event', key: 'commitment_id' },
  columns: {
    state: 'state', verificationOverdue: 'verification_overdue', outcomeNote: 'outcome_note', outcomeOn: 'outcome_on', outcomeBy: 'outcome_by',
    publicRecordId: 'public_record_id', breachRecordId: 'breach_record_id',
  },
  deadline: { due: 'verification_due', flag: 'verification_overdue' },
  find: findCommitment,
};

export async function search(db: Db, q: { subjectId: number | null; departmentId: number | null; states: string[]; overdue: boolean | null; limit: number; offset: number }) {
  const where = `($1::bigint is null or c.subject_id = $1) and ($2::int is null or c.department_id = $2)
    and (cardinality($3::text[]) = 0 or c.state = any($3::text[])) and ($4::boolean is null or c.verification_overdue = $4)`;
  const args = [q.subjectId, q.departmentId, q.states, q.overdue];
  const [items, total] = await Promise.all([
    db.query<CommitmentRow>(`select ${COLS} from ${FROM} where ${where} order by c.id desc limit $5 offset $6`, [...args, q.limit, q.offset]),
    db.query<{ n: number }>(`select count(*)::bigint as n from commitment c where ${where}`, args),
  ]);
  return { items: items.rows, total: total.rows[0]?.n ?? 0 };
}
