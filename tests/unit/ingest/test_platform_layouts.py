"""Survey-platform layouts declared in the policy ([survey.platforms.<name>]) and the survey time
zone (survey.timezone): 金数据 with its UTC timestamps, a platform no code knows, and a policy from
before the table, which reads 问卷星 downloads exactly as before."""
import re

import duckdb
import pytest

from conftest import HAND_SURVEYS, policy_text
from downloads import HEADER, wjx_rows, write_xlsx
from gridpay.ingest.formats import Source
from gridpay.ingest.survey_files import read_survey_file, survey_reading
from gridpay.ingest.survey_inspect import inspect_lines
from gridpay.ingest.survey_stage import STAGE_DB, stage_surveys
from gridpay.transforms.policy import PolicyError, policy_from_toml

GRIDS = ["G1", "G2"]
# 金数据's export: 序号, the questions by their titles (unnumbered), then its own columns
JINSHUJU_HEADER = ["序号", "您所在的网格", "您家的门牌号", "您对网格员的环境卫生工作满意吗", "您对网格员的治安安全工作满意吗",
                   "您对网格员的服务态度满意吗", "您对网格员的响应速度满意吗", "您对网格员的总体工作满意吗", "您的意见或建议",
                   "提交人", "提交时间", "修改时间", "填写设备", "微信昵称", "填写时长"]


def _jinshuju_row(n, when, grid="G1"):
    return [str(n), grid, f"1栋1单元{100 + n}", "满意", "满意", "非常满意", "满意", "满意", "", "", when, when,
            "iPhone", "居民", "95"]


def _archived_policy_text() -> str:
    """The default policy as every policy before the table was: no [survey.platforms], no survey.timezone."""
    text = re.sub(r'(?ms)^\[survey\.platforms\."[^"]+"\]\n.*?(?=^\[survey\.option_codes\])', "", policy_text())
    text = re.sub(r"(?m)^timezone = .*\n", "", text)
    assert "platforms" not in text.split("[survey.option_codes]")[1] and "timezone =" not in text
    return text


def test_a_zoned_timestamp_is_the_policys_local_time_before_the_month_is_assigned(tmp_path):
    """17:30 UTC on 31 October is 01:30 on 1 November in Beijing: a 金数据 answer belongs to 2026-11."""
    path = write_xlsx(tmp_path / "金数据.xlsx", JINSHUJU_HEADER,
                      [_jinshuju_row(1, "2026-10-31T17:30:00Z"), _jinshuju_row(2, "2026-10-31 09:00:00")])
    reading = survey_reading(policy_from_toml(policy_text()))
    november = read_survey_file(Source(path.name, path), "2026-11", reading, GRIDS)
    assert november.layout == "金数据" and list(november.frame["response_id"]) == ["J1"]     # id_prefix
    assert dict(november.set_aside) == {"rows of 2026-10": 1}
    assert november.frame.loc[0, "duration_s"] == "95" and november.frame.loc[0, "sat_service"] == "非常满意"
    october = read_survey_file(Source(path.name, path), "2026-10", reading, GRIDS)
    assert list(october.frame["response_id"]) == ["J2"] and dict(october.set_aside) == {"rows of 2026-11": 1}
    stage_surveys([path], reading, b"k", tmp_path / "work", "2026-11", {"G1": "一网格", "G2": "二网格"})
    with duckdb.connect(str(tmp_path / "work" / STAGE_DB), read_only=True) as con:
        assert str(con.execute("select submitted_at_ts from surveys").fetchone()[0]) == "2026-11-01 01:30:00"
    # a policy whose survey time zone is UTC keeps that answer in October
    utc = survey_reading(policy_from_toml(policy_text(timezone='"UTC"')))
    assert list(read_survey_file(Source(path.name, path), "2026-10", utc, GRIDS).frame["response_id"]) == ["J1", "J2"]
    # 序号 and 提交时间 are 金数据's columns, but a typed sheet that names every canonical column is no download
    header = ["序号", "问卷编号", "网格", "户号", "提交时间", "环境卫生", "治安安全", "服务态度", "响应速度", "总体满意度"]
    path = write_xlsx(tmp_path / "2026-11-paper.xlsx", header, [["1", "P1", "G1", "1栋101", "2026-11-02 10:00:00",
                                                                 5, 5, 5, 5, 5]])
    read = read_survey_file(Source(path.name, path), "2026-11", reading, GRIDS)
    assert read.shape == "canonical" and read.frame.loc[0, "response_id"] == "P1"


