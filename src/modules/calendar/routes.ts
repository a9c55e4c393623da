import type { AppDeps } from '../../deps.js';
import type { Api } from '../../http/api.js';
import { errorResponses } from '../../http/schemas.js';
import { AddedWorkingDays, AddWorkingDaysQuery, BetweenQuery, DateParam, Day, DayBody, NoContent, WorkingDaysBetween, YearBody, YearParam, YearQuery, YearView } from './schema.js';
import * as calendar from './service.js';

export async function calendarRoutes(app: Api, deps: AppDeps): Promise<void> {
  app.get('/calendar/working-days/add', {
    schema: {
      tags: ['calendar'], summary: 'The date N working days after a date (counting starts on the next working day)',
      querystring: AddWorkingDaysQuery,
      response: { 200: AddedWorkingDays, ...errorResponses },
    },
  }, async (req) => calendar.workingDaysAfter(deps.pool, req.query.date, req.query.days));

  app.get('/calendar/working-days/between', {
    schema: {
      tags: ['calendar'], summary: 'Working days after `from` up to and including `to`',
      querystring: BetweenQuery,
      response: { 200: WorkingDaysBetween, ...errorResponses },
    },
  }, async (req) => calendar.workingDaysFromTo(deps.pool, req.query.from, req.query.to));

  app.get('/calendar/days', {
    schema: {
      tags: ['calendar'], summary: 'Holidays and make-up working days of a year',
      querystring: YearQuery,
      response: { 200: YearView, ...errorResponses },
    },
  }, async (req) => calendar.calendarYear(deps.pool, req.query.year));

  app.put('/calendar/days/:date', {
    schema: {
      tags: ['calendar'], summary: 'Declare a holiday or a make-up working day (admin, operator; audited)',
      params: DateParam,
      body: DayBody,
      response: { 200: Day, ...errorResponses },
    },
  }, async (req) => calendar.setCalendarDay(deps.pool, req.viewer, req.params.date, req.body));

  app.delete('/calendar/days/:date', {
    schema: { tags: ['calendar'], summary: 'Remove a listed day (admin, operator; audited)', params: DateParam, response: { 204: NoContent, ...errorResponses } },
  }, async (req, reply) => {
    await calendar.removeCalendarDay(deps.pool, req.viewer, req.params.date);
    return reply.status(204).send(null);
  });

  app.put('/calendar/years/:year', {
    schema: {
      tags: ['calendar'], summary: 'Mark a year\'s official schedule as published (admin, operator; audited)',
      params: YearParam,
      body: YearBody,
      response: { 200: YearView, ...errorResponses },
    },
  }, async (req) => calendar.setCalendarYear(deps.pool, req.viewer, req.params.year, req.body));
}
