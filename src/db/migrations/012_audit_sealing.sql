-- Audit entries are appended with a plain insert (no lock, no read of the chain's tail) and sealed
-- into the hash chain in batches by one sequencer, as transparency logs integrate queued leaves:
-- readers no longer queue behind one chain lock. chain_pos is the position in the chain (the order
-- the sequencer sealed entries in); prev_hash and hash are null until sealed. Existing entries were
-- chained in seq order, so their position is their seq.
alter table audit_log alter column prev_hash drop not null;
alter table audit_log alter column hash drop not null;
alter table audit_log add column chain_pos bigint;
update audit_log set chain_pos = seq;
create unique index audit_log_chain_pos_idx on audit_log(chain_pos);
create index audit_log_unsealed_idx on audit_log(seq) where chain_pos is null;
alter table audit_log add constraint audit_log_sealed_together
  check ((chain_pos is null) = (hash is null) and (hash is null) = (prev_hash is null));
