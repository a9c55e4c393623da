import { inTx, withTx, type Db } from '../../db/pool.js';
import { ConflictError, NotFoundError, ValidationError, type ErrorDetail } from '../../errors.js';
import { maskIdNumbersInFreeText } from '../../lib/redact.js';
import { auditChange } from '../access/audit.js';
import * as access from '../access/service.js';
import { requireRole, requireScope, type Viewer } from '../access/viewer.js';
import { loadCalendar } from '../calendar/service.js';
import { addWorkingDays } from '../calendar/working-days.js';
import { liveAdverseRecords, liveEntries } from '../cases/facts-repo.js';
import { appendCaseEvent, inboxScope, mustFind, readCase, updateCase } from '../cases/kernel.js';
import { notify } from '../cases/notifications.js';
import { statesOf } from '../cases/schema.js';
import { caseEvent, type RightsContext } from '../cases/workflow.js';
import { validateCode } from '../identity/validate.js';
import { actorFor } from '../records/service.js';
import type { CommitmentParams } from '../rules/params.js';
import { currentRule, type RuleSnapshot } from '../rules/service.js';
import { findSubjectByCode, getSubjectByCode, subjectById } from '../subjects/service.js';
import type { SubjectRow } from '../subjects/types.js';
import { COMMITMENT_CASE } from './case-kind.js';
import { fileCommitmentRecord, type Party } from './records.js';
import * as repo from './repo.js';
import { fillCommitmentText, PLACEHOLDERS, unknownPlaceholders } from './template.js';
import type { CommitmentQuery, ItemInput, SignInput } from './schema.js';
import { COMMITMENT_TYPE_LABELS, COMMITMENT_TYPES, type CommitmentRow, type ExcludedWhen, type ItemRow } from './types.js';

export type { ItemInput } from './schema.js';

/** Operators publish a commitment item (承诺事项) with its template text (承诺书格式文本). */
export async function createItem(db: Db, viewer: Viewer, input: ItemInput): Promise<ItemRow> {
  requireRole(viewer, 'admin', 'operator');
  const issues: ErrorDetail[] = [];
  if (!COMMITMENT_TYPES.includes(input.type)) issues.push({ field: 'type', message: `承诺类型应为 ${COMMITMENT_TYPES.join(', ')}` });
  if (!input.templateText.trim()) issues.push({ field: 'templateText', message: '须提供承诺书格式文本' });
  const unknown = unknownPlaceholders(input.templateText);
  if (unknown.length) issues.push({ field: 'templateText', message: `格式文本中的 ${unknown.map((k) => `{${k}}`).join('、')} 无法填写；可用的有 ${PLACEHOLDERS.map((k) => `{${k}}`).join('、')}` });
  if (input.department && !(await access.getDepartment(db, input.department).catch(() => null))) issues.push({ field: 'department', message: `未登记的部门 ${input.department}` });
  if (issues.length) throw new ValidationError('承诺事项定义有误', issues);
  return inTx(db, async (tx) => {
    const row = await repo.insertItem(tx, {
      code: input.code, name: input.name.trim(), type: input.type, templateText: input.templateText, public: input.public ?? true,
      verificationWorkingDays: input.verificationWorkingDays ?? null, departmentCode: input.department ?? null, excludedWhen: input.excludedWhen ?? {},
      legalBasis: input.legalBasis?.trim() ?? '',
    }, viewer.username ?? 'operator');
    if (!row) throw new ConflictError(`承诺事项编码 ${input.code} 已存在`, [{ field: 'code', message: '事项编码重复' }]);
    await auditChange(tx, viewer, 'commitment_item.created', { departmentId: null, details: { item: row.code, name: row.name, type: row.type } });
    return row;
  });
}

export const listItems = (db: Db, activeOnly: boolean) => repo.listItems(db, activeOnly);

/** The published items; the credit centre may ask for inactive ones too (`all`). */
export function itemsFor(db: Db, viewer: Viewer, all: boolean): Promise<ItemRow[]> {
  const staff = viewer.role === 'admin' || viewer.role === 'operator';
  return listItems(db, !(staff && all));
}

async function getItem(db: Db, code: string): Promise<ItemRow> {
  const i = await repo.findItem(db, code);
  if (!i || !i.active) throw new NotFoundError('commitment item', code, 'unknown_commitment_item');
  return i;
}

