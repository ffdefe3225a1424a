"""Two builds of one package version are told apart (trial 94: the release before and after an upgrade both
recorded 0.2.0, and the auditor could not see that a month was made by another build)."""
from gridpay.core import build


def test_an_installed_build_is_named_by_its_files_and_a_change_to_any_names_another(tmp_path, monkeypatch):
    (tmp_path / "pipeline").mkdir()
    (tmp_path / "pipeline" / "run.py").write_text("x = 1\n", encoding="utf-8")
    (tmp_path / "reports.j2").write_text("<p>", encoding="utf-8")
    (tmp_path / "example.csv").write_text("not code", encoding="utf-8")
    monkeypatch.setattr(build, "ROOT", tmp_path)                 # no pyproject.toml: a wheel's files
    build.code_version.cache_clear()
    first = build.code_version()
    assert first.startswith(build.metadata.version("gridpay") + "+b") and len(first.split("+b")[1]) == 12
    (tmp_path / "example.csv").write_text("other data", encoding="utf-8")
    build.code_version.cache_clear()
    assert build.code_version() == first                          # data is not the build
    (tmp_path / "pipeline" / "run.py").write_text("x = 2\n", encoding="utf-8")
    build.code_version.cache_clear()
    assert build.code_version() != first
    build.code_version.cache_clear()
