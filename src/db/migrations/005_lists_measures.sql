-- Publication (双公示) portal indexes, red/black/watch lists with a hash-chained history, joint
-- measures (联合奖惩), credit reviews (信用审查) with feedback, and the domain event outbox.

-- Portal: live records of a category, newest decision first; the sweep: live records whose window ended.
create index record_publicity_idx on record (category_id, decided_on desc, id desc) where state in ('active', 'disputed');
create index record_publicity_dept_idx on record (department_id, category_id, decided_on desc) where state in ('active', 'disputed');
create index record_window_end_idx on record (publish_until) where state = 'active' and publish_until is not null;
-- Review hits: live serious penalties of a subject.
create index record_serious_idx on record (subject_id) where severity = 'serious' and state in ('active', 'disputed');
-- Review: exact normalised-name matches (the trigram index serves the fuzzy ones).
create index subject_name_norm_idx on subject (name_norm);
create index subject_identifier_former_norm_idx on subject_identifier (value_norm) where scheme = 'former_name';

-- Fuzzy name matching: in how many organisation names each 3-character gram occurs, so a review
-- looks candidates up by the rarest grams of a name (refreshed daily by the sweep and on demand).
create table name_gram_stat (
  gram  text primary key,
  n     int not null
);
create table name_gram_state (
  id            int primary key check (id = 1),
  refreshed_at  timestamptz not null,
  subjects      bigint not null
);

-- Lists (名单): honour (红名单), blacklist (严重失信主体名单), watch (重点关注名单).
create table list (
  id               serial primary key,
  code             text not null unique check (code ~ '^[a-z][a-z0-9_]{1,62}$'),
  name             text not null,
  kind             text not null check (kind in ('honour', 'blacklist', 'watch')),
  legal_basis      text not null default '',
  standard         text not null default '',
  procedure        text not null default '',
  remedies         text not null default '',
  default_months   int check (default_months is null or default_months between 1 and 600),
  -- The issuing department: its code (the department may be registered later) and display name.
  department_code  text,
  issuer           text not null,
  public           boolean not null default true,
  active           boolean not null default true,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now(),
  -- Serious-dishonesty lists only on the basis of law or central policy (国办发〔2020〕49号).
  check (kind <> 'blacklist' or length(btrim(legal_basis)) > 0)
);

create table list_entry (
  id                bigserial primary key,
  list_id           int not null references list(id),
  subject_id        bigint not null references subject(id),
  basis_record_ids  bigint[] not null default '{}',
  department_id     int references department(id),
  decided_by        text not null,
  document_no       text,
  reason            text not null,
  listed_on         date not null,
  planned_expiry    date,
  state             text not null check (state in ('listed', 'exited')),
  exit_reason       text check (exit_reason in ('expiry', 'repair', 'court', 'error', 'other')),
  exit_note         text,
  exited_on         date,
  version           int not null,
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now(),
  check ((state = 'exited') = (exit_reason is not null and exited_on is not null)),
  check (planned_expiry is null or planned_expiry >= listed_on)
);
create unique index list_entry_live_uq on list_entry (list_id, subject_id) where state = 'listed';
create index list_entry_subject_live_idx on list_entry (subject_id) where state = 'listed';
create index list_entry_expiry_idx on list_entry (planned_expiry) where state = 'listed' and planned_expiry is not null;
create index list_entry_list_idx on list_entry (list_id, state, listed_on desc, id desc);
create index list_entry_department_idx on list_entry (department_id, listed_on);

-- The list ledger: one row per transition of an entry (its event), chained by hash in seq order.
create table list_entry_version (
  seq          bigserial primary key,
  entry_id     bigint not null references list_entry(id),
  subject_id   bigint not null,
  version      int not null,
  op           text not null check (op in ('enter', 'exit')),
  snapshot     jsonb not null,
  actor_kind   text not null check (actor_kind in ('user', 'department', 'system')),
  actor_id     text,
  actor_name   text not null,
  reason       text,
  at           timestamptz not null,
  prev_hash    text not null,
  hash         text not null unique,
  unique (entry_id, version)
);

-- Joint measures (联合奖惩措施). A measure without a legal basis cannot be active.
create table measure (
  id            serial primary key,
  code          text not null unique check (code ~ '^[a-z][a-z0-9_]{1,62}$'),
  name          text not null,
  kind          text not null check (kind in ('reward', 'sanction')),
  target_lists  text[] not null default '{}',
  scenarios     text[] not null default '{}',
  departments   text[] not null default '{}',
  legal_basis   text not null default '',
  description   text not null default '',
  active        boolean not null default false,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now(),
  check (not active or length(btrim(legal_basis)) > 0)
);