MADE_UP = '''
[survey.platforms."问卷网"]
response_id = "答卷ID"
submitted_at = "答题结束时间"
duration = "用时(秒)"
channel = "渠道"
question_number = '^Q\\d+[:：]\\s*'
option_prefix = '^\\(\\d\\)\\s*'
timezone = "UTC"
blank_answers = ["未作答"]
'''


def test_a_platform_no_code_knows_is_read_from_its_policy_entry(tmp_path):
    text = policy_text().replace("[survey.option_codes]", MADE_UP + "\n[survey.option_codes]")
    header = ["答卷ID", "答题结束时间", "用时(秒)", "渠道", "Q1：您所在的网格", "Q2：您家的门牌号", "Q3：环境卫生满意度",
              "Q4：治安安全满意度", "Q5：服务态度满意度", "Q6：响应速度满意度", "Q7：总体满意度"]
    rows = [["a1", "2026-10-31 16:30:00", "80", "微信", "G1", "1栋101", "(1)非常满意", "(2)满意", "未作答", "(2)满意",
             "(1)非常满意"],
            ["a2", "2026-10-31 15:30:00", "80", "微信", "G2", "2栋101", "(2)满意", "(2)满意", "(2)满意", "(2)满意", "(2)满意"]]
    path = write_xlsx(tmp_path / "wenjuan.xlsx", header, rows)
    reading = survey_reading(policy_from_toml(text))
    read = read_survey_file(Source(path.name, path), "2026-11", reading, GRIDS)
    assert read.layout == "问卷网" and list(read.frame["response_id"]) == ["a1"]    # 16:30 UTC is 00:30 in Beijing
    row = read.frame.iloc[0]
    assert (row["submitted_at"], row["duration_s"], row["channel"]) == ("2026-11-01 00:30:00", "80", "wechat")
    assert [row[c] if isinstance(row[c], str) else None for c in reading.items] == ["非常满意", "满意", None, "满意",
                                                                                     "非常满意"]
    assert dict(read.set_aside) == {"rows of 2026-10": 1}
    assert "platform layout: 问卷网" in inspect_lines(Source(path.name, path), reading, GRIDS)


@pytest.mark.parametrize("entry,message", [
    ('response_id = "答卷ID"\nsubmited_at = "时间"', "submited_at is not a platform key (did you mean 'submitted_at'?)"),
    ('response_id = "答卷ID"', 'survey.platforms."问卷网".submitted_at must name the platform\'s column'),
    ('response_id = "a"\nsubmitted_at = "b"\nquestion_number = "(Q"', "question_number is not a regular expression"),
    ('response_id = "a"\nsubmitted_at = "b"\ntimezone = "Asia/Beijing"', "'Asia/Beijing' is not a time zone"),
])
def test_a_platform_entry_that_cannot_be_used_is_refused_naming_the_key(entry, message):
    text = policy_text().replace("[survey.option_codes]", f'[survey.platforms."问卷网"]\n{entry}\n\n[survey.option_codes]')
    with pytest.raises(PolicyError, match=re.escape(message)):
        policy_from_toml(text)


def test_a_policy_without_platforms_reads_wenjuanxing_downloads_as_before(tmp_path):
    """Archived policies have no [survey.platforms] and no survey.timezone: they get the built-in
    问卷星 layout, which is the default policy's 问卷星 entry, and read a download identically."""
    from gridpay.transforms.platform_layouts import WJX
    archived, default = policy_from_toml(_archived_policy_text()), policy_from_toml(policy_text())
    assert archived.platforms == (WJX,) and archived.timezone == "Asia/Shanghai"
    assert default.platforms[0] == WJX and [p.name for p in default.platforms] == ["问卷星", "腾讯问卷", "金数据"]
    path = write_xlsx(tmp_path / "download.xlsx", HEADER, wjx_rows(HAND_SURVEYS[:4]))
    reads = [read_survey_file(Source(path.name, path), "2026-09", survey_reading(p), GRIDS) for p in (archived, default)]
    assert reads[0].layout == reads[1].layout == "问卷星" and reads[0].frame.equals(reads[1].frame)
    assert list(reads[0].frame["submitted_at"]) == [r[4].replace("-", "/") for r in HAND_SURVEYS[:4]]