/** Exclusions (国办发〔2020〕42号): serious adverse records, serious-dishonesty lists, earlier false commitments. */
async function exclusions(db: Db, subjectId: number, item: ItemRow, rule: RuleSnapshot<CommitmentParams>): Promise<ErrorDetail[]> {
  const p = rule.params;
  const on = (k: keyof ExcludedWhen, def: boolean) => item.excludedWhen[k] ?? def;
  const tag = `${rule.code} v${rule.version}`;
  const out: ErrorDetail[] = [];
  if (on('seriousAdverse', p.excludeSeriousAdverse)) {
    const r = await liveAdverseRecords(db, subjectId, { serious: true, categories: [] });
    if (r.length) out.push({ field: 'subject', rule: `${tag}.excludeSeriousAdverse`, message: `主体有 ${r.length} 条现行严重失信记录（${[...new Set(r.map((x) => x.categoryName))].join('、')}），信用修复前不适用承诺制`, records: r.map((x) => x.id) });
  }
  if (on('blacklisted', p.excludeBlacklisted)) {
    const e = await liveEntries(db, subjectId, ['blacklist']);
    if (e.length) out.push({ field: 'subject', rule: `${tag}.excludeBlacklisted`, message: `主体在严重失信主体名单中（${e.map((x) => x.listName).join('、')}）` });
  }
  if (on('falseCommitment', p.excludeFalseCommitment)) {
    const r = await liveAdverseRecords(db, subjectId, { serious: false, categories: [p.breachCategory] });
    if (r.length) out.push({ field: 'subject', rule: `${tag}.excludeFalseCommitment`, message: `主体曾违背信用承诺（记录 #${r.map((x) => x.id).join('、#')}），信用修复前不适用承诺制` });
  }
  return out;
}

async function signer(ctx: RightsContext, viewer: Viewer, input: SignInput, item: ItemRow): Promise<{ subject: SubjectRow; party: Party; departmentId: number; channel: 'portal' | 'department' }> {
  requireRole(viewer, 'subject', 'department', 'admin', 'operator');
  let subject: SubjectRow;
  let idNumber: string | null = null;
  if (viewer.role === 'subject') {
    subject = await subjectById(ctx.pool, viewer.subjectId!);
    if (subject.kind === 'natural_person') {
      const found = input.idNumber ? await findSubjectByCode(ctx.pool, ctx.pd, input.idNumber) : null;
      if (found?.id !== subject.id) throw new ValidationError('自然人作出承诺须核验本人身份证件号码', [{ field: 'idNumber', message: '须为账户本人的身份证件号码' }]);
      idNumber = validateCode(input.idNumber!).normalized ?? input.idNumber!;
    }
  } else {
    requireScope(viewer, 'records:write');
    if (!input.party) throw new ValidationError('部门代为登记承诺须提供承诺主体的统一社会信用代码或身份证件号码', [{ field: 'party', message: '请填写承诺主体的代码' }]);
    subject = await getSubjectByCode(ctx.pool, ctx.pd, input.party);
    if (subject.kind === 'natural_person') idNumber = validateCode(input.party).normalized ?? input.party;
  }
  const deptCode = viewer.role === 'department' ? null : (input.department ?? item.departmentCode);
  const departmentId = viewer.role === 'department' ? viewer.departmentId! : deptCode ? (await access.getDepartment(ctx.pool, deptCode)).id : null;
  if (departmentId === null) throw new ValidationError('须指定承诺受理单位', [{ field: 'department', message: '请选择承诺受理单位' }]);
  return {
    subject, departmentId, channel: viewer.role === 'subject' ? 'portal' : 'department',
    party: { kind: subject.kind, name: subject.name, uscc: subject.uscc, idNumber },
  };
}

function verificationDays(item: ItemRow, p: CommitmentParams): number | null {
  if (item.type === 'certification_notice') return item.verificationWorkingDays ?? p.defaultVerificationWorkingDays;
  if (item.type === 'missing_material') return item.verificationWorkingDays ?? p.supplementWorkingDays;
  return item.verificationWorkingDays;
}

/**
 * The text a signer would sign, filled with their data (name, code, today, the accepting
 * department): the form's preview. A subject sees its own data; anyone else the bracketed blanks.
 * `departmentRequired`: the item names no accepting department, so the signer chooses one.
 */
export async function previewCommitment(ctx: RightsContext, viewer: Viewer, q: { item: string; matter?: string; department?: string }) {
  const item = await getItem(ctx.pool, q.item);
  const subject = viewer.role === 'subject' && viewer.subjectId ? await subjectById(ctx.pool, viewer.subjectId) : null;
  const code = q.department || item.departmentCode;
  const dept = code ? await access.getDepartment(ctx.pool, code) : null;
  const text = fillCommitmentText(item.templateText, {
    subjectName: subject?.name, subjectCode: subject ? subject.uscc ?? subject.idMasked : null,
    matter: q.matter?.trim() ? maskIdNumbersInFreeText(q.matter.trim()) : null, date: ctx.clock.today(), department: dept?.name,
  });
  return { text, departmentRequired: !item.departmentCode, department: dept ? { code: dept.code, name: dept.name } : null };
}

