"""A survey file read by DuckDB (the fast path) and the same file read by pandas (the path for
files DuckDB cannot read as pandas would) stage the same rows: same hashes, masks and answers."""
import duckdb
import pytest

from conftest import SURVEY_HEADER, survey, write_csv
from gridpay.ingest.survey_files import SurveyReading
from gridpay.ingest.survey_stage import STAGE_DB, held_stage, stage_surveys, staged_counts
from gridpay.transforms.privacy import phone_hash

ITEMS = ("sat_environment", "sat_safety", "sat_service", "sat_responsiveness", "sat_overall")
KEY = b"stage-paths-key"
ROWS = [
    survey("S1", "G1", "H1", ("5", "４", " 3 ", "满意", "5.0"), "2026-09-10 10:00:00", "+86 139-1234-5678"),
    survey("S2", "G1", "H2", ("非常满意", "", "2", "9", "x"), "2026/09/11 08:30", "0086 13912345678"),
    survey("S3", "G2", "H3", ("1", "2", "3", "4", "5"), "2026年9月12日 09:00", "１３９１２３４５６７０",
           channel=" WeChat ", duration="12s", comment="电话13912345678，3栋2单元501室"),
    survey("S4", "G2", "H4", ("3", "3", "3", "3", "3"), "46280.5", "", duration="  90 ", comment="好"),
    survey("S5", "G2", "H5", ("3", "3", "3", "3", "3"), "not a date", "13800000001\u3000"),
    survey("S6", " \u3000", "  ", (" ", "", "", "", "4"), " 2026-09-13 09:00:00 ", "", channel=" ", duration=" "),
]


def _staged(folder, csv_text_suffix: str):
    path = write_csv(folder / "2026-09.csv", SURVEY_HEADER, ROWS)
    path.write_bytes(path.read_bytes() + csv_text_suffix.encode())
    stage_surveys([path], SurveyReading({}, ITEMS), KEY, folder / "work")
    with duckdb.connect(str(folder / "work" / STAGE_DB), read_only=True) as con:
        return con.execute("select * from surveys order by row_id").fetchall()


def test_duckdb_and_pandas_paths_stage_the_same_rows(tmp_path):
    fast = _staged(tmp_path / "fast", "")
    slow = _staged(tmp_path / "slow", "\n\n")          # a blank line sends the file down the pandas path
    assert fast == slow
    assert len(fast) == len(ROWS)
    by_id = {row[3]: row for row in fast}
    assert by_id["S1"][6] == by_id["S2"][6] is not None                     # +86 and 0086 prefixes fold away
    assert by_id["S1"][6] == phone_hash("13912345678", KEY)                 # the SQL HMAC is the Python one
    assert by_id["S3"][6] == phone_hash("13912345670", KEY)                 # full-width digits fold to ASCII
    assert "13912345678" not in str(fast) and "139****5678" in by_id["S3"][11]
    assert by_id["S1"][12:] == ("5", "4", "3", "4", "5", None)           # the items; no compound
    assert by_id["S3"][9] == "wechat" and by_id["S4"][10] == "90" and by_id["S3"][10] == "12s"
    assert by_id["S5"][8] is None and by_id["S2"][8] is not None
    # cells of spaces are blank, whichever column: the DuckDB reader leaves the mapped ones untrimmed
    assert by_id["S6"][4:6] == (None, None) and by_id["S6"][9:13] == (None, None, None, None)
    assert by_id["S6"][7] == "2026-09-13 09:00:00" and by_id["S6"][8] is not None


def test_a_file_name_with_a_quote_is_read_by_duckdb_and_named_as_it_is(tmp_path, monkeypatch):
    import gridpay.ingest.survey_stage as survey_stage
    monkeypatch.setattr(survey_stage, "_load_frame", lambda *a: pytest.fail("took the sheet reader"))
    path = write_csv(tmp_path / "2026-09 o'brien.csv", SURVEY_HEADER, ROWS)
    assert stage_surveys([path], SurveyReading({}, ITEMS), KEY, tmp_path / "work") == len(ROWS)
    with duckdb.connect(str(tmp_path / "work" / STAGE_DB), read_only=True) as con:
        assert con.execute("select distinct source_file from surveys").fetchall() == [("2026-09 o'brien.csv",)]


