import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, type SessionHeaders, type TestApp } from '../../../test/helpers/app.js';
import { makeDepartment } from '../../../test/helpers/factories.js';
import { withTx } from '../../db/pool.js';
import { createListsTestApp } from '../lists/test-app.js';
import { startEventDispatch, subscribe, type EventDispatch } from './bus.js';
import { appendEvents } from './service.js';
import type { DomainEvent } from './types.js';

let t: TestApp;
let admin: SessionHeaders;
let clerk: SessionHeaders;
/** The feed is read with a declared purpose (see readEvents). */
let feed: SessionHeaders & { 'x-purpose': string };
let dispatch: EventDispatch;

beforeAll(async () => {
  t = await createListsTestApp();
  await makeDepartment(t);
  admin = await t.loginAs('admin');
  clerk = await t.loginAs('department', 'SCJGJ');
  feed = { ...admin, 'x-purpose': 'exchange' };
  dispatch = startEventDispatch(t.db.pool, () => undefined, 60_000);
  await dispatch.ready;
});
afterAll(async () => {
  dispatch.stop();
  await t.close();
});

describe('domain events', () => {
  it('are delivered to subscribers only after commit, in order; a failing handler does not stop the others', async () => {
    const got: DomainEvent[] = [];
    const off1 = subscribe('list.entered', () => {
      throw new Error('subscriber bug');
    });
    const off2 = subscribe('list.entered', (e) => void got.push(e));
    const client = await t.db.pool.connect();
    try {
      await client.query('begin');
      await appendEvents(client, t.clock.now(), [{ type: 'list.entered', subjectId: null, payload: { n: 1 } }, { type: 'list.entered', payload: { n: 2 } }]);
      expect(await dispatch.flush()).toBe(0);
      await client.query('commit');
    } finally {
      client.release();
    }
    expect(await dispatch.flush()).toBe(2);
    expect(got.map((e) => e.payload.n)).toEqual([1, 2]);
    await withTx(t.db.pool, (tx) => appendEvents(tx, t.clock.now(), [{ type: 'record.expired', payload: { n: 3 } }]));
    await dispatch.flush();
    expect(got).toHaveLength(2);
    off1();
    off2();
  });

  it('serve a feed after a cursor, filtered by type, to admins and operators only', async () => {
    const all = json<{ items: DomainEvent[]; next: number }>(await t.app.inject({ url: '/api/v1/events', headers: feed }));
    expect(all.items.map((e) => e.type)).toEqual(['list.entered', 'list.entered', 'record.expired']);
    // Stamped with the application's clock, not the database server's.
    expect(all.items.map((e) => new Date(e.createdAt).toISOString())).toEqual(Array(3).fill(t.clock.now().toISOString()));
    const after = json<{ items: DomainEvent[]; next: number }>(await t.app.inject({ url: `/api/v1/events?after=${all.items[0]!.id}&type=record.expired`, headers: feed }));
    expect(after.items.map((e) => e.payload.n)).toEqual([3]);
    expect(after.next).toBe(all.next);
    const none = json<{ items: DomainEvent[]; next: number }>(await t.app.inject({ url: `/api/v1/events?after=${all.next}`, headers: feed }));
    expect(none).toEqual({ items: [], next: all.next });
    expect((await t.app.inject({ url: '/api/v1/events', headers: { ...clerk, 'x-purpose': 'exchange' } })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/events', headers: admin })).statusCode).toBe(400);
    expect((await t.app.inject({ url: '/api/v1/events' })).statusCode).toBe(401);
  });
});
