"""Two computers, one project: a copy of the warehouse never publishes into the original's folder, a month another
copy published is named so, and a variable left set in one terminal is said where HR signs (trial 142)."""
import json
import shutil

from conftest import build_inbox
from gridpay.core.settings import DEFAULT_POLICY
from gridpay.flows.cli import main as gridpay_main


def _files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_copy_of_the_warehouse_never_publishes_into_the_original_s_folder(run_cli, make_inbox, tmp_path):
    """A trial left GRIDPAY_DB pointing at a copied project and re-ran October in the original: the
    copy knows the original's runs, so it published there, and the original's audit failed (73 lines)."""
    inbox, hr, copy = make_inbox(), tmp_path / "hr", tmp_path / "hr2"
    assert run_cli("run", "--month", "2026-09", inbox=inbox, db=hr / "w.duckdb", out=hr / "out")[0] == 0
    shutil.copytree(hr, copy)
    published = _files(hr / "out" / "2026-09")
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, db=copy / "w.duckdb", out=hr / "out")
    assert code == 2 and f"{hr / 'out' / '2026-09'} was published by the warehouse {hr / 'w.duckdb'}, which is " \
                         f"still there; this command's warehouse {copy / 'w.duckdb'} is a copy of it" in err
    assert _files(hr / "out" / "2026-09") == published
    # the copy in its own folder, and in the original's once that is gone (a moved warehouse), publish; the copy's
    # first run says where its months were published from (trial 142's two Novembers), its next says nothing
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, db=copy / "w.duckdb", out=copy / "out")
    assert code == 0 and (f"this warehouse ({copy / 'w.duckdb'}) published 2026-09 from {hr / 'w.duckdb'}: the project "
                          f"was copied or moved") in err, err
    assert "was copied or moved" not in run_cli("run", "--month", "2026-09", inbox=inbox, db=copy / "w.duckdb",
                                                out=copy / "out")[1]
    (hr / "w.duckdb").rename(tmp_path / "moved.duckdb")
    assert run_cli("run", "--month", "2026-09", inbox=inbox, db=copy / "w.duckdb", out=hr / "out")[0] == 0


def test_a_policy_set_in_the_environment_is_said_once_and_on_the_scorecard(tmp_path, monkeypatch, capsys):
    """Trial 142: a trial policy left set in one terminal paid November (W01 1710.90 for 1676.85), exit 0; the console
    said so, the scorecard HR signs did not."""
    hr = tmp_path / "hr"
    assert gridpay_main(["init", str(hr), "--community", "天井湖社区"]) == 0
    build_inbox(hr)
    trial = tmp_path / "trial.toml"
    trial.write_text(DEFAULT_POLICY.read_text(encoding="utf-8").replace('version = "2027.37"', 'version = "试算"'),
                     encoding="utf-8")
    monkeypatch.chdir(hr)
    monkeypatch.setenv("GRIDPAY_POLICY", str(trial))
    capsys.readouterr()
    assert gridpay_main(["run", "--month", "2026-09", "--reports", "hr"]) == 0
    line = (f"GRIDPAY_POLICY={trial} sets the policy, not the shipped policy {DEFAULT_POLICY} ({hr / 'gridpay.toml'} names "
            f"none): this month is paid on it")
    assert capsys.readouterr().err.count(line) == 1
    assert line.replace("'", "&#39;") in (hr / "out" / "2026-09" / "scorecard.html").read_text(encoding="utf-8")
    # its re-check: finalized in a terminal without the variable, the trial policy's pay was made final
    monkeypatch.delenv("GRIDPAY_POLICY")
    assert gridpay_main(["finalize", "--month", "2026-09", "--by", "陈主任", "--force", "--reason", "x"]) == 2
    assert f"was paid on the policy {trial}, which GRIDPAY_POLICY set over the project's" in capsys.readouterr().err


def test_a_month_a_copy_of_the_warehouse_published_is_named_as_the_copys(run_cli, make_inbox, tmp_path):
    """Trial 142: clerk B's laptop copy re-ran November and her out/ was copied back; the office's next run said
    '... of the warehouse X (a copy of this warehouse ...), not by the warehouse X', the same path twice."""
    inbox, hr, laptop = make_inbox(), tmp_path / "hr", tmp_path / "laptop"
    assert run_cli("run", "--month", "2026-09", inbox=inbox, db=hr / "w.duckdb", out=hr / "out")[0] == 0
    shutil.copytree(hr, laptop)
    assert run_cli("run", "--month", "2026-09", "--reason", "B", inbox=inbox, db=laptop / "w.duckdb",
                   out=laptop / "out")[0] == 0
    shutil.rmtree(hr / "out" / "2026-09")
    shutil.copytree(laptop / "out" / "2026-09", hr / "out" / "2026-09")
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, db=hr / "w.duckdb", out=hr / "out")
    run_id = json.loads((hr / "out" / "2026-09" / "manifest.json").read_text(encoding="utf-8"))["run_id"]
    assert code == 2 and (f"was published by run {run_id}, which this warehouse ({hr / 'w.duckdb'}) has no record of: "
                          f"another copy of it published the month") in err, err
