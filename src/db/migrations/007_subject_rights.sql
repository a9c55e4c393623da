-- Subject rights (issue 7): versioned rule sets, objections (异议), credit repair (信用修复), credit
-- commitments (信用承诺 / 告知承诺), the evidence files they carry and notifications. Workflows are
-- a state column + an append-only event table; each case keeps the rule version it was decided by.

-- Rule sets: every number of spec/objection.md, repair.md and commitments.md as data. A new
-- version never changes a case already opened (cases copy code, version and params).
create table rule_set (
  code        text not null check (code ~ '^[a-z][a-z0-9_]{1,40}$'),
  version     int not null check (version >= 1),
  name        text not null,
  params      jsonb not null,
  basis       text not null default '',
  note        text,
  created_by  text not null,
  created_at  timestamptz not null default now(),
  primary key (code, version)
);

create function subject_rights_append_only() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only', tg_table_name;
end $$;

-- Evidence files (证据材料, 授权委托书, repair materials), kept small and inside the database.
create table evidence_file (
  id            bigserial primary key,
  owner_kind    text not null check (owner_kind in ('objection', 'repair')),
  owner_id      bigint not null,
  role          text not null,
  name          text not null,
  content_type  text not null,
  bytes         int not null check (bytes > 0),
  sha256        text not null,
  content       bytea not null,
  uploaded_by   text not null,
  created_at    timestamptz not null default now()
);
create index evidence_file_owner_idx on evidence_file (owner_kind, owner_id, id);

-- Notifications to a subject, a department or the credit centre (异议/修复结果告知, 逾期提醒).
create table notification (
  id             bigserial primary key,
  audience       text not null check (audience in ('subject', 'department', 'centre')),
  subject_id     bigint references subject(id),
  department_id  int references department(id),
  kind           text not null,
  title          text not null,
  body           text not null,
  ref_type       text not null,
  ref_id         bigint not null,
  created_at     timestamptz not null default now(),
  read_at        timestamptz,
  check (audience <> 'subject' or subject_id is not null),
  check (audience <> 'department' or department_id is not null)
);
create index notification_subject_idx on notification (subject_id, id desc) where audience = 'subject';
create index notification_department_idx on notification (department_id, id desc) where audience = 'department';
create index notification_centre_idx on notification (id desc) where audience = 'centre';

-- Objections (异议): marked at once, routed to the record's source department.
create table objection (
  id                     bigserial primary key,
  tracking_no            text not null unique,
  record_id              bigint not null references record(id),
  subject_id             bigint not null references subject(id),
  department_id          int not null references department(id),
  grounds                text not null check (grounds in ('wrong', 'incomplete', 'over_period', 'wrongly_listed', 'not_removed')),
  reason                 text not null,
  filed_by               text not null check (filed_by in ('subject', 'agent')),
  agent_name             text,
  filer_user_id          int references app_user(id),
  state                  text not null check (state in ('received', 'extended', 'escalated', 'corrected', 'revoked', 'maintained')),
  received_on            date not null,
  check_due              date not null,
  checked_at             timestamptz,
  due_on                 date not null,
  due_provisional        boolean not null default false,
  extensions             int not null default 0,
  overdue                boolean not null default false,
  escalated_at           timestamptz,
  outcome_reason         text,
  decided_on             date,
  decided_by             text,
  decided_department_id  int references department(id),
  record_version_after   int,
  -- Entries resting only on a revoked record leave their list (reason error) after commit.
  pending_list_exits     bigint[] not null default '{}',
  rule_code              text not null,
  rule_version           int not null,
  rule_params            jsonb not null,
  version                int not null default 1,
  created_at             timestamptz not null default now(),
  updated_at             timestamptz not null default now(),
  foreign key (rule_code, rule_version) references rule_set (code, version),
  check (filed_by = 'subject' or agent_name is not null)
);
-- One open objection per record: a second submission while one is open is a 409.
create unique index objection_open_uq on objection (record_id) where state in ('received', 'extended', 'escalated');
create index objection_department_idx on objection (department_id, state, due_on);
create index objection_subject_idx on objection (subject_id, id desc);
create index objection_due_idx on objection (due_on) where state in ('received', 'extended');
create index objection_pending_exits_idx on objection (id) where cardinality(pending_list_exits) > 0;

create table objection_event (
  id            bigserial primary key,
  objection_id  bigint not null references objection(id),
  at            timestamptz not null,
  type          text not null,
  from_state    text,
  to_state      text,
  actor_kind    text not null,
  actor_id      text,
  actor_name    text not null,
  note          text,
  data          jsonb not null default '{}'
);
create index objection_event_idx on objection_event (objection_id, id);
create trigger objection_event_append_only before update or delete on objection_event
  for each row execute function subject_rights_append_only();

