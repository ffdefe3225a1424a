"""Reasons are data (transforms/reasons.py): a rule's code never depends on its words, the SQL and
Python renderings agree, and a warehouse written before codes were stored gets, once, the codes the
old text parser (kept here as the oracle) gave its texts."""
import re
from datetime import date

import duckdb
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT, scored_below_the_cli, survey
from gridpay.core.policy_file import load_policy
from gridpay.core.settings import DEFAULT_POLICY
from gridpay.expectations.surveys import surveys_suite
from gridpay.transforms import reasons
from gridpay.transforms.reasons import EXCLUSIONS, RULES, exclusion_text, register_reasons, rule_reason

MIGRATION = ROOT / "store" / "migrations" / "0010_reason_codes.sql"
ITEMS = ("sat_environment", "sat_safety", "sat_service", "sat_responsiveness", "sat_overall")

# The oracle: how gridpay read codes out of published texts up to 3c1880e (transforms/reason_codes.py).
_VALUE = r"(?: '.*')?"
_ORACLE = tuple((re.compile(p), code) for p, code in (
    (rf"^response_id{_VALUE} is used more than once in the month$", "repeated_response_id"),
    (rf"^grid_id{_VALUE} is not in grids\.csv$", "unknown_grid"),
    (rf"^submitted_at{_VALUE} is blank or not a date-time$", "bad_time"),
    (rf"^submitted_at{_VALUE} is outside the month$", "outside_month"),
    (rf"^channel{_VALUE} is not one of .*$", "unknown_channel"),
    (rf"^duration_s{_VALUE} is not a whole number$", "bad_duration"),
    (rf"^duration_s{_VALUE} is over \d+ seconds$", "long_duration"),
    (rf"^(?P<column>\w+){_VALUE} is not \d+-\d+ or blank$", "answer_out_of_scale"),
    (r"^(?P<column>\w+) is blank$", "blank"),
))


def oracle_rule_code(reason: str) -> str:
    for pattern, code in _ORACLE:
        match = pattern.match(reason)
        if match:
            column = match.groupdict().get("column")
            return f"{code}:{column}" if column else code
    return "invalid"


def oracle_reason_code(reason: str) -> str:
    if reason.startswith("excluded: "):
        return reason.removeprefix("excluded: ").split(" ", 1)[0]
    codes: list[str] = []
    for part in reason.removeprefix("invalid: ").split("; "):
        if oracle_rule_code(part) not in codes:
            codes.append(oracle_rule_code(part))
    return ";".join(codes)


# codes added after migration 0010: no month published before it holds their texts, so the old
# parser (the oracle) never had to read them
SINCE_MIGRATION = {"ambiguous_date", "door_as_date", "door_unknown"}


def _every_rule(before_migration: bool = False):
    params = {"channels": "wechat, paper", "seconds": 86400, "low": "1", "high": "5"}
    return [rule_reason(code, "sat_overall" if shows is None else None, **params) for code, (shows, _) in RULES.items()
            if not (before_migration and code in SINCE_MIGRATION)]


values = st.none() | st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00';"), max_size=12)


@settings(max_examples=60, deadline=None)
@given(values)
def test_a_rules_text_reads_back_as_its_code_and_sql_renders_it_as_python_does(value):
    with duckdb.connect() as con:
        for reason in _every_rule():
            value = None if reason.code == "blank" else value      # a blank cell has no value to show
            assert reason.code in SINCE_MIGRATION or oracle_rule_code(reason.text(value)) == reason.label
            assert con.execute(f"select {reason.text_sql('?')}", [value]).fetchone()[0] == reason.text(value)


@settings(max_examples=40, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1, max_size=12))
def test_the_exclusion_macro_renders_each_text_as_python_does(value):
    with duckdb.connect() as con:
        register_reasons(con)
        for code, variant in EXCLUSIONS:
            sql = con.execute("select exclusion_reason(?, ?, ?)", [code, variant, value]).fetchone()[0]
            assert sql == exclusion_text(code, variant, value)
            assert oracle_reason_code(sql) == code


