"""The console names invisible characters (a seventy-eighth trial read "did you mean 'QF1'" of 'QF1' and a zero-width
space, and a grid that looked exactly like QF1 was said to have no answers)."""
import logging

from gridpay.core.logs import CommandLog
from gridpay.transforms.folding import visible


def test_invisible_characters_are_named_and_line_ends_kept(tmp_path, capsys):
    assert visible("QF1\u200b 青石巷\u200f", keep="\n") == "QF1<U+200B> 青石巷<U+200F>"
    assert visible("a\nb", keep="\n") == "a\nb" and visible("满意\n") == "满意<U+000A>"
    assert visible("王\u3000伟 陈\u00a0主任") == "王\u3000伟 陈\u00a0主任"          # a space of any width is seen
    logs = CommandLog(tmp_path / "run.log")
    try:
        logging.getLogger("gridpay").warning("no answer this month for %s", "QF1\u200b")
    finally:
        logs.close()
    assert capsys.readouterr().err == "gridpay: no answer this month for QF1<U+200B>\n"
    assert "QF1\u200b" in (tmp_path / "run.log").read_text(encoding="utf-8")     # the log keeps the value as it was
