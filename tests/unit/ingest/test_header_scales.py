"""A question's header stating its scale beside a policy of another (policy 2027.26): trial 203's re-check set 1-10 for
a form asking 打分（0-10分）, and every answer was read a point higher, exit 0."""
from dataclasses import replace

import pytest

from gridpay.core.errors import InputError
from gridpay.core.policy_file import load_policy
from gridpay.core.settings import DEFAULT_POLICY
from gridpay.ingest.sheet_scales import refuse_header_scales
from gridpay.ingest.survey_reading import survey_reading

READING = survey_reading(load_policy(DEFAULT_POLICY))


def test_a_header_stating_another_start_or_top_than_the_policy_s_scale_stops_the_run():
    ten = replace(READING, header_scale=(1, 10))
    with pytest.raises(InputError) as refused:
        refuse_header_scales("d.xlsx", ["环境卫生", "请为网格员打分（0-10分）"], ten)
    assert ("'请为网格员打分（0-10分）' says its answers are on 0 to 10, the policy's scale is 1 to 10: they would be read "
            "as points of the policy's scale. Set survey.scale_min = 0 and survey.scale_max = 10") in str(refused.value)
    with pytest.raises(InputError, match="says its answers are on 10, the policy's scale is 1 to 5"):
        refuse_header_scales("d.xlsx", ["满意度（10分制）"], READING)


def test_a_header_on_the_policy_s_scale_or_stating_none_or_read_by_option_codes_goes_on():
    refuse_header_scales("d.xlsx", ["总体（1-5分）", "环境卫生", "满分5分"], READING)
    refuse_header_scales("d.xlsx", ["打分（0-10分）"], replace(READING, header_scale=(0, 10)))
    refuse_header_scales("d.xlsx", ["打分（0-10分）"], replace(READING, option_codes={"10": "5"}))
    refuse_header_scales("d.xlsx", ["打分（0-10分）"], replace(READING, header_scale=None))     # a policy before the key
