-- Working-day calendar: exceptions to Monday–Friday (public holidays, make-up working days 调休)
-- and the years whose official schedule is loaded. Seeded with the State Council schedules for
-- 2025 (国办发明电〔2024〕12号, 2024-11-12) and 2026 (2025-11-04); operators add later years.
create table calendar_year (
  year        int primary key check (year between 1949 and 2200),
  published   boolean not null default false,
  source      text,
  updated_at  timestamptz not null default now()
);

create table calendar_day (
  day         date primary key,
  kind        text not null check (kind in ('holiday', 'workday')),
  name        text not null default '',
  updated_at  timestamptz not null default now()
);

insert into calendar_year (year, published, source) values
  (2025, true, '国务院办公厅关于2025年部分节假日安排的通知（2024-11-12）'),
  (2026, true, '国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）');

insert into calendar_day (day, kind, name)
select g::date, 'holiday', h.name
from (values
  ('2025-01-01', '2025-01-01', '元旦'),
  ('2025-01-28', '2025-02-04', '春节'),
  ('2025-04-04', '2025-04-06', '清明节'),
  ('2025-05-01', '2025-05-05', '劳动节'),
  ('2025-05-31', '2025-06-02', '端午节'),
  ('2025-10-01', '2025-10-08', '国庆节、中秋节'),
  ('2026-01-01', '2026-01-03', '元旦'),
  ('2026-02-15', '2026-02-23', '春节'),
  ('2026-04-04', '2026-04-06', '清明节'),
  ('2026-05-01', '2026-05-05', '劳动节'),
  ('2026-06-19', '2026-06-21', '端午节'),
  ('2026-09-25', '2026-09-27', '中秋节'),
  ('2026-10-01', '2026-10-07', '国庆节')
) as h(first, last, name), generate_series(h.first::date, h.last::date, interval '1 day') as g;

insert into calendar_day (day, kind, name) values
  ('2025-01-26', 'workday', '春节调休上班'),
  ('2025-02-08', 'workday', '春节调休上班'),
  ('2025-04-27', 'workday', '劳动节调休上班'),
  ('2025-09-28', 'workday', '国庆节、中秋节调休上班'),
  ('2025-10-11', 'workday', '国庆节、中秋节调休上班'),
  ('2026-01-04', 'workday', '元旦调休上班'),
  ('2026-02-14', 'workday', '春节调休上班'),
  ('2026-02-28', 'workday', '春节调休上班'),
  ('2026-05-09', 'workday', '劳动节调休上班'),
  ('2026-09-20', 'workday', '国庆节调休上班'),
  ('2026-10-10', 'workday', '国庆节调休上班');
