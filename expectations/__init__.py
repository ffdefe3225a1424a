"""Great Expectations suites, one per input table, and the runner that turns results into rows."""