-- Credit repair (信用修复) of a record or a list entry.
create table repair (
  id                  bigserial primary key,
  subject_id          bigint not null references subject(id),
  record_id           bigint references record(id),
  list_entry_id       bigint references list_entry(id),
  department_id       int references department(id),
  severity            text check (severity in ('minor', 'ordinary', 'serious')),
  state               text not null check (state in ('returned', 'accepted', 'extended', 'approved', 'rejected', 'revoked')),
  filed_by            text not null check (filed_by in ('subject', 'agent')),
  agent_name          text,
  applicant_user_id   int references app_user(id),
  statement           text,
  applied_on          date not null,
  accepted_on         date,
  decision_due        date,
  due_provisional     boolean not null default false,
  extensions          int not null default 0,
  overdue             boolean not null default false,
  materials_required  text[] not null,
  materials_missing   text[] not null default '{}',
  eligibility         jsonb not null,
  decided_on          date,
  decided_by          text,
  decision_reason     text,
  rechecked_on        date,
  recheck_reason      text,
  bar_until           date,
  pending_list_exits  bigint[] not null default '{}',
  rule_code           text not null,
  rule_version        int not null,
  rule_params         jsonb not null,
  version             int not null default 1,
  created_at          timestamptz not null default now(),
  updated_at          timestamptz not null default now(),
  foreign key (rule_code, rule_version) references rule_set (code, version),
  check ((record_id is null) <> (list_entry_id is null)),
  check (filed_by = 'subject' or agent_name is not null)
);
create unique index repair_open_record_uq on repair (record_id) where state in ('returned', 'accepted', 'extended');
create unique index repair_open_entry_uq on repair (list_entry_id) where state in ('returned', 'accepted', 'extended');
create index repair_state_idx on repair (state, decision_due);
create index repair_subject_idx on repair (subject_id, id desc);
create index repair_pending_exits_idx on repair (id) where cardinality(pending_list_exits) > 0;

create table repair_event (
  id          bigserial primary key,
  repair_id   bigint not null references repair(id),
  at          timestamptz not null,
  type        text not null,
  from_state  text,
  to_state    text,
  actor_kind  text not null,
  actor_id    text,
  actor_name  text not null,
  note        text,
  data        jsonb not null default '{}'
);
create index repair_event_idx on repair_event (repair_id, id);
create trigger repair_event_append_only before update or delete on repair_event
  for each row execute function subject_rights_append_only();

-- Commitment items (承诺事项) with their template text (承诺书格式文本).
create table commitment_item (
  id                         serial primary key,
  code                       text not null unique check (code ~ '^[A-Za-z0-9_.-]{1,60}$'),
  name                       text not null,
  type                       text not null check (type in ('approval_substitute', 'missing_material', 'repair', 'voluntary', 'self_regulation', 'certification_notice')),
  template_text              text not null,
  public                     boolean not null default true,
  verification_working_days  int check (verification_working_days is null or verification_working_days between 1 and 365),
  department_code            text,
  excluded_when              jsonb not null default '{}',
  legal_basis                text not null default '',
  active                     boolean not null default true,
  created_by                 text not null,
  created_at                 timestamptz not null default now(),
  updated_at                 timestamptz not null default now()
);

create table commitment (
  id                    bigserial primary key,
  item_id               int not null references commitment_item(id),
  subject_id            bigint not null references subject(id),
  department_id         int not null references department(id),
  channel               text not null check (channel in ('portal', 'department')),
  matter                text not null,
  signed_text           text not null,
  signed_on             date not null,
  signer_name           text not null,
  state                 text not null check (state in ('signed', 'fulfilled', 'breached', 'withdrawn')),
  verification_due      date,
  due_provisional       boolean not null default false,
  verification_overdue  boolean not null default false,
  outcome_note          text,
  outcome_on            date,
  outcome_by            text,
  public_record_id      bigint references record(id),
  breach_record_id      bigint references record(id),
  -- Natural persons: the ID number, encrypted, so the platform can file the person's records.
  subject_code_cipher   bytea,
  rule_code             text not null,
  rule_version          int not null,
  rule_params           jsonb not null,
  version               int not null default 1,
  created_at            timestamptz not null default now(),
  updated_at            timestamptz not null default now(),
  foreign key (rule_code, rule_version) references rule_set (code, version)
);
create index commitment_subject_idx on commitment (subject_id, id desc);
create index commitment_department_idx on commitment (department_id, state, id desc);
create index commitment_verification_idx on commitment (verification_due) where state = 'signed' and not verification_overdue;

create table commitment_event (
  id             bigserial primary key,
  commitment_id  bigint not null references commitment(id),
  at             timestamptz not null,
  type           text not null,
  from_state     text,
  to_state       text,
  actor_kind     text not null,
  actor_id       text,
  actor_name     text not null,
  note           text,
  data           jsonb not null default '{}'
);
create index commitment_event_idx on commitment_event (commitment_id, id);
create trigger commitment_event_append_only before update or delete on commitment_event
  for each row execute function subject_rights_append_only();

-- 违背信用承诺 (false or broken commitments): an adverse, repairable category that feeds evaluation
-- and lists. The national catalog seed keeps it because it only inserts missing codes.
insert into category (code, name, name_en, class_code, subject_kinds, disclosure, natural_person_public, fields, key_field,
  subject_fields, decision_field, publication, deadline_working_days, repairable, adverse, legal_basis, retention_years, update_frequency)
