-- Business times come from the application's injected clock, never from the database's now():
-- rules and statistics read these columns (review and feedback counts per month, case lists,
-- run history, events since …), and a test or a replay that sets the clock must see its own time
-- in them. Dropping the defaults makes a forgotten value fail loudly (not null) instead of
-- silently taking the server's time. What keeps a default is listed in
-- src/db/clock-times.test.ts with the reason (row stamps and security times nothing rules on).
alter table record               alter column created_at   drop default;
alter table subject_grant        alter column created_at   drop default;
alter table submission           alter column submitted_at drop default;
alter table submission_event     alter column at           drop default;
alter table list_entry           alter column created_at   drop default;
alter table review               alter column created_at   drop default;
alter table measure_feedback     alter column created_at   drop default;
alter table domain_event         alter column created_at   drop default;
alter table evidence_file        alter column created_at   drop default;
alter table notification         alter column created_at   drop default;
alter table objection            alter column created_at   drop default;
alter table repair               alter column created_at   drop default;
alter table commitment           alter column created_at   drop default;
alter table evaluation_run       alter column started_at   drop default;
alter table inspector_conflict   alter column declared_at  drop default;
alter table inspection_plan      alter column created_at   drop default;

-- The serious-penalty event a record announces carries the application's time too: the record's
-- created_at on insert; on update, the clock's time that updateRecord/updateRecords hand over in the
-- same statement (transaction setting xinyong.now). Changes made outside the application (psql)
-- have neither, and fall back to the database's time.
create or replace function record_serious_penalty_event() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and old.severity is not distinct from 'serious' then
    return null;
  end if;
  perform pg_advisory_xact_lock(7160303);
  insert into domain_event (type, subject_id, payload, created_at)
  values ('record.serious_penalty', new.subject_id, jsonb_build_object(
    'recordId', new.id, 'categoryId', new.category_id, 'departmentId', new.department_id,
    'decidedOn', new.decided_on, 'publishUntil', new.publish_until, 'sourceKey', new.source_key),
    case when tg_op = 'INSERT' then new.created_at
         else coalesce(nullif(current_setting('xinyong.now', true), '')::timestamptz, now()) end);
  return null;
end $$;
