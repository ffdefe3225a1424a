"""Published CSVs are safe to open in Excel: text that would run as a formula is defused."""
from gridpay.publishing.outputs import csv_bytes, excel_safe


def test_formula_like_text_gets_an_apostrophe_but_amounts_do_not():
    assert excel_safe('=HYPERLINK("http://x","点我")') == '\'=HYPERLINK("http://x","点我")'
    assert [excel_safe(v) for v in ("+86 139", "@SUM(A1)", "-", "-20.50", "1161.10", "王伟", 7)] == \
        ["'+86 139", "'@SUM(A1)", "'-", "-20.50", "1161.10", "王伟", 7]


def test_csv_is_utf8_with_bom_and_fixed_columns():
    data = csv_bytes([{"b": "=1+1", "a": "一", "extra": "x"}], ("a", "b"))
    assert data == "\ufeffa,b\n一,'=1+1\n".encode("utf-8")