-- Credit reviews (信用审查): 发起 (the review) — 响应 (its hits) — 反馈 (feedback per hit).
create table review (
  id             bigserial primary key,
  scenario       text not null,
  department_id  int references department(id),
  actor_kind     text not null,
  actor_id       text,
  actor_name     text not null,
  parties        int not null,
  matched        int not null,
  hit_parties    int not null,
  hits           int not null,
  created_at     timestamptz not null default now()
);
create index review_department_idx on review (department_id, created_at);

create table review_hit (
  id             bigserial primary key,
  review_id      bigint not null references review(id),
  party_index    int not null,
  subject_id     bigint not null,
  kind           text not null check (kind in ('list_entry', 'serious_penalty')),
  list_entry_id  bigint references list_entry(id),
  record_id      bigint references record(id),
  list_code      text,
  measures       text[] not null default '{}'
);
create index review_hit_review_idx on review_hit (review_id, party_index);

create table measure_feedback (
  id             bigserial primary key,
  review_id      bigint not null references review(id),
  hit_id         bigint not null references review_hit(id),
  department_id  int references department(id),
  applied        boolean not null,
  measure_code   text,
  reason         text not null,
  actor_kind     text not null,
  actor_id       text,
  actor_name     text not null,
  created_at     timestamptz not null default now(),
  unique nulls not distinct (hit_id, measure_code)
);
create index measure_feedback_department_idx on measure_feedback (department_id, created_at);

-- Domain events (outbox). Every insert holds the record ledger's advisory lock until commit, so
-- ids are assigned in commit order and `after=<id>` readers never skip an event.
create table domain_event (
  id          bigserial primary key,
  type        text not null,
  subject_id  bigint,
  payload     jsonb not null default '{}',
  created_at  timestamptz not null default now()
);
create index domain_event_type_idx on domain_event (type, id);

-- A record that becomes a serious penalty announces itself in the transaction that wrote it,
-- whichever path wrote it (API, collection, demo loader).
create function record_serious_penalty_event() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and old.severity is not distinct from 'serious' then
    return null;
  end if;
  perform pg_advisory_xact_lock(7160303);
  insert into domain_event (type, subject_id, payload)
  values ('record.serious_penalty', new.subject_id, jsonb_build_object(
    'recordId', new.id, 'categoryId', new.category_id, 'departmentId', new.department_id,
    'decidedOn', new.decided_on, 'publishUntil', new.publish_until, 'sourceKey', new.source_key));
  return null;
end $$;
create trigger record_serious_penalty_event after insert or update of severity on record
  for each row when (new.severity = 'serious') execute function record_serious_penalty_event();