/**
 * A subject signs a commitment (portal), or a department registers one during an approval.
 * Excluded subjects are refused with the reasons; public items are filed as records in the
 * commitment category so they appear in the archive and reports.
 */
export async function signCommitment(ctx: RightsContext, viewer: Viewer, input: SignInput): Promise<CommitmentRow> {
  const item = await getItem(ctx.pool, input.item);
  if (!input.matter.trim()) throw new ValidationError('须写明承诺事由', [{ field: 'matter', message: '请填写承诺事由' }]);
  // The matter is filed in a public record and the signed text: an ID number typed into it is masked first.
  const matter = maskIdNumbersInFreeText(input.matter.trim());
  const signerName = input.signerName?.trim() ? maskIdNumbersInFreeText(input.signerName.trim()) : null;
  const s = await signer(ctx, viewer, input, item);
  const rule = await currentRule(ctx.pool, 'commitment');
  const excluded = await exclusions(ctx.pool, s.subject.id, item, rule);
  if (excluded.length) throw new ConflictError(`该主体不适用信用承诺：${excluded.map((e) => e.message).join('；')}`, excluded, 'commitment_excluded');
  const today = ctx.clock.today();
  const days = verificationDays(item, rule.params);
  const due = days === null ? null : addWorkingDays(today, days, await loadCalendar(ctx.pool));
  const dept = (await access.getDepartmentById(ctx.pool, s.departmentId))!;
  const actor = actorFor(viewer);
  const id = await withTx(ctx.pool, async (tx) => {
    const newId = await repo.insertCommitment(tx, {
      itemId: item.id, subjectId: s.subject.id, departmentId: s.departmentId, channel: s.channel, matter,
      signedText: fillCommitmentText(item.templateText, { subjectName: s.subject.name, subjectCode: s.subject.uscc ?? s.subject.idMasked, matter, date: today, department: dept.name }),
      signedOn: today, signerName: signerName || (s.channel === 'portal' ? actor.name : s.subject.name), verificationDue: due?.date ?? null,
      dueProvisional: due?.provisional ?? false, subjectCodeCipher: s.party.idNumber ? ctx.pd.encrypt(s.party.idNumber) : null, rule, createdAt: ctx.clock.now(),
    });
    const c = (await repo.findCommitment(tx, newId))!;
    let publicRecord: number | null = null;
    if (item.public) {
      publicRecord = (await fileCommitmentRecord({ db: tx, pd: ctx.pd, clock: ctx.clock }, rule.params.publicationCategory, c, s.party, actor, 'create')).id;
      await updateCase(tx, COMMITMENT_CASE, newId, { publicRecordId: publicRecord });
    }
    await appendCaseEvent(tx, COMMITMENT_CASE, newId, caseEvent(actor, ctx.clock.now(), 'signed', null, 'signed', null, {
      channel: s.channel, item: item.code, type: item.type, verificationDue: due?.date ?? null, publicRecord, rule: { code: rule.code, version: rule.version },
    }));
    await auditChange(tx, viewer, 'commitment.signed', { subjectId: s.subject.id, departmentId: s.departmentId, details: { commitmentId: newId, item: item.code, matter, channel: s.channel } });
    if (due) {
      await notify(tx, ctx.clock.now(), { audience: 'department', departmentId: s.departmentId, kind: 'commitment.signed', refType: 'commitment', refId: newId, title: `待核查的${COMMITMENT_TYPE_LABELS[item.type]} #${newId}`, body: `${s.subject.name}：${matter}；请于 ${due.date} 前核查` });
    }
    return newId;
  });
  return mustFind(ctx.pool, COMMITMENT_CASE, id);
}

/** One commitment with its history: the subject, the accepting department, staff. */
export async function getCommitment(db: Db, viewer: Viewer, id: number) {
  const r = await readCase(db, viewer, COMMITMENT_CASE, id);
  return { commitment: r.row, events: r.events };
}

/** Commitments by subject and state: a subject its own, a department those it accepted, the centre all. */
export async function listCommitments(ctx: RightsContext, viewer: Viewer, q: CommitmentQuery) {
  const scope = inboxScope(viewer, null);
  const subjectId = viewer.role === 'subject' ? scope.subjectId : q.subject ? (await getSubjectByCode(ctx.pool, ctx.pd, q.subject)).id : null;
  return repo.search(ctx.pool, {
    subjectId, departmentId: scope.departmentId, states: statesOf(q.state), overdue: q.overdue ?? null,
    limit: q.pageSize, offset: (q.page - 1) * q.pageSize,
  });
}
