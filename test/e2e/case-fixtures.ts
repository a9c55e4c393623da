import { expect } from 'vitest';
import { addMonths, cstDate } from '../../src/lib/clock.js';
import { makeUscc, mulberry32 } from '../../src/modules/identity/generate.js';
import { penaltyRow } from '../helpers/factories.js';
import { admin, apiCall } from './helpers.js';

// Cases for the inbox and audit browser tests, on parties of their own (never the demo city's, which
// other browser tests pick from): a penalty filed by the credit centre, then an objection or a
// repair application the credit centre files on the party's behalf, as an agent with a power of attorney.

const rng = mulberry32(Date.now() % 2 ** 31);
const PDF = (name: string) => ({ name, contentType: 'application/pdf', dataBase64: Buffer.from('%PDF-1.4\n%e2e\n').toString('base64') });
const AGENT = { agentName: '王律师', powerOfAttorney: PDF('授权委托书.pdf') };

export interface Penalty { id: number; uscc: string; name: string; department: string; wsh: string; content: string }

/** The fields of a penalty of a new party, decided some seven months before the server's today (the wall clock). */
async function penaltyFields(name: string, department: string): Promise<{ uscc: string; wsh: string; fields: Record<string, string> }> {
  const depts = await apiCall<{ items: { code: string; name: string; uscc: string }[] }>('GET', '/api/v1/departments?pageSize=200', undefined, await admin());
  const dept = depts.body.items.find((d) => d.code === department)!;
  const decided = addMonths(cstDate(new Date()), -7);
  const uscc = makeUscc(rng, { authority: '9', orgType: '1', region: '320602' });
  const wsh = `通市监罚〔E2E〕${uscc.slice(-6)}号`;
  return { uscc, wsh, fields: penaltyRow({ uscc, name, wsh, dept, overrides: { CF_JDRQ: decided, CF_YXQ: addMonths(decided, 12), CF_CFJG: dept.name, CF_SJLY: dept.name } }) };
}

/** A one-row penalty file (CSV with the national column names), as a department delivers it. */
export async function penaltyCsv(name: string, department = 'SCJGJ'): Promise<string> {
  const { fields } = await penaltyFields(name, department);
  return `${Object.keys(fields).join(',')}\n${Object.values(fields).join(',')}\n`;
}

/** A penalty of a new party, filed by the credit centre: published, and repairable (the minimum period is over). */
export async function filePenalty(name: string, department = 'SCJGJ'): Promise<Penalty> {
  const s = await admin();
  const { uscc, wsh, fields } = await penaltyFields(name, department);
  const r = await apiCall<{ id: number }>('POST', '/api/v1/records', { department, category: 'penalty', fields }, s);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return { id: r.body.id, uscc, name, department, wsh, content: fields.CF_NR! };
}

/** An objection to the record, filed by the credit centre as the party's agent; its tracking number. */
export async function fileObjection(record: number, reason = '处罚决定已被复议撤销，记录有误。'): Promise<{ id: number; trackingNo: string }> {
  const r = await apiCall<{ id: number; trackingNo: string }>('POST', '/api/v1/objections', { record, grounds: 'wrong', reason, ...AGENT }, await admin());
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

/** A complete repair application for the record, filed by the credit centre as the party's agent. */
export async function applyForRepair(record: number): Promise<{ id: number }> {
  const s = await admin();
  const e = await apiCall<{ eligible: boolean; materials: { required: { code: string }[] } }>('GET', `/api/v1/repairs/eligibility?record=${record}`, undefined, s);
  expect(e.body.eligible, JSON.stringify(e.body)).toBe(true);
  const materials = e.body.materials.required.map((m) => ({ code: m.code, file: PDF(`${m.code}.pdf`) }));
  const r = await apiCall<{ id: number; state: string }>('POST', '/api/v1/repairs', { record, materials, statement: '已全额缴纳罚款并完成整改。', ...AGENT }, s);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  expect(r.body.state).toBe('accepted');
  return r.body;
}