def test_rewording_a_rule_keeps_its_code_in_the_suite_and_the_stored_rows(monkeypatch, make_inbox, tmp_path):
    monkeypatch.setitem(RULES, "unknown_channel", ("channel", "is none of the policy's channels ({channels})"))
    monkeypatch.setitem(EXCLUSIONS, ("no_items", ""), "left every question blank")
    suite = surveys_suite(ITEMS, "grids", ("wechat",), date(2026, 9, 1), date(2026, 9, 30), range(1, 6))
    assert [e.meta["code"] for e in suite.expectations].count("unknown_channel") == 1
    rows = [survey("R1", "G1", "H1", ("5",) * 5, channel="fax"),
            survey("R2", "G1", "H2", ("", "", "", "", "")),
            survey("R3", "G1", "H3", ("4", "9", "4", "4", "4")),
            survey("R4", "G2", "H4", ("4",) * 5)]
    _, con = scored_below_the_cli(make_inbox({"2026-09.csv": rows}), tmp_path / "work", load_policy(DEFAULT_POLICY))
    with con:
        stored = con.execute("select response_id, reason, reason_code from quarantine order by all").fetchall()
    assert stored == [
        ("R1", "invalid: channel 'fax' is none of the policy's channels (wechat, paper, phone, visit, online, other)",
         "unknown_channel"),
        ("R2", "excluded: no_items (left every question blank)", "no_items"),
        ("R3", "invalid: sat_safety '9' is not 1-5 or blank", "answer_out_of_scale:sat_safety")]


def test_the_migration_gives_rows_stored_before_it_the_codes_the_old_parser_gave(tmp_path):
    texts = ["invalid: sat_overall '很好吧' is not 1-5 or blank; channel 'fax' is not one of wechat, paper; "
             "sat_safety '7' is not 1-5 or blank", "invalid: household_id is blank",
             "invalid: submitted_at '2026-13-01' is blank or not a date-time; duration_s 'x' is not a whole number",
             "invalid: response_id 'R1' is used more than once in the month; grid_id 'Z' is not in grids.csv",
             "invalid: duration_s '99999' is over 86400 seconds; submitted_at '2026-08-31 23:00' is outside the month",
             "invalid: somebody's rule no longer known; household_id is blank; household_id is blank",
             *(exclusion_text(code, variant, "A1, other") for code, variant in EXCLUSIONS)]
    with duckdb.connect(str(tmp_path / "old.duckdb")) as con:
        con.execute("create table quarantine (run_id varchar, reason varchar)")
        con.execute("create table raw_surveys (run_id varchar, invalid_reason varchar)")
        con.execute("create table validation_rules (run_id varchar, table_name varchar, reason varchar)")
        con.executemany("insert into quarantine values ('r', ?)", [[t] for t in texts])
        con.executemany("insert into raw_surveys values ('r', ?)", [[t] for t in texts if t.startswith("invalid")])
        con.executemany("insert into validation_rules values ('r', 'surveys', ?)", [[r.text()] for r in _every_rule(before_migration=True)])
        con.execute(MIGRATION.read_text(encoding="utf-8"))
        quarantine = con.execute("select reason, reason_code from quarantine").fetchall()
        raw = con.execute("select invalid_reason, invalid_code from raw_surveys").fetchall()
        rules = con.execute("select reason, code from validation_rules").fetchall()
    assert quarantine and all(code == oracle_reason_code(text) for text, code in quarantine + raw)
    assert [code for _, code in rules] == [r.label for r in _every_rule(before_migration=True)]
    assert quarantine[5][1] == "invalid;blank:household_id"


def test_every_survey_rules_code_is_unique_in_its_suite():
    suite = surveys_suite(ITEMS, "grids", ("wechat",), date(2026, 9, 1), date(2026, 9, 30), range(1, 6), 86400)
    labels = [reasons.RuleReason(e.meta["code"], e.meta["shows"], e.meta["predicate"]).label for e in suite.expectations]
    assert len(labels) == len(set(labels)) == len(suite.expectations)
    assert reasons.INVALID_PREFIX == "invalid: "
