"""CONTRIBUTING.md's house rules, checked: no module over 250 lines and no function over 60, in the
package, the benchmarks, the scripts and the tests (a reader should see a file's job at once)."""
import ast

from conftest import ROOT

FOLDERS = ("core", "ingest", "expectations", "transforms", "store", "publishing", "reports", "pipeline", "flows",
           "benchmarks", "scripts", "tests")


def _modules():
    for folder in FOLDERS:
        yield from sorted((ROOT / folder).rglob("*.py"))


def test_no_module_over_250_lines_and_no_function_over_60():
    too_long = []
    for path in _modules():
        text = path.read_text(encoding="utf-8")
        name = path.relative_to(ROOT)
        if text.count("\n") > 250:
            too_long.append(f"{name}: {text.count(chr(10))} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno - node.lineno >= 60:
                too_long.append(f"{name}:{node.lineno} {node.name}(): {node.end_lineno - node.lineno + 1} lines")
    assert len(list(_modules())) > 150            # the walk does see the project
    assert not too_long, "\n".join(too_long)
