-- Public credit evaluation (公共信用综合评价): versioned models as data, runs and per-subject results;
-- tiered supervision and verifiable random inspections (双随机一公开): inspection items, inspectors,
-- department policies (grade → tier → sampling ratio), committed plans, drawn tasks and results.

-- A model version. `definition` is the validated indicator tree (see src/modules/evaluation/model-types.ts);
-- a new version is a new row, so results of earlier runs keep pointing at what produced them.
create table evaluation_model (
  id             serial primary key,
  code           text not null check (code ~ '^[a-z][a-z0-9_]{1,62}$'),
  version        int not null check (version >= 1),
  name           text not null,
  subject_kinds  text[] not null,
  grades_public  boolean not null default false,
  definition     jsonb not null,
  created_by     text not null,
  created_at     timestamptz not null default now(),
  unique (code, version)
);

create table evaluation_run (
  id               bigserial primary key,
  model_id         int not null references evaluation_model(id),
  mode             text not null check (mode in ('full', 'incremental')),
  based_on_run_id  bigint references evaluation_run(id),
  as_of            date not null,
  -- Every record change committed after this instant is picked up by the next incremental run.
  high_water       timestamptz not null,
  status           text not null check (status in ('running', 'completed', 'failed')),
  subjects         int not null default 0,
  grade_counts     jsonb not null default '{}',
  statements       int not null default 0,
  ms               int,
  error            text,
  started_by       text not null,
  started_at       timestamptz not null default now(),
  finished_at      timestamptz
);
create index evaluation_run_model_idx on evaluation_run (model_id, id desc);

-- One row per subject and run: score, grade and, aligned with the model's indicator order, the
-- points and raw value of every indicator (raw: numbers; raw_text: the values of text indicators
-- such as a tax grade, null elsewhere). No foreign keys: rows are bulk-inserted from a join with
-- subject and run (a million rows per full run); the key serves per-subject look-ups.
create table evaluation_result (
  subject_id  bigint not null,
  run_id      bigint not null,
  score       numeric(9, 2) not null,
  grade       text not null,
  points      float8[] not null,
  raw         float8[] not null,
  raw_text    text[],
  primary key (subject_id, run_id)
);

-- Incremental runs look for records changed since the last run's high-water mark.
create index if not exists record_updated_at_idx on record (updated_at);
create index if not exists subject_updated_at_idx on subject (updated_at);

-- 检查事项清单: what a department inspects, on which legal basis.
create table inspection_item (
  id             serial primary key,
  department_id  int not null references department(id),
  code           text not null check (code ~ '^[A-Za-z0-9_.-]{1,60}$'),
  name           text not null,
  basis          text not null default '',
  method         text not null default '',
  subject_kinds  text[] not null,
  active         boolean not null default true,
  created_at     timestamptz not null default now(),
  updated_at     timestamptz not null default now(),
  unique (department_id, code)
);

-- 执法检查人员名录库.
create table inspector (
  id              serial primary key,
  department_id   int not null references department(id),
  name            text not null,
  unit            text not null,
  certificate_no  text not null unique,
  active          boolean not null default true,
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now()
);
create index inspector_department_idx on inspector (department_id, active);

-- Declared conflicts of interest (回避): the inspector never inspects that party.
create table inspector_conflict (
  inspector_id  int not null references inspector(id),
  subject_id    bigint not null references subject(id),
  reason        text not null,
  declared_at   timestamptz not null default now(),
  primary key (inspector_id, subject_id)
);

-- A department's tiered supervision: grades of an evaluation model → tier and sampling ratio
-- (basis points: 300 = 3%). Departments without a row use the platform default (3/5/10/100%).
create table supervision_policy (
  department_id       int primary key references department(id),
  model_code          text not null,
  tiers               jsonb not null,
  ungraded_tier       text not null,
  ungraded_ratio_bp   int not null check (ungraded_ratio_bp between 0 and 10000),
  updated_by          text not null,
  updated_at          timestamptz not null default now()
);

-- A plan commits to sha256(seed) and to its published inputs before the draw; the seed stays
-- secret until the draw and is published with the result.
create table inspection_plan (
  id                   serial primary key,
  department_id        int not null references department(id),
  name                 text not null,
  item_ids             int[] not null,
  scope                jsonb not null,
  model_code           text not null,
  period_from          date not null,
  period_to            date not null,
  inspectors_per_task  int not null check (inspectors_per_task between 1 and 10),
  repeat_months        int not null check (repeat_months between 0 and 120),
  distinct_units       boolean not null default false,
  seed                 bytea not null,
  seed_hash            text not null,
  inputs               jsonb not null,
  inputs_hash          text not null,
  status               text not null check (status in ('committed', 'drawn')),
  created_by           text not null,
  created_at           timestamptz not null default now(),
  drawn_at             timestamptz,
  check (period_to >= period_from)
);
create index inspection_plan_department_idx on inspection_plan (department_id, id desc);

create table inspection_task (
  id              bigserial primary key,
  plan_id         int not null references inspection_plan(id),
  ordinal         int not null,
  subject_id      bigint not null references subject(id),
  tier            text not null,
  grade           text,
  inspector_ids   int[] not null,
  status          text not null check (status in ('assigned', 'done')),
  outcome         text check (outcome in ('passed', 'problems_found', 'not_found')),
  findings        text,
  inspected_on    date,
  record_id       bigint references record(id),
  result_by       text,
  result_at       timestamptz,
  unique (plan_id, ordinal)
);
create index inspection_task_subject_idx on inspection_task (subject_id);

-- 抽查检查结果: public (双随机一公开 publishes results), fed into the archive and the evaluation.
insert into category (code, name, name_en, class_code, subject_kinds, disclosure, natural_person_public, fields, key_field,
  subject_fields, decision_field, publication, deadline_working_days, repairable, adverse, legal_basis, retention_years, update_frequency)
values ('inspection_result', '双随机抽查检查结果信息', 'Random inspection results', 'compliance',
  '{legal_person,unincorporated,sole_trader,government,natural_person}', 'public', false,
  '[{"code":"ZTMC","label":"主体名称","type":"string","required":true,"maxLength":200},
    {"code":"TYSHXYDM","label":"统一社会信用代码","type":"uscc","requiredFor":["legal_person","unincorporated","sole_trader","government"]},
    {"code":"ZJHM","label":"身份证件号码","type":"id_number","requiredFor":["natural_person"],"personal":true},
    {"code":"XXBH","label":"信息编号","type":"string","required":true,"maxLength":100},
    {"code":"JHMC","label":"抽查计划名称","type":"string","required":true,"maxLength":200},
    {"code":"JCSX","label":"检查事项","type":"text","required":true,"maxLength":2000},
    {"code":"JCRQ","label":"检查日期","type":"date","required":true},
    {"code":"JCJG","label":"检查结果","type":"enum","required":true,"enum":["未发现问题","发现问题","通过登记的住所（经营场所）无法联系"]},
    {"code":"WTMS","label":"问题描述","type":"text","maxLength":4000},
    {"code":"JCJGMC","label":"检查机关","type":"string","required":true,"maxLength":200},
    {"code":"JCRY","label":"检查人员","type":"string","required":true,"maxLength":200}]'::jsonb,
  'XXBH', '{"name":"ZTMC","uscc":"TYSHXYDM","idNumber":"ZJHM"}'::jsonb, 'JCRQ',
  '{"basis":"decision","periodMonths":36}'::jsonb, 20, false, false,
  '《国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见》（国发〔2019〕5号）：抽查结果 20 个工作日内公示', 5, '实时')
on conflict (code) do nothing;
