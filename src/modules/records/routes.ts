import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { withTx } from '../../db/pool.js';
import { errorResponses, IdParam } from '../../http/schemas.js';
import { Fields, RecordVersions, RecordView, SavedRecordView, SubjectHint } from './schema.js';
import * as records from './service.js';
import type { RecordRow } from './types.js';

const PurposeQuery = Type.Object({ purpose: Type.Optional(Type.String({ maxLength: 200, description: 'why the record is read (or the X-Purpose header)' })) });

const view = (r: RecordRow, extra: Record<string, unknown> = {}) => ({
  id: r.id, subjectId: r.subjectId, categoryId: r.categoryId, departmentId: r.departmentId, sourceKey: r.sourceKey, fields: r.fields,
  decidedOn: r.decidedOn, validFrom: r.validFrom, validUntil: r.validUntil, publishFrom: r.publishFrom, publishUntil: r.publishUntil,
  severity: r.severity, state: r.state, version: r.version, ...extra,
});

export async function recordRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const ctx = { pd: deps.pd, clock: deps.clock };

  app.post('/records', {
    schema: {
      tags: ['records'], summary: 'File one record (department clerk for its own department, or the credit center)',
      body: Type.Object({ department: Type.String(), category: Type.String(), sourceKey: Type.Optional(Type.String()), subject: Type.Optional(SubjectHint), fields: Fields, reason: Type.Optional(Type.String()) }, { additionalProperties: false }),
      response: { 201: SavedRecordView, ...errorResponses },
    },
  }, async (req, reply) => {
    const body = req.body as records.RecordInput;
    const r = await withTx(deps.pool, (db) => records.createRecord({ ...ctx, db }, req.viewer, body));
    return reply.status(201).send(view(r.record, { outcome: r.outcome, warnings: r.warnings }));
  });

  app.get('/records/:id', {
    schema: {
      tags: ['records'], summary: 'One record (credit center, or its source department)',
      description: 'A record of a non-public class needs a purpose (X-Purpose header or ?purpose=); each such read is audit-logged.',
      params: IdParam, querystring: PurposeQuery, response: { 200: RecordView, ...errorResponses },
    },
  }, async (req) => view(await records.readRecord(deps.pool, req.viewer, (req.params as IdParam).id)));

  app.put('/records/:id', {
    schema: {
      tags: ['records'], summary: 'Replace a record\'s content: a new version when anything changed',
      params: IdParam, body: Type.Object({ fields: Fields, subject: Type.Optional(SubjectHint), reason: Type.Optional(Type.String()) }, { additionalProperties: false }),
      response: { 200: SavedRecordView, ...errorResponses },
    },
  }, async (req) => {
    const r = await withTx(deps.pool, (db) => records.updateRecord({ ...ctx, db }, req.viewer, (req.params as IdParam).id, req.body as records.RecordInput));
    return view(r.record, { outcome: r.outcome, warnings: r.warnings });
  });

  app.post('/records/:id/revoke', {
    schema: { tags: ['records'], summary: 'Revoke a record (撤销)', params: IdParam, body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 1000 }) }), response: { 200: RecordView, ...errorResponses } },
  }, async (req) => {
    const r = await withTx(deps.pool, (db) => records.revokeRecord({ ...ctx, db }, req.viewer, (req.params as IdParam).id, (req.body as { reason: string }).reason));
    return view(r);
  });

  app.get('/records/:id/versions', {
    schema: {
      tags: ['records'], summary: 'The ledger entries of one record',
      description: 'A record of a non-public class needs a purpose (X-Purpose header or ?purpose=); each such read is audit-logged.',
      params: IdParam, querystring: PurposeQuery, response: { 200: RecordVersions, ...errorResponses },
    },
  }, async (req) => {
    const items = await records.readRecordVersions(deps.pool, req.viewer, (req.params as IdParam).id);
    return { items, total: items.length };
  });
}
