"""Publishing swaps a complete month into place: readers see the old month or the new, never half.
Replacing a month, with and without the atomic exchange (rename(2)'s RENAME_EXCHANGE)."""
import pytest

from gridpay.publishing.outputs import swap_into_place


def _month(folder, text):
    folder.mkdir()
    (folder / "payroll.csv").write_text(text)
    return folder


def test_first_publication_of_a_month(tmp_path):
    swap_into_place(_month(tmp_path / ".publishing-1", "new"), tmp_path / "2026-10")
    assert (tmp_path / "2026-10" / "payroll.csv").read_text() == "new"


@pytest.mark.parametrize("atomic", [True, False])
def test_swap_with_and_without_the_atomic_exchange(atomic, tmp_path, monkeypatch):
    import gridpay.publishing.outputs as outputs
    if not atomic:
        monkeypatch.setattr(outputs, "_exchange", lambda a, b: False)
    target = tmp_path / "2026-09"
    for folder, text in ((target, "old"), (tmp_path / ".publishing-1", "new")):
        folder.mkdir()
        (folder / "payroll.csv").write_text(text)
    outputs.swap_into_place(tmp_path / ".publishing-1", target)
    assert (target / "payroll.csv").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2026-09"]
