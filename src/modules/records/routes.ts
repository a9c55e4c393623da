import type { AppDeps } from '../../deps.js';
import type { Api } from '../../http/api.js';
import { errorResponses, IdParam } from '../../http/schemas.js';
import { PurposeQuery, RecordBody, RecordVersions, RecordView, ReplaceRecordBody, RevokeBody, SavedRecordView } from './schema.js';
import * as records from './service.js';
import type { RecordRow } from './types.js';

const view = (r: RecordRow) => ({
  id: r.id, subjectId: r.subjectId, categoryId: r.categoryId, departmentId: r.departmentId, sourceKey: r.sourceKey, fields: r.fields,
  decidedOn: r.decidedOn, validFrom: r.validFrom, validUntil: r.validUntil, publishFrom: r.publishFrom, publishUntil: r.publishUntil,
  severity: r.severity, state: r.state, version: r.version,
});

const savedView = (r: records.SaveResult) => ({ ...view(r.record), outcome: r.outcome, warnings: r.warnings });

export async function recordRoutes(app: Api, deps: AppDeps): Promise<void> {
  app.post('/records', {
    schema: {
      tags: ['records'], summary: 'File one record (department clerk for its own department, or the credit center)',
      body: RecordBody,
      response: { 201: SavedRecordView, ...errorResponses },
    },
  }, async (req, reply) => reply.status(201).send(savedView(await records.fileRecord(deps, req.viewer, req.body))));

  app.get('/records/:id', {
    schema: {
      tags: ['records'], summary: 'One record (credit center, or its source department)',
      description: 'A record of a non-public class needs a purpose (X-Purpose header or ?purpose=); each such read is audit-logged.',
      params: IdParam, querystring: PurposeQuery, response: { 200: RecordView, ...errorResponses },
    },
  }, async (req) => view(await records.readRecord(deps.pool, req.viewer, req.params.id)));

  app.put('/records/:id', {
    schema: {
      tags: ['records'], summary: 'Replace a record\'s content: a new version when anything changed',
      params: IdParam, body: ReplaceRecordBody,
      response: { 200: SavedRecordView, ...errorResponses },
    },
  }, async (req) => savedView(await records.replaceRecord(deps, req.viewer, req.params.id, req.body)));

  app.post('/records/:id/revoke', {
    schema: { tags: ['records'], summary: 'Revoke a record (撤销)', params: IdParam, body: RevokeBody, response: { 200: RecordView, ...errorResponses } },
  }, async (req) => view(await records.revokeRecord(deps, req.viewer, req.params.id, req.body.reason)));

  app.get('/records/:id/versions', {
    schema: {
      tags: ['records'], summary: 'The ledger entries of one record',
      description: 'A record of a non-public class needs a purpose (X-Purpose header or ?purpose=); each such read is audit-logged.',
      params: IdParam, querystring: PurposeQuery, response: { 200: RecordVersions, ...errorResponses },
    },
  }, async (req) => {
    const items = (await records.readRecordVersions(deps.pool, req.viewer, req.params.id)).map((v) => ({ ...v, at: v.at.toISOString() }));
    return { items, total: items.length };
  });
}
