"""What a policy file says that no rule reads (a sixty-eighth trial: each paid other rules than the file showed,
exit 0, nothing said)."""
import re
import tomllib
from decimal import Decimal

import pytest

from conftest import policy_text
from gridpay.core.errors import ConfigError
from gridpay.core.policy_file import check_policy_keys, policy_from_bytes
from gridpay.transforms.policy_keys import policy_key_doubts

SHIPPED = tomllib.loads(policy_text())


def _doubts(*changes: tuple[str, str]) -> list[str]:
    text = policy_text()
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    return policy_key_doubts(tomllib.loads(text), SHIPPED)


def test_the_shipped_policy_says_nothing_no_rule_reads():
    assert _doubts() == []


def test_a_misspelt_or_misplaced_key_is_named_with_what_was_meant():
    assert _doubts(("[coefficient]\n", "[coefficient]\nfloor_score = 55\n")) == [
        "coefficient.floor_score: no rule reads it (did you mean coefficient.floor?)"]
    assert _doubts(("[scoring]\n", "[scoring]\nsat_overall = 2\n")) == [
        "scoring.sat_overall: no rule reads it (an item's weight goes under [survey.item_weights]: sat_overall = 2)"]
    assert _doubts(("sat_overall = 1\n", "sat_overal = 2\n")) == [
        "survey.item_weights.sat_overal: not one of survey.items (did you mean sat_overall?)"]
    assert _doubts(("sat_overall = 1\n", "\"总体满意度\" = 2\n")) == [        # the item by its question's words
        "survey.item_weights.总体满意度: not one of survey.items (did you mean sat_overall?)"]
    assert _doubts(("[pay]\n", "[pay]\nmax_pay = 1700\n"), ("[aliases]\n", "[Budget]\ntotal = 1\n[aliases]\n")) == [
        "pay.max_pay: no rule reads it (docs/methodology.md, section 7, lists every key)",
        "Budget: no rule reads it (docs/methodology.md, section 7, lists every key)"]
    # a key's last part in two tables: both named, in the same order in every process
    assert _doubts(("[pay]\n", "[pay]\nmode = \"quota\"\n")) == [
        "pay.mode: no rule reads it (did you mean coefficient.mode or scoring.mode?)"]
    # the tables of the community's own words take any key; file_id_prefixes is read though not shipped
    assert _doubts(("[aliases]\n", "[aliases]\n\"所属网格（测试）\" = \"grid_name\"\n"),
                   ("[survey.option_codes]\n", "[survey.file_id_prefixes]\n\"白云\" = \"B\"\n[survey.option_codes]\n")) == []


def test_a_switch_written_in_quotes_and_a_version_without_them_are_named():
    assert _doubts(("shrinkage = true", 'shrinkage = "false"')) == [
        "scoring.shrinkage = 'false': written in quotes, so read as text; write shrinkage = true or false, without quotes"]
    version = SHIPPED["version"]
    assert _doubts((f'version = "{version}"', "version = 2027.10")) == [
        'version = 2027.1: written without quotes, so read as a number (2027.10 reads 2027.1); write it in quotes as '
        'the scorecards are to print it (version = "2027.10")']


def test_a_new_run_stops_on_them_and_the_parser_names_them_beside_its_own_error():
    text = policy_text().replace("shrinkage = true", 'shrinkage = "false"')
    assert policy_from_bytes(text.encode(), "p.toml").scoring.shrinkage is True      # an archived policy loads as applied
    with pytest.raises(ConfigError, match="p.toml: the policy says what no rule reads, so the month would be paid on "
                                          "other rules than the file shows; nothing published. scoring.shrinkage"):
        check_policy_keys(text.encode(), "p.toml")
    with pytest.raises(ConfigError, match=r"policy is missing key 'coefficient.mode' \(Coefficient: no rule reads it "
                                          r"\(did you mean coefficient\?\)"):
        policy_from_bytes(policy_text().replace("[coefficient]", "[Coefficient]").encode(), "p.toml")
    with pytest.raises(ConfigError, match=r"policy value '15%' is not a number \(a share is written 0.15, not 15%\)"):
        policy_from_bytes(policy_text().replace("floor = 0.80", 'floor = "15%"').encode(), "p.toml")


@pytest.mark.parametrize("old,new,message", [
    ("score_at_cap = 90", "score_at_cap = 900", r"0 <= score_at_floor < score_at_cap <= 100 \(scores are 0-100; here 60 and 900\)"),
    ("decimals = 4", "decimals = 0", "coefficient.decimals must be 2 to 6, not 0"),
    # trial 118: 上浮15% typed cap = 15 paid 23,016.78 for 2,172.96, exit 0; cap = 130 left after floor = 70 was refused
    ("cap = 1.20", "cap = 15", r"coefficient.cap = 15 and floor = 0.8: a coefficient multiplies a worker's target pay "
                               r"\(1.30 pays 130%, 0.80 pays 80%\), so a cap above 3"),
    ("cap = 1.20", "cap = 130", "coefficient.cap = 130 and floor"),
    ("speeder_fraction = 0.3333", "speeder_fraction = 33.33", "integrity.speeder_fraction must be between 0 and 1"),
])
def test_values_the_policy_cannot_mean_are_refused(old, new, message):
    assert old in policy_text()
    with pytest.raises(ConfigError, match=message):
        policy_from_bytes(policy_text().replace(old, new, 1).encode(), "p.toml")


def test_the_shipped_version_is_one_a_projects_unedited_copy_may_hold():
    from gridpay.pipeline.policy_versions import SHIPPED_VERSIONS
    assert SHIPPED["version"] in SHIPPED_VERSIONS


def test_notepads_bom_is_read_and_chinese_punctuation_is_named_by_its_line():
    """Trial 118: a policy saved with a BOM was refused at 'line 1, column 1' (a comment), and ＝ or “ ” typed in
    Chinese read 'Expected =' on a line whose = looked right."""
    assert policy_from_bytes(b"\xef\xbb\xbf" + policy_text().encode(), "p.toml").coefficient.cap == Decimal("1.20")
    broken = policy_text().replace("cap = 1.20", "cap ＝ 1.20", 1)
    line = broken.splitlines().index("cap ＝ 1.20") + 1
    with pytest.raises(ConfigError, match=f"line {line} holds ＝ typed in Chinese \\(full-width\\)"):
        policy_from_bytes(broken.encode(), "p.toml")
    unread = re.sub(r"(?m)^min_responses = \d+", 'min_responses = "10份"', policy_text(), count=1)
    line = unread.splitlines().index('min_responses = "10份"') + 1
    with pytest.raises(ConfigError, match=f"'10份'\\), on line {line}: min_responses = \"10份\""):
        policy_from_bytes(unread.encode(), "p.toml")
