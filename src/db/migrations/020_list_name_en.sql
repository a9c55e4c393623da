-- English names of the lists (名单), shown when the portal and console are in English; empty means
-- none is set and the Chinese name is shown. The seeded lists get the names their issuing
-- authorities use in English where they publish one (失信被执行人 "dishonest judgment debtors",
-- 海关高级认证企业 "AEO advanced certified enterprises"), otherwise a plain translation.
alter table list add column name_en text not null default '';

update list set name_en = v.name_en
from (values
  ('court_dishonest_debtor', 'Dishonest judgment debtors'),
  ('major_tax_violation', 'Major tax violators'),
  ('procurement_serious', 'Serious violations in government procurement'),
  ('wage_arrears', 'Employers in arrears of migrant workers'' wages'),
  ('work_safety_serious', 'Serious work-safety violators'),
  ('focus_watch', 'Credit watch list'),
  ('tax_a_grade', 'Grade A taxpayers'),
  ('customs_aeo', 'Customs AEO advanced certified enterprises'),
  ('contract_honouring', 'Enterprises that honour contracts and value credit')
) as v(code, name_en)
where list.code = v.code and list.name_en = '';