def test_a_month_that_spills_to_disk_is_staged_and_counted_on_the_instance_a_run_holds(tmp_path, monkeypatch):
    """Under a small memory cap the stage's temp tables spill to the work folder; the next connection
    to the held instance must not try to move that spill folder (DuckDB refuses once it is used:
    a city's 10M-row month failed there)."""
    monkeypatch.setenv("GRIDPAY_DUCKDB_MEMORY", "24MB")
    rows = [survey(f"S{i}", f"G{i % 50}", f"H{i}-{i * 7919 % 10007}", ("5", "4", "3", "2", "1"),
                   f"2026-09-{1 + i % 28:02d} 10:{i % 60:02d}:00", f"139{i:08d}", comment=f"第{i}条意见，" * 3)
            for i in range(60_000)]
    path = write_csv(tmp_path / "2026-09.csv", SURVEY_HEADER, rows)
    work = tmp_path / "work"
    work.mkdir()
    with held_stage(work):
        assert stage_surveys([path], SurveyReading({}, ITEMS), KEY, work) == 60_000
        assert staged_counts(work) == (60_000, {})


EXCEL_PHONES = [survey("P1", "G1", "H1", ("5",) * 5, phone="1.39123E+10"),            # Excel's scientific notation
                survey("P2", "G1", "H2", ("5",) * 5, phone="13912345678.0"),          # a number cell saved as float
                survey("P3", "G1", "H3", ("5",) * 5, phone="１.３９１２３Ｅ＋１０"),   # full-width: Python's part
                survey("P4", "G1", "H4", ("5",) * 5, phone="13912345678")]


@pytest.mark.parametrize("suffix", ["", "\n\n"], ids=["duckdb", "pandas"])
def test_phones_excel_saved_as_numbers_are_unknown_and_counted_on_both_paths(tmp_path, suffix):
    from gridpay.ingest.phones import stored_unreadable_phones
    path = write_csv(tmp_path / "2026-09.csv", SURVEY_HEADER, EXCEL_PHONES)
    path.write_bytes(path.read_bytes() + suffix.encode())
    stage_surveys([path], SurveyReading({}, ITEMS), KEY, tmp_path / "work")
    with duckdb.connect(str(tmp_path / "work" / STAGE_DB), read_only=True) as con:
        hashes = dict(con.execute("select response_id, respondent_phone_hash from surveys").fetchall())
        unreadable = stored_unreadable_phones(con)
    assert hashes == {"P1": None, "P2": None, "P3": None, "P4": phone_hash("13912345678", KEY)}
    assert unreadable == 3


def test_phones_excel_rounded_are_unknown_where_a_sheet_has_two_or_more(tmp_path, caplog):
    """Trial 147: a column of phones kept as the digits Excel showed (1.59556E+10 -> 15955600000) hashed as numbers no
    worker has, W03's own rating counted, nothing said (policy 2027.17: survey.rounded_phones_unread)."""
    from gridpay.ingest.phones import stored_unreadable_phones
    rows = [survey("P1", "G1", "H1", ("5",) * 5, phone="15955600000"),
            survey("P2", "G1", "H2", ("5",) * 5, phone="13812300000"),
            survey("P3", "G1", "H3", ("5",) * 5, phone="13912345678")]

    def staged(name: str, rows: list, rounded: bool) -> tuple[dict, int]:
        path = write_csv(tmp_path / name / "2026-09.csv", SURVEY_HEADER, rows)
        path.write_bytes(path.read_bytes() + b"\n\n")          # the sheet reader's path, as an Excel file's
        stage_surveys([path], SurveyReading({}, ITEMS, rounded_phones_unread=rounded), KEY, tmp_path / name / "work")
        with duckdb.connect(str(tmp_path / name / "work" / STAGE_DB), read_only=True) as con:
            return (dict(con.execute("select response_id, respondent_phone_hash from surveys").fetchall()),
                    stored_unreadable_phones(con))
    assert staged("two", rows, True) == ({"P1": None, "P2": None, "P3": phone_hash("13912345678", KEY)}, 2)
    # one such number may be a real one or a placeholder: read as typed; and before the rule, all as typed
    assert staged("one", rows[1:], True) == ({"P2": phone_hash("13812300000", KEY),
                                              "P3": phone_hash("13912345678", KEY)}, 0)
    assert staged("before", rows, False)[1] == 0
    # ... but one ending in six zeros (1.52E+10 typed back) is: trial 306's, a worker's own, counted (2027.36)
    lone = [survey("P1", "G1", "H1", ("5",) * 5, phone="15200000000"), rows[2]]
    path = write_csv(tmp_path / "lone" / "2026-09.csv", SURVEY_HEADER, lone)
    path.write_bytes(path.read_bytes() + b"\n\n")
    stage_surveys([path], SurveyReading({}, ITEMS, rounded_phones_unread=True, lone_rounded_phones=True), KEY,
                  tmp_path / "lone" / "work")
    with duckdb.connect(str(tmp_path / "lone" / "work" / STAGE_DB), read_only=True) as con:
        assert stored_unreadable_phones(con) == 1
    assert "2026-09.csv: 2 phones end in 00000 (rows 2, 3): Excel kept only the digits it showed" in caplog.text
