"""A Chinese scorecard shows every quarantine reason in Chinese, no English reason text."""
import subprocess




def test_the_chinese_scorecard_names_reasons_in_chinese(month):
    text = subprocess.run(["pdftotext", "-layout", str(month / "scorecard.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "同一户本月较早的答卷" in text and "的答案不在 1-5 之间" in text       # R4 and R8 of the hand month
    for english in ("invalid:", "excluded:", "is not", "Great Expectations", "duplicate_household", "floored"):
        assert english not in text, english
    with (month / "quarantine.csv").open(encoding="utf-8-sig") as handle:
        header = handle.readline()
    assert header.strip().endswith("reason,reason_code")
