"""Survey cells as people and platforms type them, and the household ids DuckDB may keep as typed."""

from hypothesis import example, given, settings
from hypothesis import strategies as st

from below_cli import kept_by_duckdb


def test_platform_cells_as_people_type_them():
    from gridpay.ingest.platform import channel_of, coded_answer, duration_seconds, question_text
    assert [duration_seconds(v) for v in ("125秒", "2分5秒", "1小时2分", "fast", None)] == ["125", "125", "3720", "fast", None]
    assert channel_of("微信", {"微信": "wechat"}) == "wechat" and channel_of("QQ", {"微信": "wechat"}) == "other"
    assert channel_of(None, {}) is None and coded_answer(None, {}) is None and coded_answer(" 2 ", {"2": "4"}) == "4"
    assert question_text("12、您对网格员的总体工作满意吗？") == "您对网格员的总体工作满意吗"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("09AZaz-_ 栋幢号楼单元室３Ｈﬁ⑴\t天"), max_size=12))
def test_household_ids_duckdb_keeps_as_typed_are_the_ones_python_would_keep(text):
    """Staging leaves DuckDB the household ids normalized_household() would return unchanged (a
    city's month has millions); the SQL test may pass a few to Python needlessly, never the reverse."""
    from gridpay.transforms.door_numbers import normalized_household
    kept = kept_by_duckdb(text)
    if kept:
        assert normalized_household(text) == text


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from("0179AHa-_—~ 栋幢号楼层单元门室座#七一十〇３户二零组村弄之附队院面叁拾百路街第"),
               max_size=12),
       st.sampled_from([(True, False), (True, True), (False, True), (True, True, True), (False, False, True),
                        (True, True, True, True), (False, False, False, True), (True, True, True, True, True),
                        (False, False, False, False, True), (True, True, True, True, True, True),
                        (False, False, False, False, False, True), (True, True, True, True, True, True, True),
                        (False, False, False, False, False, False, True), (True,) * 8,
                        (False,) * 7 + (True,)]))
@example("一组", (False, False, False, False, False, True))      # a group's number in words: 1组 (hypothesis, once)
def test_household_ids_kept_as_typed_under_the_door_number_rules(text, rules):
    """The same under survey.door_number_dashes, _variants, _suffixes, _rooms and _floors."""
    from gridpay.transforms.door_numbers import normalized_household
    kept = kept_by_duckdb(text, rules)
    if kept:
        assert normalized_household(text, *rules) == text


def test_an_old_town_lane_house_and_room_is_one_household_under_the_houses_rule():
    """A twenty-seventh trial's lane home answered as 7弄5号301室 online and, on paper, as 七弄五号三零一室,
    7弄5号三零一 or 7弄5-301, and another as 12弄21号 and 12弄21: each counted twice, every worker's pay moved."""
    from gridpay.transforms.door_numbers import normalized_household
    rules = (True, True, True, True, True)
    for typed, door in (("七弄五号三零一室", "7弄5号301"), ("七弄5号301室", "7弄5号301"), ("7弄5号三零一", "7弄5号301"),
                        ("7弄5-301", "7弄5号301"), ("7弄05号0301", "7弄5号301"), ("12弄21号", "12弄21"),
                        ("十二弄二十一号", "12弄21"), ("荷塘路七弄五号301室", "荷塘路7弄5号301")):
        before = normalized_household(typed, *rules)                     # a policy without the rule
        assert normalized_household(typed, *rules, True) == door != before
    for kept in ("7弄5号301", "12弄21", "7弄5号3楼", "7弄", "3栋2单元301", "王庄6组21"):
        assert normalized_household(kept, *rules, True) == kept


def test_a_house_s_sub_number_courtyard_and_shop_under_the_houses_rule():
    """A twenty-ninth trial's homes answered a second time as 7弄12号附1, 7弄12-1号, 七弄十二号之一 (for
    7弄12号之一), 门面15 and 15号门面 (for 门面15号), 十二号院三户 and 18号附1号: each counted twice, nothing
    said. A thirty-second's were two homes where a form may mean either: 12-1号 (building 12, unit 1),
    3队 beside 3组, A-1203 in a zone A; those stay as typed (the run names them, test_door_prefixes.py)."""
    from gridpay.transforms.door_numbers import normalized_household
    rules = (True, True, True, True, True)
    same = {"7弄12号之1": ("7弄12号之一", "7弄12号附1", "7弄12-1号", "七弄十二号之一", "7弄12之1号"),
            "门面15": ("门面15号", "商铺15号", "15号门面", "门市房15"), "12号院3户": ("十二号院三户", "12号院3户"),
            "18号之1": ("18号之一", "18号附1号"), "B座602": ("B座602号", "B座602")}
    for door, typed in same.items():
        assert {normalized_household(t, *rules, True) for t in typed} == {door}
    for kept in ("12号", "7弄12", "3组9号之1", "青瓦街15号", "XX社区3号", "6栋1单元301", "5栋302", "G1-9-001",
                 "3队9", "A-1203"):
        assert normalized_household(kept, *rules, True) == kept
    assert normalized_household("12-1号", *rules, True) == normalized_household("12-1号", *rules) == "12栋1"


