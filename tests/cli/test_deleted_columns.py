"""A download whose phone column was deleted before it reached the inbox stops the month (trial 214: two
self-ratings counted, +37.08, exit 0, and the warning said the form did not ask the phone)."""
from conftest import HAND_SURVEYS
from downloads import HEADER, wjx_rows, write_xlsx

DOWNLOAD = "283746519_2_天井湖社区网格员满意度测评"
SEPTEMBER = [r[:4] + (f"2026-09-{10 + i} 10:00:00",) + r[5:] for i, r in enumerate(HAND_SURVEYS)]


def _without(column: str) -> tuple[list[str], list[list]]:
    at = HEADER.index(column)
    return HEADER[:at] + HEADER[at + 1:], [r[:at] + r[at + 1:] for r in wjx_rows(SEPTEMBER)]


def test_a_download_without_its_phone_column_stops_the_month(run_cli, make_inbox, make_policy, tmp_path):
    inbox, policy = make_inbox({}), make_policy(min_responses=1)
    path = inbox / "surveys" / "2026-09" / f"{DOWNLOAD}_8_8.xlsx"
    write_xlsx(path, *_without("4、您的手机号码"))
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox, policy=policy)
    line = err.strip().splitlines()[-1]
    assert code == 1 and not (tmp_path / "out" / "2026-09").exists(), err
    assert ("a platform download gives no phone and a question's column was taken out of it (the platform numbers "
            "every question)") in line, line
    assert f"surveys/2026-09/{DOWNLOAD}_8_8.xlsx (8 answers; its numbered questions skip 4)" in line
    assert "ask the phone on the form" not in err                   # the form is not to blame (trial 214's re-check)
    # another column taken out, the phones there: read as before (the age asks nothing a rule needs)
    write_xlsx(path, *_without("3、您的年龄段"))
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox, policy=policy)
    assert code == 0, err
