-- The audit screen filters by action (one action, or a group of them), newest first.
create index audit_log_action_idx on audit_log(action, seq);
