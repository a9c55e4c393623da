import { Type, type Static } from '@sinclair/typebox';

export const EventView = Type.Object({
  id: Type.Integer(), type: Type.String(), subjectId: Type.Union([Type.Integer(), Type.Null()]),
  payload: Type.Record(Type.String(), Type.Unknown()), createdAt: Type.String(),
});

export const EventsQuery = Type.Object({
  purpose: Type.Optional(Type.String({ maxLength: 200, description: 'why the events are read (or the X-Purpose header)' })),
  after: Type.Integer({ minimum: 0, default: 0 }),
  type: Type.Optional(Type.Array(Type.String(), { maxItems: 20 })),
  limit: Type.Integer({ minimum: 1, maximum: 1000, default: 200 }),
});
export type EventsQuery = Static<typeof EventsQuery>;

export const EventsPage = Type.Object({ items: Type.Array(EventView), next: Type.Integer() });
