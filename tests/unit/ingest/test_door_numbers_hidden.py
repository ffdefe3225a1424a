"""A phone or an ID card typed as the door (output format 22): trial 157 found 13912340001 and 340702198001011234 in
clear in the warehouse's raw_surveys. Masked and told apart by the run's key, one household per number."""
from conftest import SURVEY_HEADER, survey, write_csv
from gridpay.core.policy_file import load_policy
from gridpay.core.settings import DEFAULT_POLICY
from gridpay.ingest.staging import stage_inputs
from gridpay.ingest.survey_stage import stage_connection
from gridpay.transforms.typed_numbers import hidden_numbers

DOORS = ("13912340001", "手机13912340001", "13912340002", "340702198001011234", "7栋1单元101")


def _households(make_inbox, tmp_path, hidden: bool) -> list[str]:
    inbox = make_inbox({})
    write_csv(inbox / "surveys" / "2026-09.csv", SURVEY_HEADER,
              [survey(f"R{i}", "G1", door, ("4",) * 5) for i, door in enumerate(DOORS)])
    work = tmp_path / ("hidden" if hidden else "clear")
    stage_inputs(inbox, "2026-09", load_policy(DEFAULT_POLICY), b"k", work, hidden_doors=hidden)
    with stage_connection(work) as con:
        return [h for (h,) in con.execute("select household_id from surveys order by row_id").fetchall()]


def test_a_phone_or_an_id_typed_as_the_door_is_masked_and_told_apart(make_inbox, tmp_path):
    doors = _households(make_inbox, tmp_path, hidden=True)
    assert doors[0] == hidden_numbers("13912340001", b"k") and doors[0].startswith("139****0001#")
    assert doors[1] == "手机" + doors[0] and doors[2] != doors[0]         # one number, one household; two, two
    assert doors[3].startswith("340702********1234#") and doors[4] == "7栋1单元101"
    assert not any("12340001" in d or "19800101" in d for d in doors)
    assert _households(make_inbox, tmp_path, hidden=False)[0] == "13912340001"     # a month of an older format


def test_from_format_23_a_phone_written_any_way_and_a_landline_are_hidden_as_one_number(make_inbox, tmp_path):
    """Trial 162: `+86 139-1234-5678` stayed in clear in raw_surveys and counted as a second home beside
    13912345678 (W2 paid 1829.60 for 1821.00, exit 0); a landline typed as the door, 0556-5512345, in clear too."""
    inbox = make_inbox({})
    doors = ("13912340001", "+86 139-1234-0001", "139 1234 0001", "0556-5512345", "(0556)5512345", "7栋1单元101")
    write_csv(inbox / "surveys" / "2026-09.csv", SURVEY_HEADER,
              [survey(f"R{i}", "G1", door, ("4",) * 5) for i, door in enumerate(doors)])
    stage_inputs(inbox, "2026-09", load_policy(DEFAULT_POLICY), b"k", tmp_path / "w", hidden_doors=23)
    with stage_connection(tmp_path / "w") as con:
        got = [h for (h,) in con.execute("select household_id from surveys order by row_id").fetchall()]
    assert got[0] == got[1] == got[2] == hidden_numbers("13912340001", b"k")      # one number, one household
    assert got[3] == got[4] and got[3].startswith("0556-****2345#") and got[5] == "7栋1单元101"
    assert not any("12340001" in d or "5512345" in d for d in got)


def test_from_format_30_a_phone_typed_after_the_door_is_hidden_where_the_door_reads_it_glued(make_inbox, tmp_path):
    """Trial 259: 2栋1单元301 13812345608, the space taken out by the door's reading, reached the warehouse, callbacks.csv
    and the scorecard in clear."""
    inbox = make_inbox({})
    doors = ("2栋1单元301 13812345608", "3栋2单元402 138 1234 5650", "7栋1单元101", "3栋1单元102 0592-5551235")
    write_csv(inbox / "surveys" / "2026-09.csv", SURVEY_HEADER,
              [survey(f"R{i}", "G1", door, ("4",) * 5) for i, door in enumerate(doors)])
    for level, hidden in ((29, False), (30, True)):
        stage_inputs(inbox, "2026-09", load_policy(DEFAULT_POLICY), b"k", tmp_path / f"w{level}", hidden_doors=level)
        with stage_connection(tmp_path / f"w{level}") as con:
            got = [h for (h,) in con.execute("select household_id from surveys order by row_id").fetchall()]
        assert (not any(n in d for d in got for n in ("12345608", "12345650", "5551235"))) is hidden, got   # 29: as read
        assert got[2] == "7栋1单元101"
