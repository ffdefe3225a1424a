-- Migration 23: what a finalize with --force overrode. True: the appeal window was open or an appeal undecided (the
-- month finalized early, as before); false: a check of today's files against the published run (a pay target raised
-- in workers.csv for a later month), the window closed and its appeals decided: the month finalized as published.
-- A two-hundred-and-sixty-fourth trial's November, forced past a December raise two days after its window closed,
-- read "FORCED before the appeal window closed or its appeals were decided" in history and 系提前定稿 on its
-- scorecard. Null on every finalization before (read as early, as they were said).
alter table finalized add column if not exists forced_early boolean;
alter table finalize_log add column if not exists forced_early boolean;
