"""A community with no answer in a month its neighbour answered stops it (policy 2027.1, gate.silent_communities):
a forty-sixth trial put 金桥社区's October download in November's folder; 金桥's seven grids were scored on
earlier months and published, exit 0 (210.90 yuan less to its workers)."""
from conftest import survey
from downloads import HEADER, wjx_rows, write_xlsx

from test_two_communities_one_name import _answers, _inbox, _responses


def test_a_community_without_answers_stops_the_month_naming_its_files(run_cli, tmp_path, make_policy):
    october = wjx_rows([survey(f"O{n}", "G1", f"{n}栋1单元101", ("5",) * 5, "2026-10-10 10:00:00") for n in range(6)])
    inbox = _inbox(tmp_path, {"天井湖社区网格员满意度测评_6_6.csv": _answers("T", "第一网格", "4")})
    # 五松's October download, put in September's folder in place of September's
    write_xlsx(inbox / "surveys" / "2026-09" / "283746519_2_五松社区网格员满意度测评_6_6.xlsx", HEADER,
               [row[:6] + ["第一网格"] + row[7:] for row in october])
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    line = err.strip().splitlines()[-1]
    assert code == 1 and "a community has no answer this month while the others have theirs" in line, err
    assert ("五松社区 (2 grids) has no answer this month; surveys/2026-09/283746519_2_五松社区网格员满意度测评_6_6.xlsx holds "
            "only 6 rows of 2026-10") in line
    assert "天井湖社区 (" not in line and not (tmp_path / "out" / "2026-09").exists()
    code, err = run_cli("run", "--month", "2026-09", "--accept-fewer-answers", inbox=inbox)
    assert code == 0, err
    assert "五松社区 (2 grids) has no answer this month" in err and "(--accept-fewer-answers)" in err
    assert _responses(tmp_path) == {"G1": "6", "G2": "0", "H1": "0", "H2": "0"}
    # trial 71's HR read "scored 12 grids" as twelve scores
    assert "scored 4 grids (all of them paid at the neutral coefficient: too few answers) and" in err


def test_a_policy_without_the_key_publishes_as_before(run_cli, tmp_path, make_policy):
    inbox = _inbox(tmp_path, {"天井湖社区网格员满意度测评_6_6.csv": _answers("T", "第一网格", "4")})
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=make_policy(gate__silent_communities='"unchecked"'))
    assert code == 0 and "no answer this month for" in err, err
