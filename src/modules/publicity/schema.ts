import { Type } from '@sinclair/typebox';
import { DateString, PageQuery } from '../../http/schemas.js';
import { PUBLICITY_TYPES } from './service.js';

const PublicityItem = Type.Object({
  id: Type.Integer(), type: Type.String(), department: Type.String(), departmentName: Type.String(),
  subject: Type.Object({ kind: Type.String(), name: Type.String(), uscc: Type.Optional(Type.String()), idNumberMasked: Type.Optional(Type.String()) }),
  fields: Type.Record(Type.String(), Type.String()), decidedOn: Type.Union([Type.String(), Type.Null()]),
  publishFrom: Type.Union([Type.String(), Type.Null()]), publishUntil: Type.Union([Type.String(), Type.Null()]),
  severity: Type.Union([Type.String(), Type.Null()]), state: Type.String(),
});

const filters = {
  type: Type.Optional(Type.Union(PUBLICITY_TYPES.map((t) => Type.Literal(t)))), q: Type.Optional(Type.String({ maxLength: 100 })),
  department: Type.Optional(Type.String({ maxLength: 40 })), from: Type.Optional(DateString), to: Type.Optional(DateString),
  order: Type.Optional(Type.Union([Type.Literal('desc'), Type.Literal('asc')], { description: 'by decision date: desc (default) newest first, asc oldest first; undated rows come last in desc and first in asc' })),
};

/** The filters of the CSV export (the page's, without paging). */
export const PublicityExportQuery = Type.Object(filters);

export const PublicityQuery = Type.Object({
  ...filters, ...PageQuery,
  after: Type.Optional(Type.String({ maxLength: 40, description: 'keyset paging: the `next` of the previous page (then `page` is ignored); deep pages cost no more than the first' })),
});

export const PublicityPage = Type.Object({
  items: Type.Array(PublicityItem),
  total: Type.Integer({ description: 'rows matching the filters: exact up to 10,000, beyond that the planner\'s estimate (see totalEstimated)' }),
  totalEstimated: Type.Boolean({ description: 'true when total is an estimate (约)' }),
  next: Type.Union([Type.String(), Type.Null()], { description: 'pass as `after` for the following page; null on the last page' }),
});
