"""What a worker's sheet says an appeal changed (publishing/review_data.appeal_rows): a sixty-ninth trial's sheet
said 待复核：暂照常计分 of an answer a verification call had already taken out of the pay."""
import duckdb

from gridpay.publishing.review_data import appeal_rows
from gridpay.store.warehouse import migrate
from gridpay.transforms.privacy import register_masking
from gridpay.transforms.review_rules import register_review_rules


def _month(output_format: int) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    migrate(con)
    register_masking(con)
    register_review_rules(con)
    con.execute("insert into runs (run_id, month, started_at, status, output_format) values ('r', '2026-10', now(), 'published', ?)",
                [output_format])
    con.execute("insert into raw_surveys (run_id, row_id, response_id, grid_id) values "
                "('r', 1, '160', 'G1'), ('r', 2, '161', 'G1'), ('r', 3, '162', 'G1')")
    con.execute("insert into counted_responses (run_id, month, row_id, grid_id) values ('r', '2026-10', 2, 'G1')")
    con.execute("insert into raw_appeals (run_id, appeal_id, month, worker_id, response_id, decision) values "
                "('r', 'A1', '2026-10', 'W7', '160', 'pending'), ('r', 'A2', '2026-10', 'W7', '161', 'pending'), "
                "('r', 'A3', '2026-10', 'W7', '162', 'rejected')")
    return con


def test_a_pending_or_rejected_appeal_on_an_answer_that_did_not_count_says_so():
    with _month(9) as con:           # 160 and 162 taken out (a call said 未参与), 161 counted
        assert {a["appeal_id"]: a["effect"] for a in appeal_rows(con, "r", "2026-10")} == {
            "A1": "not_counted", "A2": "pending", "A3": "not_counted"}


def test_a_month_published_before_output_format_9_renders_as_it_did():
    with _month(8) as con:
        assert {a["appeal_id"]: a["effect"] for a in appeal_rows(con, "r", "2026-10")} == {
            "A1": "pending", "A2": "pending", "A3": "rejected"}


def test_an_upheld_wrong_grid_appeal_naming_the_residents_grid_says_where_the_answer_counts():
    """Trials 199 and 201: the answer counts in the grid its resident lives in; the sheet says which, not 'did not
    count anyway' (it is in no quarantine)."""
    with _month(26) as con:
        con.execute("insert into grid_scores (run_id, grid_id, grid_name) values ('r', 'G8', '银杏八网格'), ('r', 'G1', '银杏一网格')")
        con.execute("insert into raw_appeals (run_id, appeal_id, month, worker_id, response_id, category, decision, "
                    "resident_grid) values ('r', 'A4', '2026-10', 'W9', '161', 'wrong_grid', 'upheld', 'G8')")
        moved = next(a for a in appeal_rows(con, "r", "2026-10") if a["appeal_id"] == "A4")
        assert (moved["effect"], moved["resident_grid"], moved["grid_id"]) == ("moved", "银杏八网格 (G8)", "G1")
        assert moved["displaced"] is None
        # an earlier answer of its home in G8, set aside by it: named, for G8's sheet to say why it no longer counts
        # (trial 207's W01 lost 60.30 to a moved answer, her sheet saying only that it came)
        con.execute("update raw_appeals set resident_household = '8栋1单元301' where appeal_id = 'A4'")
        con.execute("insert into raw_surveys (run_id, row_id, response_id, grid_id, household_id, source_file, "
                    "row_number) values ('r', 9, '130', 'G8', '8栋1单元301', 'f.xlsx', 9), "
                    "('r', 10, '131', 'G1', '8栋1单元301', 'f.xlsx', 10)")       # another grid's home of that door
        con.execute("insert into quarantine (run_id, source_file, row_number, reason_code) values "
                    "('r', 'f.xlsx', 9, 'duplicate_household'), ('r', 'f.xlsx', 10, 'duplicate_household')")
        assert next(a for a in appeal_rows(con, "r", "2026-10") if a["appeal_id"] == "A4")["displaced"] == "130"
        # a door of no compound is a home of its new grid as typed (resident_household blank): trial 207's re-check
        con.execute("update raw_appeals set resident_household = null where appeal_id = 'A4'")
        con.execute("update raw_surveys set household_id = '8栋1单元301' where response_id = '161'")
        assert next(a for a in appeal_rows(con, "r", "2026-10") if a["appeal_id"] == "A4")["displaced"] == "130"
        # set aside in its new grid (an older answer of a home there): said so, not "counts" (trial 199's re-check)
        con.execute("update raw_surveys set source_file = 'f.xlsx', row_number = 3 where response_id = '161'")
        con.execute("insert into quarantine (run_id, source_file, row_number, reason_code) values "
                    "('r', 'f.xlsx', 3, 'duplicate_household')")
        moved = next(a for a in appeal_rows(con, "r", "2026-10") if a["appeal_id"] == "A4")
        assert moved["effect"] == "moved_not_counted"


def test_the_notice_says_an_upheld_wrong_grid_appeal_may_count_an_answer_elsewhere_where_one_did():
    """Trial 199's re-check: the notice said upheld appeals' answers are not counted, of answers counted in G08."""
    from gridpay.core.policy_file import load_policy
    from gridpay.core.settings import DEFAULT_POLICY
    from gridpay.publishing.notice import not_counted_rules
    from gridpay.reports.strings import labels
    policy = load_policy(DEFAULT_POLICY)
    assert not_counted_rules(policy, labels("zh")).endswith("；申诉经复核成立的。")
    assert not_counted_rules(policy, labels("zh"), moved=True).endswith(
        "；申诉经复核成立的（非本网格的申诉注明居民所在网格的，改计入该网格）。")
