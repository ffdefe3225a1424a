"""A download's compound question worded otherwise than survey.questions.compound (trial 232's 您住在哪个小区？): its
column was not used, no home's compound read, and a split grid's answers were no longer told apart, exit 0."""
from dataclasses import replace

import pytest

from conftest import survey
from downloads import HEADER, wjx_rows, write_xlsx
from gridpay.core.errors import InputError
from gridpay.core.policy_file import load_policy
from gridpay.core.settings import DEFAULT_POLICY
from gridpay.ingest.formats import Source
from gridpay.ingest.survey_files import read_survey_file, survey_reading

ROWS = [survey(f"R{i}", "G1", f"{i}栋1单元101", ("4",) * 5) for i in range(1, 6)]
LISTED = ("锦绣花园", "新河小区", "井湖村")


def _read(tmp_path, question: str, compounds: list[str], **changes):
    path = write_xlsx(tmp_path / "2026-09.xlsx", [*HEADER, question], [r + [c] for r, c in zip(wjx_rows(ROWS), compounds)])
    reading = replace(survey_reading(load_policy(DEFAULT_POLICY)), listed_compounds=LISTED, **changes)
    return read_survey_file(Source("surveys/2026-09.xlsx", path), "2026-09", reading, ["G1", "G2"])


def test_a_compound_question_worded_otherwise_stops_naming_the_column_and_the_key(tmp_path):
    with pytest.raises(InputError) as stop:
        _read(tmp_path, "12、您住在哪个小区？", ["锦绣花园", "A.新河小区", "(空)", "锦绣花园小区", "别处"])
    assert stop.value.column == "12、您住在哪个小区？"
    assert ("the column '12、您住在哪个小区？' names compounds grids.csv lists (锦绣花园, A.新河小区, 锦绣花园小区) on 3 of its 4 answers, "
            "but no column is read as the compound (小区)") in str(stop.value)
    assert "set the policy's survey.questions.compound to a text this header holds and no other" in str(stop.value)


def test_the_question_the_policy_names_a_column_of_other_answers_and_an_older_policy_read_as_before(tmp_path):
    read = _read(tmp_path, "12、您所在的小区", ["锦绣花园", "新河小区", "锦绣花园", "井湖村", "井湖村"])
    assert list(read.frame["compound"]) == ["锦绣花园", "新河小区", "锦绣花园", "井湖村", "井湖村"]
    # fewer than half its answers a listed compound: a question of its own (where residents shop, say)
    assert _read(tmp_path, "12、您常去的超市", ["锦绣花园", "新河小区", "华联", "永辉", "(空)"]) is not None
    assert _read(tmp_path, "12、您住在哪个小区？", ["锦绣花园"] * 5, unread_compounds_refused=False) is not None
