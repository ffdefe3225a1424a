"""One compound named two ways (湖滨花园二期 on paper, 湖滨二期 online): a thirty-third trial, told to add the short
name to grids.csv, counted one home twice without a word. grids.csv gives a compound's other names after '='; two
names that read alike with a door number answered under both are named for HR."""
import pandas as pd
import pytest

from conftest import SURVEY_HEADER, scored_below_the_cli, survey, write_csv
from gridpay.core.policy_file import load_policy
from gridpay.core.settings import DEFAULT_POLICY

DOOR = "3栋1单元601"
ROWS = [(survey("R1", "G1", DOOR, ("4",) * 5, "2026-09-05 10:00:00"), "湖滨花园二期"),
        (survey("R2", "G1", DOOR, ("2",) * 5, "2026-09-08 10:00:00"), "湖滨二期"),       # R1's home, later
        (survey("R3", "G1", DOOR, ("5",) * 5, "2026-09-09 10:00:00"), "南湖家园二期")]   # another compound's home


def _staged(make_inbox, tmp_path, compounds: str, names: tuple[str, ...] | None = None):
    inbox = make_inbox({})
    write_csv(inbox / "grids.csv", ("grid_id", "grid_name", "community", "households", "compounds"),
              [("G1", "二期安置网格", "社区", "20", compounds), ("G2", "老村网格", "社区", "10", "")])
    write_csv(inbox / "surveys" / "2026-09.csv", SURVEY_HEADER + ("小区",),
              [row + (c,) for (row, _), c in zip(ROWS, names or [c for _, c in ROWS])])
    _, con = scored_below_the_cli(inbox, tmp_path / "work", load_policy(DEFAULT_POLICY))
    with con:
        return dict(con.execute("select s.response_id, s.household_id from counted_responses c "
                                "join raw_surveys s using (run_id, row_id)").fetchall())


def test_a_compound_s_other_name_after_equals_is_that_compound(make_inbox, tmp_path):
    from gridpay.ingest.alike_compounds import alike_compounds
    counted = _staged(make_inbox, tmp_path, "湖滨花园二期=湖滨二期；南湖家园二期")
    assert counted == {"R2": f"湖滨花园二期 {DOOR}", "R3": f"南湖家园二期 {DOOR}"}       # R1 is R2's older answer
    assert alike_compounds(tmp_path / "work", True) == []


def test_two_listed_names_that_read_alike_and_share_a_door_number_are_named(make_inbox, tmp_path):
    from gridpay.ingest.alike_compounds import alike_compounds
    counted = _staged(make_inbox, tmp_path, "湖滨花园二期；湖滨二期；南湖家园二期")      # as the trial was told
    assert set(counted) == {"R1", "R2", "R3"}                                   # counted as typed, but said:
    (alike,) = alike_compounds(tmp_path / "work", True)
    assert (alike.grid_id, alike.compounds, alike.pairs) == ("G1", ("湖滨花园二期", "湖滨二期"), 1)
    line = alike.line()
    assert f"湖滨花园二期 {DOOR} (R1) beside 湖滨二期 {DOOR} (R2)" in line and "(湖滨花园二期=湖滨二期)" in line
    assert "南湖家园二期" not in line                                             # a neighbour, not a name
    (alike,) = alike_compounds(tmp_path / "work", True, short_names=True)      # format 24: '=' still the way here
    assert not alike.both_listed and "(湖滨花园二期=湖滨二期)" in alike.line()
    # format 27: grids.csv refuses an '=' name it lists on its own, so the line says which entry the '=' name replaces
    (alike,) = alike_compounds(tmp_path / "work", True, short_names=True, phases=True)
    assert not alike.both_listed and "(湖滨花园二期=湖滨二期 in place of 湖滨二期's own entry" in alike.line()


def test_two_listed_phases_one_name_the_start_of_the_other_are_never_joined_by_equals(make_inbox, tmp_path):
    """Trial 207: 金沙花园 and 金沙花园二期, both listed for one grid, their buildings numbered alike; a door answered
    under both was told to give 金沙花园二期=金沙花园, which grids.csv refuses (a name it lists on its own)."""
    from gridpay.ingest.alike_compounds import alike_compounds
    _staged(make_inbox, tmp_path, "金沙花园；金沙花园二期", names=("金沙花园", "金沙花园二期", "南湖家园二期"))
    (before,) = alike_compounds(tmp_path / "work", True, short_names=True)      # formats 24 to 26, as published
    assert not before.both_listed and "(金沙花园二期=金沙花园)" in before.line()
    (alike,) = alike_compounds(tmp_path / "work", True, short_names=True, phases=True)
    assert alike.both_listed and not alike.entries and "grids.csv lists both for the grid" in alike.line()
    assert "=" not in alike.line().split("each counted")[1]


