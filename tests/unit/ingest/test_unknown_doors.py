"""A door number typed as not known (survey.unknown_doors, policy 2027.15): trial 123's volunteer typed 看不清 for two
forms' illegible doors; the two homes were one household, the first answer set aside as its older one, exit 0."""
from below_cli import quarantined_below_the_cli
from conftest import SURVEY_HEADER, survey, write_csv
from gridpay.core.policy_file import load_policy
from gridpay.core.settings import DEFAULT_POLICY
from gridpay.transforms.policy import policy_from_toml


def _quarantined(make_inbox, work, policy) -> dict[str, str]:
    inbox = make_inbox({})
    write_csv(inbox / "surveys" / "2026-09" / "paper.csv", SURVEY_HEADER,
              [survey("P1", "G1", "看不清", ("5",) * 5, "2026-09-10 10:00:00"),
               survey("P2", "G1", "看不清", ("2",) * 5, "2026-09-11 10:00:00"),
               survey("P3", "G2", "？", ("4",) * 5), survey("P4", "G2", "无锡路1号", ("4",) * 5),
               survey("P5", "G2", "2-1-302", ("3",) * 5), survey("P6", "G1", "保密", ("1",) * 5),
               survey("P7", "G1", "保密", ("1",) * 5, "2026-09-12 10:00:00"), survey("P8", "G1", "三栋二单元五零一", ("3",) * 5),
               survey("P9", "G2", "一楼", ("1",) * 5), survey("P10", "G2", "3号楼", ("2",) * 5),
               survey("P11", "G2", "12号", ("3",) * 5), survey("P12", "G2", "1楼101", ("3",) * 5)])
    return quarantined_below_the_cli(inbox, work, policy)


def test_a_door_typed_as_not_known_is_invalid_and_no_home(make_inbox, tmp_path, caplog):
    policy = load_policy(DEFAULT_POLICY)
    # a door with no number at all (保密) is none either: trial 146's two 保密 were one home (policy 2027.17)
    assert _quarantined(make_inbox, tmp_path / "now", policy) == {
        "P1": "door_unknown", "P2": "door_unknown", "P3": "door_unknown", "P6": "door_unknown", "P7": "door_unknown",
        "P9": "door_unknown", "P10": "door_unknown"}     # a floor or building alone; a village's 12号 is a home
    text = DEFAULT_POLICY.read_text(encoding="utf-8")
    words = text.replace('unknown_doors = "no_number"', 'unknown_doors = "invalid"')     # 2027.15's words only
    assert _quarantined(make_inbox, tmp_path / "words", policy_from_toml(words)) == {
        "P1": "door_unknown", "P2": "door_unknown", "P3": "door_unknown", "P6": "duplicate_household"}
    assert "2 answers of grid G1 give the door '保密', which names no one home: they are read as one home" in caplog.text
    # before the rule: 看不清 is a home, and its first answer its older one
    before = text.replace('unknown_doors = "no_number"', "")
    assert _quarantined(make_inbox, tmp_path / "before", policy_from_toml(before)) == {
        "P1": "duplicate_household", "P6": "duplicate_household"}

