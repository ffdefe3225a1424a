"""Which grids a corrected notice says changed (publishing/republication.py): given two runs' grid_scores rows ->
the grids named. Trial 82's named all five, one whose printed 89.91 had not moved (its stored 89.9112 had)."""
import duckdb

from gridpay.publishing.republication import _changes

ROWS = {  # grid: (adjusted score before, after), answers and rate the same
    "G1": ("81.9500", "82.3100"),       # the appeal's grid
    "G5": ("89.9112", "89.9088"),       # shrunk toward a moved mean: printed 89.91 both times
}


def _con():
    con = duckdb.connect()
    con.execute("create table payroll (run_id varchar, worker_id varchar, total_pay_yuan decimal(12,2))")
    con.execute("create table grid_scores (run_id varchar, grid_id varchar, grid_name varchar, "
                "adjusted_score decimal(9,4), responses integer, response_rate decimal(9,4))")
    for i, run in enumerate(("before", "after")):
        con.executemany("insert into grid_scores values (?, ?, ?, ?, 34, 0.4359)",
                        [(run, g, g + "网格", scores[i]) for g, scores in ROWS.items()])
    return con


def test_from_output_format_12_a_grid_is_named_where_its_printed_figures_changed():
    with _con() as con:
        assert _changes(con, "before", "after", 12)["grids_changed"] == ["G1网格"]


def test_a_month_of_output_format_11_names_them_as_published():
    with _con() as con:
        assert _changes(con, "before", "after", 11)["grids_changed"] == ["G1网格", "G5网格"]


def test_from_output_format_19_each_community_says_its_own_grids_and_workers():
    """Trial 121: after an appeal in 翠湖, 枫桥's notice named 翠湖's grids, its scorecard 翠湖's four workers."""
    from gridpay.publishing.republication import community_window
    with _con() as con:
        con.executemany("insert into payroll values (?, ?, ?)", [("before", "W1", 100), ("after", "W1", 101.5),
                                                                 ("before", "W2", 80), ("after", "W2", 80)])
        con.execute("create table runs as select unnest(['before', 'after']) as run_id, '[]' as inputs_json, "
                    "'0.2.0' as code_version")
        replaces = _changes(con, "before", "after", 19)
    assert replaces["grid_ids_changed"] == ["G1"] and replaces["totals_moved"] == {"W1": "1.50"}
    window = {"open": True, "published": {"date": "2026-12-05", "replaces": {"date": "2026-12-04", **replaces}}}
    own = community_window(window, {"G1"}, {"W1"})["published"]["replaces"]
    assert (own["grids_changed"], own["workers_moved"], own["pay_moved"]) == (["G1网格"], 1, "+1.50")
    other = community_window(window, {"G5"}, {"W2"})["published"]["replaces"]
    assert (other["grids_changed"], other["workers_moved"], other["pay_moved"]) == ([], 0, "+0.00")
    older = {"published": {"date": "2026-12-05", "replaces": {"grids_changed": ["G1网格"], "workers_moved": 1}}}
    assert community_window(older, {"G5"}, set()) is older                   # a month of format 18: as published


def test_a_notices_callbacks_are_its_own_grids_by_id_from_output_format_19():
    """Trial 121: both communities had a 第一网格; 翠湖's notice said 0 answers were on the callback list (5), 枫桥's 7."""
    from gridpay.publishing.notice import notice_pages
    grids = [{"grid_id": gid, "grid_name": "第一网格", "community": c, "adjusted_score": "80.00", "responses": 9,
              "response_rate_pct": "12.50%", "flags": ""} for gid, c in (("CH1", "翠湖社区"), ("FQ1", "枫桥社区"))]
    callbacks = [{"grid_id": "CH1", "grid_name": "第一网格"}] * 5 + [{"grid_id": "FQ1", "grid_name": "第一网格"}] * 2
    from gridpay.publishing.notice import NO_WINDOW
    run = {"month": "2026-11", "policy_version": "2027.15", "empty_month": False,
           "window": {**NO_WINDOW, "published": {"date": "2026-12-01", "replaces": None}}}
    pages = notice_pages(grids, callbacks, {**run, "output_format": 19}, "zh")
    assert "本月共有 5 份" in pages["翠湖社区"] and "本月共有 2 份" in pages["枫桥社区"]
    from gridpay.core.policy_file import load_policy
    from gridpay.core.settings import DEFAULT_POLICY
    told = notice_pages(grids, callbacks, {**run, "output_format": 19}, "zh", load_policy(DEFAULT_POLICY))["翠湖社区"]
    assert "答卷少的网格向本次一并考评的各社区平均水平适度靠拢" in told        # the prior is both communities' mean
    before = notice_pages(grids, callbacks, {**run, "output_format": 18}, "zh")        # as published then
    assert "本月共有 0 份" in before["翠湖社区"] and "本月共有 7 份" in before["枫桥社区"]


def test_from_output_format_20_the_grids_whose_answers_changed_are_told_apart_from_those_whose_score_moved():
    """Trial 133's corrected notice named all seven grids as changed for two grids' answers (an upheld appeal, a call):
    the other five had moved 0.01 to 0.08 with the community's mean."""
    from gridpay.publishing.notice import NO_WINDOW, notice_pages
    with _con() as con:
        con.execute("update grid_scores set responses = 33, adjusted_score = 83.3100 where run_id = 'after' and "
                    "grid_id = 'G1'")
        con.execute("update grid_scores set adjusted_score = 89.8700 where run_id = 'after' and grid_id = 'G5'")
        con.execute("create table runs as select unnest(['before', 'after']) as run_id, '[]' as inputs_json, "
                    "'0.2.0' as code_version")
        replaces = _changes(con, "before", "after", 20)
    assert (replaces["grids_changed"], replaces["grids_answered"]) == (["G1网格", "G5网格"], ["G1网格"])
    grids = [{"grid_id": g, "grid_name": g + "网格", "community": "翠湖社区", "adjusted_score": "80.00", "responses": 9,
              "response_rate_pct": "12.50%", "flags": ""} for g in ROWS]
    run = {"month": "2026-10", "policy_version": "2027.15", "empty_month": False, "output_format": 20,
           "window": {**NO_WINDOW, "published": {"date": "2026-12-05", "replaces": {"date": "2026-12-01", **replaces}}}}
    page = notice_pages(grids, [], run, "zh")["翠湖社区"]
    assert "与前次公示相比，G1网格的有效问卷数有变；G5网格的有效问卷数未变，得分略有变动。" in page
    assert "以下网格的数据有变" not in page
    told = notice_pages(grids, [], {**run, "output_format": 19}, "zh")["翠湖社区"]       # as published then
    assert "以下网格的数据有变：G1网格、G5网格" in told
