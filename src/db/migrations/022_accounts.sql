-- Accounts for the public (issue 18): an enterprise or a person registers in the portal and an
-- operator approves the application (which then becomes a subject account); or one signs in
-- through the city's OpenID Connect provider (政务服务账号), whose verified USCC or ID number
-- claim names the subject. No column defaults to the database's time: the service stamps rows.

-- A registration: what the applicant said, pending until an operator approves or rejects it.
-- A person's ID number exists only as HMAC (lookup), AES-256-GCM ciphertext and a masked form.
create table account_registration (
  id              bigserial primary key,
  kind            text not null check (kind in ('enterprise', 'person')),
  state           text not null check (state in ('pending', 'approved', 'rejected')),
  username        text not null,
  password_hash   text not null,
  name            text not null,
  uscc            text,
  legal_rep       text,
  id_hmac         bytea,
  id_cipher       bytea,
  id_masked       text,
  contact_phone   text,
  contact_email   text,
  ip              text,
  filed_at        timestamptz not null,
  decided_at      timestamptz,
  decided_by      text,
  reject_reason   text,
  subject_id      bigint references subject(id),
  user_id         int references app_user(id),
  check (kind <> 'enterprise' or uscc is not null),
  check (kind <> 'person' or (id_hmac is not null and id_cipher is not null and id_masked is not null)),
  check (state <> 'approved' or (subject_id is not null and user_id is not null)),
  check (state <> 'rejected' or reject_reason is not null)
);
-- A pending application holds its username; one that was rejected frees it.
create unique index account_registration_pending_username_uq on account_registration (username) where state = 'pending';
create index account_registration_state_idx on account_registration (state, id desc);
create index account_registration_uscc_idx on account_registration (uscc) where uscc is not null;
create index account_registration_id_hmac_idx on account_registration (id_hmac) where id_hmac is not null;

-- The business licence or authorisation letter travels like a case's evidence.
alter table evidence_file drop constraint evidence_file_owner_kind_check;
alter table evidence_file add constraint evidence_file_owner_kind_check check (owner_kind in ('objection', 'repair', 'registration'));

-- One sign-in at the provider in flight: state (stored hashed; the browser holds it in a cookie),
-- PKCE verifier and nonce, used once and for ten minutes at most.
create table oidc_login (
  state_hash     text primary key,
  code_verifier  text not null,
  nonce          text not null,
  return_to      text not null,
  created_at     timestamptz not null
);
create index oidc_login_created_idx on oidc_login (created_at);

-- Who an account is at a provider (iss + sub): the next sign-in finds the same account.
create table user_identity (
  issuer         text not null,
  subject        text not null,
  user_id        int not null references app_user(id),
  created_at     timestamptz not null,
  last_login_at  timestamptz not null,
  primary key (issuer, subject)
);
create index user_identity_user_idx on user_identity (user_id);
