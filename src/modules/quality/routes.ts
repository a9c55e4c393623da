import type { AppDeps } from '../../deps.js';
import type { Api } from '../../http/api.js';
import { sendFile } from '../../http/file-reply.js';
import { errorResponses } from '../../http/schemas.js';
import { qualityCsv } from './csv.js';
import { DepartmentParam, Obligations, ObligationsBody, ObligationsQuery, QualityQuery, QualityReport } from './schema.js';
import * as quality from './service.js';

export async function qualityRoutes(app: Api, deps: AppDeps): Promise<void> {
  app.get('/quality', {
    schema: {
      tags: ['quality'], summary: 'Data-quality indicators per department and category for a period (上报率, 合规率, 及时率/迟报率, completeness, 重错码率, rejections by reason)',
      querystring: QualityQuery, response: { 200: QualityReport, ...errorResponses },
    },
  }, async (req) => quality.qualityReport(deps.pool, req.viewer, deps.clock, req.query));

  app.get('/quality.csv', {
    schema: { tags: ['quality'], summary: 'The quality report as CSV (UTF-8 with BOM)', querystring: QualityQuery, response: errorResponses },
  }, async (req, reply) => {
    const r = await quality.qualityReport(deps.pool, req.viewer, deps.clock, req.query);
    return sendFile(reply, 'text/csv; charset=utf-8', qualityCsv(r), { 'content-disposition': `attachment; filename="quality-${r.from}-${r.to}.csv"` });
  });

  app.get('/quality/obligations', {
    schema: { tags: ['quality'], summary: 'Categories each department is obliged to report', querystring: ObligationsQuery, response: { 200: Obligations, ...errorResponses } },
  }, async (req) => quality.listObligations(deps.pool, req.viewer, req.query.department));

  app.put('/quality/obligations/:department', {
    schema: {
      tags: ['quality'], summary: 'Set the categories a department must report (admin, operator; audited)',
      params: DepartmentParam,
      body: ObligationsBody,
      response: { 200: Obligations, ...errorResponses },
    },
  }, async (req) => quality.setObligations(deps.pool, req.viewer, req.params.department, req.body.categories));
}