-- Seed lists (spec/measures.md). Department codes follow the demo city; operators may change them.
insert into list (code, name, kind, legal_basis, standard, procedure, remedies, default_months, department_code, issuer) values
  ('court_dishonest_debtor', '失信被执行人名单', 'blacklist',
   '《中华人民共和国民事诉讼法》第二百六十六条；《最高人民法院关于公布失信被执行人名单信息的若干规定》',
   '有履行能力而拒不履行生效法律文书确定义务等情形', '人民法院依法决定纳入并推送', '向执行法院申请纠正；履行完毕后删除', 24, 'ZJFY', '人民法院'),
  ('major_tax_violation', '重大税收违法失信主体名单', 'blacklist',
   '《中华人民共和国税收征收管理法》；《重大税收违法失信主体信息公布管理办法》（国家税务总局令第54号）',
   '偷税、逃避追缴欠税、骗取出口退税等达到规定金额', '税务机关确定并告知，公布期间届满撤出', '陈述申辩；提前停止公布（信用修复）', 36, 'SWJ', '税务部门'),
  ('procurement_serious', '政府采购严重违法失信行为记录名单', 'blacklist',
   '《中华人民共和国政府采购法》第二十二条、第七十七条；《中华人民共和国政府采购法实施条例》',
   '提供虚假材料谋取中标、串通投标等政府采购严重违法失信行为', '财政部门作出行政处罚后记入', '行政复议、行政诉讼', 36, 'CZJ', '财政部门'),
  ('wage_arrears', '拖欠农民工工资失信联合惩戒对象名单', 'blacklist',
   '《保障农民工工资支付条例》第四十八条；《拖欠农民工工资失信联合惩戒对象名单管理暂行办法》（人力资源社会保障部令第45号）',
   '克扣、无故拖欠农民工工资达到认定拒不支付劳动报酬罪数额等情形', '人力资源社会保障行政部门提前书面告知、作出列入决定', '陈述申辩；足额支付后申请提前移出', 36, 'RSJ', '人力资源社会保障部门'),
  ('work_safety_serious', '安全生产严重失信主体名单', 'blacklist',
   '《中华人民共和国安全生产法》第七十八条；《安全生产严重失信主体名单管理办法》（应急管理部令第11号）',
   '发生较大及以上生产安全责任事故等情形', '应急管理部门告知、作出列入决定并公布', '陈述申辩；信用修复后移出', 36, 'YJGLJ', '应急管理部门'),
  ('focus_watch', '信用重点关注名单', 'watch',
   '《浙江省公共信用信息管理条例》第二十三条（不良信息的管理措施）',
   '存在不良信息、尚未达到严重失信标准的主体', '信用中心根据不良信息认定', '异议；信用修复', 12, 'SJZX', '公共信用信息中心'),
  ('tax_a_grade', '纳税信用A级纳税人名单', 'honour',
   '《纳税信用管理办法（试行）》（国家税务总局公告2014年第40号）',
   '年度纳税信用评价为A级', '税务机关年度评价并公布', '对评价结果有异议的可申请复评', 12, 'SWJ', '税务部门'),
  ('customs_aeo', '海关高级认证企业名单', 'honour',
   '《中华人民共和国海关注册登记和备案企业信用管理办法》（海关总署令第251号）',
   '通过海关高级认证', '海关认证并公布', '复核', 36, null, '海关'),
  ('contract_honouring', '守合同重信用企业名单', 'honour',
   '《市场监管总局关于开展“守合同重信用”企业公示活动的通知》',
   '合同信用管理制度健全、近年无合同违法行为', '企业申报、市场监管部门公示', '异议', 24, 'SCJGJ', '市场监督管理部门');

