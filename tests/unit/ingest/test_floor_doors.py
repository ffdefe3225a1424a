"""A tower's door written by its floor and flat, without a building (18楼08室), beside the room they make (1808): two
households by the door-number rules, whose floor rule reads a floor only after a building or unit (alone, 5楼 is as
often 5号楼). Trial 277's 枣园公寓 couples answered both ways and each home counted twice, unsaid (W04 1410.56 for
1390.72); from output format 32 the run names such pairs."""
from conftest import SURVEY_HEADER, survey, write_csv
from gridpay.core.policy_file import load_policy
from gridpay.core.settings import DEFAULT_POLICY
from gridpay.ingest.reworded_doors import reworded_doors
from gridpay.ingest.staging import stage_inputs


def test_a_floor_and_flat_without_a_building_is_named_beside_the_room_they_make(make_inbox, tmp_path):
    doors = [("G1", "18楼08室"), ("G1", "1808"), ("G1", "9楼12"), ("G1", "912室"),    # one home each, two ways
             ("G1", "12楼1201"), ("G1", "1201"),                                     # the floor said twice
             ("G1", "5楼301"), ("G1", "301"),                   # not a floor's flat: building 5's 301? not named
             ("G1", "3层05号"), ("G2", "305"),                  # the room in another grid: another home
             ("G2", "枣园公寓18楼08"), ("G2", "枣园公寓1808"), ("G2", "1808"),   # one compound's; the bare 1808 not
             ("G2", "6楼1"), ("G2", "601"),
             ("G3", "18-08"), ("G3", "1808"), ("G3", "18F08"), ("G3", "9栋808")]   # its re-check: dashed; not 9栋's 808
    rows = [survey(f"R{i}", grid, door, ("4",) * 5) for i, (grid, door) in enumerate(doors)]
    inbox = make_inbox({})
    write_csv(inbox / "surveys" / "2026-09.csv", SURVEY_HEADER, rows)
    stage_inputs(inbox, "2026-09", load_policy(DEFAULT_POLICY), b"k", tmp_path / "work")
    assert reworded_doors(tmp_path / "work") == []          # an output format before 32: as it was published
    found = {d.grid_id: (d.pairs, d.shown) for d in reworded_doors(tmp_path / "work", shown=30, floors=True)}
    assert found == {"G1": (3, (("1201", "12楼1201"), ("1808", "18楼08"), ("912", "9楼12"))),
                     "G2": (2, (("601", "6楼1"), ("枣园公寓1808", "枣园公寓18楼08"))),
                     "G3": (2, (("1808", "18F08"), ("1808", "18栋8")))}, found
    line = reworded_doors(tmp_path / "work", floors=True)[0].line()
    assert line.startswith("天桥新村一网格 (G1): 3 pairs of door numbers give the same numbers in other words "
                           "('1201' and '12楼1201', '1808' and '18楼08', '912' and '9楼12')"), line
