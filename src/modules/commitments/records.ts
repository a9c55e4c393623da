import { ValidationError } from '../../errors.js';
import * as catalog from '../catalog/service.js';
import type { SubjectKind } from '../catalog/types.js';
import { checkRecordRow } from '../records/row-check.js';
import { saveCheckedRow, type RecordContext } from '../records/service.js';
import type { Actor, RecordRow } from '../records/types.js';
import { COMMITMENT_TYPE_LABELS, type CommitmentRow } from './types.js';

/** Who a commitment is about, with the identifier a record needs (the ID number only in memory). */
export interface Party {
  kind: SubjectKind;
  name: string;
  uscc: string | null;
  idNumber: string | null;
}

const FULFILMENT_LABELS = { signed: '履约中', fulfilled: '已履约', breached: '未履约', withdrawn: '履约中' } as const;

function partyFields(p: Party): Record<string, string> {
  return { ZTMC: p.name, ...(p.uscc ? { TYSHXYDM: p.uscc } : {}), ...(p.idNumber ? { ZJHM: p.idNumber } : {}) };
}

async function file(ctx: RecordContext, categoryCode: string, departmentId: number, p: Party, fields: Record<string, string>, actor: Actor, mode: 'create' | 'upsert', reason: string): Promise<RecordRow> {
  const category = await catalog.getCategory(ctx.db, categoryCode);
  const checked = checkRecordRow(category, { ...partyFields(p), ...fields }, { code: p.uscc ?? p.idNumber, name: p.name, kind: p.kind }, null, ctx.clock.today());
  if (!checked.ok) throw new ValidationError(`承诺信息不符合信息类别“${category.name}”的要求`, checked.issues, 'invalid_record');
  return (await saveCheckedRow(ctx, { category, departmentId }, checked.row, actor, { mode, reason })).record;
}

/** The public commitment record (信用承诺信息), as 信用中国 shows it; a new version when fulfilment changes. */
export function fileCommitmentRecord(ctx: RecordContext, category: string, c: CommitmentRow, p: Party, actor: Actor, mode: 'create' | 'upsert'): Promise<RecordRow> {
  return file(ctx, category, c.departmentId, p, {
    XXBH: `CN-${c.id}`, CNLX: COMMITMENT_TYPE_LABELS[c.type], CNSY: c.matter.slice(0, 1000), CNRQ: c.signedOn, SLDW: c.departmentName,
    LXZT: FULFILMENT_LABELS[c.state],
  }, actor, mode, mode === 'create' ? `信用承诺 #${c.id}` : `信用承诺 #${c.id}：${FULFILMENT_LABELS[c.state]}`);
}

/** A breached commitment becomes dishonesty information (违背信用承诺) in the archive. */
export function fileBreachRecord(ctx: RecordContext, category: string, c: CommitmentRow, p: Party, actor: Actor, note: string, departmentId: number): Promise<RecordRow> {
  return file(ctx, category, departmentId, p, {
    XXBH: `CN-${c.id}-WY`, CNLX: COMMITMENT_TYPE_LABELS[c.type], CNSY: c.matter.slice(0, 1000), CNRQ: c.signedOn, SLDW: c.departmentName,
    WYQX: note.slice(0, 2000), RDRQ: ctx.clock.today(),
  }, actor, 'create', `违背信用承诺 #${c.id}`);
}
