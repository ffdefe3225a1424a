"""A policy version names one set of rules. The scorecard, the worker's sheet and the notice print
the version that paid a month, and HR and auditors read "2027.2" as the same rules in every month
that shows it. A policy edited without a new version (a target raised, a minimum of answers
lowered) would pay November on rules October's scorecard also calls 2027.2, with exit 0. So a run
whose policy's rules differ from every published month's under the same version stops (exit 2)
before it reads a survey, naming the months and the rules that differ, the month being re-run among them (a
correction may change its rules under a new version: reference_drift says so); audits replay their own policy.
Rules, not bytes, are compared: a comment or a blank line is no change."""
from __future__ import annotations

import hashlib
import json
import logging
import tomllib
from dataclasses import fields, is_dataclass
from pathlib import Path

from gridpay.core.wording import listed
from gridpay.core.errors import ConfigError
from gridpay.core.policy_file import check_policy_keys, load_policy, policy_from_bytes
from gridpay.core.settings import DEFAULT_POLICY, Settings, environment_over_project
from gridpay.core.secret_key import ArchiveKeys
from gridpay.ingest.archive import blob_bytes
from gridpay.pipeline.run_notices import headed
from gridpay.pipeline.steps import POLICY_NAME
from gridpay.store.grid_history import last_published
from gridpay.store.warehouse import connect
from gridpay.transforms.policy import Policy
from gridpay.transforms.policy_keys import keys_left_out
from gridpay.transforms.policy_keys import toml_keys_changed

log = logging.getLogger("gridpay")
SHOWN = 5          # rules named; the rest are counted


def published_policies(db: Path, version: str) -> list[tuple[str, str, str]]:
    """(month, run id, archived policy SHA-256) of each month published under `version`, the month itself too (a
    hundred-and-fourth trial's correction of November published a neutral budget under the version that had paid it
    on the targets: two payrolls, one version name)."""
    with connect(db) as con:
        rows = con.execute("select p.month, r.run_id, r.inputs_json from published p join runs r using (run_id) "
                           "where r.policy_version = ? order by p.month", [version]).fetchall()
    return [(other, run_id, sha) for other, run_id, inputs in rows if (sha := policy_sha(inputs))]


def policy_sha(inputs_json: str | None) -> str | None:
    """The SHA-256 of the policy a run read, from its recorded inputs (runs.inputs_json)."""
    return next((e["sha256"] for e in json.loads(inputs_json or "[]") if e.get("name") == POLICY_NAME), None)


def archived_policy(archive: Path, sha: str, keys: ArchiveKeys) -> Policy | None:
    """A run's policy parsed from its archived bytes; None where they cannot be read (purged, unreadable)."""
    try:
        return policy_from_bytes(blob_bytes(archive, sha, keys), POLICY_NAME)
    except (OSError, ConfigError):
        return None


def check_policy_as_written(s: Settings, keys: ArchiveKeys, sha: str, policy: Policy) -> None:
    """A run on today's policy file (s.policy, archived as `sha`): stop if it says what no rule reads
    (transforms/policy_keys.py) or if the project's own policy.toml is not the one named; say the shipped
    rules it leaves out."""
    check_policy_keys(blob_bytes(s.archive, sha, keys), str(s.policy))
    check_unnamed_project_policy(s.project, s.policy, policy, s.db)
    if s.policy.resolve() != DEFAULT_POLICY.resolve():       # a community's own: read the shipped rules once
        shipped = load_policy(DEFAULT_POLICY)
        say_policy_left_out(s.policy, policy, shipped)
        say_shipped_version_edited(s.policy, policy, shipped)
    if s.project is not None:     # on the scorecard too: trial 142's trial policy, left set in a terminal, paid a month
        for line in (ln for ln in environment_over_project(s.project) if ln.startswith("GRIDPAY_POLICY=")):
            log.warning("%s: this month is paid on it (unset it to use the project's)", line, extra=headed("policy"))


# every version the shipped policy has had: a project's policy.toml of one of them may be init's copy, left
# unedited while gridpay was upgraded; any other version is a community's own
SHIPPED_VERSIONS = tuple(f"2026.{n}" for n in range(1, 13)) + tuple(f"2027.{n}" for n in range(1, 38))


