"""Door numbers repeat from compound to compound: where the answers name their compound (小区) and
the policy says so (survey.household_compound), the compound is part of the household."""
import pytest

from conftest import SURVEY_HEADER, scored_below_the_cli, survey, write_csv
from gridpay.core.policy_file import load_policy
from gridpay.core.settings import DEFAULT_POLICY
from gridpay.transforms.policy import policy_from_toml

DOOR = "7栋1单元101"
ROWS = [   # one door number, typed in three forms of two compounds; R3 is R1's home, answering later
           # (its compound typed with a space and 小区: survey.compound_suffix_dropped)
    (survey("R1", "G1", DOOR, ("5",) * 5, "2026-09-10 10:00:00"), "锦绣花园"),
    (survey("R2", "G1", "7幢1单元101室", ("2",) * 5, "2026-09-11 10:00:00"), "新河小区"),
    (survey("R3", "G1", DOOR, ("4",) * 5, "2026-09-12 10:00:00"), "锦绣 花园小区"),
    (survey("R4", "G1", DOOR, ("3",) * 5, "2026-09-09 10:00:00"), ""),               # names no compound
]


def _counted(make_inbox, tmp_path, policy, header="小区", compounds=None, rows=ROWS, alias=""):
    inbox = make_inbox({})
    if compounds is not None:       # grids.csv's compounds column, G1's cell (and its aliases)
        write_csv(inbox / "grids.csv", ("grid_id", "grid_name", "community", "households", "compounds", "aliases"),
                  [("G1", "天桥新村一网格", "社区", "20", compounds, alias),
                   ("G2", "井湖村二网格", "社区", "10", "", "")])
    write_csv(inbox / "surveys" / "2026-09.csv", SURVEY_HEADER + (header,), [row + (c,) for row, c in rows])
    _, con = scored_below_the_cli(inbox, tmp_path / "work", policy)
    with con:
        return dict(con.execute("select s.response_id, s.household_id from counted_responses c "
                                "join raw_surveys s using (run_id, row_id)").fetchall())


@pytest.mark.parametrize("header", ["小区", "compound", "所在小区"])
def test_homes_with_one_door_number_in_two_compounds_are_two_households(make_inbox, tmp_path, header):
    counted = _counted(make_inbox, tmp_path, load_policy(DEFAULT_POLICY), header)
    # R1 and R3 are one home (the compound's spaces and 小区 do not count): the later answer stands
    assert counted == {"R2": "新河 7栋1单元101", "R3": "锦绣花园 7栋1单元101", "R4": DOOR}


def test_in_a_grid_of_one_compound_a_door_number_is_one_home_whatever_compound_is_typed(make_inbox, tmp_path):
    """A field trial: 丽景苑 on 问卷星, 丽景苑小区 (or a blank 小区) on the paper sheet, one home
    counted twice. A grid grids.csv lists with one compound is that compound's (one_compound_grids)."""
    policy = load_policy(DEFAULT_POLICY)
    assert policy.one_compound_grids
    assert _counted(make_inbox, tmp_path / "one", policy, compounds="锦绣花园") == {"R3": DOOR}
    # two compounds listed: the compound tells homes apart, as above
    assert _counted(make_inbox, tmp_path / "two", policy, compounds="锦绣花园；新河小区") == {
        "R2": "新河 7栋1单元101", "R3": "锦绣花园 7栋1单元101", "R4": DOOR}
    text = DEFAULT_POLICY.read_text(encoding="utf-8").replace("one_compound_grids = true", "")
    assert len(_counted(make_inbox, tmp_path / "before", policy_from_toml(text), compounds="锦绣花园")) == 3


