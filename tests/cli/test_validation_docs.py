"""Each published month carries GX's Data Docs of what was checked (out/<month>/validation/): every
suite the run validated, counts only (no phone, no comment, no typed value), listed in the
manifest and recorded like every output; `gridpay render` keeps them; GX runs unpatched."""
import json

from conftest import HAND_SURVEYS, RESIDENT_PHONE, WORKER_PHONE, survey

# a phone typed into an answer and into the channel: invalid rows, whose values must not reach the docs
TYPED = [survey("R9", "G1", "G1-3-101", (RESIDENT_PHONE, "4", "4", "4", "4"), channel=WORKER_PHONE)]
MORE = [survey(f"OK{i}", "G2", f"G2-3-{i:03d}", ("4", "4", "4", "4", "4")) for i in range(1, 11)]
SUITES = ("grids", "workers", "assignments", "adjustments", "surveys", "outcome")


def test_a_published_month_has_data_docs_naming_each_suite_and_no_phone(run_cli, make_inbox, tmp_path):
    code, err = run_cli("run", "--month", "2026-09", inbox=make_inbox({"2026-09.csv": HAND_SURVEYS + TYPED + MORE}))
    assert code == 0, err
    month = tmp_path / "out" / "2026-09"
    docs = month / "validation"
    index = (docs / "index.html").read_text(encoding="utf-8")
    for suite in SUITES:
        assert suite in index, suite
        assert (docs / "expectations" / f"{suite}.html").is_file(), suite
        assert list((docs / "validations" / suite).rglob("*.html")), suite
    files = [p for p in docs.rglob("*") if p.is_file()]
    for path in files:
        data = path.read_bytes()
        for secret in (RESIDENT_PHONE, WORKER_PHONE, "13800000002", "楼道灯坏了".encode()):
            assert (secret.encode() if isinstance(secret, str) else secret) not in data, (path, secret)
    assert not any(p.suffix == ".gif" for p in files)           # GX's unused 4 MB of images stay behind
    assert all(p.stat().st_mode & 0o077 == 0 for p in files)    # private, as every output
    # the surveys page says the answers rule failed on one row (a count, not the value)
    page = next((docs / "validations" / "surveys").rglob("*.html")).read_text(encoding="utf-8")
    assert "sat_overall" in page
    manifest = {o["file"] for o in json.loads((month / "manifest.json").read_text(encoding="utf-8"))["outputs"]}
    assert {p.relative_to(month).as_posix() for p in files} <= manifest


def test_render_keeps_the_data_docs_and_the_month_still_audits(published_copy, run_cli, tmp_path):
    inbox, _ = published_copy("none")
    docs = tmp_path / "out" / "2026-09" / "validation"
    before = {p.relative_to(docs): p.read_bytes() for p in docs.rglob("*") if p.is_file()}
    assert before and (docs / "index.html") in {docs / p for p in before}
    assert run_cli("render", "--month", "2026-09", inbox=inbox)[0] == 0
    assert {p.relative_to(docs): p.read_bytes() for p in docs.rglob("*") if p.is_file()} == before
    code, err = run_cli("audit", "--month", "2026-09", inbox=inbox)
    assert code == 0, err + run_cli.out


def test_the_runner_leaves_gx_as_shipped():
    from great_expectations.execution_engine import sqlalchemy_execution_engine as engine

    import gridpay.expectations.runner  # noqa: F401
    assert engine.SqlAlchemyExecutionEngine.get_connection.__module__ == engine.__name__