insert into measure (code, name, kind, target_lists, scenarios, departments, legal_basis, description, active) values
  ('restrict_licensing', '限制行政许可、市场准入', 'sanction', '{court_dishonest_debtor,major_tax_violation,work_safety_serious}', '{approval,market_access}', '{许可机关}',
   '《中华人民共和国行政许可法》第七十八条、第七十九条', '隐瞒情况、提供虚假材料或以欺骗、贿赂等手段取得行政许可的，在规定期限内不得再次申请', true),
  ('cancel_bidding', '取消投标资格', 'sanction', '{procurement_serious,wage_arrears,court_dishonest_debtor}', '{bidding}', '{招标投标行政监督部门}',
   '《中华人民共和国招标投标法》第五十三条、第五十四条、第六十条；《中华人民共和国招标投标法实施条例》第六十七条、第六十八条', '串通投标、行贿、弄虚作假情节严重的，取消一定期限内参加依法必须进行招标的项目的投标资格', true),
  ('restrict_procurement', '限制参加政府采购活动', 'sanction', '{procurement_serious,major_tax_violation,court_dishonest_debtor,wage_arrears,work_safety_serious}', '{procurement}', '{财政部门,政府采购代理机构}',
   '《中华人民共和国政府采购法》第二十二条第一款第五项', '参加政府采购活动前三年内在经营活动中有重大违法记录的，不得参加政府采购', true),
  ('restrict_land_transfer', '限制参与土地出让', 'sanction', '{court_dishonest_debtor,major_tax_violation,wage_arrears,work_safety_serious}', '{land_transfer}', '{自然资源部门}',
   '《浙江省公共信用信息管理条例》第二十六条', '严重失信主体限制参与国有土地使用权出让', true),
  ('market_ban', '市场和行业禁入', 'sanction', '{work_safety_serious,major_tax_violation}', '{market_access}', '{行业主管部门}',
   '《浙江省公共信用信息管理条例》第二十六条；《中华人民共和国安全生产法》', '依法实施市场禁入或行业禁入', true),
  ('restrict_franchise', '限制取得特许经营', 'sanction', '{court_dishonest_debtor,major_tax_violation,wage_arrears,work_safety_serious}', '{franchise}', '{特许经营实施机关}',
   '《浙江省公共信用信息管理条例》第二十六条；《基础设施和公用事业特许经营管理办法》', '限制参与基础设施和公用事业特许经营', true),
  ('restrict_high_consumption', '限制高消费', 'sanction', '{court_dishonest_debtor}', '{high_consumption}', '{人民法院,交通运输部门}',
   '《最高人民法院关于限制被执行人高消费及有关消费的若干规定》', '限制乘坐飞机、列车软卧及其他非生活和工作必需的高消费行为', true),
  ('restrict_posts', '限制担任相关职务', 'sanction', '{court_dishonest_debtor,work_safety_serious}', '{post_holding}', '{组织人事部门,市场监督管理部门}',
   '《中华人民共和国公司法》第一百七十八条；《浙江省公共信用信息管理条例》第二十六条', '限制担任企业法定代表人、董事、监事、高级管理人员等职务', true),
  ('restrict_subsidies', '限制申请财政性资金项目', 'sanction', '{court_dishonest_debtor,major_tax_violation,procurement_serious,wage_arrears,work_safety_serious}', '{fiscal_funds}', '{财政部门,项目主管部门}',
   '《浙江省公共信用信息管理条例》第二十六条', '限制或取消财政补贴、政策支持', true),
  ('restrict_honours', '限制参加评先评优', 'sanction', '{court_dishonest_debtor,major_tax_violation,procurement_serious,wage_arrears,work_safety_serious}', '{honours}', '{评选表彰主管部门}',
   '《浙江省公共信用信息管理条例》第二十六条', '限制参加评先评优、授予荣誉称号', true),
  ('revoke_honours', '撤销相关荣誉称号', 'sanction', '{court_dishonest_debtor,major_tax_violation,work_safety_serious}', '{honours}', '{荣誉授予机关}',
   '《浙江省公共信用信息管理条例》第二十六条', '已获得的相关荣誉称号予以撤销', true),
  ('restrict_financing', '审慎授信、提高融资条件', 'sanction', '{court_dishonest_debtor,major_tax_violation,wage_arrears}', '{credit_financing}', '{金融机构}',
   '《关于对失信被执行人实施联合惩戒的合作备忘录》（发改财金〔2016〕141号）', '金融机构在授信审批中从严审核', true),
  ('focused_review', '重点审查', 'sanction', '{focus_watch,serious_penalty}', '{approval,procurement,bidding,fiscal_funds,honours,market_access}', '{各实施部门}',
   '《浙江省公共信用信息管理条例》第二十三条', '在行政管理中作为重点审查对象', true),
  ('withdraw_facilitation', '取消便利措施、告知承诺不适用', 'sanction', '{focus_watch,serious_penalty}', '{approval,market_access}', '{行政审批部门}',
   '《浙江省公共信用信息管理条例》第二十三条', '不适用简化程序、容缺受理和告知承诺', true),
  ('focused_inspection', '重点检查、提高抽查比例', 'sanction', '{focus_watch,serious_penalty}', '{inspection}', '{市场监管部门,行业主管部门}',
   '《浙江省公共信用信息管理条例》第二十三条', '列为重点监管对象，提高抽查比例和频次', true),
  ('green_channel', '行政审批绿色通道、容缺受理', 'reward', '{tax_a_grade,customs_aeo,contract_honouring}', '{approval}', '{行政审批部门}',
   '《国务院关于建立完善守信联合激励和失信联合惩戒制度加快推进社会诚信建设的指导意见》（国发〔2016〕33号）', '优先办理、简化程序、容缺受理', true),
  ('procurement_bonus', '政府采购、招标投标中予以信用加分', 'reward', '{tax_a_grade,contract_honouring}', '{procurement,bidding}', '{财政部门,招标投标行政监督部门}',
   '《国务院关于建立完善守信联合激励和失信联合惩戒制度加快推进社会诚信建设的指导意见》（国发〔2016〕33号）', '在评审中依法依规给予加分或优先考虑', true),
  ('financing_preference', '融资授信优惠（信易贷）', 'reward', '{tax_a_grade,customs_aeo}', '{credit_financing}', '{金融机构}',
   '《关于联合开展“银税互动”助力民营企业发展的通知》（税总发〔2019〕56号）', '纳税信用A级企业可获信用贷款便利', true),
  ('fewer_inspections', '降低抽查比例和频次', 'reward', '{tax_a_grade,customs_aeo,contract_honouring}', '{inspection}', '{市场监管部门,海关}',
   '《国务院关于建立完善守信联合激励和失信联合惩戒制度加快推进社会诚信建设的指导意见》（国发〔2016〕33号）', '在双随机抽查中适当降低抽查比例和频次', true),
  ('honour_priority', '评先评优优先推荐', 'reward', '{tax_a_grade,contract_honouring}', '{honours}', '{评选表彰主管部门}',
   '', '评先评优中同等条件下优先推荐（待补充依据后启用）', false);