values ('commitment_breach', '违背信用承诺信息', 'Breached credit commitments', 'commitment',
  '{legal_person,unincorporated,sole_trader,government,natural_person}', 'public', false,
  '[{"code":"ZTMC","label":"主体名称","type":"string","required":true,"maxLength":200},
    {"code":"TYSHXYDM","label":"统一社会信用代码","type":"uscc","requiredFor":["legal_person","unincorporated","sole_trader","government"]},
    {"code":"ZJHM","label":"身份证件号码","type":"id_number","requiredFor":["natural_person"],"personal":true},
    {"code":"XXBH","label":"信息编号","type":"string","required":true,"maxLength":100},
    {"code":"CNLX","label":"承诺类型","type":"string","required":true,"maxLength":50},
    {"code":"CNSY","label":"承诺事由","type":"text","required":true,"maxLength":1000},
    {"code":"CNRQ","label":"承诺日期","type":"date","required":true},
    {"code":"SLDW","label":"承诺受理单位","type":"string","required":true,"maxLength":200},
    {"code":"WYQX","label":"违诺情形","type":"text","required":true,"maxLength":2000},
    {"code":"RDRQ","label":"认定日期","type":"date","required":true}]'::jsonb,
  'XXBH', '{"name":"ZTMC","uscc":"TYSHXYDM","idNumber":"ZJHM"}'::jsonb, 'RDRQ',
  '{"basis":"decision","periodMonths":12}'::jsonb, 7, true, true,
  '国办发〔2020〕42号（证明事项告知承诺制）；《深圳经济特区社会信用条例》第五十七条至第六十四条', 5, '实时')
on conflict (code) do nothing;

-- Databases seeded before this migration: the commitment category also knows 容缺受理型.
update category set fields = (
  select jsonb_agg(case when f->>'code' = 'CNLX' and not (f->'enum' ? '容缺受理型')
                   then jsonb_set(f, '{enum}', (f->'enum') || '["容缺受理型"]'::jsonb) else f end order by n)
  from jsonb_array_elements(category.fields) with ordinality as e(f, n))
where code = 'commitment';

insert into rule_set (code, version, name, params, basis, note, created_by) values
('objection', 1, '异议处理规则',
 '{"centreCheckWorkingDays":1,"providerDecisionWorkingDays":5,"maxTotalWorkingDays":20,"maxExtensions":1,"escalateOverdue":true}'::jsonb,
 '默认值：收到即标注；信用中心 1 个工作日内核查；数据提供单位 5 个工作日内作出决定，可延期一次，总计不超过 20 个工作日；逾期上报信用中心（参照浙江 2017、上海 2017、深圳 2023）',
 'spec/objection.md default', 'system'),
('repair', 1, '信用修复规则',
 '{"classes":{"minor":{"minMonths":0,"maxMonths":3},"ordinary":{"minMonths":3,"maxMonths":12},"serious":{"minMonths":12,"maxMonths":36}},
   "listEntryClass":"serious","sameDayAcceptance":true,"decisionWorkingDays":3,"extensionWorkingDays":3,"shareResultWorkingDays":3,
   "abuseBarYears":3,"excludeBlacklisted":true,"excludeSeriousDishonestyRecords":true,
   "materials":[{"code":"commitment_letter","name":"信用修复承诺书"},{"code":"performance_proof","name":"履行证明（罚款缴纳凭证或整改说明）"},
     {"code":"rectification_report","name":"整改报告"},{"code":"identity_proof","name":"法定代表人身份证明或授权委托书"},
     {"code":"application_form","name":"信用修复申请表"},{"code":"training_certificate","name":"信用修复培训证明"},{"code":"credit_report","name":"信用报告"}],
   "requirements":{"default":["commitment_letter","performance_proof","identity_proof"],
     "penalty:minor":["commitment_letter","performance_proof"],
     "penalty:serious":["commitment_letter","performance_proof","rectification_report","identity_proof"],
     "list":["commitment_letter","performance_proof","rectification_report","identity_proof"]}}'::jsonb,
 '国办发〔2025〕22号：轻微失信信息履行义务后即可修复（最长公示 3 个月），一般失信信息最短公示 3 个月、最长 1 年，严重失信信息最短公示 1 年、最长 3 年，自决定之日起算；材料齐全当场受理，3 个工作日内作出决定，可延长 3 个工作日（深圳 2023）；修复被撤销的 3 年内不得再次申请（深圳）',
 'spec/repair.md default', 'system'),
('commitment', 1, '信用承诺规则',
 '{"defaultVerificationWorkingDays":20,"supplementWorkingDays":7,"excludeSeriousAdverse":true,"excludeBlacklisted":true,"excludeFalseCommitment":true,
   "publicationCategory":"commitment","breachCategory":"commitment_breach"}'::jsonb,
 '国办发〔2020〕42号：有严重失信记录或曾作出虚假承诺的申请人在信用修复前不适用告知承诺；容缺受理的材料 7 个工作日内补齐；告知承诺事项在核查期限内核查，逾期未核查的予以提示',
 'spec/commitments.md default', 'system');
