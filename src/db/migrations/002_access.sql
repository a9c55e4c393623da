-- Access: API keys for department systems, subject grants (authorised-query, B class),
-- CSRF tokens for cookie sessions, subject accounts.
create table api_key (
  id             serial primary key,
  department_id  int not null references department(id),
  name           text not null,
  prefix         text not null unique,
  key_hash       text not null,
  scopes         text[] not null,
  expires_at     timestamptz,
  revoked_at     timestamptz,
  created_by     int references app_user(id),
  created_at     timestamptz not null default now(),
  last_used_at   timestamptz
);

alter table session add column csrf_token text not null default '';
alter table app_user add constraint app_user_subject_fk foreign key (subject_id) references subject(id);
alter table app_user add constraint app_user_subject_role check (role <> 'subject' or subject_id is not null);

-- A subject authorises a grantee (a lender's user account or a department) to read its
-- authorised-query data for a purpose until an expiry.
create table subject_grant (
  id                     bigserial primary key,
  subject_id             bigint not null references subject(id),
  grantee_user_id        int references app_user(id),
  grantee_department_id  int references department(id),
  categories             text[] not null default '{}',
  purpose                text not null,
  expires_at             timestamptz not null,
  created_at             timestamptz not null default now(),
  revoked_at             timestamptz,
  check ((grantee_user_id is null) <> (grantee_department_id is null))
);
create index subject_grant_subject_idx on subject_grant(subject_id);
create index subject_grant_user_idx on subject_grant(grantee_user_id) where grantee_user_id is not null;
create index subject_grant_dept_idx on subject_grant(grantee_department_id) where grantee_department_id is not null;

-- Personal values inside records (e.g. a legal representative's ID number): the record keeps a
-- masked form; the value itself exists only encrypted (AES-256-GCM) with a keyed HMAC for lookup.
create table record_personal (
  record_id     bigint not null references record(id),
  field         text not null,
  value_hmac    bytea not null,
  value_cipher  bytea not null,
  primary key (record_id, field)
);
create index record_personal_hmac_idx on record_personal(value_hmac);
