import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { withTx } from '../../db/pool.js';
import { errorResponses, PageQuery, Paged } from '../../http/schemas.js';
import { SUBJECT_KINDS, type SubjectKind } from '../catalog/types.js';
import { SubjectItem, SubjectView } from './schema.js';
import * as subjects from './service.js';
import type { SubjectRow } from './types.js';

const Kind = Type.Union(SUBJECT_KINDS.map((k) => Type.Literal(k)));
const itemOf = (r: SubjectRow) => ({
  id: r.id, kind: r.kind, ...(r.uscc ? { uscc: r.uscc } : {}), ...(r.idMasked ? { idNumberMasked: r.idMasked } : {}),
  name: r.name, legalRepName: r.legalRepName, regionCode: r.regionCode, status: r.status,
});
const CodeParam = Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) });

export async function subjectRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const publicLimit = { rateLimit: {} };
  app.get('/subjects', {
    config: publicLimit,
    schema: {
      tags: ['subjects'], summary: 'Find subjects by exact code or name fragment',
      querystring: Type.Object({ q: Type.String({ maxLength: 100 }), kind: Type.Optional(Kind), ...PageQuery }),
      response: { 200: Paged(SubjectItem), ...errorResponses },
    },
  }, async (req) => {
    const q = req.query as { q: string; kind?: SubjectKind; page: number; pageSize: number };
    const r = await subjects.searchSubjects(deps.pool, deps.pd, req.viewer, { q: q.q, kind: q.kind ?? null, page: q.page, pageSize: q.pageSize }, deps.clock.now());
    return { items: r.items.map(itemOf), total: r.total };
  });

  app.get('/subjects/:code', {
    config: publicLimit,
    schema: { tags: ['subjects'], summary: 'One subject by USCC, ID number or legacy code', params: CodeParam, response: { 200: SubjectView, ...errorResponses } },
  }, async (req) => {
    // A natural person is found only by staff, departments, the person and lenders it granted
    // access; to anyone else it is the 404 of a code that exists nowhere.
    const row = await subjects.getSubjectForViewer(deps.pool, deps.pd, req.viewer, (req.params as { code: string }).code, deps.clock.now());
    return subjects.viewSubject(deps.pool, row);
  });

}

/**
 * Registering and renaming subjects. Apart from subjectRoutes because app.ts registers the records
 * module's archive route between the two, where the OpenAPI document has always listed it.
 */
export async function subjectRegistrationRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.post('/subjects', {
    schema: {
      tags: ['subjects'], summary: 'Register a subject with legacy codes, former names and legal representative (admin, operator)',
      body: Type.Object({
        kind: Type.Optional(Kind), uscc: Type.Optional(Type.String()), idNumber: Type.Optional(Type.String()), name: Type.String({ minLength: 1, maxLength: 200 }),
        legalRep: Type.Optional(Type.String({ maxLength: 50 })), legalRepIdNumber: Type.Optional(Type.String()),
        regionCode: Type.Optional(Type.String({ pattern: '^\\d{6}$' })), industryCode: Type.Optional(Type.String({ maxLength: 10 })),
        registeredOn: Type.Optional(Type.String({ format: 'date' })), formerNames: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
        identifiers: Type.Optional(Type.Array(Type.Object({ scheme: Type.Union(['org_code', 'reg_no', 'tax_no', 'former_name'].map((s) => Type.Literal(s))), value: Type.String({ minLength: 1 }) }))),
      }, { additionalProperties: false }),
      response: { 201: SubjectView, ...errorResponses },
    },
  }, async (req, reply) => {
    const body = req.body as Parameters<typeof subjects.registerSubject>[3];
    const view = await withTx(deps.pool, (tx) => subjects.registerSubject(tx, deps.pd, req.viewer, body, deps.clock.today()));
    return reply.status(201).send(view);
  });

  app.post('/subjects/:code/rename', {
    schema: { tags: ['subjects'], summary: 'Rename; the old name becomes a former name', params: CodeParam, body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }) }), response: { 200: SubjectView, ...errorResponses } },
  }, async (req) => {
    const code = (req.params as { code: string }).code;
    const id = await withTx(deps.pool, (tx) => subjects.renameSubject(tx, deps.pd, req.viewer, code, (req.body as { name: string }).name));
    return subjects.viewSubject(deps.pool, await subjects.subjectById(deps.pool, id));
  });
}
