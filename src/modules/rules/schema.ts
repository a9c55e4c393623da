import { Type, type Static } from '@sinclair/typebox';
import { PageQuery } from '../../http/schemas.js';

export const RuleView = Type.Object({
  code: Type.String(), version: Type.Integer(), name: Type.String(), basis: Type.String(), note: Type.Union([Type.String(), Type.Null()]),
  params: Type.Record(Type.String(), Type.Unknown()), createdBy: Type.String(), createdAt: Type.String(), current: Type.Boolean(),
});

export const RulesPage = Type.Object({ items: Type.Array(RuleView), total: Type.Integer() });

export const RuleCodeParam = Type.Object({ code: Type.String({ minLength: 1, maxLength: 41 }) });

export const RuleVersionQuery = Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })) });

export const RuleBody = Type.Object({
  params: Type.Record(Type.String(), Type.Unknown()), note: Type.Optional(Type.String({ maxLength: 2000 })),
  name: Type.Optional(Type.String({ maxLength: 200 })), basis: Type.Optional(Type.String({ maxLength: 4000 })),
}, { additionalProperties: false });
export type RuleBody = Static<typeof RuleBody>;

export const NotificationView = Type.Object({
  id: Type.Integer(), kind: Type.String(), title: Type.String(), body: Type.String(), refType: Type.String(), refId: Type.Integer(),
  createdAt: Type.String(), readAt: Type.Union([Type.String(), Type.Null()]),
});

export const NotificationsQuery = Type.Object({ unread: Type.Boolean({ default: false }), ...PageQuery });
export type NotificationsQuery = Static<typeof NotificationsQuery>;

export const NotificationsPage = Type.Object({ items: Type.Array(NotificationView), total: Type.Integer() });

/** The empty answer of a 204. */
export const NoContent = Type.Null();
