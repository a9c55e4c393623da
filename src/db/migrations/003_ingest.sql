-- Collection (归集): submissions from departments, their row-level errors and warnings, the facts
-- the quality indicators are computed from, and which categories each department must report.

create table submission (
  id              bigserial primary key,
  department_id   int not null references department(id),
  category_id     int not null references category(id),
  format          text not null check (format in ('json', 'jsonl', 'csv', 'xlsx')),
  file_name       text,
  file_sha256     text,
  file_bytes      bigint,
  encoding        text,
  mapping         text,
  -- The columns as submitted, in order (errors.csv gives them back so the clerk can fix and re-send).
  columns         text[] not null default '{}',
  status          text not null default 'received' check (status in ('received', 'processing', 'completed', 'failed')),
  received        int not null default 0,
  created         int not null default 0,
  updated         int not null default 0,
  unchanged       int not null default 0,
  revoked         int not null default 0,
  rejected        int not null default 0,
  warnings        int not null default 0,
  -- USCC quality (重错码): rows naming a subject USCC, rows whose USCC is wrong, rows whose USCC is
  -- on file under another name.
  uscc_rows       int not null default 0,
  uscc_wrong      int not null default 0,
  uscc_conflicts  int not null default 0,
  received_on     date not null,
  submitted_at    timestamptz not null default now(),
  started_at      timestamptz,
  finished_at     timestamptz,
  actor_kind      text not null,
  actor_id        text,
  actor_name      text not null,
  error           jsonb
);
create index submission_department_idx on submission(department_id, id desc);
create index submission_received_idx on submission(received_on, department_id, category_id);

-- One row per status change of a submission (append-only).
create table submission_event (
  id             bigserial primary key,
  submission_id  bigint not null references submission(id),
  at             timestamptz not null default now(),
  status         text not null,
  detail         jsonb not null default '{}'
);
create index submission_event_submission_idx on submission_event(submission_id, id);

-- Row-level errors (row rejected) and warnings (row accepted). row_no is the 1-based data row
-- (header excluded; the sheet row for XLSX; the line for JSON Lines). raw is the row as submitted,
-- personal fields masked.
create table submission_error (
  id             bigserial primary key,
  submission_id  bigint not null references submission(id),
  row_no         int not null,
  severity       text not null check (severity in ('error', 'warning')),
  field          text,
  code           text not null,
  message        text not null,
  raw            jsonb
);
create index submission_error_idx on submission_error(submission_id, severity, row_no);

-- How many accepted rows of a submission filled each field (completeness of optional fields).
create table submission_field (
  submission_id  bigint not null references submission(id),
  field          text not null,
  filled         int not null,
  primary key (submission_id, field)
);

-- When each record first arrived through a submission (timeliness: received within N working days
-- of its decision) and which row of which submission last carried it (duplicates within a file).
-- Written in the transaction that writes the record; no foreign key, whose per-row check would
-- cost bulk imports a fifth of their time (records are never deleted: the ledger keeps them).
create table record_receipt (
  record_id            bigint primary key,
  department_id        int not null,
  category_id          int not null,
  decided_on           date,
  first_submission_id  bigint not null,
  first_received_on    date not null,
  last_submission_id   bigint not null,
  last_row_no          int not null
);
create index record_receipt_received_idx on record_receipt(first_received_on, department_id, category_id);

-- Categories a department is obliged to report (上报率 = reported ÷ obliged).
create table department_obligation (
  department_id  int not null references department(id),
  category_id    int not null references category(id),
  created_at     timestamptz not null default now(),
  primary key (department_id, category_id)
);
