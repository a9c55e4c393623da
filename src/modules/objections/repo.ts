import type { Db } from '../../db/pool.js';
import type { CaseStore } from '../cases/kind.js';
import type { ObjectionRow, ObjectionState } from './types.js';

const COLS = `o.id, o.tracking_no as "trackingNo", o.record_id as "recordId", o.subject_id as "subjectId",
  o.department_id as "departmentId", d.code as "departmentCode", d.name as "departmentName", c.code as "categoryCode",
  o.grounds, o.reason, o.filed_by as "filedBy", o.agent_name as "agentName", o.state, o.received_on as "receivedOn",
  o.check_due as "checkDue", o.checked_at as "checkedAt", o.due_on as "dueOn", o.due_provisional as "dueProvisional",
  o.extensions, o.overdue, o.escalated_at as "escalatedAt", o.outcome_reason as "outcomeReason", o.decided_on as "decidedOn",
  o.decided_by as "decidedBy", o.record_version_after as "recordVersionAfter", to_jsonb(o.pending_list_exits) as "pendingListExits", o.rule_code as "ruleCode",
  o.rule_version as "ruleVersion", o.rule_params as "ruleParams", o.version`;
const FROM = `objection o join department d on d.id = o.department_id join record r on r.id = o.record_id join category c on c.id = r.category_id`;
const OPEN = `('received', 'extended', 'escalated')`;

export interface NewObjection {
  /** Filed at (the clock's time). */
  createdAt: Date;
  trackingNo: string;
  recordId: number;
  subjectId: number;
  departmentId: number;
  grounds: string;
  reason: string;
  filedBy: 'subject' | 'agent';
  agentName: string | null;
  filerUserId: number | null;
  receivedOn: string;
  checkDue: string;
  dueOn: string;
  dueProvisional: boolean;
  rule: { code: string; version: number; params: unknown };
}

/** Insert; null when the tracking number is taken (the caller draws another). */
export async function insertObjection(db: Db, o: NewObjection): Promise<number | null> {
  const r = await db.query<{ id: number }>(
    `insert into objection (tracking_no, record_id, subject_id, department_id, grounds, reason, filed_by, agent_name, filer_user_id,
       state, received_on, check_due, due_on, due_provisional, rule_code, rule_version, rule_params, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'received', $10, $11, $12, $13, $14, $15, $16, $17)
     on conflict (tracking_no) do nothing returning id`,
    [o.trackingNo, o.recordId, o.subjectId, o.departmentId, o.grounds, o.reason, o.filedBy, o.agentName, o.filerUserId,
      o.receivedOn, o.checkDue, o.dueOn, o.dueProvisional, o.rule.code, o.rule.version, JSON.stringify(o.rule.params), o.createdAt],
  );
  return r.rows[0]?.id ?? null;
}

export async function findObjection(db: Db, id: number, forUpdate = false): Promise<ObjectionRow | null> {
  const r = await db.query<ObjectionRow>(`select ${COLS} from ${FROM} where o.id = $1 ${forUpdate ? 'for update of o' : ''}`, [id]);
  return r.rows[0] ?? null;
}

export async function findByTracking(db: Db, trackingNo: string): Promise<ObjectionRow | null> {
  return (await db.query<ObjectionRow>(`select ${COLS} from ${FROM} where o.tracking_no = $1`, [trackingNo])).rows[0] ?? null;
}

export async function findOpenForRecord(db: Db, recordId: number): Promise<ObjectionRow | null> {
  return (await db.query<ObjectionRow>(`select ${COLS} from ${FROM} where o.record_id = $1 and o.state in ${OPEN}`, [recordId])).rows[0] ?? null;
}

/** The workflow fields a step may change. */
export type ObjectionChange = Partial<{
  state: ObjectionState; dueOn: string; dueProvisional: boolean; extensions: number; overdue: boolean; escalatedAt: Date;
  checkedAt: Date; outcomeReason: string; decidedOn: string; decidedBy: string; decidedDepartmentId: number | null; recordVersionAfter: number;
  pendingListExits: number[];
}>;

/** Where objections and their case files are kept (the kernel's versioned update and events run on this). */
export const objectionStore: CaseStore<ObjectionRow, ObjectionChange> = {
  table: 'objection',
  events: { table: 'objection_event', key: 'objection_id' },
  columns: {
    state: 'state', dueOn: 'due_on', dueProvisional: 'due_provisional', extensions: 'extensions', overdue: 'overdue', escalatedAt: 'escalated_at',
    checkedAt: 'checked_at', outcomeReason: 'outcome_reason', decidedOn: 'decided_on', decidedBy: 'decided_by',
    decidedDepartmentId: 'decided_department_id', recordVersionAfter: 'record_version_after', pendingListExits: 'pending_list_exits',
  },
  deadline: { due: 'due_on', flag: 'overdue' },
  find: findObjection,
};

export interface InboxQuery {
  states: string[];
  departmentId: number | null;
  subjectId: number | null;
  overdue: boolean | null;
  today: string;
  limit: number;
  offset: number;
}

export async function inbox(db: Db, q: InboxQuery): Promise<{ items: ObjectionRow[]; total: number }> {
  const where = `(cardinality($1::text[]) = 0 or o.state = any($1::text[]))
    and ($2::int is null or o.department_id = $2) and ($3::bigint is null or o.subject_id = $3)
    and ($4::boolean is null or $4 = (o.overdue or (o.state in ${OPEN} and o.due_on < $5::date)))`;
  const args = [q.states, q.departmentId, q.subjectId, q.overdue, q.today];
  const [items, total] = await Promise.all([
    db.query<ObjectionRow>(`select ${COLS} from ${FROM} where ${where} order by (o.state in ${OPEN}) desc, o.due_on, o.id limit $6 offset $7`, [...args, q.limit, q.offset]),
    db.query<{ n: number }>(`select count(*)::bigint as n from objection o where ${where}`, args),
  ]);
  return { items: items.rows, total: total.rows[0]?.n ?? 0 };
}

export interface DepartmentFigures {
  departmentId: number;
  departmentCode: string;
  departmentName: string;
  objections: number;
  open: number;
  overdue: number;
  decided: number;
  corrected: number;
  revoked: number;
  maintained: number;
}

export async function figuresByDepartment(db: Db, today: string): Promise<DepartmentFigures[]> {
  const r = await db.query<DepartmentFigures>(
    `select d.id as "departmentId", d.code as "departmentCode", d.name as "departmentName",
       count(o.id)::bigint as objections,
       count(o.id) filter (where o.state in ${OPEN})::bigint as open,
       count(o.id) filter (where o.overdue or (o.state in ${OPEN} and o.due_on < $1::date))::bigint as overdue,
       count(o.id) filter (where o.state in ('corrected', 'revoked', 'maintained'))::bigint as decided,
       count(o.id) filter (where o.state = 'corrected')::bigint as corrected,
       count(o.id) filter (where o.state = 'revoked')::bigint as revoked,
       count(o.id) filter (where o.state = 'maintained')::bigint as maintained
     from department d left join objection o on o.department_id = d.id
     group by d.id order by d.code`,
    [today],
  );
  return r.rows;
}
