"""A phone one digit off a worker's in workers.csv (trial 234: her number typed wrong, her 代填 answers for eight homes
of her own grid counted as residents', 1630.08 for 1510.24, exit 0)."""
from conftest import WORKER_PHONE, survey
from gridpay.core.policy_file import load_policy
from gridpay.core.settings import DEFAULT_POLICY
from gridpay.ingest.near_phones import near_numbers, near_worker_phones
from gridpay.ingest.staging import stage_inputs


def test_the_numbers_one_digit_off_a_mobile():
    near = near_numbers("13912345678")
    assert len(near) == 11 * 9 + 10 and "13912345679" in near and "13921345678" in near and "13912345678" not in near
    assert len(near_numbers("13800000001")) == 99 + 4      # two zeros swapped are the same number


PHONE = "13712345678"       # the worker's own, on which she typed her elderly residents' forms


def _staged(make_inbox, tmp_path, typed: str, homes: int):
    rows = [survey(f"D{i}", "G1", f"{i}栋1单元101", ("5",) * 5, phone=PHONE) for i in range(1, homes + 1)]
    inbox = make_inbox({"2026-09.csv": rows + [survey("R9", "G2", "9栋101", ("4",) * 5, phone=PHONE)]})
    workers = (inbox / "workers.csv").read_text(encoding="utf-8").replace(WORKER_PHONE, typed, 1)
    (inbox / "workers.csv").write_text(workers, encoding="utf-8")
    stage_inputs(inbox, "2026-09", load_policy(DEFAULT_POLICY), b"k", tmp_path / "work")
    return near_worker_phones(tmp_path / "work")


def test_a_phone_one_digit_off_hers_answering_for_homes_of_her_grid_is_found(make_inbox, tmp_path):
    found = _staged(make_inbox, tmp_path, "13712345687", 3)        # W1 works G1 (the hand inbox)
    assert found == [("W1", "G1", 3, 3, ["D1", "D2", "D3"])]                  # not G2's answer: not her grid


def test_one_home_or_her_own_number_is_not_said(make_inbox, tmp_path):
    assert _staged(make_inbox, tmp_path / "a", "13712345687", 1) == []     # a relative's, likely
    assert _staged(make_inbox, tmp_path / "b", PHONE, 3) == []                 # hers: self_rating already
    assert _staged(make_inbox, tmp_path / "c", "15987654321", 3) == []               # far from it
