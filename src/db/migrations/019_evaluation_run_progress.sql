-- 综合评价 screen: a run started from the console goes on after the request is answered, and the
-- screen polls its progress. The run scores in one repeatable-read transaction that finally updates
-- its evaluation_run row, so progress written to that row by another connection would make the run
-- fail to serialise: it goes to this table, which the run's transaction never touches. No foreign
-- key: its check would lock the run's row, which the run's transaction holds.
create table evaluation_run_progress (
  run_id  bigint primary key,
  done    int not null check (done >= 0),
  total   int not null check (total >= 0)
);
