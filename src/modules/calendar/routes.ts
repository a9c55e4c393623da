import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { DateString, errorResponses } from '../../http/schemas.js';
import * as calendar from './service.js';
import { MAX_WORKING_DAYS, type DayKind } from './working-days.js';

const DayKindSchema = Type.Union([Type.Literal('holiday'), Type.Literal('workday')], { description: 'holiday 休 / workday 调休上班' });
const Day = Type.Object({ date: Type.String(), kind: DayKindSchema, name: Type.String() });
const YearView = Type.Object({ year: Type.Integer(), published: Type.Boolean(), source: Type.Union([Type.String(), Type.Null()]), items: Type.Array(Day), total: Type.Integer() });
const YearParam = Type.Object({ year: Type.Integer({ minimum: 1949, maximum: 2200 }) });

export async function calendarRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get('/calendar/working-days/add', {
    schema: {
      tags: ['calendar'], summary: 'The date N working days after a date (counting starts on the next working day)',
      querystring: Type.Object({ date: DateString, days: Type.Integer({ minimum: 0, maximum: MAX_WORKING_DAYS }) }),
      response: { 200: Type.Object({ date: Type.String(), provisional: Type.Boolean() }), ...errorResponses },
    },
  }, async (req) => {
    const q = req.query as { date: string; days: number };
    return calendar.workingDaysAfter(deps.pool, q.date, q.days);
  });

  app.get('/calendar/working-days/between', {
    schema: {
      tags: ['calendar'], summary: 'Working days after `from` up to and including `to`',
      querystring: Type.Object({ from: DateString, to: DateString }),
      response: { 200: Type.Object({ days: Type.Integer(), provisional: Type.Boolean() }), ...errorResponses },
    },
  }, async (req) => {
    const q = req.query as { from: string; to: string };
    return calendar.workingDaysFromTo(deps.pool, q.from, q.to);
  });

  app.get('/calendar/days', {
    schema: {
      tags: ['calendar'], summary: 'Holidays and make-up working days of a year',
      querystring: Type.Object({ year: Type.Integer({ minimum: 1949, maximum: 2200 }) }),
      response: { 200: YearView, ...errorResponses },
    },
  }, async (req) => calendar.calendarYear(deps.pool, (req.query as { year: number }).year));

  app.put('/calendar/days/:date', {
    schema: {
      tags: ['calendar'], summary: 'Declare a holiday or a make-up working day (admin, operator; audited)',
      params: Type.Object({ date: DateString }),
      body: Type.Object({ kind: DayKindSchema, name: Type.Optional(Type.String({ maxLength: 100 })) }, { additionalProperties: false }),
      response: { 200: Day, ...errorResponses },
    },
  }, async (req) => {
    const body = req.body as { kind: DayKind; name?: string };
    return calendar.setCalendarDay(deps.pool, req.viewer, (req.params as { date: string }).date, body);
  });

  app.delete('/calendar/days/:date', {
    schema: { tags: ['calendar'], summary: 'Remove a listed day (admin, operator; audited)', params: Type.Object({ date: DateString }), response: { 204: Type.Null(), ...errorResponses } },
  }, async (req, reply) => {
    await calendar.removeCalendarDay(deps.pool, req.viewer, (req.params as { date: string }).date);
    return reply.status(204).send();
  });

  app.put('/calendar/years/:year', {
    schema: {
      tags: ['calendar'], summary: 'Mark a year\'s official schedule as published (admin, operator; audited)',
      params: YearParam,
      body: Type.Object({ published: Type.Boolean(), source: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false }),
      response: { 200: YearView, ...errorResponses },
    },
  }, async (req) => {
    const body = req.body as { published: boolean; source?: string };
    return calendar.setCalendarYear(deps.pool, req.viewer, (req.params as { year: number }).year, body);
  });
}
