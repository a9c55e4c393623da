-- Credit reports (信用报告): issued reports with their PDF, the facts hash they were built from and
-- a hashed verification code; per-day report numbers; the domains of the certificate report.

-- Domains of the certificate report (专用信用报告, 无违法违规记录证明版). A record counts as a
-- violation in a domain when its category is one of `categories` and its source department is
-- one of `department_codes` (empty = any department). Editable reference data: deployments use
-- their own department codes; the seed uses the codes of the demo city.
create table report_domain (
  code              text primary key check (code ~ '^[a-z][a-z0-9_]{1,40}$'),
  ordinal           int not null,
  name              text not null,
  department_codes  text[] not null default '{}',
  categories        text[] not null,
  active            boolean not null default true
);

-- Violation categories checked by every seeded domain: administrative penalties (including the
-- simplified procedure), administrative coercion, serious-dishonesty list entries, court records
-- (criminal judgments; 失信被执行人). Codes without a catalog category simply match nothing.
insert into report_domain (code, ordinal, name, department_codes, categories) values
  ('market', 1, '市场监管', '{SCJGJ,ZJFY}', '{penalty,administrative_coercion,serious_dishonesty,criminal_judgment,court_judgment}'),
  ('ecology', 2, '生态环境', '{STHJJ,ZJFY}', '{penalty,administrative_coercion,serious_dishonesty,criminal_judgment,court_judgment}'),
  ('construction', 3, '住房城乡建设', '{ZJJ,GJJ,ZJFY}', '{penalty,administrative_coercion,serious_dishonesty,criminal_judgment,court_judgment}'),
  ('tax', 4, '税务', '{SWJ,ZJFY}', '{penalty,administrative_coercion,serious_dishonesty,criminal_judgment,court_judgment}'),
  ('human_resources', 5, '人力资源社会保障', '{RSJ,YBJ,ZJFY}', '{penalty,administrative_coercion,serious_dishonesty,criminal_judgment,court_judgment}'),
  ('work_safety', 6, '安全生产', '{YJGLJ,XFJY,ZJFY}', '{penalty,administrative_coercion,serious_dishonesty,criminal_judgment,court_judgment}'),
  ('transport', 7, '交通运输', '{JTYSJ,ZJFY}', '{penalty,administrative_coercion,serious_dishonesty,criminal_judgment,court_judgment}'),
  ('health', 8, '卫生健康', '{WJW,ZJFY}', '{penalty,administrative_coercion,serious_dishonesty,criminal_judgment,court_judgment}'),
  ('natural_resources', 9, '自然资源', '{ZRZYGHJ,ZJFY}', '{penalty,administrative_coercion,serious_dishonesty,criminal_judgment,court_judgment}'),
  ('culture_tourism', 10, '文化旅游', '{WGLJ,ZJFY}', '{penalty,administrative_coercion,serious_dishonesty,criminal_judgment,court_judgment}'),
  ('agriculture', 11, '农业农村', '{NYNCJ,ZJFY}', '{penalty,administrative_coercion,serious_dishonesty,criminal_judgment,court_judgment}'),
  ('water', 12, '水利', '{SLJ,ZJFY}', '{penalty,administrative_coercion,serious_dishonesty,criminal_judgment,court_judgment}'),
  ('urban_management', 13, '城市管理', '{CGJ,ZJFY}', '{penalty,administrative_coercion,serious_dishonesty,criminal_judgment,court_judgment}'),
  ('public_security', 14, '公安', '{GAJ,ZJFY}', '{penalty,administrative_coercion,serious_dishonesty,criminal_judgment,court_judgment}'),
  ('commerce', 15, '商务', '{SWUJ,ZJFY}', '{penalty,administrative_coercion,serious_dishonesty,criminal_judgment,court_judgment}'),
  ('statistics', 16, '统计', '{TJJ,ZJFY}', '{penalty,administrative_coercion,serious_dishonesty,criminal_judgment,court_judgment}');

-- Report numbers XY-YYYYMMDD-NNNNNN: one counter per (China Standard Time) day.
create table report_number_counter (
  day   date primary key,
  last  int not null
);

create table report (
  id                   bigserial primary key,
  number               text not null unique,
  subject_id           bigint not null references subject(id),
  kind                 text not null check (kind in ('public', 'certificate')),
  -- Who asked, and as what: enough to recompute the facts as the same viewer class sees them now.
  requester_kind       text not null,
  requester_id         text,
  requester_name       text,
  requester_role       text not null,
  requester_user_id    int references app_user(id),
  department_id        int references department(id),
  purpose              text,
  viewer_classes       text[] not null,
  -- For natural persons the subject's ID number, encrypted (archives are read by code).
  subject_code_cipher  bytea,
  -- Certificate report: domains and period.
  params               jsonb not null default '{}',
  facts                jsonb not null,
  facts_hash           text not null,
  pdf                  bytea not null,
  pdf_sha256           text not null unique,
  verify_code_hash     text not null,
  issued_at            timestamptz not null,
  valid_until          date not null
);
create index report_subject_idx on report(subject_id, issued_at desc);
create index report_department_idx on report(department_id, issued_at desc) where department_id is not null;
