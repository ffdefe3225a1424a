"""A home written with a letter and without it (a villa's A12栋 and 12号别墅, a basement's 42栋B1 and 42栋负一层, a
shared flat's 502B and 502之二) is two households by the door-number rules; the run names such pairs per grid (a
hundred-and-fifty-second trial's villa paid W02 1864.62 for 1973.34, exit 0, nothing said)."""
from conftest import SURVEY_HEADER, survey, write_csv
from gridpay.core.policy_file import load_policy
from gridpay.core.settings import DEFAULT_POLICY
from gridpay.ingest.lettered_doors import lettered_doors
from gridpay.ingest.staging import stage_inputs


def test_the_same_numbers_one_with_a_letter_are_named(make_inbox, tmp_path):
    doors = [("G1", "A12栋"), ("G1", "12号别墅"), ("G1", "B12栋"),             # B12 and A12: two villas
             ("G1", "42栋B1"), ("G1", "42栋负一层"), ("G1", "42栋1层"),         # B1 is below ground, not the 1st floor
             ("G2", "3-2-502B"), ("G2", "3-2-502之二"), ("G2", "3-2-502A"),   # 502A is 502之1, not 502之2
             ("G2", "A座1203"), ("G2", "1203"),                              # a place before it: door_prefixes' pair
             ("G2", "A-1203"),                                               # A座1203 in other words: reworded's
             ("G3", "12号别墅"), ("G2", "8栋1单元301"), ("G2", "8栋1单元302"),   # another grid; no letter
             ("G4", "2-2-B103"), ("G4", "2栋2单元负一层3号"), ("G4", "2栋1单元地下室5号"), ("G4", "2-1-B105")]   # trial 155
    rows = [survey(f"R{i}", grid, door, ("4",) * 5) for i, (grid, door) in enumerate(doors)]
    inbox = make_inbox({})
    write_csv(inbox / "surveys" / "2026-09.csv", SURVEY_HEADER, rows)
    stage_inputs(inbox, "2026-09", load_policy(DEFAULT_POLICY), b"k", tmp_path / "work")
    found = {d.grid_id: (d.pairs, d.shown) for d in lettered_doors(tmp_path / "work")}
    assert found == {"G1": (3, (("12号别墅", "A12栋"), ("12号别墅", "B12栋"), ("42栋B1", "42栋负1层"))),
                     "G2": (1, (("3-2-502B", "3栋2单元502号之2"),)),
                     "G4": (2, (("2栋1单元B105", "2栋1单元负1层5号"), ("2栋2单元B103", "2栋2单元负1层3号")))}
    line = lettered_doors(tmp_path / "work")[0].line()
    assert line.startswith("天桥新村一网格 (G1): 3 pairs of door numbers give the same numbers, one with a letter "
                           "('12号别墅' and 'A12栋', '12号别墅' and 'B12栋', '42栋B1' and '42栋负1层'), each counted")


def test_a_villa_written_with_its_word_before_or_after_the_number_is_named(make_inbox, tmp_path):
    """Trial 155's 别墅7号 and 7号别墅, one villa, were counted twice and named nowhere."""
    from gridpay.ingest.reworded_doors import reworded_doors
    doors = ("别墅7号", "7号别墅", "别墅9号", "3栋1单元502B", "3栋1单元502b")       # and a letter's case (its re-check)
    rows = [survey(f"R{i}", "G1", door, ("4",) * 5) for i, door in enumerate(doors)]
    inbox = make_inbox({})
    write_csv(inbox / "surveys" / "2026-09.csv", SURVEY_HEADER, rows)
    stage_inputs(inbox, "2026-09", load_policy(DEFAULT_POLICY), b"k", tmp_path / "work")
    assert [(d.grid_id, d.shown) for d in reworded_doors(tmp_path / "work")] == [
        ("G1", (("3栋1单元502B", "3栋1单元502b"), ("7号别墅", "别墅7号")))]
    assert lettered_doors(tmp_path / "work") == []
