-- Migration 20: beside each of a run's other warnings (migration 13), the kind it was said as, as a JSON list of
-- the same length (null where a line has none): from output format 18 the scorecard heads each line with its kind in
-- the scorecard's language, since the lines are the console's, in English (trials 109 to 112's HR read none of
-- them). Null for every run before and for runs of earlier formats (pipeline/run_notices.py).
alter table runs add column if not exists run_notice_kinds varchar;
