import type { Db } from '../../db/pool.js';
import type { CaseStore } from '../cases/kind.js';
import type { RepairRow, RepairState } from './types.js';

const COLS = `p.id, p.subject_id as "subjectId", p.record_id as "recordId", p.list_entry_id as "listEntryId",
  p.department_id as "departmentId", d.code as "departmentCode", d.name as "departmentName", p.severity, p.state,
  p.filed_by as "filedBy", p.agent_name as "agentName", p.statement, p.applied_on as "appliedOn", p.accepted_on as "acceptedOn",
  p.decision_due as "decisionDue", p.due_provisional as "dueProvisional", p.extensions, p.overdue,
  p.materials_required as "materialsRequired", p.materials_missing as "materialsMissing", p.eligibility,
  p.decided_on as "decidedOn", p.decided_by as "decidedBy", p.decision_reason as "decisionReason",
  p.rechecked_on as "recheckedOn", p.recheck_reason as "recheckReason", p.bar_until as "barUntil",
  to_jsonb(p.pending_list_exits) as "pendingListExits", p.rule_code as "ruleCode", p.rule_version as "ruleVersion",
  p.rule_params as "ruleParams", p.version`;
const FROM = 'repair p left join department d on d.id = p.department_id';
const OPEN = `('returned', 'accepted', 'extended')`;

export interface NewRepair {
  /** Filed at (the clock's time). */
  createdAt: Date;
  subjectId: number;
  recordId: number | null;
  listEntryId: number | null;
  departmentId: number | null;
  severity: string | null;
  state: RepairState;
  filedBy: 'subject' | 'agent';
  agentName: string | null;
  applicantUserId: number | null;
  statement: string | null;
  appliedOn: string;
  acceptedOn: string | null;
  decisionDue: string | null;
  dueProvisional: boolean;
  materialsRequired: string[];
  materialsMissing: string[];
  eligibility: unknown;
  rule: { code: string; version: number; params: unknown };
}

export async function insertRepair(db: Db, r: NewRepair): Promise<number> {
  const res = await db.query<{ id: number }>(
    `insert into repair (subject_id, record_id, list_entry_id, department_id, severity, state, filed_by, agent_name, applicant_user_id,
       statement, applied_on, accepted_on, decision_due, due_provisional, materials_required, materials_missing, eligibility,
       rule_code, rule_version, rule_params, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21) returning id`,
    [r.subjectId, r.recordId, r.listEntryId, r.departmentId, r.severity, r.state, r.filedBy, r.agentName, r.applicantUserId,
      r.statement, r.appliedOn, r.acceptedOn, r.decisionDue, r.dueProvisional, r.materialsRequired, r.materialsMissing,
      JSON.stringify(r.eligibility), r.rule.code, r.rule.version, JSON.stringify(r.rule.params), r.createdAt],
  );
  return res.rows[0]!.id;
}

export async function findRepair(db: Db, id: number, forUpdate = false): Promise<RepairRow | null> {
  return (await db.query<RepairRow>(`select ${COLS} from ${FROM} where p.id = $1 ${forUpdate ? 'for update of p' : ''}`, [id])).rows[0] ?? null;
}

export async function findOpenFor(db: Db, t: { recordId: number | null; listEntryId: number | null }): Promise<number | null> {
  const r = await db.query<{ id: number }>(
    `select id from repair where state in ${OPEN} and (record_id = $1 or list_entry_id = $2) limit 1`,
    [t.recordId, t.listEntryId],
  );
  return r.rows[0]?.id ?? null;
}

/** The latest end of an abuse bar among the subject's revoked repairs. */
export async function abuseBarUntil(db: Db, subjectId: number): Promise<string | null> {
  const r = await db.query<{ until: string | null }>(`select max(bar_until) as until from repair where subject_id = $1 and state = 'revoked'`, [subjectId]);
  return r.rows[0]?.until ?? null;
}

/** The workflow fields a step may change. */
export type RepairChange = Partial<Pick<RepairRow,
  'state' | 'acceptedOn' | 'decisionDue' | 'dueProvisional' | 'extensions' | 'overdue' | 'materialsMissing' | 'decidedOn' | 'decidedBy' |
  'decisionReason' | 'recheckedOn' | 'recheckReason' | 'barUntil' | 'pendingListExits'>>;

/** Where repair applications and their case files are kept (the kernel's versioned update and events run on this). */
export const repairStore: CaseStore<RepairRow, RepairChange> = {
  table: 'repair',
  events: { table: 'repair_event', key: 'repair_id' },
  columns: {
    state: 'state', acceptedOn: 'accepted_on', decisionDue: 'decision_due', dueProvisional: 'due_provisional', extensions: 'extensions',
    overdue: 'overdue', materialsMissing: 'materials_missing', decidedOn: 'decided_on', decidedBy: 'decided_by', decisionReason: 'decision_reason',
    recheckedOn: 'rechecked_on', recheckReason: 'recheck_reason', barUntil: 'bar_until', pendingListExits: 'pending_list_exits',
  },
  deadline: { due: 'decision_due', flag: 'overdue' },
  find: findRepair,
};

export async function inbox(db: Db, q: { states: string[]; departmentId: number | null; subjectId: number | null; overdue: boolean | null; today: string; limit: number; offset: number }) {
  const where = `(cardinality($1::text[]) = 0 or p.state = any($1::text[])) and ($2::int is null or p.department_id = $2)
    and ($3::bigint is null or p.subject_id = $3)
    and ($4::boolean is null or $4 = (p.overdue or (p.state in ('accepted', 'extended') and p.decision_due < $5::date)))`;
  const args = [q.states, q.departmentId, q.subjectId, q.overdue, q.today];
  const [items, total] = await Promise.all([
    db.query<RepairRow>(`select ${COLS} from ${FROM} where ${where} order by (p.state in ${OPEN}) desc, p.decision_due nulls last, p.id limit $6 offset $7`, [...args, q.limit, q.offset]),
    db.query<{ n: number }>(`select count(*)::bigint as n from repair p where ${where}`, args),
  ]);
  return { items: items.rows, total: total.rows[0]?.n ?? 0 };
}
