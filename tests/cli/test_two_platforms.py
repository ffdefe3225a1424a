"""A month answered on two platforms: 问卷星 and 腾讯问卷 each number their answers from 1, so their
downloads shared ids and the month stopped, every month, until HR edited a download (two field trials
did). 腾讯问卷's ids are read with a T before them (the platform's id_prefix in the shipped policy)."""
import duckdb

from conftest import HAND_SURVEYS
from downloads import HEADER, WORDS, tencent_rows, wjx_rows, write_tencent_csv, write_xlsx


def test_downloads_of_two_platforms_numbered_from_1_make_one_month(run_cli, make_inbox, tmp_path):
    inbox = make_inbox({})
    write_xlsx(inbox / "surveys" / "2026-09" / "283746519_2_天井湖社区网格员满意度测评_4_4.xlsx", HEADER,
               wjx_rows(HAND_SURVEYS[:4]))
    write_tencent_csv(inbox / "surveys" / "2026-09" / "天井湖社区网格员满意度测评_答卷数据.csv",
                      tencent_rows(HAND_SURVEYS[4:]), "utf-8-sig")
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox)
    assert code == 0, err
    with duckdb.connect(str(tmp_path / "warehouse.duckdb"), read_only=True) as con:
        ids = [r for (r,) in con.execute("select response_id from raw_surveys order by row_id").fetchall()]
    assert ids == ["1", "2", "3", "4", "T1", "T2", "T3", "T4"]


def test_one_form_per_community_gets_a_prefix_by_file_name(run_cli, make_inbox, make_policy, tmp_path):
    """A fifteenth trial's street office: one 问卷星 form per community, three downloads a month each
    numbered from 1, stopped every month until HR edited two of them."""
    inbox = make_inbox({})
    for community, rows in (("青山", HAND_SURVEYS[:4]), ("白云", HAND_SURVEYS[4:])):
        write_xlsx(inbox / "surveys" / "2026-09" / f"318852044_2_{community}社区满意度测评_4_4.xlsx", HEADER,
                   wjx_rows(rows))
    assert run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox)[0] == 1     # ids 1-4 twice
    policy = make_policy()
    policy.write_text(policy.read_text(encoding="utf-8") + '\n[survey.file_id_prefixes]\n"白云" = "B"\n',
                      encoding="utf-8")
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox, policy=policy)
    assert code == 0, err
    with duckdb.connect(str(tmp_path / "warehouse.duckdb"), read_only=True) as con:
        ids = {r for (r,) in con.execute("select response_id from raw_surveys").fetchall()}
    assert ids == {"1", "2", "3", "4", "B1", "B2", "B3", "B4"}


def test_a_download_whose_layout_finds_no_duration_is_said(run_cli, make_inbox, tmp_path):
    """A ninety-sixth trial's download headed 序号 and 提交时间 was read by the 金数据 layout, whose 填写时长 it
    lacked: its 答题时长 was read as nothing and a 22-second answer counted, exit 0, unsaid."""
    inbox = make_inbox({})
    header = ["答题时长" if h == "所用时间" else h for h in HEADER]      # the layout reads 所用时间
    write_xlsx(inbox / "surveys" / "2026-09" / "283746519_2_天井湖社区网格员满意度测评_8_8.xlsx", header,
               wjx_rows(HAND_SURVEYS))
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox)
    assert code == 0 and ("283746519_2_天井湖社区网格员满意度测评_8_8.xlsx: none of its 8 answers has a duration (read "
                          "as a 问卷星 download by its 序号 and 提交答卷时间 columns, without its 所用时间 column), so the "
                          "speeder rule judges none of them; its column '答题时长' is read as nothing: if it is the "
                          "time each answer took, name it in your policy's survey.platforms.\"问卷星\".duration (with "
                          "a new version), or download the form again as 问卷星 exports it") in err, err


def test_answers_keeping_their_option_letter_name_the_layout_that_read_the_file(run_cli, make_inbox, tmp_path):
    """Trial 96's lettered answers (A.非常满意) under a layout that strips none were told to get answer words."""
    inbox = make_inbox({})
    rows = [[f"{'ABCDE'[5 - int(v)]}.{w}" if i in range(10, 15) and (v := next(
        (k for k, word in WORDS.items() if word == w and k), None)) else w for i, w in enumerate(row)]
        for row in wjx_rows(HAND_SURVEYS)]
    write_xlsx(inbox / "surveys" / "2026-09" / "283746519_2_天井湖社区网格员满意度测评_8_8.xlsx", HEADER, rows)
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox)
    assert code == 1 and ("keeps its option's letter: surveys/2026-09/283746519_2_天井湖社区网格员满意度测评_8_8.xlsx was read as a "
                          "问卷星 download, whose layout strips no letter") in err, err
