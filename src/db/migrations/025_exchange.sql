-- Exchange (信用信息共享交换): targets this platform delivers to, the batches it sent them with each
-- target's receipt, and the state changes it received from a lower platform (idempotency keys).

-- An upper-level platform (province, 信用中国) or a department system. The credential is the
-- target's API key, kept only encrypted (AES-256-GCM with the personal-data key). cursor_seq is the
-- last record_version.seq the target acknowledged; attempts/next_attempt_at/last_error describe the
-- retry of its open batch (exponential back-off); paused_at is set when a batch is dead-lettered,
-- so later changes are not delivered out of order before an operator resumes it.
create table exchange_target (
  id                 serial primary key,
  name               text not null unique,
  kind               text not null check (kind in ('upper_platform', 'department_system')),
  base_url           text not null,
  credential_cipher  bytea not null,
  remote_department  text not null,
  receives           jsonb not null,
  active             boolean not null default true,
  cursor_seq         bigint not null default 0,
  attempts           int not null default 0,
  next_attempt_at    timestamptz,
  last_error         text,
  last_delivered_at  timestamptz,
  paused_at          timestamptz,
  created_at         timestamptz not null,
  updated_at         timestamptz not null
);

-- One delivery of the ledger changes (from_seq, to_seq] to a target. At most one open (pending)
-- batch per target: it is re-sent as is until acknowledged or dead-lettered.
create table exchange_batch (
  id               bigserial primary key,
  target_id        int not null references exchange_target(id) on delete cascade,
  from_seq         bigint not null,
  to_seq           bigint not null,
  changes          int not null,
  status           text not null check (status in ('pending', 'acknowledged', 'dead')),
  attempts         int not null default 0,
  last_error       text,
  receipt          jsonb,
  created_at       timestamptz not null,
  acknowledged_at  timestamptz,
  unique (target_id, from_seq)
);
create unique index exchange_batch_open_idx on exchange_batch(target_id) where status = 'pending';

-- State changes (repair, revocation, objection outcome) a lower platform sent here, one row per
-- (sender department, category, source key, version): a re-sent change is a duplicate, not a second transition.
create table exchange_inbound (
  department_id  int not null references department(id),
  category_id    int not null references category(id),
  source_key     text not null,
  version        int not null,
  state          text not null,
  record_id      bigint not null references record(id),
  received_at    timestamptz not null,
  primary key (department_id, category_id, source_key, version)
);
