"""The grid question's 其他 (other) option, as platforms export it with the resident's words (trial 172), names no
grid from output format 25 (ingest/unknown_grid_answers.py); a grid's name that holds 其他 elsewhere is a name."""
import pandas as pd
import pytest

from gridpay.ingest.survey_inspect import unknown_grid_lines
from gridpay.ingest.unknown_grid_answers import says_not_known, says_other


@pytest.mark.parametrize("value", ["其他", "其他〖湖畔小区3栋〗", "其它：湖畔小区", "其他(南湖三网格旁边)", "其他 湖畔",
                                   "其他【不清楚】", "其他选项"])
def test_the_other_option_with_or_without_words_is_told(value):
    assert says_other(value) and says_not_known(value, others=True)
    assert not says_not_known(value)                                  # before format 25: an unknown grid's name


@pytest.mark.parametrize("value", ["其他网格", "南湖其他小区网格", "湖畔小区", "其", "G1"])
def test_a_name_is_not_the_other_option(value):
    assert not says_other(value)


def test_inspect_says_such_answers_name_no_grid_as_a_run_reads_them():
    """Trial 172's re-check: inspect called 其他〖湖畔小区〗 a grid grids.csv lacks while the run set it aside."""
    frame = pd.DataFrame({"grid_id": ["其他〖湖畔小区〗", "不清楚", "南湖一网格", "南湖一网咯"]})
    assert unknown_grid_lines(frame, {"N01": "南湖一网格"}) == [
        "names no grid (set aside as such): '其他〖湖畔小区〗' on 1 rows", "names no grid (set aside as such): '不清楚' on 1 rows",
        "not in grids.csv: '南湖一网咯' on 1 rows; did you mean '南湖一网格 (N01)'?"]
    # trial 223's re-check: a zero-width space after a grid's name was still "not in grids.csv" here, while the run
    # counted the answer for the grid
    frame = pd.DataFrame({"grid_id": ["南湖一网格\u200b", "南湖\u200b九网格"]})
    assert unknown_grid_lines(frame, {"N01": "南湖一网格"}) == ["not in grids.csv: '南湖九网格' on 1 rows"]
    assert len(unknown_grid_lines(frame, {"N01": "南湖一网格"}, unseen_too=False)) == 2     # a policy before 2027.29


def test_a_phone_typed_after_other_is_masked_in_the_line():
    from gridpay.ingest.unknown_grid_answers import unknown_grids_line
    line = unknown_grids_line([("其他〖3栋，电话13905612345〗", 1)])
    assert "13905612345" not in line and "139****2345" in line


def test_a_dont_know_listed_as_a_compound_is_refused_naming_its_row():
    """Trial 279: the unlisted-compounds stop's "list it as a compound" followed for 不知道 made the grid one of two
    compounds, a home answering both ways counted twice (W01 1815.66 for 1802.34), exit 0."""
    import pandas as pd
    import pytest
    from gridpay.core.errors import InputError
    from gridpay.ingest.unknown_grid_answers import refuse_unknown_compounds
    grids = pd.DataFrame({"grid_id": ["JJ1", "JJ2"], "compounds": ["锦江花园;江畔小区", "锦江新城=锦江新城二期；不知道"],
                          "source_file": "grids.csv", "row_number": [2, 3]})
    with pytest.raises(InputError, match="compound '不知道' of JJ2 is a resident's 'don't know', no compound's name") as stop:
        refuse_unknown_compounds(grids)
    assert (stop.value.row, stop.value.column) == (3, "compounds")
    refuse_unknown_compounds(grids.assign(compounds=["锦江花园", "锦江新城=锦江新城二期"]))      # names only: nothing
    refuse_unknown_compounds(grids.drop(columns="compounds"))
