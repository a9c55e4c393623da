// Every PostgreSQL advisory lock key of the platform, in one file, so that no two features take
// the same key by accident (locks.test.ts holds them distinct). A value never changes: instances of
// the previous release, and SQL that cannot import this file (migrations), take the same keys.
// PostgreSQL keeps one-key (bigint) and two-key (int, int) locks apart; the keys differ anyway.

/** Session lock: one migrator at a time (db/migrate.ts). */
export const MIGRATION_LOCK = 7_160_301;

/** Transaction lock: the one sequencer sealing audit entries into the hash chain (access/audit-repo.ts). */
export const AUDIT_LOG_LOCK = 7_160_302;

/**
 * Transaction lock: appends to the record ledger's hash chain (records/repo.ts), and every insert
 * into domain_event (events/repo.ts), so event ids follow commit order and `after=<id>` readers
 * never skip one. The record_serious_penalty_event trigger (migrations 005 and 009) takes it as
 * the literal 7160303.
 */
export const RECORD_LEDGER_LOCK = 7_160_303;

/** Two-key transaction lock with hashtext(model code): the next version of an evaluation model, one writer per code. */
export const EVALUATION_MODEL_LOCK = 7_160_308;

/** Two-key session lock with hashtext(model code): one evaluation run per model code at a time. */
export const EVALUATION_RUN_LOCK = 7_160_309;

/**
 * Two-key session lock with the submission id: held by the import running that submission for as
 * long as it runs, so start-up tells an import cut off by a kill (lock free) from a running one.
 */
export const IMPORT_LOCK = 7_160_311;

/** Transaction lock: appends to the list ledger's hash chain (lists/repo.ts). */
export const LIST_LEDGER_LOCK = 7_160_605;

/**
 * Two-key session lock with the report batch id: held by the process generating a batch of reports
 * (reports/batch-jobs.ts) for as long as it runs, so a batch whose process died (lock free) is told
 * from a running one and shown as interrupted.
 */
export const REPORT_BATCH_LOCK = 7_160_415;
