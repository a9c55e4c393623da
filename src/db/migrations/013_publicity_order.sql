-- The 双公示 list is ordered newest decision first with undated rows last (decided_on desc nulls
-- last, id desc). The indexes of migration 005 sort nulls first, so no page could be read off them
-- in order: every page sorted all live rows of its categories. These match the order, per category
-- and per department and category, so a page (and a keyset page at any depth) reads its own rows.
drop index if exists record_publicity_idx;
drop index if exists record_publicity_dept_idx;
create index record_publicity_idx on record (category_id, decided_on desc nulls last, id desc) where state in ('active', 'disputed');
create index record_publicity_dept_idx on record (department_id, category_id, decided_on desc nulls last, id desc) where state in ('active', 'disputed');
