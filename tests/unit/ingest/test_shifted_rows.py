"""A typed sheet's name cell holding an answer: the row's cells are a column to the left of their headers (trial 174's
WeChat group relay split by spaces, a line without a name: each item read from the next one's answer, exit 0)."""
import pytest

from conftest import HAND_SURVEYS, SURVEY_HEADER, policy_text
from downloads import write_xlsx
from gridpay.core.errors import InputError
from gridpay.ingest.formats import Source
from gridpay.ingest.survey_files import read_survey_file, survey_reading
from gridpay.transforms.policy import policy_from_toml


def _read(tmp_path, names: list[str], **keys):
    header = [*SURVEY_HEADER[:3], "姓名", *SURVEY_HEADER[3:]]
    rows = [[*row[:3], name, *row[3:]] for row, name in zip(HAND_SURVEYS, names)]
    path = write_xlsx(tmp_path / "接龙整理.xlsx", header, rows)
    return read_survey_file(Source(path.name, path), "2026-09", survey_reading(policy_from_toml(policy_text(**keys))),
                            ["G1", "G2"])


NAMES = ["张伯", "邓叔", "宋 阿姨", "王阿姨", "许姐", "黄阿姨", "马叔", "老马"]


def test_a_name_cell_holding_an_answer_stops_naming_the_row(tmp_path):
    with pytest.raises(InputError) as stop:
        _read(tmp_path, NAMES[:2] + ["非常满意"] + NAMES[3:])
    assert stop.value.row == 4 and stop.value.column == "姓名"
    assert ("name '非常满意' is an answer, not a name: the row's cells are a column to the left of their headers "
            "(a name left out when a line was split into columns?)") in str(stop.value)
    assert len(_read(tmp_path, NAMES).frame) == len(HAND_SURVEYS)           # names: read
    shifted = NAMES[:2] + ["满意"] + NAMES[3:]
    assert len(_read(tmp_path, shifted, survey__sheet_scales='"as_typed"').frame) == len(HAND_SURVEYS)   # as before
