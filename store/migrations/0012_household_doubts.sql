-- Migration 12: the homes a run counted as typed while they may be one home written two ways (a
-- door number with a place before it and without, with its unit and without, the same numbers in
-- other words; repeated door numbers in a grid of several compounds; a home answering for two
-- grids), as JSON: the console said them, and HR who read only the scorecard signed the pay (a
-- twenty-seventh trial). Recorded for runs of output format 3 on (pipeline/household_doubts.py);
-- null for every run before, whose scorecards an audit must reproduce without them.
alter table runs add column if not exists household_doubts varchar;
