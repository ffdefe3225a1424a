"""A 问卷星 codes export (按序号) told from a text export, and a table that turns its numbers round (trials 282, 286)."""
import logging
from dataclasses import replace

import pandas as pd

from conftest import policy_text
from gridpay.ingest.codes_export import decode_codes_export, is_codes_export
from gridpay.ingest.formats import Source
from gridpay.ingest.survey_files import survey_reading
from gridpay.transforms.policy import policy_from_toml

GRIDS = ["G1", "G2"]


def test_a_codes_export_with_a_few_words_among_its_numbers_is_one_where_its_grids_are_numbers():
    # trial 282: one 不了解 among 1-5 codes hid a codes export; the grid numbers' stop, its aliases added, read
    # 1 (非常满意) as one point, every grid's score reversed, exit 0 (survey.codes_export_words, policy 2027.34)
    items = ("sat_a", "sat_b")
    coded = pd.DataFrame({"grid_id": ["1", "3", "2", "1"], "sat_a": ["1", "2", "不了解", "2"],
                          "sat_b": ["2", "1", "3", "(空)"]}, dtype="string")
    assert not is_codes_export(coded, items)                                  # a policy without the key: as before
    assert is_codes_export(coded, items, with_words=True)
    named = coded.assign(grid_id=["第一网格", "1", "2", "1"])                   # a text export names the grid chosen
    assert not is_codes_export(named, items, with_words=True)
    words = coded.assign(sat_a=["不了解", "满意", "不了解", "2"], sat_b=["满意"] * 4)   # mostly words: no codes export
    assert not is_codes_export(words, items, with_words=True)
    assert is_codes_export(coded.assign(sat_a=["1", "2", "3", "2"]), items)     # every rating a number: as before


def test_a_table_turning_the_numbers_round_warns_where_it_reads_the_file_as_mostly_unhappy(caplog):
    # trial 286: the 按分数 download (5 = 非常满意) read by a 按序号 table paid every worker but one the floor, exit 0
    reading = replace(survey_reading(policy_from_toml(policy_text())), items=("sat_a",),
                      option_codes={"1": "5", "2": "4", "3": "3", "4": "2", "5": "1"})
    for typed, warned in ((["5", "5", "4", "1"], True), (["1", "2", "1", "5"], False)):
        caplog.clear()
        frame = pd.DataFrame({"grid_id": ["G1"] * 4, "sat_a": typed}, dtype="string")
        with caplog.at_level(logging.INFO, logger="gridpay"):
            decode_codes_export(frame, Source("d.xlsx", None), reading, GRIDS)
        line = next(r for r in caplog.records if "codes export" in r.getMessage())
        assert (line.levelno == logging.WARNING) is warned and getattr(line, "notice", None) == ("form_options" if warned else None)
        assert ("75% of its answers are 不满意 or worse and 25% 满意 or better" in line.getMessage()) is warned
