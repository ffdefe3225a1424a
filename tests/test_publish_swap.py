"""Publishing swaps a complete month into place: readers see the old month or the new, never half.
(Replacing a month, with and without the atomic exchange: tests/test_core_units.py.)"""
from gridpay.publishing.outputs import swap_into_place


def _month(folder, text):
    folder.mkdir()
    (folder / "payroll.csv").write_text(text)
    return folder


def test_first_publication_of_a_month(tmp_path):
    swap_into_place(_month(tmp_path / ".staging-1", "new"), tmp_path / "2026-10")
    assert (tmp_path / "2026-10" / "payroll.csv").read_text() == "new"