def test_a_typed_sheet_taken_for_a_download_is_told_why_and_what_headers_a_sheet_takes():
    """A twelfth trial's phone-interview sheet headed 网格员 (not 网格), with 序号 and 提交时间, was read as
    金数据's download; the line named only a platform question's text."""
    from gridpay.core.errors import InputError
    from gridpay.ingest.platform import map_platform_headers
    policy = policy_from_toml(policy_text())
    jsj = next(p for p in policy.platforms if p.name == "金数据")
    with pytest.raises(InputError) as raised:
        map_platform_headers("电话访问记录.xlsx", ["序号", "问卷编号", "网格员", "户号", "提交时间", "总体满意度"],
                             policy.questions, ("grid_id",), jsj)
    assert ("read as a 金数据 download, by its 序号 and 提交时间 columns (if HR typed it, head its columns as "
            "docs/platforms.md says: 问卷编号, 网格, 户号, 提交时间, ...)") in str(raised.value)


def test_inspect_counts_rows_by_month_as_the_run_reads_their_times(tmp_path):
    """Trials 14 and 15: inspect said "(no date)" for 10月27日 and 下午3点, which the run reads."""
    path = tmp_path / "纸质问卷.csv"
    items = "环境卫生,治安安全,服务态度,响应速度,总体满意度"         # every item a column (survey.items_required)
    path.write_text(f"问卷编号,网格,门牌号,提交时间,{items}\nP1,G1,3栋2单元301,2026年10月5日下午3点,4,4,4,4,4\n"
                    "P2,G1,3栋2单元302,10月27日,4,4,4,4,4\nP3,G1,3栋2单元303,2026/10/5 9:30,4,4,4,4,4\n"
                    "P4,G1,3栋2单元304,上周,4,4,4,4,4\n", encoding="utf-8")
    lines = inspect_lines(Source(path.name, path), survey_reading(policy_from_toml(policy_text())), GRIDS)
    assert "\n  (no date): 1 rows\n  (no year: the month it is run for): 1 rows\n  2026-10: 2 rows" in "\n".join(lines)
    assert "  门牌号 -> household_id" in lines                   # the questionnaire's word (a sixteenth trial's sheet)


def test_a_multiple_choice_option_column_is_never_an_item_s_question():
    """A thirty-first trial's 问卷星 按序号 export headed the 改进方面 options 11(环境卫生), 11(治安安全): two
    headers matched 环境卫生, and the file was refused (exit 2)."""
    from gridpay.core.policy_file import load_policy
    from gridpay.core.settings import DEFAULT_POLICY
    from gridpay.ingest.platform import map_platform_headers
    policy = load_policy(DEFAULT_POLICY)
    headers = ["序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP", "1、所在的网格", "2、门牌号",
               "3、对网格员环境卫生工作的满意度", "4、治安安全", "5、服务态度", "6、响应速度", "7、总体满意度",
               "11(环境卫生)", "11(治安安全)", "11(其他)"]
    columns = map_platform_headers("wjx.xlsx", headers, policy.questions, ("response_id", "grid_id")).columns
    assert columns[8] == "sat_environment" and columns[9] == "sat_safety"
    assert not {13, 14, 15} & set(columns)


def test_a_choice_s_other_fill_in_column_is_not_its_question():
    """Trial 172's 腾讯问卷 download gave the grid question's 其他 fill-in a column of its own, headed as the question
    and 其他（请注明）: both matched 所在的网格, and the file was refused with advice no text could follow (exit 2)."""
    from gridpay.core.policy_file import load_policy
    from gridpay.core.settings import DEFAULT_POLICY
    from gridpay.ingest.platform import map_platform_headers
    policy = load_policy(DEFAULT_POLICY)
    headers = ["序号", "提交答卷时间", "所用时间", "3.您所在的网格", "3.您所在的网格—其他（请注明）", "4.门牌号"]
    columns = map_platform_headers("txwj.xlsx", headers, policy.questions, ("response_id", "grid_id")).columns
    assert columns[3] == "grid_id" and 4 not in columns


