"""Homes answering for two grids are said one by one while they are few; many at once read as a file's doing
(a ninety-first trial's other community's download under this one's name printed 26 such homes before its stop,
each advising an appeal)."""
import logging
from types import SimpleNamespace

from conftest import SURVEY_HEADER, scored_below_the_cli, survey, write_csv
from gridpay.core.policy_file import load_policy
from gridpay.core.settings import DEFAULT_POLICY
from gridpay.pipeline.household_doubts import MANY_HOMES, say_household_doubts


def _said(make_inbox, tmp_path, caplog, homes: int) -> list[str]:
    inbox = make_inbox({})
    write_csv(inbox / "grids.csv", ("grid_id", "grid_name", "community", "households", "compounds"),
              [("G1", "一网格", "社区", "20", "锦绣花园"), ("G2", "二网格", "社区", "20", "锦绣花园；新河")])
    rows = [(survey(f"{grid}{n}", grid, f"{n}栋1单元101", ("4",) * 5), "锦绣花园")
            for n in range(1, homes + 1) for grid in ("G1", "G2")]
    write_csv(inbox / "surveys" / "2026-09.csv", SURVEY_HEADER + ("小区",), [row + (c,) for row, c in rows])
    policy = load_policy(DEFAULT_POLICY)
    scored_below_the_cli(inbox, tmp_path / "work", policy)[1].close()
    ctx = SimpleNamespace(workdir=tmp_path / "work", month="2026-09", policy=policy,
                          request=SimpleNamespace(output_format=1), settings=SimpleNamespace(db=tmp_path / "none"))
    with caplog.at_level(logging.WARNING, logger="gridpay"):
        say_household_doubts(ctx)
    return [r.getMessage() for r in caplog.records if "grids" in r.getMessage()]


def test_a_few_homes_in_two_grids_are_each_named_with_the_appeal_to_file(make_inbox, tmp_path, caplog):
    lines = _said(make_inbox, tmp_path, caplog, MANY_HOMES)
    assert len(lines) == MANY_HOMES and all("set the other answer aside with an appeal upheld in its 公示 window" in x for x in lines), lines


def test_many_homes_in_two_grids_point_to_the_files_before_any_appeal(make_inbox, tmp_path, caplog):
    lines = _said(make_inbox, tmp_path, caplog, 8)
    assert len(lines) == MANY_HOMES + 1, lines
    assert lines[-1].startswith("8 homes answered for two grids each (the first 3 above): so many at once is more "
                                "likely one download read for another grid's answers"), lines[-1]
    assert "check the survey files (gridpay inspect) before setting answers aside with appeals" in lines[-1]


def test_a_policy_without_the_streets_rule_is_told_of_it_where_a_named_pair_is_one_house_by_it(make_inbox, tmp_path,
                                                                                                caplog):
    """A ninety-fourth trial's HR, on its own policy copied before 2027.11, was told to retype the paper sheet or
    appeal each repeat of 银杏路12 beside 银杏路12号."""
    from conftest import policy_text
    from gridpay.transforms.policy import policy_from_toml
    inbox = make_inbox({})
    rows = [survey("R1", "G1", "银杏路12号", ("2",) * 5), survey("R2", "G1", "银杏路12", ("2",) * 5, "2026-09-20 10:00:00")]
    write_csv(inbox / "surveys" / "2026-09.csv", SURVEY_HEADER, rows)
    said = {}
    for name, text in (("before", policy_text().replace("\ndoor_number_streets = true\n", "\n")), ("now", policy_text())):
        policy = policy_from_toml(text)
        scored_below_the_cli(inbox, tmp_path / name, policy)[1].close()
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="gridpay"):
            say_household_doubts(SimpleNamespace(workdir=tmp_path / name, month="2026-09", policy=policy,
                                                 request=SimpleNamespace(output_format=1),
                                                 settings=SimpleNamespace(db=tmp_path / "none")))
        said[name] = [r.getMessage() for r in caplog.records if "door_number_streets" in r.getMessage()]
    assert said["now"] == []                                        # one household: no pair, no word
    (line,) = said["before"]
    assert line.startswith("1 of the pairs above is one home by survey.door_number_streets"), line
    assert "add `door_number_streets = true` under its [survey] with a new version" in line