def test_a_one_compound_grid_answered_by_an_alias_is_a_home_by_door_number_too(make_inbox, tmp_path):
    """A seventeenth trial: a home answered on 问卷星 by a misspelt grid option (an alias in grids.csv),
    naming its compound, and on paper by the grid's name with the compound blank: counted twice."""
    rows = [(survey("R1", "G1", DOOR, ("5",) * 5, "2026-09-10 10:00:00"), ""),
            (survey("R2", "天桥新村1网格", DOOR, ("2",) * 5, "2026-09-11 10:00:00"), "锦绣花园")]
    policy = load_policy(DEFAULT_POLICY)
    assert _counted(make_inbox, tmp_path / "now", policy, compounds="锦绣花园", rows=rows, alias="天桥新村1网格") == {
        "R2": DOOR}
    text = DEFAULT_POLICY.read_text(encoding="utf-8").replace("one_compound_aliases = true", "")
    assert _counted(make_inbox, tmp_path / "before", policy_from_toml(text), compounds="锦绣花园", rows=rows,
                    alias="天桥新村1网格") == {"R1": DOOR, "R2": "锦绣花园 " + DOOR}


def test_a_village_home_written_with_its_grids_one_compound_and_without_is_one_household(make_inbox, tmp_path):
    """An eighteenth trial: 李家村3组17号 and 3组17号 in 金数据's download (no compound question) of a grid
    grids.csv lists with the one compound 李家村 counted twice; the run said to retype a platform's rows."""
    rows = [(survey("R1", "G1", "李家村3组17号", ("5",) * 5, "2026-09-10 10:00:00"), ""),
            (survey("R2", "G1", "3组17号", ("2",) * 5, "2026-09-11 10:00:00"), ""),
            (survey("R3", "G2", "李家村3组17号", ("4",) * 5, "2026-09-11 10:00:00"), "")]   # G2 lists none
    policy = load_policy(DEFAULT_POLICY)
    assert _counted(make_inbox, tmp_path / "now", policy, compounds="李家村", rows=rows) == {
        "R2": "3组17", "R3": "李家村3组17"}
    text = DEFAULT_POLICY.read_text(encoding="utf-8").replace("grid_compound_in_door_number = true", "")
    assert _counted(make_inbox, tmp_path / "before", policy_from_toml(text), compounds="李家村", rows=rows) == {
        "R1": "李家村3组17", "R2": "3组17", "R3": "李家村3组17"}


def test_a_home_written_with_one_of_its_grids_compounds_is_that_compounds_home(make_inbox, tmp_path):
    """A twentieth trial: a grid of 王庄 and 李家村; the online answer 王庄 / 3组9号, the paper form (no 小区
    line) 王庄3组9号 with the compound blank: one home counted twice. The longest compound where two start
    the door number (王庄二期 before 王庄)."""
    rows = [(survey("R1", "G1", "3组9号", ("5",) * 5, "2026-09-10 10:00:00"), "王庄"),
            (survey("R2", "G1", "王庄3组9号", ("2",) * 5, "2026-09-11 10:00:00"), ""),
            (survey("R3", "G1", "王庄二期3组9号", ("4",) * 5, "2026-09-12 10:00:00"), ""),
            (survey("R4", "G2", "王庄3组9号", ("3",) * 5, "2026-09-12 10:00:00"), "")]    # G2 lists none
    policy = load_policy(DEFAULT_POLICY)
    assert _counted(make_inbox, tmp_path / "now", policy, compounds="王庄；李家村；王庄二期", rows=rows) == {
        "R2": "王庄 3组9", "R3": "王庄二期 3组9", "R4": "王庄3组9"}
    text = DEFAULT_POLICY.read_text(encoding="utf-8").replace("listed_compound_in_door_number = true", "")
    assert _counted(make_inbox, tmp_path / "before", policy_from_toml(text), compounds="王庄；李家村；王庄二期",
                    rows=rows) == {"R1": "王庄 3组9", "R2": "王庄3组9", "R3": "王庄二期3组9", "R4": "王庄3组9"}


def test_a_policy_without_compound_suffix_dropped_keeps_the_compound_as_typed(make_inbox, tmp_path):
    """The rule before it: 锦绣花园小区 and 锦绣花园 are two compounds, so R1 and R3 two homes."""
    text = DEFAULT_POLICY.read_text(encoding="utf-8").replace("compound_suffix_dropped = true", "")
    counted = _counted(make_inbox, tmp_path, policy_from_toml(text))
    assert counted == {"R1": "锦绣花园 7栋1单元101", "R2": "新河小区 7栋1单元101", "R3": "锦绣花园小区 7栋1单元101",
                       "R4": DOOR}


