"""An --inbox inside another project's folder is read with that project's settings or not at all."""
import argparse

import pytest

from gridpay.core.errors import ConfigError
from gridpay.flows.commands import settings_for


def _args(inbox, out=None, db=None, policy=None) -> argparse.Namespace:
    return argparse.Namespace(inbox=inbox, out=out, db=db, policy=policy)


def test_an_inbox_of_another_project_stops_the_command_naming_it(tmp_path, monkeypatch):
    """A field trial typed `gridpay run --inbox ../lijing/inbox` in a folder with no gridpay.toml:
    the month was paid under the shipped policy into a new warehouse there (1923.00 for 1936.20), exit 0."""
    project = tmp_path / "lijing"
    (project / "inbox").mkdir(parents=True)
    (project / "gridpay.toml").write_text('policy = "policy.toml"\n', encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    with pytest.raises(ConfigError, match=r"is the inbox of the project .*lijing/gridpay.toml.*finds no gridpay.toml"
                                          r".*run it in .*lijing \(cd there first\)"):
        settings_for(_args("../lijing/inbox"))
    monkeypatch.chdir(project / "inbox")          # in the project, however deep: its own inbox
    assert settings_for(_args(".")).policy == project / "policy.toml"
    monkeypatch.chdir(tmp_path / "elsewhere")     # an inbox in no project: the defaults, as before
    (tmp_path / "loose").mkdir()
    assert settings_for(_args("../loose")).inbox == tmp_path / "loose"
    # every location of the project given (a sixty-fourth trial, from the project's parent folder): its own
    monkeypatch.chdir(tmp_path)
    settings = settings_for(_args("lijing/inbox", "lijing/out", "lijing/warehouse/gridpay.duckdb", "lijing/policy.toml"))
    assert settings.policy == project / "policy.toml" and settings.out == project / "out"
    with pytest.raises(ConfigError, match=r"give --out, --db and the policy of the project too \(--policy, or GRIDPAY_POLICY for a command without it\)"):
        settings_for(_args("lijing/inbox", "lijing/out", "lijing/warehouse/gridpay.duckdb"))     # the shipped policy
