import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { DateString, errorResponses } from '../../http/schemas.js';
import { qualityCsv } from './csv.js';
import * as quality from './service.js';

const QualityQuery = Type.Object({
  department: Type.Optional(Type.String({ description: 'department code; a clerk always gets its own' })),
  from: Type.Optional(DateString),
  to: Type.Optional(DateString),
});
const Rate = Type.Union([Type.Number(), Type.Null()], { description: 'fraction 0..1 (4 decimals); null when nothing to measure' });
const Named = Type.Object({ code: Type.String(), name: Type.String() });
const Item = Type.Object({
  department: Named, category: Named, obliged: Type.Boolean(), reported: Type.Boolean(),
  submissions: Type.Integer(), received: Type.Integer(), accepted: Type.Integer(), rejected: Type.Integer(), created: Type.Integer(),
  updated: Type.Integer(), unchanged: Type.Integer(), revoked: Type.Integer(), warnings: Type.Integer(), complianceRate: Rate,
  timeliness: Type.Object({ deadlineWorkingDays: Type.Union([Type.Integer(), Type.Null()]), evaluated: Type.Integer(), late: Type.Integer(), timelyRate: Rate, lateRate: Rate, provisional: Type.Boolean() }),
  completeness: Type.Object({ optionalFields: Type.Integer(), rate: Rate, fields: Type.Array(Type.Object({ code: Type.String(), label: Type.String(), filled: Type.Integer(), rate: Rate })) }),
  uscc: Type.Object({ rows: Type.Integer(), wrong: Type.Integer(), conflicts: Type.Integer(), errorRate: Rate }),
  rejectedByReason: Type.Array(Type.Object({ code: Type.String(), rows: Type.Integer() })),
});
const DepartmentSummary = Type.Object({
  department: Named, obligedCategories: Type.Integer(), reportedCategories: Type.Integer(), reportingRate: Rate, received: Type.Integer(),
  accepted: Type.Integer(), rejected: Type.Integer(), complianceRate: Rate, evaluated: Type.Integer(), late: Type.Integer(), timelyRate: Rate,
  lateRate: Rate, usccRows: Type.Integer(), usccErrorRate: Rate,
});
const Report = Type.Object({ from: Type.String(), to: Type.String(), departments: Type.Array(DepartmentSummary), items: Type.Array(Item) });
const Obligations = Type.Object({ items: Type.Array(Type.Object({ department: Type.String(), category: Type.String() })), total: Type.Integer() });

export async function qualityRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get('/quality', {
    schema: {
      tags: ['quality'], summary: 'Data-quality indicators per department and category for a period (上报率, 合规率, 及时率/迟报率, completeness, 重错码率, rejections by reason)',
      querystring: QualityQuery, response: { 200: Report, ...errorResponses },
    },
  }, async (req) => quality.qualityReport(deps.pool, req.viewer, deps.clock, req.query as quality.QualityQuery));

  app.get('/quality.csv', {
    schema: { tags: ['quality'], summary: 'The quality report as CSV (UTF-8 with BOM)', querystring: QualityQuery, response: errorResponses },
  }, async (req, reply) => {
    const r = await quality.qualityReport(deps.pool, req.viewer, deps.clock, req.query as quality.QualityQuery);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="quality-${r.from}-${r.to}.csv"`).send(qualityCsv(r));
  });

  app.get('/quality/obligations', {
    schema: { tags: ['quality'], summary: 'Categories each department is obliged to report', querystring: Type.Object({ department: Type.Optional(Type.String()) }), response: { 200: Obligations, ...errorResponses } },
  }, async (req) => quality.listObligations(deps.pool, req.viewer, (req.query as { department?: string }).department));

  app.put('/quality/obligations/:department', {
    schema: {
      tags: ['quality'], summary: 'Set the categories a department must report (admin, operator; audited)',
      params: Type.Object({ department: Type.String() }),
      body: Type.Object({ categories: Type.Array(Type.String(), { maxItems: 1000 }) }, { additionalProperties: false }),
      response: { 200: Obligations, ...errorResponses },
    },
  }, async (req) => quality.setObligations(deps.pool, req.viewer, (req.params as { department: string }).department, (req.body as { categories: string[] }).categories));
}
