-- 报告管理: revocation of issued reports, a row per successful verification (the console counts
-- them), and batch report jobs (a list of parties → a zip of PDFs) with their progress.

-- A revoked report stays on file (its number, hashes and PDF) so that a verification can say that
-- it was revoked, when and why. Times come from the application's clock.
alter table report
  add column revoked_at      timestamptz,
  add column revoked_reason  text,
  add column revoked_by      text,
  add constraint report_revoked_complete check ((revoked_at is null) = (revoked_reason is null));

create index report_issued_idx on report (issued_at desc, id desc);

-- One row per verification that found the report genuine (number + code, or the file's hash), by
-- anyone: the public verify page, the API, the CLI. Wrong codes are not counted.
create table report_verification (
  id         bigserial primary key,
  report_id  bigint not null references report(id),
  at         timestamptz not null,
  via        text not null check (via in ('code', 'file'))
);
create index report_verification_report_idx on report_verification (report_id, at desc);

-- A batch report job: the parties as given (row number in the uploaded list, code as typed; ID
-- numbers masked), its progress, one result per row, and the zip when it completed. While it runs,
-- the process running it holds a session advisory lock on its id (REPORT_BATCH_LOCK), so a job
-- whose process died is told from a running one.
create table report_batch (
  id                 bigserial primary key,
  status             text not null check (status in ('running', 'completed', 'failed', 'interrupted')),
  kind               text not null check (kind in ('public', 'certificate')),
  purpose            text not null,
  params             jsonb not null default '{}',
  total              int not null,
  done               int not null default 0,
  ok_count           int not null default 0,
  error_count        int not null default 0,
  -- [{ row, input, ok, number, subjectName, file, error }] in input order, appended as rows finish.
  rows               jsonb not null default '[]',
  zip                bytea,
  error              text,
  requester_user_id  int references app_user(id),
  requester_name     text,
  department_id      int references department(id),
  created_at         timestamptz not null,
  finished_at        timestamptz,
  updated_at         timestamptz not null default now()
);
create index report_batch_requester_idx on report_batch (requester_user_id, id desc);
