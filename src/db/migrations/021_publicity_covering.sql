-- A deep 双公示 page (page 500 = 10,000 rows skipped) read every skipped record's heap row for its
-- publication window and every skipped subject's heap row for its kind: 265 ms on the 1M-subject
-- city. With the window and subject in the list indexes, and the subject's kind beside its id, the
-- rows a page skips are read from indexes alone (index-only scans, 35 ms); only the page's own
-- rows are then fetched whole.
drop index if exists record_publicity_idx;
drop index if exists record_publicity_dept_idx;
create index record_publicity_idx on record (category_id, decided_on desc nulls last, id desc)
  include (publish_from, publish_until, subject_id) where state in ('active', 'disputed');
create index record_publicity_dept_idx on record (department_id, category_id, decided_on desc nulls last, id desc)
  include (publish_from, publish_until, subject_id) where state in ('active', 'disputed');
create index subject_id_kind_idx on subject (id) include (kind);
