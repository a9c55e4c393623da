import type { Db } from '../../db/pool.js';
import type { DayKind } from './working-days.js';

export interface CalendarDayRow {
  day: string;
  kind: DayKind;
  name: string;
}

export interface CalendarYearRow {
  year: number;
  published: boolean;
  source: string | null;
}

export async function allDays(db: Db): Promise<CalendarDayRow[]> {
  return (await db.query<CalendarDayRow>('select day::text as day, kind, name from calendar_day order by day')).rows;
}

export async function publishedYears(db: Db): Promise<number[]> {
  return (await db.query<{ year: number }>('select year from calendar_year where published order by year')).rows.map((r) => r.year);
}

export async function daysOfYear(db: Db, year: number): Promise<CalendarDayRow[]> {
  const r = await db.query<CalendarDayRow>(
    `select day::text as day, kind, name from calendar_day where day >= make_date($1, 1, 1) and day < make_date($1 + 1, 1, 1) order by day`,
    [year],
  );
  return r.rows;
}

export async function findYear(db: Db, year: number): Promise<CalendarYearRow | null> {
  return (await db.query<CalendarYearRow>('select year, published, source from calendar_year where year = $1', [year])).rows[0] ?? null;
}

export async function findDay(db: Db, day: string, forUpdate = false): Promise<CalendarDayRow | null> {
  const r = await db.query<CalendarDayRow>(`select day::text as day, kind, name from calendar_day where day = $1 ${forUpdate ? 'for update' : ''}`, [day]);
  return r.rows[0] ?? null;
}

export async function upsertDay(db: Db, d: CalendarDayRow): Promise<void> {
  await db.query(
    `insert into calendar_day (day, kind, name) values ($1, $2, $3)
     on conflict (day) do update set kind = excluded.kind, name = excluded.name, updated_at = now()`,
    [d.day, d.kind, d.name],
  );
}

export async function deleteDay(db: Db, day: string): Promise<void> {
  await db.query('delete from calendar_day where day = $1', [day]);
}

export async function upsertYear(db: Db, y: CalendarYearRow): Promise<void> {
  await db.query(
    `insert into calendar_year (year, published, source) values ($1, $2, $3)
     on conflict (year) do update set published = excluded.published, source = coalesce(excluded.source, calendar_year.source), updated_at = now()`,
    [y.year, y.published, y.source],
  );
}
