"""A policy version names one set of rules (pipeline/policy_versions.py): a policy edited under the
version another month was published with stops the run (exit 2), naming the month and the rules;
the same rules saved again, or the month's own re-run, do not."""
import re

from conftest import policy_text, survey, write_csv

from gridpay.pipeline.policy_versions import changed_rules

OCTOBER = [survey(f"O{i}{g}", g, f"{g}-1-{100 + i}", ("4", "4", "4", "4", "4"), "2026-10-12 10:00:00")
           for i in range(1, 4) for g in ("G1", "G2")]        # both grids answered (gate.silent_grids)


def _october(inbox):
    from conftest import SURVEY_HEADER
    write_csv(inbox / "surveys" / "2026-10.csv", SURVEY_HEADER, OCTOBER)


def test_a_policy_edited_under_its_version_stops_the_next_month(run_cli, published_copy, tmp_path):
    inbox, policy = published_copy("none", 3)
    _october(inbox)
    edited = tmp_path / "edited.toml"
    # the same version, another minimum and call share: named as the file writes them (a sixty-eighth trial was
    # told of review.sample_share, a key of [verification])
    edited.write_text(policy_text(min_responses=5, verification__sample_share=0.1), encoding="utf-8")
    code, err = run_cli("run", "--month", "2026-10", inbox=inbox, policy=edited)
    assert code == 2
    line = err.strip().splitlines()[-1]
    version = policy_text().split('version = "')[1].split('"')[0]
    assert line.startswith(f"gridpay: policy version {version} already names other rules: 2026-09 was published "
                           f"under it, and this policy differs from 2026-09's in verification.sample_share, "
                           f"scoring.min_responses."), line          # in the file's order
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
    # September's own correction on other rules under the version that paid it stops too (a hundred-and-fourth
    # trial's correction published a neutral budget under the version that had paid on the targets)
    edited = tmp_path / "edited.toml"
    edited.write_text(policy_text(min_responses=5), encoding="utf-8")
    code, err = run_cli("run", "--month", "2026-09", "--reference", "inbox", inbox=inbox, policy=edited)
    assert code == 2 and "2026-09, 2026-10 were published under it" in err, err
    edited.write_text(policy_text(min_responses=5, version='"2027.12-b"'), encoding="utf-8")   # a version of its own
    code, err = run_cli("run", "--month", "2026-09", "--reference", "inbox", "--reason", "最低样本量调整", inbox=inbox,
                        policy=edited)
    assert code == 0, err


def test_changed_rules_names_nested_rules_and_ignores_the_bytes(tmp_path):
    from gridpay.core.policy_file import policy_from_bytes
    base = policy_from_bytes(policy_text().encode(), "a.toml")
    assert changed_rules(base, policy_from_bytes(("# x\n" + policy_text()).encode(), "b.toml")) == []
    changed = changed_rules(base, policy_from_bytes(policy_text(min_responses=7).encode(), "c.toml"))
    assert changed == ["scoring.min_responses"]


def test_a_projects_policy_toml_edited_and_not_named_stops_the_run(tmp_path, monkeypatch, capsys):
    """A sixty-eighth trial's raised targets in init's policy.toml were never read: gridpay.toml named no policy,
    the month was paid on the shipped rules, nothing said on the console."""
    from conftest import build_inbox
    from gridpay.core.settings import DEFAULT_POLICY
    from gridpay.flows.cli import main as gridpay_main
    hr = tmp_path / "hr"
    assert gridpay_main(["init", str(hr)]) == 0
    build_inbox(hr)
    monkeypatch.chdir(hr)
    assert gridpay_main(["run", "--month", "2026-09", "--reports", "none"]) == 0      # init's copy, unedited
    version = policy_text().split('version = "')[1].split('"')[0]
    edited = DEFAULT_POLICY.read_text(encoding="utf-8").replace("min_responses = 10", "min_responses = 9", 1)
    (hr / "policy.toml").write_text(edited, encoding="utf-8")
    capsys.readouterr()
    assert gridpay_main(["run", "--month", "2026-09", "--reports", "none"]) == 2
    assert (f"{hr / 'policy.toml'} (version {version}) is not the policy this run pays on: gridpay.toml names no "
            f"policy, so the shipped policy {version} applies") in capsys.readouterr().err
    # an earlier shipped version's copy, left as init wrote it before an upgrade, is said
    (hr / "policy.toml").write_text(edited.replace(f'version = "{version}"', 'version = "2027.5"'), encoding="utf-8")
    assert gridpay_main(["run", "--month", "2026-09", "--reports", "none"]) == 0
    assert "policy.toml (version 2027.5) is not the policy this run pays on" in capsys.readouterr().err


def test_a_copied_project_s_policy_months_were_published_under_is_not_offered_for_deletion(tmp_path, monkeypatch,
                                                                                           capsys):
    """Trial 151's colleague, whose copy of the project named no policy, was told to delete or rename policy.toml
    to pay on the shipped rules, and re-published November under September's."""
    from conftest import build_inbox
    from gridpay.core.settings import DEFAULT_POLICY
    from gridpay.flows.cli import main as gridpay_main
    hr = tmp_path / "hr"
    assert gridpay_main(["init", str(hr)]) == 0
    build_inbox(hr)
    monkeypatch.chdir(hr)
    own = DEFAULT_POLICY.read_text(encoding="utf-8").replace("min_responses = 10", "min_responses = 9", 1)
    (hr / "policy.toml").write_text(re.sub(r'(?m)^version = ".*"', 'version = "own-1"', own), encoding="utf-8")
    named = (hr / "gridpay.toml").read_text(encoding="utf-8")
    (hr / "gridpay.toml").write_text(named.replace('# policy = "policy.toml"', 'policy = "policy.toml"'), "utf-8")
    assert gridpay_main(["run", "--month", "2026-09", "--reports", "none"]) == 0
    (hr / "gridpay.toml").write_text(named, encoding="utf-8")          # the copy's line left commented out
    capsys.readouterr()
    assert gridpay_main(["run", "--month", "2026-09", "--reports", "none"]) == 2
    err = capsys.readouterr().err
    assert "2026-09 was published here under it, so the shipped rules are not this community's: do not delete " \
           "it" in err and "delete or rename" not in err, err
