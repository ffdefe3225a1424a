"""A doubt of many grids is said grid by grid up to SHOWN_GRIDS, the rest in one line (trial 187: a district's
clean month printed ~260 lines, one a grid, and the figures a clerk needs were buried)."""
from gridpay.expectations.answer_doubts import SHOWN_GRIDS, _at_most


def test_a_doubt_of_many_grids_names_the_rest_in_one_line():
    lines = [f"{i}网格 (G{i}): 2 answers giving a phone set aside ..." for i in range(SHOWN_GRIDS + 4)]
    said = _at_most(lines)
    assert len(said) == SHOWN_GRIDS and said[:-1] == lines[:SHOWN_GRIDS - 1]
    assert said[-1].startswith(f"... and 5 more grids as the line above says of its grid: {SHOWN_GRIDS - 1}网格 "
                               f"(G{SHOWN_GRIDS - 1}), ") and said[-1].endswith(
        f"{SHOWN_GRIDS + 3}网格 (G{SHOWN_GRIDS + 3}) (review.csv and quarantine.csv list their answers)")
    assert _at_most(lines[:SHOWN_GRIDS]) == lines[:SHOWN_GRIDS]          # as many as shown: each its own line