def test_a_room_written_with_a_suffix_is_one_household_under_the_suffixes_rule():
    """A fourteenth trial's homes answered as 5栋1单元1201 and 5栋1单元1201号 and counted twice."""
    from gridpay.transforms.door_numbers import normalized_household
    for typed, door in (("5栋1单元1201号", "5栋1单元1201"), ("3幢1单元702号", "3栋1单元702"),
                        ("6-1-301号", "6栋1单元301"), ("6幢2-502", "6栋2单元502"), ("1栋1单元201户", "1栋1单元201")):
        assert normalized_household(typed, True, True, True) == door and normalized_household(typed, True, True) != door
    for kept in ("东湖村3组15号", "12号", "5号楼"):                        # no unit and room: as typed
        assert normalized_household(kept, True, True, True) == kept


def test_a_building_and_room_only_or_a_room_read_out_is_one_household_under_the_rooms_rule():
    """A seventeenth trial's home answered as 5号楼302室, 5-302 and 5栋302 and counted three times; an
    eighteenth's village home as 王庄6组21号 and 王庄六组二十一号, another as 3组9号 and 3组9."""
    from gridpay.transforms.door_numbers import normalized_household
    for typed, door in (("5号楼302室", "5栋302"), ("5-302", "5栋302"), ("05栋0302", "5栋302"),
                        ("十栋一单元二零一", "10栋1单元201"), ("3栋二〇一", "3栋201"),
                        ("王庄六组二十一号", "王庄6组21"), ("王庄6组21号", "王庄6组21"), ("3组9号", "3组9"),
                        ("3组09", "3组9")):
        before = normalized_household(typed, True, True, True)           # a policy without the rule
        assert normalized_household(typed, True, True, True, True) == door != before
    for kept in ("5栋302", "12号", "5号楼", "A座701", "1-2-3-4", "G1-9-001", "H12-3A",
                 "宿舍楼2栋301", "王二3组5", "XX社区3号", "3组9"):
        assert normalized_household(kept, True, True, True, True) == kept


def test_a_room_written_by_floor_and_flat_is_one_household_under_the_floors_rule():
    """A twenty-first trial's home answered as 3幢2单元1201 and 3栋2单元12楼01 and counted twice."""
    from gridpay.transforms.door_numbers import normalized_household
    for typed, door in (("3栋2单元12楼01", "3栋2单元1201"), ("3栋2单元12层01室", "3栋2单元1201"),
                        ("3-2-12-01", "3栋2单元1201"), ("3栋2单元12楼1201", "3栋2单元1201"),
                        ("3幢2单元3楼1号", "3栋2单元301"), ("12号楼3楼01", "12栋301"), ("十二号楼三零一", "12栋301"),
                        ("宿舍楼2号楼3楼01", "宿舍楼2栋301"), ("A座12层01", "A座1201"),
                        ("12栋2单元15-03", "12栋2单元1503"), ("12栋2门1503", "12栋2单元1503"),     # a 23rd trial's
                        ("3号楼2门401", "3栋2单元401"), ("3号2门401", "3栋2单元401"),                  # a 24th's
                        ("A1203", "A座1203"), ("a座1203", "A座1203")):
        before = normalized_household(typed, True, True, True, True)           # a policy without the rule
        assert normalized_household(typed, True, True, True, True, True) == door != before, typed
    for kept in ("3栋2单元12楼305", "12楼01", "老街18号", "3-2-1201", "1-2-3-4-5", "H0012", "AB1203"):
        assert normalized_household(kept, True, True, True, True, True) == normalized_household(kept, True, True,
                                                                                                True, True)


