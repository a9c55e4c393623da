-- A submission whose import was cut off by the server stopping (kill -9, crash, restart) stayed
-- 'processing' for ever; start-up now marks such submissions 'interrupted' (the department
-- re-submits the file; imports are idempotent).
alter table submission drop constraint submission_status_check;
alter table submission add constraint submission_status_check
  check (status in ('received', 'processing', 'completed', 'failed', 'interrupted'));