def check_unnamed_project_policy(project: Path | None, used: Path, policy: Policy, db: Path | None = None) -> None:
    """`gridpay init` writes policy.toml beside gridpay.toml, to edit and then name there. Edited and not named,
    the month was paid on the shipped rules (a sixty-eighth trial: its raised targets ignored, W02 18.75 yuan,
    exit 0, nothing said on the console). A copy whose rules differ from the shipped ones stops the run, unless
    its version is one the shipped policy had (a copy left as init wrote it before an upgrade: said). Where months
    were published in `db` under the copy's version, the stop says so and does not offer the shipped rules (trial
    151's colleague, told to rename the file, re-published November under September's rules)."""
    copy = project.parent / "policy.toml" if project is not None else None
    if copy is None or not copy.is_file() or used.resolve() != DEFAULT_POLICY.resolve():
        return
    text = copy.read_bytes()
    try:
        theirs = policy_from_bytes(text, str(copy))
    except ConfigError:
        theirs = None
    rules = ["everything (it cannot be read)"] if theirs is None else [
        r for r in changed_rules(policy, theirs) if r != "version"]
    if theirs is not None and rules:       # named as the file writes them
        shipped = tomllib.loads(DEFAULT_POLICY.read_text(encoding="utf-8"))
        rules = toml_keys_changed(shipped, tomllib.loads(text.decode("utf-8"))) or rules
    if not rules:
        return
    version = theirs.version if theirs else "?"
    own = hashlib.sha256(text).hexdigest()       # the copy's own bytes, not another file of its version
    paid = sorted({m for m, _, sha in published_policies(db, version) if sha == own}) if db and db.exists() else []
    shipped = (f"to pay on the shipped rules, delete or rename {copy.name}" if not paid else
               f"{', '.join(paid)} {'was' if len(paid) == 1 else 'were'} published here under it, so the shipped "
               f"rules are not this community's: do not delete it")
    line = (f"{copy} (version {version}) is not the policy this run pays on: gridpay.toml names no policy, so "
            f"the shipped policy {policy.version} applies ({DEFAULT_POLICY}), and {copy.name} differs from it in "
            f"{listed(rules, SHOWN)}. To pay on {copy.name}, name it in gridpay.toml (policy = \"policy.toml\"); "
            f"{shipped}")
    if version in SHIPPED_VERSIONS and version != policy.version:
        log.warning("%s", line, extra=headed("policy"))
        return
    raise ConfigError(line + "; nothing published")


def say_policy_left_out(path: Path, policy: Policy, shipped: Policy) -> None:
    """A community's own policy that leaves out rules the shipped one sets: a policy archived before a
    rule must reproduce its months, so a key left out keeps the rule from before it (often no
    protection at all). Said on every new run from such a file, never in an audit."""
    left_out = keys_left_out(policy, shipped)
    if left_out:
        rules = f"{len(left_out)} rule{'s' if len(left_out) != 1 else ''}"
        log.warning("the policy %s (version %s) leaves out %s the shipped policy %s sets, so each works as it did "
                    "before it was added (docs/methodology.md, section 7, says what its absence means): %s. To use "
                    "today's rules, copy them from the shipped policy, %s (`gridpay init` in an empty folder writes a copy "
                    "of it, policy.toml, to read), into yours under a new version", path, policy.version, rules,
                    shipped.version, ", ".join(left_out), DEFAULT_POLICY, extra=headed("policy"))


def say_shipped_version_edited(path: Path, policy: Policy, shipped: Policy) -> None:
    """A community's policy under the shipped policy's own version whose rules differ from it: the scorecard prints
    考评办法版本 2027.34 for rules that are not 2027.34's (trial 289 edited init's copy, its version left as written).
    Said on every new run from it."""
    if policy.version != shipped.version or not (rules := [r for r in changed_rules(shipped, policy) if r != "version"]):
        return
    log.warning("the policy %s says version %s, the shipped policy's, but differs from it in %s: a version names its "
                "rules (the scorecard prints it, and an auditor reads it as the shipped one), so give yours a version "
                "of its own (version = \"%s-1\", or your community's name and a number)", path,
                policy.version, listed(rules, SHOWN), policy.version, extra=headed("policy"))