def test_a_policy_without_the_key_keeps_one_household_per_door_number(make_inbox, tmp_path):
    text = DEFAULT_POLICY.read_text(encoding="utf-8").replace("household_compound = true", "")
    counted = _counted(make_inbox, tmp_path, policy_from_toml(text))
    assert counted == {"R3": DOOR}


def test_the_run_names_answers_with_no_compound_or_one_grids_csv_does_not_list(make_inbox, tmp_path):
    from gridpay.ingest.grid_compounds import mixed_compounds
    inbox = make_inbox({})
    write_csv(inbox / "grids.csv", ("grid_id", "grid_name", "community", "households", "compounds"),
              [("G1", "一网格", "社区", "20", "锦绣花园；新河小区"), ("G2", "二网格", "社区", "10", "")])
    typo = survey("R5", "G1", "8栋1单元101", ("4",) * 5)
    write_csv(inbox / "surveys" / "2026-09.csv", SURVEY_HEADER + ("小区",),
              [row + (c,) for row, c in ROWS] + [typo + ("A.锦秀花园",)])
    scored_below_the_cli(inbox, tmp_path / "work", load_policy(DEFAULT_POLICY))[1].close()
    (grid,) = mixed_compounds(tmp_path / "work", suffix_dropped=True)      # as the shipped policy runs it
    # R4's door is named elsewhere
    assert (grid.grid_id, grid.unnamed, grid.named, grid.repeated_doors) == ("G1", 1, 4, 1)
    assert grid.unlisted == (("锦秀花园", 1),)            # the option's letter gone, the typo kept
    assert "'锦秀花园' on 1 row" in grid.lines()[1]


def test_a_grid_of_one_compound_whose_answers_name_another_is_named(make_inbox, tmp_path):
    """A twentieth trial's grid listed 金桥花园 alone; its answers named 金桥花园一期 and 二期, and one
    door number in both was read as one home (W01 1656.20 for 1718.30), without a word."""
    from gridpay.ingest.grid_compounds import mixed_compounds
    rows = [(survey("R1", "G1", DOOR, ("5",) * 5, "2026-09-10 10:00:00"), "金桥花园一期"),
            (survey("R2", "G1", DOOR, ("1",) * 5, "2026-09-11 10:00:00"), "金桥花园二期"),
            (survey("R3", "G1", "1栋1单元101", ("4",) * 5), "金桥花园小区"),       # the listed one, as typed
            (survey("R4", "G1", "2栋1单元101", ("4",) * 5), "")]
    _counted(make_inbox, tmp_path, load_policy(DEFAULT_POLICY), compounds="金桥花园", rows=rows)
    (grid,) = mixed_compounds(tmp_path / "work", suffix_dropped=True)
    assert (grid.grid_id, grid.unnamed, grid.unlisted) == ("G1", 0, (("金桥花园一期", 1), ("金桥花园二期", 1)))
    assert grid.lines() == [
        "天桥新村一网格 (G1): answers name compounds grids.csv does not list for it ('金桥花园一期' on 1 row, "
        "'金桥花园二期' on 1 row); as grids.csv lists 金桥花园 alone for it, they are read as 金桥花园's homes, "
        "by door number alone, so one door number in two of them counts as one home: if the grid spans them (a "
        "village, a 二期), list each in grids.csv's compounds column and run again"]


def test_a_channel_typed_in_words_reads_as_the_policys_table_says():
    from gridpay.ingest.survey_values import channel_name
    words = load_policy(DEFAULT_POLICY).channel_words
    assert [channel_name(t, words) for t in ("纸质", " 微信 ", "入户", "WeChat", "飞鸽")] == [
        "paper", "wechat", "visit", "wechat", "飞鸽"]                # an unnamed word is judged as typed
    assert channel_name("纸质", {}) == "纸质"                          # a policy without the table


