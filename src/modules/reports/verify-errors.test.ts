import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, type SessionHeaders } from '../../../test/helpers/app.js';
import { addDays, TEST_TODAY, yearOf } from '../../../test/helpers/clock.js';
import { makeDepartment, newCitizenId } from '../../../test/helpers/factories.js';
import { createReportTestApp } from './test-app.js';

// Whatever a verifier sends, the answer is a 4xx in the platform's error shape, never a 500.

let t: Awaited<ReturnType<typeof createReportTestApp>>;
let admin: SessionHeaders;
let issued: { number: string; verifyCode: string };

interface ErrorBody { error: { code: string; message: string; details: { field?: string; limit?: number }[] } }

beforeAll(async () => {
  t = await createReportTestApp();
  await makeDepartment(t);
  admin = await t.loginAs('admin');
  // A natural person's own report: the only kind whose subject is read back by a stored code.
  const person = newCitizenId();
  const caseNo = `(${yearOf(TEST_TODAY)})苏06执7号`;
  const filed = await t.app.inject({
    method: 'POST', url: '/api/v1/records', headers: admin,
    payload: { department: 'SCJGJ', category: 'court_judgment', fields: { ZTMC: '王小明', ZJHM: person, XXBH: caseNo, AH: caseNo, ZXFY: '南通市中级人民法院', LARQ: addDays(TEST_TODAY, -238) } },
  });
  if (filed.statusCode !== 201) throw new Error(filed.body);
  const pid = Number((await t.db.pool.query("select id from subject where kind = 'natural_person'")).rows[0].id);
  const me = await t.loginAs('subject', undefined, pid);
  const r = await t.app.inject({ method: 'POST', url: '/api/v1/reports', headers: me, payload: { subject: person, kind: 'public' } });
  if (r.statusCode !== 201) throw new Error(r.body);
  issued = json(r);
});
afterAll(() => t.close());

const pdf = (payload: string | Buffer, contentType?: string): InjectOptions => ({
  method: 'POST', url: '/api/v1/reports/verify-file', payload, headers: contentType ? { 'content-type': contentType } : {},
});

describe('verification of bad input', () => {
  it('answers a malformed number, code or file with a 4xx naming the problem', async () => {
    const cases: [string, InjectOptions, number, string][] = [
      ['empty code', { url: `/api/v1/reports/${issued.number}/verify?code=` }, 400, 'validation_failed'],
      ['two codes', { url: `/api/v1/reports/${issued.number}/verify?code=A&code=B` }, 400, 'validation_failed'],
      ['NUL in the code', { url: `/api/v1/reports/${issued.number}/verify?code=%00` }, 400, 'invalid_text'],
      ['NUL in the number', { url: '/api/v1/reports/%00/verify?code=ABCD2345' }, 400, 'invalid_text'],
      ['a number too long', { url: `/api/v1/reports/${'X'.repeat(41)}/verify?code=ABCD2345` }, 400, 'validation_failed'],
      ['not a report number', { url: '/api/v1/reports/nonsense/verify?code=ABCD2345' }, 404, 'unknown_report'],
      ['an empty file', pdf(Buffer.alloc(0), 'application/pdf'), 400, 'validation_failed'],
      ['no body at all', pdf(''), 400, 'validation_failed'],
      ['JSON instead of a file', pdf('{"file":"x"}', 'application/json'), 400, 'validation_failed'],
      ['broken JSON', pdf('{', 'application/json'), 400, 'ctp_invalid_json_body'],
      ['a form upload', pdf('a=b', 'application/x-www-form-urlencoded'), 415, 'unsupported_media_type'],
    ];
    for (const [what, req, status, code] of cases) {
      const res = await t.app.inject(req);
      expect({ what, status: res.statusCode }).toEqual({ what, status });
      expect(json<ErrorBody>(res).error.code, what).toBe(code);
    }
  });

  it('answers a file over the limit with a 413 naming it', async () => {
    const res = await t.app.inject(pdf(Buffer.alloc(20 * 1024 * 1024 + 1), 'application/pdf'));
    expect(res.statusCode).toBe(413);
    const body = json<ErrorBody>(res);
    expect(body).toMatchObject({ error: { code: 'payload_too_large', details: [{ field: 'body', limit: 20 }] } });
    expect(body.error.message).toContain('20 MB');
  });

  it('answers a report whose subject can no longer be read by its code with a 409, not a 500', async () => {
    await t.db.pool.query('update report set subject_code_cipher = null where number = $1', [issued.number]);
    const res = await t.app.inject({ url: `/api/v1/reports/${issued.number}/verify?code=${issued.verifyCode}` });
    expect(res.statusCode).toBe(409);
    expect(json<ErrorBody>(res)).toMatchObject({ error: { code: 'report_subject_unreadable', details: [{ field: 'number' }] } });
    expect(res.body).toContain(issued.number);
  });
});