def changed_rules(before: Policy, after: Policy, prefix: str = "") -> list[str]:
    """The rules (as dotted names of the parsed policy) whose values differ; none: the same rules."""
    names = []
    for field in fields(before):
        if field.name in ("sha256", "stated_keys"):     # the bytes; a key written out with the value it had
            continue
        old, new = getattr(before, field.name), getattr(after, field.name)
        if old == new:
            continue
        if is_dataclass(old) and is_dataclass(new) and type(old) is type(new):
            names += changed_rules(old, new, f"{prefix}{field.name}.")
        else:
            names.append(prefix + field.name)
    return names


def check_version_names_its_rules(db: Path, archive: Path, keys: ArchiveKeys, policy: Policy, month: str) -> None:
    """Stop (ConfigError, exit 2) if other months were published under this policy's version and
    its rules are none of theirs. A month whose archived policy cannot be read is passed over."""
    if not db.exists():
        return
    say_rules_changed_since(db, archive, keys, policy, month)
    differing: list[tuple[str, list[str]]] = []
    for other, _run_id, sha in published_policies(db, policy.version):
        if sha == policy.sha256:
            return
        theirs = archived_policy(archive, sha, keys)
        if theirs is None:
            continue
        rules = changed_rules(theirs, policy)
        if not rules:
            return
        differing.append((other, _as_written(archive, keys, sha, policy.sha256) or rules))
    if differing:
        raise ConfigError(_message(policy, month, differing))


def say_rules_changed_since(db: Path, archive: Path, keys: ArchiveKeys, policy: Policy, month: str) -> None:
    """Say the rules that differ from the last published month before this one's, where its version differs (under
    one version the rules are one: the stop above). Trial 264's December ran under the 街道's new rules with nothing
    said; its November, run after the policy was edited for December, was paid on them (2136.00 for 1923.66), and
    nothing said either."""
    with connect(db) as con:
        if (last := last_published(con, month)) is None:
            return
        version, inputs = con.execute("select policy_version, inputs_json from runs where run_id = ?",
                                      [last[1]]).fetchall()[0]
    if version == policy.version or not (sha := policy_sha(inputs)) or sha == policy.sha256:
        return
    docs = _written(archive, keys, sha, policy.sha256)
    rules = [f"{key} ({_value(docs[0], key)} -> {_value(docs[1], key)})" for key in toml_keys_changed(*docs)] if docs else []
    if rules:
        log.warning("%s is paid under policy %s, and %s was paid under %s: they differ in %s. If these rules are not "
                    "yet %s's, run it under %s's policy file", month, policy.version, last[0], version,
                    listed(rules, SHOWN), month, last[0], extra=headed("rules_changed"))


def _value(doc: dict, dotted: str) -> str:
    """A key's value as the file writes it, for a line; a table or a list is shown by its kind."""
    for part in dotted.split("."):
        doc = doc.get(part) if isinstance(doc, dict) else None
    return "absent" if doc is None else "a table" if isinstance(doc, dict) else json.dumps(doc, ensure_ascii=False)


def _written(archive: Path, keys: ArchiveKeys, *shas: str) -> list[dict] | None:
    """The archived policy files as TOML documents; None where one cannot be read."""
    try:
        return [tomllib.loads(blob_bytes(archive, sha, keys).decode("utf-8")) for sha in shas]
    except (OSError, ValueError, ConfigError):
        return None


def _as_written(archive: Path, keys: ArchiveKeys, before: str, after: str) -> list[str]:
    """The keys as the two archived files write them that differ (a sixty-eighth trial was told of
    review.sample_share, a key its file has under [verification]); none where a file cannot be read."""
    docs = _written(archive, keys, before, after)
    return toml_keys_changed(*docs) if docs else []


def _message(policy: Policy, month: str, differing: list[tuple[str, list[str]]]) -> str:
    months = [m for m, _ in differing]
    rules = differing[-1][1]
    named = listed(rules, SHOWN)
    return (f"policy version {policy.version} already names other rules: {', '.join(months)} "
            f"{'was' if len(months) == 1 else 'were'} published under it, and this policy differs from "
            f"{months[-1]}'s in {named}. Every scorecard prints the version that paid its month, so one version "
            f"must mean one set of rules: give this policy a new version (version = \"{policy.version}-b\", say) "
            f"and run {month} again; to pay {month} on the rules published before, use that policy file")

