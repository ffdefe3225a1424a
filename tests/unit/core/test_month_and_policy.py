"""The Month type's arithmetic, and a policy file refused naming its key."""

from decimal import Decimal

import pytest

from conftest import policy_text
from gridpay.core.month import Month
from gridpay.core.policy_file import policy_from_bytes
from gridpay.core.errors import ConfigError


def test_month_arithmetic():
    m = Month.parse("2026-01")
    assert (str(m.previous), str(m.next), m.days, str(m.plus(-13))) == ("2025-12", "2026-02", 31, "2024-12")
    assert [str(x) for x in Month.parse("2026-02").back(3)] == ["2025-12", "2026-01", "2026-02"]
    assert Month.parse("2028-02").days == 29 and Month.parse("2026-10").bounds()[1].microsecond == 999999
    with pytest.raises(ValueError, match="'2026-13' is not a month"):
        Month.parse("2026-13")


@pytest.mark.parametrize("change,message", [
    (('version = "2027.37"', ""), "policy is missing key 'version'"),
    (('mode = "linear"', 'mode = "median"'), "scoring.mode = 'median' is not one of linear, vbp"),
    (("[aliases]\n", "[aliases]\nresponse_id = [\"问卷编号\"]\n"),           # a trial's table the wrong way round
     "policy aliases: 'response_id' = .'问卷编号'.: each alias is a header as typed = the column it is"),
    (('items = ["sat_environment"', 'items = ["Sat Environment"'), "survey.items must be lower-case column names"),
    (('overall_item = "sat_overall"', 'overall_item = "sat_total"'), "survey.overall_item 'sat_total' is not one of"),
    (("sat_overall = 1\n", "sat_overall = -1\n"), "item_weights must be >= 0"),
    (("floor = 0.80", "floor = 1.50"), "floor <= neutral <= cap"),
    (("max_invalid_share = 0.20", "max_invalid_share = 2"), "gate.max_invalid_share must be between 0 and 1"),
    (("confidence = 0.95", "confidence = 95"), "scoring.confidence must be between 0 and 1"),
    (('grid_id = "所在的网格"', '"Grid Id" = "所在的网格"'), "survey.questions keys must be column names"),
    (("[survey.option_codes]\n", '[survey.option_codes]\n"1" = "很好"\n'), "option_codes values must be answers"),
    (("[gate]", "[gate"), "policy is not valid TOML"),
    (('household_scope = "grid"', 'household_scope = "street"'), "scoring.household_scope = 'street' is not one of grid"),
    (('deduction_words = ["扣", "罚", "冲减", "追回", "收回"]', 'deduction_words = "扣"'),
     "gate.deduction_words must be a list of words"),
])
def test_a_broken_policy_is_refused_naming_the_key(change, message):
    from gridpay.core.errors import ConfigError
    text = policy_text()
    assert change[0] in text, change
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace(")", r"\)")) as raised:
        policy_from_bytes(text.replace(change[0], change[1], 1).encode(), "p.toml")
    assert str(raised.value).startswith("p.toml: ")


def test_a_policy_file_that_is_not_utf8_or_missing_is_a_config_error(tmp_path):
    from gridpay.core.errors import ConfigError
    from gridpay.core.policy_file import load_policy
    with pytest.raises(ConfigError, match="policy file must be UTF-8"):
        policy_from_bytes(policy_text().encode("utf-16"), "p.toml")
    with pytest.raises(ConfigError, match="cannot read the policy file"):
        load_policy(tmp_path / "missing.toml")


def test_a_linear_policy_s_floor_and_cap_do_not_answer_for_its_unused_tiers():
    """A thirty-eighth trial's 0.85-1.15 linear policy was refused for the shipped tiers table it does not use."""
    bounds = {"coefficient__floor": "0.85", "coefficient__cap": "1.15"}
    assert policy_from_bytes(policy_text(**bounds).encode(), "policy").coefficient.cap == Decimal("1.15")
    with pytest.raises(ConfigError, match="tiers coefficients must lie between floor and cap"):
        policy_from_bytes(policy_text(coefficient__mode='"tiers"', **bounds).encode(), "policy")


def test_a_word_given_twice_in_the_answer_words_is_named_as_such():
    """Trial 300's second re-check added the stop's example (比较满意 = 4) below init's copy, which listed it: told
    only 'Cannot overwrite a value (at line 445, column 11)'."""
    import pytest
    from gridpay.core.settings import DEFAULT_POLICY
    from gridpay.transforms.policy import PolicyError, policy_from_toml
    text = DEFAULT_POLICY.read_text(encoding="utf-8").replace('"比较满意" = 4\n', '"比较满意" = 4\n"比较满意" = 4\n', 1)
    with pytest.raises(PolicyError, match=r"Cannot overwrite a value \(at line \d+, column \d+\): a key given twice"):
        policy_from_toml(text)
