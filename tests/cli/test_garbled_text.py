"""Rows of a survey file whose grid is text a wrong encoding garbled (trial 150: UTF-8 rows in a GBK file read
'缈犵?瑰洯缃戞牸' for a grid's name: four all-5 forms counted for no grid, exit 0) stop the month naming file, row,
column, value and what it reads as."""
from conftest import SURVEY_HEADER, survey
from gridpay.transforms.folding import utf8_misread


def test_a_garbled_text_is_told_from_chinese_as_typed():
    assert utf8_misread("天桥新村一网格".encode("utf-8").decode("gbk", "replace")) == "天桥新村?网格"   # 一 lost
    assert utf8_misread("缈犵?瑰洯缃戞牸") == "翠?园网格"
    for typed in ("天桥新村一网格", "井湖村二网格", "胡喆雪", "长江西路四网格", "翠竹园", "3栋2单元401", "G1"):
        assert utf8_misread(typed) is None, typed


def test_a_paper_sheet_with_rows_of_another_encoding_stops_the_month(run_cli, make_inbox):
    inbox = make_inbox({})
    lines = [",".join(SURVEY_HEADER)] + [",".join(survey(f"P{i}", "井湖村二网格", f"1栋1单元10{i}", ("4",) * 5))
                                         for i in range(1, 7)]
    pasted = [",".join(survey(f"P{i}", "天桥新村一网格", f"2栋1单元10{i}", ("5",) * 5)).encode("utf-8").decode(
        "gbk", "replace") for i in range(7, 10)]
    path = inbox / "surveys" / "2026-09" / "纸质补录.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(("\r\n".join(lines + pasted) + "\r\n").encode("gbk", "replace"))
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 1, err
    line = err.strip().splitlines()[-1]
    assert line.startswith("gridpay: validation gate failed: surveys/2026-09/纸质补录.csv row 8, column grid_id: '") and \
        "' is text garbled by a wrong encoding (its bytes read as UTF-8 say '天桥新村?网格'), 3 rows of the file so" in line, line
