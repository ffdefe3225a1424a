-- Migration 17: the 问卷星 downloads a published run accepted holding fewer answer rows than their names say
-- (--accept-fewer-answers), as a JSON list of {file, named, rows}: answers taken out on purpose (test answers)
-- that later months' cumulative downloads still hold. A sixty-fourth trial was told every later month that the
-- run "never read" them. Null for a run that accepted none, and for every run before.
alter table runs add column if not exists accepted_short_downloads varchar;