def test_the_unlisted_compound_line_gives_the_other_name_form(make_inbox, tmp_path):
    from gridpay.ingest.alike_compounds import alike_compounds
    from gridpay.ingest.grid_compounds import mixed_compounds
    _staged(make_inbox, tmp_path, "湖滨花园二期；南湖家园二期")
    (grid,) = mixed_compounds(tmp_path / "work", suffix_dropped=True)
    assert grid.unlisted == (("湖滨二期", 1),) and "(湖滨花园二期=湖滨二期: '湖滨二期' reads like 湖滨花园二期)" in grid.lines()[0]
    assert alike_compounds(tmp_path / "work", True)[0].compounds == ("湖滨花园二期", "湖滨二期")   # listed first


@pytest.mark.parametrize("cell, said", [
    ("湖滨花园二期=南湖家园二期；南湖家园二期", "'南湖家园二期', given after '=' as another name of 湖滨花园二期, is a compound"),
    ("湖滨花园二期=湖滨；湖滨一期=湖滨", "'湖滨', given after '=' as another name of 湖滨一期, is already another name of 湖滨花园二期")])
def test_an_other_name_that_can_mean_two_compounds_is_refused(cell, said):
    from gridpay.core.errors import InputError
    from gridpay.ingest.grid_aliases import compound_other_names, listed_compounds
    grids = pd.DataFrame({"source_file": ["grids.csv"], "row_number": [2], "grid_id": ["G1"], "compounds": [cell]})
    with pytest.raises(InputError, match=said):
        compound_other_names(grids)
    assert listed_compounds(grids)["G1"][0] == "湖滨花园二期"                  # the name grids.csv gives first
    grids["compounds"] = ["湖滨花园二期=湖滨花园二期小区=湖滨二期"]                 # a name as answers read it: no stop
    assert compound_other_names(grids, suffix_dropped=True) == {"湖滨二期": "湖滨花园二期"}


def test_names_read_alike_when_one_is_the_other_short_or_one_character_off_not_another_phase():
    from gridpay.transforms.grid_names import compounds_read_alike
    assert compounds_read_alike("湖滨二期", "湖滨花园二期") and compounds_read_alike("湖宾花园", "湖滨花园")
    assert not any(compounds_read_alike(a, b) for a, b in (("湖滨花园一期", "湖滨花园二期"), ("南湖家园二期", "湖滨花园二期"),
                                                           ("金桥花园", "金桥花园二期"), ("1区", "2区"), ("湖滨", "湖滨")))


def test_a_door_number_typed_after_a_compound_s_other_name_is_the_door_number(make_inbox, tmp_path):
    """A thirty-fourth trial's 老街36号 beside 36号 in a grid of 红旗老街: two households. With 红旗老街=老街 in
    grids.csv, the other name typed before the door number is read like the compound's own."""
    inbox = make_inbox({})
    write_csv(inbox / "grids.csv", ("grid_id", "grid_name", "community", "households", "compounds"),
              [("G1", "红旗老街一网格", "社区", "20", "红旗老街=老街"), ("G2", "老村网格", "社区", "10", "")])
    rows = [survey("R1", "G1", "老街36号", ("4",) * 5, "2026-09-05 10:00:00"),
            survey("R2", "G1", "36号", ("2",) * 5, "2026-09-08 10:00:00"),
            survey("R3", "G1", "红旗老街37号", ("5",) * 5, "2026-09-09 10:00:00")]
    write_csv(inbox / "surveys" / "2026-09.csv", SURVEY_HEADER, rows)
    _, con = scored_below_the_cli(inbox, tmp_path / "work", load_policy(DEFAULT_POLICY))
    with con:
        counted = dict(con.execute("select s.response_id, s.household_id from counted_responses c "
                                   "join raw_surveys s using (run_id, row_id)").fetchall())
    assert counted == {"R2": "36", "R3": "37"}     # a house's number alone, 号 or none (policy 2027.22)


