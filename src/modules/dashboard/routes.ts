import type { AppDeps } from '../../deps.js';
import type { Api } from '../../http/api.js';
import { errorResponses } from '../../http/schemas.js';
import { DistrictStats, GradeStats, ListEntryStats, PeriodQuery, RecordStats, SubjectCodeParam, SubjectEntries } from './schema.js';
import * as dashboard from './service.js';

/** Read-only aggregates behind the console's dashboards (staff), and a subject's list entries for the portal. */
export async function dashboardRoutes(app: Api, deps: AppDeps): Promise<void> {
  app.get('/dashboard/records', {
    schema: {
      tags: ['dashboard'], summary: 'Records by category and month of decision (staff; a clerk: its own department)', querystring: PeriodQuery,
      response: { 200: RecordStats, ...errorResponses },
    },
  }, async (req) => dashboard.recordStats(deps.pool, req.viewer, deps.clock, req.query));

  app.get('/dashboard/grades', {
    schema: {
      tags: ['dashboard'], summary: 'Grades of the latest evaluation run of each model by district and industry (staff)',
      response: { 200: GradeStats, ...errorResponses },
    },
  }, async (req) => dashboard.gradeStats(deps.pool, req.viewer));

  app.get('/dashboard/list-entries', {
    schema: {
      tags: ['dashboard'], summary: 'List entries entered and exited per month and list kind (staff)', querystring: PeriodQuery,
      response: { 200: ListEntryStats, ...errorResponses },
    },
  }, async (req) => dashboard.listStats(deps.pool, req.viewer, deps.clock, req.query));

  app.get('/dashboard/districts', {
    schema: {
      tags: ['dashboard'], summary: 'Subjects, live records, adverse records and list entries per district (region code), for the map (staff)',
      response: { 200: DistrictStats, ...errorResponses },
    },
  }, async (req) => dashboard.districtStats(deps.pool, req.viewer));

  app.get('/subjects/:code/list-entries', {
    config: { rateLimit: {} },
    schema: {
      tags: ['lists'], summary: 'Live list entries of one subject (public lists; staff see every list)',
      params: SubjectCodeParam,
      response: { 200: SubjectEntries, ...errorResponses },
    },
  }, async (req) => dashboard.subjectListEntries(deps.pool, deps.pd, req.viewer, req.params.code, deps.clock.now()));
}
