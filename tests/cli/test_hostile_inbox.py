"""Hostile inbox entries through the CLI: a refused link stops the run before archiving; a huge value is echoed capped."""
import csv

from conftest import HAND_SURVEYS, survey

SECRET = "root:x:0:0:root:/root:/bin/bash"


def _link_survey(inbox, tmp_path):
    """A survey file in the inbox that is a link to a file outside it (here: a passwd-like line)."""
    target = tmp_path / "elsewhere" / "secret.csv"
    target.parent.mkdir(exist_ok=True)
    target.write_text(SECRET + "\n", encoding="utf-8")
    (inbox / "surveys" / "2026-09-passwd.csv").symlink_to(target)


def test_a_refused_link_stops_the_run_before_anything_is_archived(run_cli, make_inbox, tmp_path):
    inbox = make_inbox()
    _link_survey(inbox, tmp_path)
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 2
    assert err.strip().splitlines()[-1].startswith("gridpay: surveys/2026-09-passwd.csv: leads outside the inbox")
    assert SECRET not in err and "root:x" not in err
    archive = tmp_path / "archive"
    assert not archive.exists() or not [p for p in archive.rglob("*") if p.is_file()]


def test_quarantine_echoes_a_huge_value_capped(run_cli, make_inbox, make_policy, tmp_path):
    long_id = "R" + "9" * 5000
    rows = HAND_SURVEYS + [survey(long_id, "G1", "G1-9-999", ("9", "5", "5", "5", "5"))]
    code, err = run_cli("run", "--month", "2026-09", inbox=make_inbox({"2026-09.csv": rows}),
                        policy=make_policy(max_invalid_share="0.5", survey__sheet_scales='"as_typed"'))
    assert code == 0, err          # (its 9 beside R8's 7: under survey.sheet_scales, a sheet on another scale)
    with (tmp_path / "out" / "2026-09" / "quarantine.csv").open(encoding="utf-8-sig") as handle:
        ids = [r["response_id"] for r in csv.DictReader(handle)]
    assert f"R{'9' * 199}…(5,001 characters)" in ids
    assert long_id not in ids
