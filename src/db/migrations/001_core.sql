-- Platform core: access basics, catalog, subjects, records and the hash-chained ledger.
create extension if not exists pg_trgm;

create table department (
  id          serial primary key,
  code        text not null unique check (code ~ '^[A-Za-z0-9_.-]{1,40}$'),
  name        text not null,
  uscc        text,
  region_code text,
  active      boolean not null default true,
  created_at  timestamptz not null default now()
);

create table app_user (
  id             serial primary key,
  username       text not null unique,
  display_name   text not null,
  password_hash  text not null,
  role           text not null check (role in ('admin', 'operator', 'department', 'lender', 'subject')),
  department_id  int references department(id),
  subject_id     bigint,
  failed_logins  int not null default 0,
  locked_until   timestamptz,
  disabled       boolean not null default false,
  created_at     timestamptz not null default now(),
  check (role <> 'department' or department_id is not null)
);

create table session (
  token_hash    text primary key,
  user_id       int not null references app_user(id) on delete cascade,
  created_at    timestamptz not null default now(),
  expires_at    timestamptz not null,
  ip            text,
  user_agent    text
);
create index session_user_idx on session(user_id);

-- Append-only, hash-chained log of reads of non-public data and of security events.
create table audit_log (
  seq           bigserial primary key,
  at            timestamptz not null,
  actor_kind    text not null,
  actor_id      text,
  actor_name    text,
  department_id int,
  action        text not null,
  subject_id    bigint,
  categories    text[] not null default '{}',
  purpose       text,
  ip            text,
  details       jsonb not null default '{}',
  prev_hash     text not null,
  hash          text not null unique
);
create index audit_log_subject_idx on audit_log(subject_id, at);
create index audit_log_actor_idx on audit_log(actor_kind, actor_id, at);

create table catalog_class (
  code     text primary key,
  ordinal  int not null unique,
  name     text not null,
  name_en  text not null
);

create table category (
  id                     serial primary key,
  code                   text not null unique check (code ~ '^[a-z][a-z0-9_]{1,62}$'),
  name                   text not null,
  name_en                text not null default '',
  class_code             text not null references catalog_class(code),
  subject_kinds          text[] not null,
  disclosure             text not null check (disclosure in ('public', 'authorised', 'shared')),
  natural_person_public  boolean not null default false,
  fields                 jsonb not null,
  key_field              text,
  subject_fields         jsonb not null default '{}',
  decision_field         text,
  publication            jsonb not null default '{}',
  deadline_working_days  int check (deadline_working_days is null or deadline_working_days between 0 and 365),
  repairable             boolean not null default true,
  adverse                boolean not null default false,
  legal_basis            text not null default '',
  retention_years        int,
  update_frequency       text,
  active                 boolean not null default true,
  version                int not null default 1,
  created_at             timestamptz not null default now(),
  updated_at             timestamptz not null default now()
);

create table subject (
  id              bigserial primary key,
  kind            text not null check (kind in ('legal_person', 'unincorporated', 'sole_trader', 'natural_person', 'government')),
  uscc            text unique,
  id_hmac         bytea unique,
  id_cipher       bytea,
  id_masked       text,
  name            text not null,
  name_norm       text not null,
  legal_rep_name  text,
  region_code     text,
  industry_code   text,
  status          text not null default 'active',
  registered_on   date,
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now(),
  check (uscc is not null or id_hmac is not null),
  check ((kind = 'natural_person') = (id_hmac is not null and uscc is null))
);
create index subject_name_trgm on subject using gin (name_norm gin_trgm_ops);
create index subject_kind_idx on subject(kind);

-- Legacy codes (org code, registration number, taxpayer number) and former names.
create table subject_identifier (
  id          bigserial primary key,
  subject_id  bigint not null references subject(id),
  scheme      text not null check (scheme in ('org_code', 'reg_no', 'tax_no', 'former_name')),
  value       text not null,
  value_norm  text not null,
  created_at  timestamptz not null default now()
);
create unique index subject_identifier_code_uq on subject_identifier(scheme, value) where scheme <> 'former_name';
create index subject_identifier_subject_idx on subject_identifier(subject_id);
create index subject_identifier_name_trgm on subject_identifier using gin (value_norm gin_trgm_ops) where scheme = 'former_name';

-- Legal representative / principal / shareholder links.
create table subject_link (
  id                 bigserial primary key,
  subject_id         bigint not null references subject(id),
  role               text not null check (role in ('legal_rep', 'principal', 'shareholder', 'actual_controller')),
  person_name        text not null,
  person_id_hmac     bytea,
  person_id_masked   text,
  person_subject_id  bigint references subject(id),
  since              date,
  until              date
);
create index subject_link_subject_idx on subject_link(subject_id);
create index subject_link_person_idx on subject_link(person_id_hmac);

create table record (
  id             bigserial primary key,
  subject_id     bigint not null references subject(id),
  category_id    int not null references category(id),
  department_id  int not null references department(id),
  source_key     text not null,
  fields         jsonb not null,
  decided_on     date,
  valid_from     date,
  valid_until    date,
  publish_from   date,
  publish_until  date,
  severity       text check (severity in ('minor', 'ordinary', 'serious')),
  state          text not null check (state in ('active', 'disputed', 'repaired', 'revoked', 'expired')),
  version        int not null,
  content_hash   text not null,
  created_at     timestamptz not null default now(),
  updated_at     timestamptz not null default now(),
  unique (department_id, category_id, source_key)
);
create index record_subject_idx on record(subject_id, category_id);
create index record_category_decided_idx on record(category_id, decided_on);

-- The ledger: every version of every record, chained by hash in seq order.
create table record_version (
  seq          bigserial primary key,
  record_id    bigint not null references record(id),
  subject_id   bigint not null,
  version      int not null,
  op           text not null check (op in ('create', 'update', 'revoke', 'state')),
  snapshot     jsonb not null,
  actor_kind   text not null check (actor_kind in ('user', 'department', 'system')),
  actor_id     text,
  actor_name   text not null,
  reason       text,
  at           timestamptz not null,
  prev_hash    text not null,
  hash         text not null unique,
  unique (record_id, version)
);
create index record_version_subject_idx on record_version(subject_id);

insert into catalog_class (code, ordinal, name, name_en) values
  ('registration', 1, '登记注册基本信息', 'Registration basics'),
  ('judicial', 2, '司法裁判及执行信息', 'Court judgments and enforcement'),
  ('administrative', 3, '行政管理信息', 'Administrative management'),
  ('professional', 4, '职称和职业信息', 'Professional titles and qualifications'),
  ('abnormal_operation', 5, '经营（活动）异常名录（状态）信息', 'Abnormal-operation list'),
  ('serious_dishonesty', 6, '严重失信主体名单信息', 'Serious-dishonesty lists'),
  ('contract', 7, '合同履行信息', 'Contract performance'),
  ('commitment', 8, '信用承诺及履行情况信息', 'Commitments and fulfilment'),
  ('evaluation', 9, '信用评价结果信息', 'Credit evaluation results'),
  ('compliance', 10, '遵守法律法规情况信息', 'Compliance with laws and regulations'),
  ('honour', 11, '诚实守信相关荣誉信息', 'Honours for integrity'),
  ('intellectual_property', 12, '知识产权信息', 'Intellectual property'),
  ('voluntary', 13, '经营主体自愿提供的信用信息', 'Information provided voluntarily');