def test_door_numbers_as_volunteers_type_them_are_one_household_under_the_variants_rule():
    from gridpay.transforms.door_numbers import normalized_household
    typed = ["7栋1单元101", "7栋1-101", "7#1-101", "七栋一单元101", "7座1单元101", "07-01-101", "7—1—101",
             "7号楼1单元101室", "７幢１单元１０１", "7栋1-101室", "7#1-101室"]    # 室 after a variant: a trial
    assert {normalized_household(t, dashes=True, variants=True) for t in typed} == {"7栋1单元101"}
    assert normalized_household("十二栋三单元502", variants=True) == "12栋3单元502"
    assert normalized_household("二十一栋1单元101", variants=True) == "21栋1单元101"
    for kept in ("G1-9-001", "H0012", "H_001", "A座701", "1-2-3-4"):    # not door numbers of this form
        assert normalized_household(kept, dashes=True, variants=True) == kept
    # without the rule (a policy from before it) each is read as typed, so earlier months reproduce
    assert normalized_household("七栋一单元101", dashes=True) == "七栋一单元101"
    assert normalized_household("7栋1-101", dashes=True) == "7栋1-101"


def test_answers_in_the_words_of_a_five_level_form_are_read_where_the_policy_names_them():
    """A trial's paper sheet used 比较满意 / 不太满意 / 很不满意 and '5分'; each was invalid."""
    import pytest
    from gridpay.ingest.survey_files import survey_reading
    from gridpay.core.settings import DEFAULT_POLICY
    from gridpay.transforms.parsing import normalized_likert
    from gridpay.transforms.policy import PolicyError, policy_from_toml
    text = DEFAULT_POLICY.read_text(encoding="utf-8")
    words = survey_reading(policy_from_toml(text)).answer_words
    typed = ["比较满意", "不太满意", "很不满意", "5分", " ５分 ", "满意", "非常不满意", "4", "好", "一", "五分", "l"]
    assert [normalized_likert(t, words) for t in typed] == ["4", "2", "1", "5", "5", "4", "1", "4", "好", "1", "5", "l"]
    # an archived policy without the table reads them as typed (invalid), so its months reproduce
    before = text.split("[survey.answer_words]")[0] + "[survey.sources]" + text.split("[survey.sources]")[1]
    assert policy_from_toml(before).answer_words == {} and normalized_likert("比较满意", {}) == "比较满意"
    with pytest.raises(PolicyError, match="'很满意' must be a point of the scale, 1 to 5"):
        policy_from_toml(text.replace('"很满意" = 5', '"很满意" = 6'))


def test_a_date_typed_without_its_year_is_a_day_of_the_runs_month_only(make_inbox, tmp_path):
    """A twelfth field trial's volunteer typed 10月3日: both such answers were quarantined, exit 0."""
    from conftest import SURVEY_HEADER, survey, write_csv
    from gridpay.core.policy_file import load_policy
    from gridpay.core.settings import DEFAULT_POLICY
    from gridpay.ingest.staging import stage_inputs
    from gridpay.ingest.survey_stage import stage_connection
    from gridpay.transforms.parsing import yearless_timestamp
    assert str(yearless_timestamp("１０月３号 14:30", "2026-10")) == "2026-10-03 14:30:00"
    assert yearless_timestamp("9月30日", "2026-10") is None and yearless_timestamp("2月30日", "2026-02") is None
    rows = [survey(f"R{i}", "G1", f"{i}栋1单元101", ("4",) * 5, when) for i, when in
            enumerate(["9月3日", "9月10日 9:05", "8月31日", "2026年9月10日下午3:20", "9月11日晚上8点", "9/12 8:30",
                       "10/12"])]
    inbox = make_inbox({})
    write_csv(inbox / "surveys" / "2026-09.csv", SURVEY_HEADER, rows)
    stage_inputs(inbox, "2026-09", load_policy(DEFAULT_POLICY), b"k", tmp_path / "work")
    with stage_connection(tmp_path / "work") as con:
        times = [str(t) for (t,) in con.execute("select submitted_at_ts from surveys order by row_id").fetchall()]
    assert times == ["2026-09-03 00:00:00", "2026-09-10 09:05:00", "None",       # August's day: its year is a guess
                     "2026-09-10 15:20:00", "2026-09-11 20:00:00",              # survey.written_times
                     "2026-09-12 08:30:00", "None"]                             # month/day: September's only
    from gridpay.transforms.parsing import written_time
    assert written_time("2026/9/10 中午12:30") == "2026/9/10 12:30" and written_time("下午13:00") is None
    assert written_time("2026年11月9号 14时30分") == "2026年11月9日 14:30"
    assert written_time("2026年11月9日上午") == "2026年11月9日" and written_time("中午1点") == "13:00"
    from gridpay.transforms.policy import policy_from_toml
    text = DEFAULT_POLICY.read_text(encoding="utf-8").replace('yearless_dates = "run_month"', "")
    assert not policy_from_toml(text).yearless_dates                            # as before the key: invalid