def test_a_door_under_a_compound_s_name_and_its_start_is_said_from_format_24(make_inbox, tmp_path):
    """Trial 166: 阳光家园, the start of two phases' names, listed as a compound of its own (the stop's advice) beside
    阳光家园二期: one home answering under both would count twice, unsaid, as the two names do not read alike."""
    from gridpay.ingest.alike_compounds import alike_compounds
    from gridpay.ingest.grid_compounds import other_grids_compounds
    inbox = make_inbox({})
    write_csv(inbox / "grids.csv", ("grid_id", "grid_name", "community", "households", "compounds"),
              [("G1", "家园二期网格", "社区", "20", "阳光家园二期；阳光家园"), ("G2", "老村网格", "社区", "10", "阳光家园一期")])
    rows = [(survey("R1", "G1", DOOR, ("4",) * 5, "2026-09-05 10:00:00"), "阳光家园二期"),
            (survey("R2", "G1", DOOR, ("2",) * 5, "2026-09-08 10:00:00"), "阳光家园"),
            (survey("R3", "不清楚", DOOR, ("2",) * 5, "2026-09-08 10:00:00"), "阳光家园一期")]    # no grid's answer
    write_csv(inbox / "surveys" / "2026-09.csv", SURVEY_HEADER + ("小区",), [row + (c,) for row, c in rows])
    scored_below_the_cli(inbox, tmp_path / "work", load_policy(DEFAULT_POLICY))[1].close()
    assert alike_compounds(tmp_path / "work", True) == []                        # as before format 24
    (alike,) = alike_compounds(tmp_path / "work", True, short_names=True)
    assert alike.compounds == ("阳光家园二期", "阳光家园") and alike.both_listed
    assert "grids.csv lists both for the grid" in alike.line() and "=" not in alike.line().split("each counted")[1]
    # a grid grids.csv lacks (the run's gates raised) is an invalid row's, not a crash (trial 165: KeyError '不清楚')
    assert other_grids_compounds(tmp_path / "work", True, unlisted=True) == []


def test_a_pair_of_listed_names_has_a_scorecard_label_of_its_own():
    """Trial 166's re-check: the scorecard's line for a door under 阳光家园 and 阳光家园二期 (both listed) said to write
    an '=' name, which grids.csv refuses; its own label says to set the older answer aside by appeal."""
    from gridpay.reports.strings import LABELS
    zh, en = LABELS["zh"]["doubt_listed_compounds"], LABELS["en"]["doubt_listed_compounds"]
    assert "申诉" in zh and "不能再用“=”" in zh and "appeal" in en


@pytest.mark.parametrize("column, cell", [("compounds", "柏林花园、柏林新村"), ("aliases", "柏林3网格，柏林三网")])
def test_names_run_together_by_a_chinese_comma_are_refused(column, cell):
    """Trial 169: HR's Excel wrote 柏林花园、柏林新村; read as one compound it went onto the form as one option, and
    the month stopped as a sheet sorted wrongly. The row is named with the separator to use."""
    from gridpay.core.errors import InputError
    from gridpay.ingest.grid_aliases import refuse_list_commas
    grids = pd.DataFrame({"source_file": ["grids.csv"], "row_number": [2], "grid_id": ["G1"], column: [cell]})
    with pytest.raises(InputError, match=f"names in {column} are separated by ';'"):
        refuse_list_commas(grids)
    refuse_list_commas(grids.assign(**{column: "柏林花园；柏林新村"}))                  # as documented: no stop
    refuse_list_commas(grids.assign(**{column: "王芳（三网格、五网格）;王芳(三、五网格)"}))   # a form's option: one name


def test_two_listed_lanes_a_word_of_place_apart_are_not_offered_as_one(make_inbox, tmp_path):
    """Trial 191: 前井胡同 and 后井胡同, both listed for G5, share house numbers; every run said they read alike and
    offered 前井胡同=后井胡同, which would have made two lanes' homes one."""
    from gridpay.ingest.alike_compounds import alike_compounds
    _staged(make_inbox, tmp_path, "前井胡同；后井胡同", names=("前井胡同", "后井胡同", "后井胡同"))
    assert alike_compounds(tmp_path / "work", True, short_names=True) == []
    _staged(make_inbox, tmp_path / "typo", "前井胡同；槐树胡同", names=("前井胡同", "后井胡同", "后井胡同"))   # one unlisted
    assert [a.compounds for a in alike_compounds(tmp_path / "typo" / "work", True)] == [("前井胡同", "后井胡同")]