def test_a_sheet_s_own_column_is_shown_as_not_used(tmp_path):
    """A thirty-eighth trial's paper sheet's 序号 column read `序号 -> 序号` under `gridpay inspect`."""
    from conftest import SURVEY_HEADER
    path = write_xlsx(tmp_path / "2026-09-纸质.xlsx", ["序号", *SURVEY_HEADER],
                      [[str(n), *row] for n, row in enumerate(HAND_SURVEYS[:2], 1)])
    lines = inspect_lines(Source(path.name, path), survey_reading(policy_from_toml(policy_text())), GRIDS)
    assert "  序号 -> (not used)" in lines and "  response_id -> response_id" in lines


def test_a_phone_question_worded_otherwise_is_read_by_the_policy_s_phone_words_and_two_are_not_guessed():
    """A sixty-fifth trial's form asked 您的联系电话: every phone lost, a worker's own answer counted (policy 2027.5)."""
    from gridpay.core.policy_file import load_policy
    from gridpay.core.settings import DEFAULT_POLICY
    from gridpay.ingest.platform import map_platform_headers
    policy = load_policy(DEFAULT_POLICY)
    headers = ["序号", "提交答卷时间", "1、所在的网格", "2、门牌号", "3、您的联系电话（选填）", "4、总体满意度"]
    read = map_platform_headers("wjx.xlsx", headers, policy.questions, ("response_id",), phone_words=policy.phone_questions)
    assert read.columns[4] == "respondent_phone"
    assert 4 not in map_platform_headers("wjx.xlsx", headers, policy.questions, ("response_id",)).columns   # before
    # word by word: 联系电话 is the phone beside a question on 联系方式 (a sixty-sixth trial's form)
    asked = headers + ["5、您是否愿意网格员通过联系方式回访您？"]
    assert map_platform_headers("wjx.xlsx", asked, policy.questions, ("response_id",),
                                phone_words=policy.phone_questions).columns[4] == "respondent_phone"
    # another's phone, or a question on the phone, is never the respondent's (a sixty-seventh trial's forms)
    others = [h.replace("您的联系电话（选填）", "您本人的联系电话") for h in headers] + ["6、紧急联系人手机号",
                                                                                 "7、您是否知道网格员的联系电话？"]
    assert map_platform_headers("wjx.xlsx", others, policy.questions, ("response_id",),
                                phone_words=policy.phone_questions).columns[4] == "respondent_phone"
    helping = [h.replace("您的联系电话（选填）", "您的联系电话（网格员回访用）") for h in headers]
    assert map_platform_headers("wjx.xlsx", helping, policy.questions, ("response_id",),
                                phone_words=policy.phone_questions).columns[4] == "respondent_phone"
    two = headers + ["5、您家人的联系电话"]
    assert "respondent_phone" not in map_platform_headers("wjx.xlsx", two, policy.questions, ("response_id",),
                                                          phone_words=policy.phone_questions).columns.values()


def test_an_emergency_contacts_phone_beside_the_respondents_question_is_not_claimed_by_its_text():
    """Trial 87's form added 5、紧急联系人手机号码 beside 4、您的手机号码: the policy's text 手机号码 matched both, and the
    run stopped (exit 2), though the phone question's other words say 紧急 is never the respondent's."""
    from gridpay.core.policy_file import load_policy
    from gridpay.core.settings import DEFAULT_POLICY
    from gridpay.ingest.platform import map_platform_headers
    policy = load_policy(DEFAULT_POLICY)
    headers = ["序号", "提交答卷时间", "1、所在的网格", "2、门牌号", "4、您的手机号码", "5、紧急联系人手机号码", "6、总体满意度"]
    read = map_platform_headers("wjx.xlsx", headers, policy.questions, ("response_id",), phone_words=policy.phone_questions)
    assert read.columns[4] == "respondent_phone" and 5 not in read.columns


def test_inspect_shows_a_downloads_ids_with_the_policys_prefix(tmp_path):
    """Trial 85's inspect showed response_id=1 where every output, appeals.csv and the calls name it F1."""
    path = write_xlsx(tmp_path / "318400101_2_翠柳苑满意度_10_10.xlsx", HEADER, wjx_rows(list(HAND_SURVEYS)))
    reading = survey_reading(policy_from_toml(policy_text() + '\n[survey.file_id_prefixes]\n"翠柳苑" = "F"\n'))
    lines = inspect_lines(Source(path.name, path), reading, GRIDS)
    assert any(line.startswith("  response_id=F1,") for line in lines), lines[-5:]