def test_answers_to_a_grid_naming_another_grids_compound_are_named_once(make_inbox, tmp_path):
    from gridpay.ingest.grid_compounds import mixed_compounds, other_grids_compounds
    inbox = make_inbox({})
    write_csv(inbox / "grids.csv", ("grid_id", "grid_name", "community", "households", "compounds"),
              [("G1", "一网格", "社区", "20", "锦绣花园；新河小区"), ("G2", "二网格", "社区", "10", "柏树湾小区")])
    rows = [survey(f"B{i}", "G1", f"{i}栋1单元101", ("4",) * 5) + ("柏树湾",) for i in range(2)]
    write_csv(inbox / "surveys" / "2026-09.csv", SURVEY_HEADER + ("小区",), [r + (c,) for r, c in ROWS] + rows)
    scored_below_the_cli(inbox, tmp_path / "work", load_policy(DEFAULT_POLICY))[1].close()
    (pair,) = other_grids_compounds(tmp_path / "work", suffix_dropped=True)
    assert (pair.grid_id, pair.compound, pair.rows, pair.owners) == ("G1", "柏树湾", 2, ("二网格 (G2)",))
    (grid,) = mixed_compounds(tmp_path / "work", suffix_dropped=True)
    assert grid.unlisted == ()                  # said once, as another grid's compound, not as an unlisted one
    # one of them taken out by an upheld appeal (非本网格): no longer said of it (trial 89's scorecard still did)
    import pandas as pd
    pd.DataFrame({"response_id": ["B0"], "decision": ["upheld"], "month": ["2026-09"]}).to_parquet(
        tmp_path / "work" / "appeals.parquet")
    (pair,) = other_grids_compounds(tmp_path / "work", suffix_dropped=True, month="2026-09")
    assert pair.rows == 1


def test_a_door_number_typed_with_its_compound_before_it_is_the_door_number(make_inbox, tmp_path):
    """A thirteenth trial's home answered as 3栋201 and as 桂花苑3栋201, both in 桂花苑: counted twice."""
    from gridpay.ingest.survey_files import survey_reading
    from gridpay.ingest.compound_doors import door_after_compound
    reading = survey_reading(load_policy(DEFAULT_POLICY))
    assert door_after_compound("桂花苑小区 7-1-101", "桂花苑", reading) == DOOR         # suffix, dashes: the rules
    assert door_after_compound("丹桂园7栋1单元101", "桂花苑", reading) is None           # another compound's name
    assert door_after_compound("桂花苑", "桂花苑", reading) is None                      # nothing after it
    inbox = make_inbox({})
    write_csv(inbox / "grids.csv", ("grid_id", "grid_name", "community", "households", "compounds"),
              [("G1", "一网格", "社区", "20", "桂花苑；丹桂园"), ("G2", "二网格", "社区", "10", "")])
    rows = [(survey("R1", "G1", DOOR, ("1",) * 5, "2026-09-10 10:00:00"), "桂花苑"),
            (survey("R2", "G1", f"桂花苑{DOOR}", ("5",) * 5, "2026-09-20 10:00:00"), "桂花苑"),
            (survey("R3", "G1", f"桂花苑{DOOR}", ("4",) * 5, "2026-09-21 10:00:00"), "丹桂园")]    # says 丹桂园
    write_csv(inbox / "surveys" / "2026-09.csv", SURVEY_HEADER + ("小区",), [r + (c,) for r, c in rows])
    _, con = scored_below_the_cli(inbox, tmp_path / "work", load_policy(DEFAULT_POLICY))
    with con:
        counted = dict(con.execute("select s.response_id, s.household_id from counted_responses c "
                                   "join raw_surveys s using (run_id, row_id)").fetchall())
    assert counted == {"R2": f"桂花苑 {DOOR}", "R3": f"丹桂园 桂花苑{DOOR}"}      # R1 is R2's home's older answer
    text = DEFAULT_POLICY.read_text(encoding="utf-8").replace("\ncompound_in_door_number = true", "\n")
    assert not survey_reading(policy_from_toml(text)).compound_in_door            # without the key: as typed


