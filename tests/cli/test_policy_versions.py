"""A policy version names one set of rules (pipeline/policy_versions.py): a policy edited under the
version another month was published with stops the run (exit 2), naming the month and the rules;
the same rules saved again, or the month's own re-run, do not."""
from conftest import policy_text, survey, write_csv

from gridpay.pipeline.policy_versions import changed_rules

OCTOBER = [survey(f"O{i}", "G1", f"G1-1-{100 + i}", ("4", "4", "4", "4", "4"), "2026-10-12 10:00:00")
           for i in range(1, 4)]


def _october(inbox):
    from conftest import SURVEY_HEADER
    write_csv(inbox / "surveys" / "2026-10.csv", SURVEY_HEADER, OCTOBER)


def test_a_policy_edited_under_its_version_stops_the_next_month(run_cli, published_copy, tmp_path):
    inbox, policy = published_copy("none", 3)
    _october(inbox)
    edited = tmp_path / "edited.toml"
    edited.write_text(policy_text(min_responses=5), encoding="utf-8")       # the same version, another minimum
    code, err = run_cli("run", "--month", "2026-10", inbox=inbox, policy=edited)
    assert code == 2
    line = err.strip().splitlines()[-1]
    version = policy_text().split('version = "')[1].split('"')[0]
    assert line.startswith(f"gridpay: policy version {version} already names other rules: 2026-09 was published "
                           f"under it, and this policy differs from 2026-09's in scoring.min_responses."), line
    assert f'version = "{version}-b"' in line and not (tmp_path / "out" / "2026-10").exists()

    edited.write_text(policy_text(min_responses=5).replace(f'version = "{version}"', f'version = "{version}-b"'),
                      encoding="utf-8")
    assert run_cli("run", "--month", "2026-10", inbox=inbox, policy=edited)[0] == 0


def test_the_same_rules_saved_again_and_the_month_s_own_correction_go_on(run_cli, published_copy, tmp_path):
    inbox, policy = published_copy("none", 3)
    _october(inbox)
    again = tmp_path / "again.toml"            # a comment and a blank line added: the same rules
    again.write_text("# checked by HR, October\n\n" + policy.read_text(encoding="utf-8"), encoding="utf-8")
    assert run_cli("run", "--month", "2026-10", inbox=inbox, policy=again)[0] == 0
    # September's own correction on other rules is a re-run's business (reference_drift), but October
    # is published under the version too, and its rules are not these
    edited = tmp_path / "edited.toml"
    edited.write_text(policy_text(min_responses=5), encoding="utf-8")
    code, err = run_cli("run", "--month", "2026-09", "--reference", "inbox", inbox=inbox, policy=edited)
    assert code == 2 and "2026-10 was published under it" in err


def test_changed_rules_names_nested_rules_and_ignores_the_bytes(tmp_path):
    from gridpay.core.policy_file import policy_from_bytes
    base = policy_from_bytes(policy_text().encode(), "a.toml")
    assert changed_rules(base, policy_from_bytes(("# x\n" + policy_text()).encode(), "b.toml")) == []
    changed = changed_rules(base, policy_from_bytes(policy_text(min_responses=7).encode(), "c.toml"))
    assert changed == ["scoring.min_responses"]
