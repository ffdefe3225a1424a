"""One 问卷星 form per grid (policy [survey.file_grids]): the grid is the form's, and its download asks none. A
hundred-and-fifty-sixth trial's clerk could run no month but by inserting a grid column into each download."""
import pytest

from conftest import HAND_SURVEYS
from gridpay.core.settings import DEFAULT_POLICY
from downloads import HEADER, wjx_rows, write_xlsx
from gridpay.core.errors import InputError
from gridpay.ingest.formats import Source
from gridpay.ingest.survey_files import read_survey_file, survey_reading
from gridpay.ingest.survey_ids import file_id_prefix
from gridpay.ingest.survey_inspect import inspect_lines
from gridpay.transforms.policy import policy_from_toml

GRID = HEADER.index("1、您所在的网格是？")
FORMS = '\n[survey.file_grids]\n"412345673" = "G2"\n"412345671" = "天桥新村一网格"\n'


def _read(path, tables: str = FORMS):
    policy = policy_from_toml(DEFAULT_POLICY.read_text(encoding="utf-8") + tables)
    return read_survey_file(Source(f"surveys/2026-09/{path.name}", path), "2026-09", survey_reading(policy), ["G1", "G2"])


def test_a_download_of_a_grids_own_form_is_that_grids(tmp_path):
    header = HEADER[:GRID] + HEADER[GRID + 1:]
    rows = [r[:GRID] + r[GRID + 1:] for r in wjx_rows(HAND_SURVEYS)]
    three = write_xlsx(tmp_path / "412345673_1_银湖社区三网格网格员满意度调查_8_8.xlsx", header, rows)
    assert set(_read(three).frame["grid_id"]) == {"G2"}
    one = write_xlsx(tmp_path / "412345671_1_银湖社区一网格网格员满意度调查_8_8.xlsx", header, rows)
    assert set(_read(one).frame["grid_id"]) == {"天桥新村一网格"}          # a name: read as G1 like any answer's
    with pytest.raises(InputError, match="no header matches grid_id") as stop:      # a form the table does not name
        _read(write_xlsx(tmp_path / "412345679_1_八网格_8_8.xlsx", header, rows))
    assert ("no entry of the policy's [survey.file_grids] names a text this file's name holds (\"412345673\" = \"G2\", "
            "\"412345671\" = \"天桥新村一网格\"): correct the entry for this form") in str(stop.value)   # trial 265's typo
    with pytest.raises(InputError, match="no header matches grid_id"):      # a policy without the table
        _read(three, tables="")


def test_a_form_that_asks_the_grid_keeps_its_answers(tmp_path):
    path = write_xlsx(tmp_path / "412345673_1_银湖社区_8_8.xlsx", HEADER, wjx_rows(HAND_SURVEYS))
    assert set(_read(path).frame["grid_id"]) == {"天桥新村一网格", "井湖村二网格"}


def test_a_name_holding_two_entries_is_read_by_the_longer_or_stopped(tmp_path):
    """一网格 is in 十一网格: by the table's order a first match read 十一网格's download as 一网格's."""
    header = HEADER[:GRID] + HEADER[GRID + 1:]
    rows = [r[:GRID] + r[GRID + 1:] for r in wjx_rows(HAND_SURVEYS)]
    nested = '\n[survey.file_grids]\n"一网格" = "G1"\n"十一网格" = "G2"\n'
    eleven = write_xlsx(tmp_path / "412345611_1_十一网格满意度_8_8.xlsx", header, rows)
    assert set(_read(eleven, nested).frame["grid_id"]) == {"G2"}
    apart = '\n[survey.file_grids]\n"412345611" = "G1"\n"满意度" = "G2"\n'
    with pytest.raises(InputError, match=r'two entries of the policy\'s \[survey.file_grids\], "412345611" = "G1", '
                                         r'"满意度" = "G2", neither holding the other'):
        _read(eleven, apart)
    same = '\n[survey.file_grids]\n"412345611" = "G2"\n"十一网格" = "G2"\n'     # two texts, one grid: no doubt
    assert set(_read(eleven, same).frame["grid_id"]) == {"G2"}


def test_an_id_prefix_is_the_longer_entrys_name():
    reading = survey_reading(policy_from_toml(DEFAULT_POLICY.read_text(encoding="utf-8")
                                              + '\n[survey.file_id_prefixes]\n"白云" = "B"\n"白云山" = "S"\n'))
    assert file_id_prefix("surveys/2026-09/白云山社区.xlsx", reading) == "S"
    assert file_id_prefix("surveys/2026-09/白云社区.xlsx", reading) == "B"
    assert file_id_prefix("surveys/2026-09/青山社区.xlsx", reading) == ""


def test_inspect_names_the_entry_that_gives_a_download_its_grid(tmp_path):
    header = HEADER[:GRID] + HEADER[GRID + 1:]
    copied = write_xlsx(tmp_path / "412345611_1_第一网格满意度(副本)_8_8.xlsx", header,
                        [r[:GRID] + r[GRID + 1:] for r in wjx_rows(HAND_SURVEYS)])
    reading = survey_reading(policy_from_toml(DEFAULT_POLICY.read_text(encoding="utf-8") +
                                              '\n[survey.file_grids]\n"第一网格" = "G1"\n'))
    lines = inspect_lines(Source(copied.name, copied), reading, ["G1", "G2"])
    assert ('grid: G1 for every answer, by the policy\'s [survey.file_grids] "第一网格" = "G1" (a text of this file\'s '
            "name; a form copied from another grid's that kept its title reads as that grid's: check this is G1's own "
            "form)") in lines, lines
    asks = write_xlsx(tmp_path / "412345612_1_第一网格满意度_8_8.xlsx", HEADER, wjx_rows(HAND_SURVEYS))
    assert not any(x.startswith("grid: ") for x in inspect_lines(Source(asks.name, asks), reading, ["G1", "G2"]))
