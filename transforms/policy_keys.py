"""What a policy file says that no rule reads, and what it leaves out, judged against the shipped policy's keys.

The parser reads the keys it knows and leaves the rest: an archived policy must load as it was
applied. A key HR misspells (`sat_overal = 2`, `floor_score`), writes in the wrong table, or types as
text where a switch is true or false (`shrinkage = "false"`, read as on) would pay the month on other
rules than the file shows (a sixty-eighth trial: up to 49.50 yuan a worker, exit 0, nothing said).
A new run stops on them (pipeline/run.py); an audit replays its archived policy as it was."""
from __future__ import annotations

import difflib

from gridpay.transforms.policy import WORD_TABLES, Policy, stated_keys

OPTIONAL = ("survey.file_id_prefixes", "survey.file_grids")     # keys the parser reads that the shipped policy does not set


def policy_key_doubts(doc: dict, shipped: dict) -> list[str]:
    """One line per key of `doc` no rule reads as written, with what was likely meant."""
    known = set(stated_keys(shipped)) | set(OPTIONAL)
    items = [str(i) for i in doc.get("survey", {}).get("items", [])]
    # a table no rule reads is named once, not each key in it
    lines = [f"{key}: no rule reads it{_meant(key, known, items)}" for key in stated_keys(doc)
             if key not in known and ("." not in key or key.rsplit(".", 1)[0] in known)]
    weights = doc.get("survey", {}).get("item_weights", {})
    # an item named by its question (总体满意度 for sat_overall: a sixty-eighth trial's weight left out)
    asked = {str(q): item for item, q in doc.get("survey", {}).get("questions", {}).items() if item in items}
    lines += [f"survey.item_weights.{name}: not one of survey.items{_closest(name, items, asked)}"
              for name in weights if isinstance(weights, dict) and name not in items]
    lines += [f"{key} = {_value(doc, key)!r}: written in quotes, so read as text; write {key.rsplit('.', 1)[1]} = "
              f"true or false, without quotes" for key in stated_keys(shipped)
              if isinstance(_value(shipped, key), bool) and _value(doc, key) is not None
              and not isinstance(_value(doc, key), bool)]
    if "version" in doc and not isinstance(doc["version"], str):      # 2027.10 unquoted is the number 2027.1
        lines.append(f"version = {doc['version']!r}: written without quotes, so read as a number (2027.10 reads "
                     f"2027.1); write it in quotes as the scorecards are to print it (version = \"2027.10\")")
    return lines


def toml_keys_changed(before: dict, after: dict, prefix: str = "") -> list[str]:
    """The keys as the file writes them (verification.sample_share, not the parsed rule's name) whose values
    differ between two policy documents, `version` aside; a table of the community's words is one key."""
    names = []
    for key in [*after, *(k for k in before if k not in after)]:      # the file's order; keys it lacks last
        old, new = before.get(key), after.get(key)
        if old == new or (not prefix and key == "version"):
            continue
        if isinstance(old, dict) and isinstance(new, dict) and key not in WORD_TABLES:
            names += toml_keys_changed(old, new, f"{prefix}{key}.")
        else:
            names.append(prefix + key)
    return names


def _meant(key: str, known: set[str], items: list[str]) -> str:
    leaf = key.rsplit(".", 1)[-1]
    if leaf in items:
        return f" (an item's weight goes under [survey.item_weights]: {leaf} = 2)"
    same = [k for k in sorted(known) if k.lower() == key.lower()]          # [Coefficient] for [coefficient]
    close = same or difflib.get_close_matches(key, sorted(known), n=1, cutoff=0.75)
    if close:
        return f" (did you mean {close[0]}?)"
    # the key's last part under another table: every such key, in order (a set's order differs by process)
    tables = [k for k in sorted(known) if k.rsplit(".", 1)[-1] == leaf]
    return (f" (did you mean {' or '.join(tables)}?)" if tables
            else " (docs/methodology.md, section 7, lists every key)")


def _closest(name: str, items: list[str], asked: dict[str, str]) -> str:
    close = [item for question, item in asked.items() if question and (question in name or name in question)]
    close = close or difflib.get_close_matches(name, items, n=1, cutoff=0.6)
    return f" (did you mean {close[0]}?)" if close else ""


def _value(doc: dict, dotted: str):
    node = doc
    for part in dotted.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def keys_left_out(policy: Policy, shipped: Policy) -> list[str]:
    """The keys and tables the shipped policy sets that `policy` does not (a table left out whole is
    named once): each such rule works as it did before it was added, usually without a protection."""
    stated = set(policy.stated_keys)
    return [k for k in shipped.stated_keys if k not in stated and (("." not in k) or k.rsplit(".", 1)[0] in stated)]
