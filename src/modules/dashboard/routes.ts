import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { DateString, errorResponses, NullableString, Paged } from '../../http/schemas.js';
import { ListEntryView } from '../lists/schema.js';
import * as dashboard from './service.js';

const PeriodQuery = Type.Object({ from: Type.Optional(DateString), to: Type.Optional(DateString) });
const Region = Type.Object({ code: NullableString, name: NullableString });
/** A live entry with its list, as the portal's party page shows it. */
const SubjectEntry = Type.Composite([
  Type.Pick(ListEntryView, ['id', 'subjectId', 'decidedBy', 'documentNo', 'reason', 'listedOn', 'plannedExpiry', 'state', 'exitReason', 'exitedOn']),
  Type.Object({ list: Type.String(), listName: Type.String(), listKind: Type.String(), issuer: Type.String() }),
]);

/** Read-only aggregates behind the console's dashboards (staff), and a subject's list entries for the portal. */
export async function dashboardRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get('/dashboard/records', {
    schema: {
      tags: ['dashboard'], summary: 'Records by category and month of decision (staff; a clerk: its own department)', querystring: PeriodQuery,
      response: {
        200: Type.Object({ from: Type.String(), to: Type.String(), scope: Type.String(), items: Type.Array(Type.Object({ month: Type.String(), category: Type.String(), categoryName: Type.String(), count: Type.Integer() })) }),
        ...errorResponses,
      },
    },
  }, async (req) => dashboard.recordStats(deps.pool, req.viewer, deps.clock, req.query as { from?: string; to?: string }));

  app.get('/dashboard/grades', {
    schema: {
      tags: ['dashboard'], summary: 'Grades of the latest evaluation run of each model by district and industry (staff)',
      response: {
        200: Type.Object({
          runs: Type.Array(Type.Object({ runId: Type.Integer(), model: Type.String(), modelName: Type.String(), asOf: Type.String() })),
          items: Type.Array(Type.Object({ region: Region, industry: NullableString, grade: Type.String(), count: Type.Integer() })),
        }),
        ...errorResponses,
      },
    },
  }, async (req) => dashboard.gradeStats(deps.pool, req.viewer));

  app.get('/dashboard/list-entries', {
    schema: {
      tags: ['dashboard'], summary: 'List entries entered and exited per month and list kind (staff)', querystring: PeriodQuery,
      response: {
        200: Type.Object({ from: Type.String(), to: Type.String(), items: Type.Array(Type.Object({ month: Type.String(), kind: Type.String(), entered: Type.Integer(), exited: Type.Integer() })) }),
        ...errorResponses,
      },
    },
  }, async (req) => dashboard.listStats(deps.pool, req.viewer, deps.clock, req.query as { from?: string; to?: string }));

  app.get('/dashboard/districts', {
    schema: {
      tags: ['dashboard'], summary: 'Subjects, live records, adverse records and list entries per district (region code), for the map (staff)',
      response: {
        200: Type.Object({ items: Type.Array(Type.Object({ region: Type.String(), name: Type.String(), subjects: Type.Integer(), records: Type.Integer(), adverse: Type.Integer(), listed: Type.Integer() })) }),
        ...errorResponses,
      },
    },
  }, async (req) => dashboard.districtStats(deps.pool, req.viewer));

  app.get('/subjects/:code/list-entries', {
    config: { rateLimit: {} },
    schema: {
      tags: ['lists'], summary: 'Live list entries of one subject (public lists; staff see every list)',
      params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) }),
      response: { 200: Paged(SubjectEntry), ...errorResponses },
    },
  }, async (req) => dashboard.subjectListEntries(deps.pool, deps.pd, req.viewer, (req.params as { code: string }).code, deps.clock.now()));
}
