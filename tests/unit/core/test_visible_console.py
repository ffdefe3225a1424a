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


def test_a_stop_s_line_is_kept_in_the_command_s_log_where_it_wrote_one(tmp_path):
    """Trial 222: the stop listing the grid names to alias was on the terminal only; the log ended before it. A command
    that logged nothing leaves no log for it (a mistyped command in a folder of no project makes no gridpay-logs/)."""
    logs = CommandLog(tmp_path / "logs" / "run.log")
    try:
        logs.keep("validation gate failed: '十网格' on 1 row")
        assert not (tmp_path / "logs").exists()
        logging.getLogger("gridpay").info("validated 212 survey rows")
        logs.keep("validation gate failed: '十网格' on 1 row")
    finally:
        logs.close()
    lines = (tmp_path / "logs" / "run.log").read_text(encoding="utf-8").splitlines()
    assert lines[0].endswith("validated 212 survey rows") and lines[1].endswith("validation gate failed: '十网格' on 1 row")
    assert len(lines) == 2