def test_one_home_answering_for_two_grids_is_named(make_inbox, tmp_path):
    """A twenty-first trial: 枫林苑, listed for two grids; a home's answers in both counted in both, no word."""
    from gridpay.ingest.shared_homes import homes_in_two_grids
    inbox = make_inbox({})
    write_csv(inbox / "grids.csv", ("grid_id", "grid_name", "community", "households", "compounds"),
              [("G1", "一网格", "社区", "20", "锦绣花园"), ("G2", "二网格", "社区", "10", "锦绣花园；新河")])
    rows = [(survey("R1", "G1", DOOR, ("5",) * 5), ""),              # G1's one compound: 锦绣花园
            (survey("R2", "G2", DOOR, ("2",) * 5), "锦绣花园小区"),
            (survey("R3", "G2", DOOR, ("3",) * 5), "新河"),             # another compound's home
            (survey("R4", "G2", "8栋1单元101", ("3",) * 5), ""),        # no compound: not one home for sure
            (survey("R5", "第一网格", DOOR, ("3",) * 5), "锦绣花园")]     # no grid of grids.csv: counts nowhere
    write_csv(inbox / "surveys" / "2026-09.csv", SURVEY_HEADER + ("小区",), [row + (c,) for row, c in rows])
    scored_below_the_cli(inbox, tmp_path / "work", load_policy(DEFAULT_POLICY))[1].close()
    (home,) = homes_in_two_grids(tmp_path / "work", suffix_dropped=True)
    assert (home.home, home.answers) == (f"锦绣花园 {DOOR}", (("G1", "一网格", "R1"), ("G2", "二网格", "R2")))
    assert "answered for 2 grids (一网格 (G1): answer R1; 二网格 (G2): answer R2)" in home.line()
    assert "appeal upheld in its 公示 window (wrong_grid" in home.line()


def test_compounds_named_by_option_number_are_said_to_be_a_codes_export():
    """A thirty-first trial's 问卷星 按序号 export gave the compound question as 1-4: the run told HR to add
    the numbers to grids.csv as compounds."""
    from gridpay.ingest.grid_compounds import MixedCompounds
    grid = MixedCompounds("G1", "一网格", ("锦绣花园", "新河"), 0, 0, 5, (("1", 3), ("2", 2)))
    (line,) = grid.lines()
    assert "answers name the compound by a number ('1' on 3 rows, '2' on 2 rows): a codes export (按序号)" in line
    assert line.endswith("download the text export (按文本) instead") and "list each in grids.csv" not in line


@pytest.mark.parametrize("listed", ["刘家湾村", "刘家湾村=刘家湾"])
def test_a_door_number_typed_after_the_listed_name_of_a_compound_typed_shorter_is_the_door_after_it(
        make_inbox, tmp_path, listed):
    """A fifty-first trial's 刘家湾村4组13号, answered in 刘家湾 (the grid lists 刘家湾村), was read as 村4组13,
    and the home's 4组13号 of the next month counted again in its grid's pooled window."""
    rows = [(survey("R1", "G1", "刘家湾村4组13号", ("2",) * 5, "2026-09-10 10:00:00"), "刘家湾"),
            (survey("R2", "G1", "4组13号", ("4",) * 5, "2026-09-20 10:00:00"), "")]
    policy = load_policy(DEFAULT_POLICY)
    assert _counted(make_inbox, tmp_path, policy, compounds=listed, rows=rows) == {"R2": "4组13"}
    text = DEFAULT_POLICY.read_text(encoding="utf-8").replace("\ndoor_after_listed_name = true", "\n")
    before = _counted(make_inbox, tmp_path / "before", policy_from_toml(text), compounds=listed, rows=rows)
    assert before == {"R1": "村4组13", "R2": "4组13"}


def test_two_answers_naming_no_compound_are_told_how_both_count_if_two_homes():
    """Trial 153's 2-1-201 answered twice, naming no compound, by two work-unit compounds' homes: one was set aside as
    the older, and the line's only advice was to set the older aside."""
    from gridpay.ingest.grid_compounds import MixedCompounds
    grid = MixedCompounds("G1", "一网格", ("电力局宿舍", "二中家属院"), 2, 8, 40,
                          shown=(("2栋1单元201", (("19", None), ("22", None))), ("3栋2单元301", (("69", None), ("P1", "二中家属院")))))
    (line,) = grid.lines()
    assert line.endswith("where answers naming none are two homes ('2栋1单元201'), the older was set aside as the same "
                         "household (quarantine.csv, duplicate_household): type it into the sheet HR types with its "
                         "compound, dated when it was given, under an id of its own, and run again")
