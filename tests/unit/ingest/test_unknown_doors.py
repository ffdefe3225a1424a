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




def test_a_numeral_in_a_name_is_no_door(make_inbox, tmp_path):
    """Trial 266's elderly residents wrote who they were: 张大爷家 was invalid, 王二婶家 a home, and 刘三爷 and 刘三爷家 two
    homes, exit 0 (survey.numeral_doors_worded, policy 2027.32); a numeral before a door word, or a room in numerals
    alone, is still a door."""
    inbox = make_inbox({})
    write_csv(inbox / "surveys" / "2026-09" / "paper.csv", SURVEY_HEADER,
              [survey("K1", "G1", "王二婶家", ("5",) * 5), survey("K2", "G2", "刘三爷", ("2",) * 5, "2026-09-10 10:00:00"),
               survey("K3", "G2", "刘三爷家", ("1",) * 5, "2026-09-11 10:00:00"), survey("K4", "G1", "五零二", ("4",) * 5),
               survey("K5", "G2", "槐树胡同五号", ("3",) * 5), survey("K6", "G1", "二组十号", ("3",) * 5)])
    assert quarantined_below_the_cli(inbox, tmp_path / "now", load_policy(DEFAULT_POLICY)) == {
        "K1": "door_unknown", "K2": "door_unknown", "K3": "door_unknown"}
    before = DEFAULT_POLICY.read_text(encoding="utf-8").replace("numeral_doors_worded = true", "")
    assert quarantined_below_the_cli(inbox, tmp_path / "before", policy_from_toml(before)) == {}


def test_a_village_group_alone_or_a_door_of_zero_is_no_home(make_inbox, tmp_path, caplog):
    """Trial 308: villagers typed their group alone (李家村5组, 五组, 6队; one typed 0): each read as one home, all but its
    latest answer set aside as the home's older ones (W04 1620.48 for 1600.00), exit 0, nothing said, where 3栋 was
    invalid and said (survey.group_doors_invalid, policy 2027.37). A group's house (5组23号) is a home."""
    inbox = make_inbox({})
    write_csv(inbox / "surveys" / "2026-09" / "paper.csv", SURVEY_HEADER,
              [survey("V1", "G2", "李家村5组", ("5",) * 5, "2026-09-10 10:00:00"),
               survey("V2", "G2", "5组", ("2",) * 5, "2026-09-11 10:00:00"), survey("V3", "G2", "五组", ("4",) * 5),
               survey("V4", "G2", "6队", ("3",) * 5), survey("V5", "G1", "0", ("5",) * 5),
               survey("V6", "G2", "李家村5组23号", ("3",) * 5), survey("V7", "G1", "二组十号", ("3",) * 5)])
    assert quarantined_below_the_cli(inbox, tmp_path / "now", load_policy(DEFAULT_POLICY)) == {
        "V1": "door_unknown", "V2": "door_unknown", "V3": "door_unknown", "V4": "door_unknown", "V5": "door_unknown"}
    assert "answers of grid G2 give a village's group alone, or 0, as the door" in caplog.text
    before = DEFAULT_POLICY.read_text(encoding="utf-8").replace("group_doors_invalid = true", "")
    assert quarantined_below_the_cli(inbox, tmp_path / "before", policy_from_toml(before)) == {
        "V3": "duplicate_household"}        # 五组 the home 5组

def _houses(make_inbox, work, policy) -> dict[str, str]:
    """Trial 152: a villa compound's doors name a building alone (A12栋); a basement home's floor is -1层."""
    inbox = make_inbox({})
    write_csv(inbox / "grids.csv", ("grid_id", "grid_name", "community", "households", "compounds"),
              [("G1", "天桥新村一网格", "天井湖社区", "20", "翠湖山庄=翠湖别墅"), ("G2", "井湖村二网格", "天井湖社区", "10", "锦华苑;金桂园")])
    write_csv(inbox / "surveys" / "2026-09" / "paper.csv", (*SURVEY_HEADER, "compound"),
              [survey("Q1", "G1", "A12栋", ("5",) * 5) + ("",), survey("Q2", "G1", "B7栋", ("4",) * 5) + ("翠湖山庄",),
               survey("Q3", "G2", "3栋", ("4",) * 5) + ("锦华苑",),
               survey("Q4", "G2", "5栋-1层", ("2",) * 5, "2026-09-10 10:00:00") + ("锦华苑",),
               survey("Q5", "G2", "5栋1层", ("5",) * 5, "2026-09-11 10:00:00") + ("锦华苑",),
               survey("Q6", "G2", "9栋", ("3",) * 5) + ("",),          # a flats grid's answer naming no compound
               survey("Q7", "G1", "A-12", ("4",) * 5) + ("",)])       # A12栋 typed otherwise: named where both count
    return quarantined_below_the_cli(inbox, work, policy)


def test_a_building_alone_is_a_home_in_a_compound_of_houses_and_a_basement_is_not_the_first_floor(make_inbox, tmp_path,
                                                                                                 caplog):
    text = DEFAULT_POLICY.read_text(encoding="utf-8")
    assert _houses(make_inbox, tmp_path / "now", load_policy(DEFAULT_POLICY)) == {
        "Q1": "door_unknown", "Q2": "door_unknown", "Q3": "door_unknown", "Q6": "door_unknown"}   # said, naming the key
    from gridpay.ingest.reworded_doors import reworded_doors
    assert reworded_doors(tmp_path / "now") == []            # A12栋 counts nowhere: no pair to check
    assert ("2 answers of grid G1 give a building alone as the door ('A12栋', 'B7栋'): invalid (door_unknown), a "
            "building of flats being many homes. If they are whole houses (villas, townhouses, a lane's houses), list "
            "their compound in survey.house_compounds") in caplog.text
    villas = text.replace("house_compounds = []", 'house_compounds = ["翠湖别墅"]')          # its other name
    assert _houses(make_inbox, tmp_path / "villas", policy_from_toml(villas)) == {"Q3": "door_unknown",
                                                                                   "Q6": "door_unknown"}
    assert [d.grid_id for d in reworded_doors(tmp_path / "villas")] == ["G1"]
    typo = text.replace("house_compounds = []", 'house_compounds = ["翠湖山装"]')
    assert len(_houses(make_inbox, tmp_path / "typo", policy_from_toml(typo))) == 4
    assert "survey.house_compounds names 翠湖山装, which grids.csv lists for no grid" in caplog.text
    # before survey.door_number_basements: the basement's 5栋-1层 is the first floor's home, its answer the older one
    before = text.replace("door_number_basements = true", "")
    assert _houses(make_inbox, tmp_path / "before", policy_from_toml(before))["Q4"] == "duplicate_household"
